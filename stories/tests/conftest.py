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
