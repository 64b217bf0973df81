"""Story filters with values no filter expects get a clear 400 in Latvian, never a 500."""

import pytest

from stories.tests.factories import StoryPageFactory


@pytest.fixture
def ilze(story_index, publish):
    return publish(StoryPageFactory(parent=story_index, display_name="Ilze"))


@pytest.mark.django_db
@pytest.mark.parametrize(
    "params", [{"tema": "\x00"}, {"rajons": "\x00"}, {"tema": "<b>"}, {"rajons": "a b"}]
)
def test_story_filters_with_bad_values_are_refused_with_a_message(
    client, story_index, ilze, params
):
    response = client.get(story_index.url, params)
    assert response.status_code == 400
    html = response.content.decode()
    assert 'role="alert"' in html and "Ilze" in html  # every story is still listed
    # A refused filter is never kept by the page cache for the next visitor.
    assert client.get(story_index.url, params).status_code == 400


@pytest.mark.django_db
def test_story_filters_accept_latvian_slugs(client, story_index, ilze):
    response = client.get(story_index.url, {"tema": "skolas-ēkas"})
    assert response.status_code == 200 and 'role="alert"' not in response.content.decode()
