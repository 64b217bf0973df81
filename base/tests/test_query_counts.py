"""The layout reads its menu, languages and home link once per request: pinned counts."""

import pytest

from base.models import ContentPage
from base.tests.queries import assert_query_count


@pytest.mark.django_db
def test_home_page_queries_are_pinned_and_none_repeats(client, home_page):
    assert_query_count(client, "/", 13)


@pytest.mark.django_db
def test_plainest_page_queries_are_pinned_and_none_repeats(client, home_page):
    page = home_page.add_child(
        instance=ContentPage(title="Par", slug="par", body=[("text", "<p>Sveiki</p>")])
    )
    page.save_revision().publish()
    assert_query_count(client, "/par/", 11)


@pytest.mark.django_db
def test_english_home_page_queries_are_pinned_and_none_repeats(client, home_page):
    # 14 before the demo gave its content pages English translations (measured by leaving
    # them out); the extra read is the home page's story-teaser query, not the layout's.
    assert_query_count(client, "/en/", 15)
