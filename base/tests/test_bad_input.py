"""Typed addresses with bytes no page expects get a clear 400 in Latvian, never a 500."""

import pytest

from stories.tests.factories import StoryIndexPageFactory, StoryPageFactory

NUL_ERROR = "Nulles rakstzīmes nav atļautas."


@pytest.fixture
def story_index(home_page):
    index = StoryIndexPageFactory(parent=home_page)
    index.save_revision().publish()
    story = StoryPageFactory(parent=index, display_name="Ilze")
    story.save_revision().publish()
    return index


@pytest.mark.django_db
@pytest.mark.parametrize("query", ["\x00", "balsot\x00", "\x00" * 5])
def test_search_with_a_nul_byte_is_refused_with_a_message(client, home_page, query):
    response = client.get("/meklet/", {"q": query})
    assert response.status_code == 400
    html = response.content.decode()
    assert NUL_ERROR in html and 'role="alert"' in html
    assert "\x00" not in html
    if query.startswith("balsot"):
        assert 'value="balsot"' in html  # the words typed stay in the box


@pytest.mark.django_db
def test_search_still_finds_pages(client, story_index):
    response = client.get("/meklet/", {"q": "Ilze"})
    assert response.status_code == 200 and "Ilze" in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "params", [{"tema": "\x00"}, {"rajons": "\x00"}, {"tema": "<b>"}, {"rajons": "a b"}]
)
def test_story_filters_with_bad_values_are_refused_with_a_message(client, story_index, params):
    response = client.get(story_index.url, params)
    assert response.status_code == 400
    html = response.content.decode()
    assert 'role="alert"' in html and "Ilze" in html  # every story is still listed
    # A refused filter is never kept by the page cache for the next visitor.
    assert client.get(story_index.url, params).status_code == 400


@pytest.mark.django_db
def test_story_filters_accept_latvian_slugs(client, story_index):
    response = client.get(story_index.url, {"tema": "skolas-ēkas"})
    assert response.status_code == 200 and 'role="alert"' not in response.content.decode()
