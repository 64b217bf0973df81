"""Previous and next story agree with the index's order, ties included, in two queries."""

import datetime

import pytest

from django.utils import timezone

from stories import selectors
from stories.models import StoryPage
from stories.tests.factories import StoryPageFactory


@pytest.fixture
def tied_stories(story_index, karosta, publish):
    """Featured and plain stories, several published at the very same moment and some with
    the same title, so only the full order (featured, time, title, id) separates them."""
    moment = timezone.now().replace(microsecond=0)
    plan = [(False, 0, "B"), (True, 0, "A"), (False, 0, "A"), (False, 1, "A"), (True, 2, "C")]
    plan += [(False, 0, "A"), (False, 1, "C")]
    for featured, hours_ago, title in plan:
        story = publish(StoryPageFactory(parent=story_index, district=karosta, featured=featured))
        StoryPage.objects.filter(pk=story.pk).update(
            title=title, first_published_at=moment - datetime.timedelta(hours=hours_ago)
        )
    return list(selectors.stories_for_index(story_index))


@pytest.mark.django_db
def test_walking_next_and_previous_visits_the_index_order(tied_stories, django_assert_num_queries):
    assert len(tied_stories) == 7
    for position, story in enumerate(tied_stories):
        with django_assert_num_queries(2):
            previous, following = selectors.neighbour_stories(story)
        expected_previous = tied_stories[position - 1] if position else None
        expected_next = tied_stories[position + 1] if position + 1 < len(tied_stories) else None
        assert (previous and previous.pk, following and following.pk) == (
            expected_previous and expected_previous.pk,
            expected_next and expected_next.pk,
        )


@pytest.mark.django_db
def test_a_draft_story_has_no_neighbours(story_index, karosta, tied_stories):
    draft = StoryPageFactory(parent=story_index, district=karosta, live=False)
    assert selectors.neighbour_stories(draft) == (None, None)
