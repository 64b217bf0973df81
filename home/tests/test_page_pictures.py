"""The home page's hero picture, chosen in the campaign settings, is drawn in its sizes by the
task worker when the settings are saved, so no resident's request draws it
(`base/page_pictures.py`)."""

import pytest
import wagtail_factories

from wagtail.images import get_image_model

from base.models import SiteSettings
from base.tests.tasks import run_worker


@pytest.fixture(autouse=True)
def media_of_this_test(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def sizes_of(image):
    rendition = get_image_model().get_rendition_model()
    return set(rendition.objects.filter(image=image).values_list("filter_spec", flat=True))


@pytest.mark.django_db(transaction=True)
def test_a_new_hero_picture_is_drawn_by_the_worker_not_by_the_first_visitor(
    queued_tasks, client, home_page
):
    run_worker()
    hero = wagtail_factories.ImageFactory(title="Bāka")
    settings = SiteSettings.for_site(home_page.get_site())
    settings.hero_image = hero
    settings.save()
    assert sizes_of(hero) == set()

    run_worker()

    drawn = sizes_of(hero)
    assert len(drawn) == 3, drawn  # the hero's three widths
    for address in ("/", "/en/"):
        assert client.get(address).status_code == 200
    assert sizes_of(hero) == drawn
