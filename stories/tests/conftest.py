import pytest

from base.tests.factories import DistrictFactory
from stories.tests.factories import StoryIndexPageFactory


@pytest.fixture
def story_index(home_page):
    index = StoryIndexPageFactory(parent=home_page)
    index.save_revision().publish()
    return index


@pytest.fixture
def karosta():
    return DistrictFactory(name="Karosta", slug="karosta")


@pytest.fixture
def tosmare():
    return DistrictFactory(name="Tosmare", slug="tosmare")


@pytest.fixture
def publish():
    def publish_story(story):
        story.save_revision().publish()
        story.refresh_from_db()
        return story

    return publish_story


@pytest.fixture
def assert_accessible_all_rules(axe):
    """Run every axe-core rule, best practices included (not only the WCAG-tagged ones the
    shared `assert_accessible` runs); fail listing each violation."""

    def check(page):
        violations = axe.run(page).response["violations"]
        details = [
            f"{violation['id']}: {violation['help']} -> "
            + "; ".join(node["target"][0] if node["target"] else "?" for node in violation["nodes"])
            for violation in violations
        ]
        assert not violations, f"axe found on {page.url}:\n" + "\n".join(details)

    return check
