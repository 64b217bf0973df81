"""The published results page, rendered from nothing cached: pinned query count, none
repeated."""

import pytest

from django.core.cache import cache

from base.tests.queries import assert_query_count
from results.tests.test_views import election_with_votes, publish, results_page

__all__ = ["election_with_votes", "results_page"]  # fixtures shared with test_views


@pytest.mark.django_db
@pytest.mark.xfail(
    strict=True,
    reason=(
        "Not yet: the uncached results page asks again for the results status (5×, "
        "results_version and build_public_results), the age bands (participation and "
        "election_results), each station's questions and tallies (voting.station_digests, "
        "once per station) and the share/brand images (seo_meta and brand_mark)."
    ),
)
def test_results_page_queries_are_pinned_and_none_repeats(
    client, results_page, election_with_votes
):
    publish(election_with_votes)
    # The results cache and the audit's cache are emptied too: every figure is counted again.
    assert_query_count(client, results_page.url, 30, forget=cache.clear)
