"""The picture sizes a published story shows (its portrait on its page, its card on the index
and the home page) are drawn by the task worker, so a resident's request draws none
(`base/page_pictures.py`)."""

import pytest

from wagtail.images import get_image_model

from base.tests.tasks import run_worker
from stories.tests.factories import PortraitFactory, StoryPageFactory


@pytest.fixture(autouse=True)
def media_of_this_test(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def drawn_sizes():
    rendition = get_image_model().get_rendition_model()
    return set(rendition.objects.values_list("image_id", "filter_spec"))


@pytest.mark.django_db(transaction=True)
def test_publishing_a_story_draws_its_picture_sizes_in_the_worker_not_in_a_request(
    queued_tasks, client, home_page, story_index, karosta, publish
):
    run_worker()  # the home page's and the index's own
    story = publish(
        StoryPageFactory(
            parent=story_index, district=karosta, live=False, portrait=PortraitFactory()
        )
    )
    assert not any(image_id == story.portrait_id for image_id, _spec in drawn_sizes())

    run_worker()

    drawn = drawn_sizes()
    portrait_sizes = {spec for image_id, spec in drawn if image_id == story.portrait_id}
    # Four sizes of the portrait on its page, three of its card on the index.
    assert len(portrait_sizes) == 4 + 3, portrait_sizes
    for address in (story.url, story_index.url, home_page.url):
        assert client.get(address).status_code == 200
    assert drawn_sizes() == drawn


@pytest.mark.django_db(transaction=True)
def test_a_story_withdrawn_before_the_worker_came_draws_nothing(
    queued_tasks, story_index, karosta, publish
):
    story = publish(
        StoryPageFactory(
            parent=story_index, district=karosta, live=False, portrait=PortraitFactory()
        )
    )
    story.unpublish()
    run_worker()
    assert not any(image_id == story.portrait_id for image_id, _spec in drawn_sizes())
