"""The layout reads its menu, languages and home link once per request: pinned counts."""

import pytest
import wagtail_factories

from base.models import ContentPage, SiteSettings
from base.tests.queries import assert_query_count


@pytest.mark.django_db
def test_home_page_queries_are_pinned_and_none_repeats(client, home_page):
    assert_query_count(client, "/", 16)


@pytest.mark.django_db
def test_plainest_page_queries_are_pinned_and_none_repeats(client, home_page):
    page = home_page.add_child(
        instance=ContentPage(title="Par", slug="par", body=[("text", "<p>Sveiki</p>")])
    )
    page.save_revision().publish()
    assert_query_count(client, "/par/", 11)


@pytest.mark.django_db
def test_logo_and_share_image_come_with_the_campaign_settings(client, home_page):
    # One picture as both: the header's logo and the head tags' share image each ask for it.
    settings = SiteSettings.for_site(home_page.get_site())
    settings.logo = settings.default_share_image = wagtail_factories.ImageFactory()
    settings.save()
    page = home_page.add_child(
        instance=ContentPage(title="Par", slug="par", body=[("text", "<p>Sveiki</p>")])
    )
    page.save_revision().publish()
    # As many as the plainest page without them: the picture comes with the settings (its
    # renditions from Wagtail's cache, which this page's cache generation does not empty).
    assert_query_count(client, "/par/", 11)


@pytest.mark.django_db
def test_english_home_page_queries_are_pinned_and_none_repeats(client, home_page):
    assert_query_count(client, "/en/", 18)


@pytest.mark.django_db
@pytest.mark.parametrize("url, expected", [("/ka-balsot/", 13), ("/en/how-to-vote/", 14)])
def test_how_to_vote_page_queries_are_pinned_and_none_repeats(client, home_page, url, expected):
    assert_query_count(client, url, expected)
