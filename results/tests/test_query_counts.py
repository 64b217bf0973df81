"""The published results page, rendered from nothing cached: pinned query count, none
repeated."""

import pytest

from django.core.cache import cache

from base.tests.queries import assert_query_count
from results.tests.factories import build_election, cast, paper
from results.tests.test_views import election_with_votes, publish, results_page
from voting.selectors import station_digests, station_tally_digest

__all__ = ["election_with_votes", "results_page"]  # fixtures shared with test_views


@pytest.mark.django_db
def test_results_page_queries_are_pinned_and_none_repeats(
    client, results_page, election_with_votes
):
    publish(election_with_votes)
    # The results cache and the audit's cache are emptied too: every figure is counted again.
    # The page's election and every public one come with their results status in one query.
    assert_query_count(client, results_page.url, 30, forget=cache.clear)


@pytest.mark.django_db
def test_not_yet_public_results_page_queries_are_pinned_and_none_repeats(
    client, results_page, election_with_votes
):
    # Not among the public elections, the page's election is read on its own (with its
    # results status); nothing of the count is read.
    assert_query_count(client, results_page.url, 18, forget=cache.clear)


@pytest.mark.django_db
def test_station_digests_read_the_whole_election_at_once_and_match_each_station(
    django_assert_num_queries,
):
    election, (north, south, east), (young, old), question, (a, b) = build_election(
        districts=3, published=True
    )
    cast(north, young, question, a, 4)
    cast(south, old, question, b, 7)
    cast(south, young, question, None, 2)
    paper(south, question, a, 3)
    paper(east, question, None, 1)
    each = {station.pk: station_tally_digest(station) for station in (north, south, east)}
    # The stations, tablet answers, paper tallies, questions and their options: not per station.
    with django_assert_num_queries(5):
        digests = station_digests(election)
    assert {digest.station_id: digest.digest for digest in digests} == each
    assert len(set(each.values())) == 3
