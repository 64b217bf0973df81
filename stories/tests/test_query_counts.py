"""Story pages and the story index: pinned query counts, none repeated."""

import pytest

from base.tests.queries import assert_query_count
from stories.tests.factories import PortraitFactory, StoryPageFactory


@pytest.fixture
def stories(story_index, karosta, tosmare, publish):
    made = []
    for number in range(6):
        story = StoryPageFactory(
            parent=story_index,
            district=karosta if number % 2 else tosmare,
            portrait=PortraitFactory(),
            featured=number == 2,
            body=[("text", "<p>Kāpēc es balsoju.</p>")],
        )
        story.tags.add("skolas", "ielas")
        made.append(publish(story))
    return made


@pytest.mark.django_db
def test_story_page_queries_are_pinned_and_none_repeats(client, stories):
    assert_query_count(client, stories[3].url, 19)


@pytest.mark.django_db
@pytest.mark.parametrize("filters", ["", "?tema=skolas", "?rajons=karosta&lapa=2"])
def test_story_index_queries_are_pinned_and_none_repeats(client, story_index, stories, filters):
    assert_query_count(client, story_index.url + filters, 15)
