import datetime

import pytest

from django.utils import timezone

from mock_elections.models import Election
from results import selectors
from results.services import mark_results
from results.tests.attacker import narrowed
from results.tests.factories import (
    AdultElectionFactory,
    PrecinctFactory,
    build_election,
    cast,
    cast_votes,
    paper,
)

pytestmark = pytest.mark.django_db
HOUR = datetime.timedelta(hours=1)


@pytest.fixture
def counted():
    """Two districts, two age bands, one question with options A and B; tablet and paper."""
    election, stations, bands, question, (a, b) = build_election(published=True)
    north, south = stations
    young, old = bands
    cast(north, young, question, a, 20)
    cast(north, old, question, b, 12, hour=election.voting_opens_at + 2 * HOUR)
    cast(south, old, question, a, 15)
    cast(south, young, question, None, 6)  # abstained
    paper(south, question, a, 7)
    paper(south, question, b, 3)
    paper(south, question, None, 0)
    return election, stations, bands, question, (a, b)


def test_participation_counts_tablet_votes_and_paper_ballots_per_station_district_band_hour(
    counted,
):
    election, (north, south), (young, old), *_ = counted
    figures = selectors.participation(election)
    by_station = {row["id"]: row for row in figures["stations"]}
    assert (by_station[north.pk]["tablet"], by_station[north.pk]["paper"]) == (32, 0)
    assert (by_station[south.pk]["tablet"], by_station[south.pk]["paper"]) == (21, 10)
    assert [d["total"] for d in figures["districts"]] == [32, 31]
    assert {b["id"]: b["votes"] for b in figures["age_bands"]} == {young.pk: 26, old.pk: 27}
    assert [(h["hour"], h["votes"]) for h in figures["hours"]] == [("10:00", 41), ("12:00", 12)]
    assert (figures["tablet"], figures["paper"], figures["total"]) == (53, 10, 63)


def test_results_add_tablet_and_paper_votes_and_keep_abstentions_apart(counted):
    election, (north, south), (young, old), question, (a, b) = counted
    results = selectors.election_results(election).questions[0]
    assert results.by_district.votes(a.pk, north.district_id) == 20
    assert results.by_district.votes(a.pk, south.district_id) == 15 + 7
    assert results.by_district.votes("abstain", south.district_id) == 6
    # Paper ballots carry no age band: they stay out of the age-band counts.
    assert results.by_age_band.votes(a.pk, old.pk) == 15
    assert results.paper == {a.pk: 7, b.pk: 3, "abstain": 0}


def test_public_results_hide_small_counts_and_what_reveals_them(counted):
    election, (north, south), (young, old), question, (a, b) = counted
    data = selectors.build_public_results(selectors.publication_of(election))
    q = data.questions[0]
    options = {option.id: option for option in q.options}
    assert options[a.pk].votes == 42
    districts = q.by_district
    row_b = next(row for row in districts.rows if row.key == b.pk)
    # B in the south: 3 paper votes, hidden; B's north cell (12) must be hidden too, or
    # B's total would give the 3 away.
    assert row_b.cells == (None, None)
    for row in districts.rows:
        assert sum(cell is None for cell in row.cells) != 1
    by_band = q.by_age_band
    paper_column = [row.cells[-1] for row in by_band.rows]
    assert paper_column.count(None) != 1


def test_no_attacker_can_narrow_a_hidden_figure_of_everything_an_election_publishes(counted):
    election, *_ = counted
    counts, sums = selectors.election_figures(
        selectors.participation(election), selectors.election_results(election)
    )
    hidden = selectors.hidden_figures(selectors.publication_of(election), counts, sums, 5)
    assert any(0 < counts[key] < 5 for key in hidden)
    assert narrowed(counts, sums, hidden, 5) == {}
    # The page, the files and the exports all read these figures: hidden means None there.
    data = selectors.build_public_results(selectors.publication_of(election))
    question = data.questions[0]
    for row in question.by_district.rows:
        for column, cell in zip(question.by_district.columns, row.cells, strict=True):
            figure = selectors.Figure("by district", row.key, column.id, question.id)
            assert (cell is None) == (figure in hidden)
            assert cell is None or cell == counts[figure]


def test_same_counts_visible_when_threshold_lowered(counted, settings):
    settings.RESULTS_SMALL_COUNT_THRESHOLD = 1
    election, *_ = counted
    q = selectors.build_public_results(selectors.publication_of(election)).questions[0]
    assert all(None not in row.cells for row in q.by_district.rows)


def test_results_are_public_only_when_published_released_and_not_a_rehearsal():
    now = timezone.now()
    election, *_ = build_election(status=Election.Status.CLOSED, results_release_at=now - HOUR)
    assert not selectors.is_public(election, now)
    election.status = Election.Status.RESULTS_PUBLISHED
    assert selectors.is_public(election, now)
    election.results_release_at = now + HOUR
    assert not selectors.is_public(election, now)
    assert selectors.is_public(election, now + 2 * HOUR)
    election.is_rehearsal = True
    assert not selectors.is_public(election, now + 2 * HOUR)


def test_public_results_are_cached_and_the_key_follows_the_label(
    counted, django_assert_num_queries
):
    election, *_ = counted
    first = selectors.public_results(selectors.publication_of(election))
    with django_assert_num_queries(1):  # the results status only
        assert selectors.public_results(selectors.publication_of(election)) == first
    mark_results(election, is_final=True)
    assert selectors.public_results(selectors.publication_of(election)).election.is_final is True


def test_not_yet_is_cached_at_most_a_minute_and_never_past_release():
    now = timezone.now()
    election, *_ = build_election(results_release_at=now + datetime.timedelta(seconds=20))
    assert selectors.not_yet_cache_seconds(election, now) == 20
    election.results_release_at = now + 5 * HOUR
    assert selectors.not_yet_cache_seconds(election, now) == 60
    election.results_release_at = now - HOUR
    assert selectors.not_yet_cache_seconds(election, now) == 1


def test_counter_only_while_voting_if_switched_on_and_never_for_rehearsal():
    election, stations, bands, question, options = build_election(
        status=Election.Status.OPEN, show_public_counter=True
    )
    assert selectors.shows_public_counter(election)
    election.is_rehearsal = True
    assert not selectors.shows_public_counter(election)
    election.is_rehearsal, election.show_public_counter = False, False
    assert not selectors.shows_public_counter(election)


def test_turnout_comparison_per_precinct_and_against_the_goal():
    before, after = AdultElectionFactory(), AdultElectionFactory(is_campaign_election=True)
    PrecinctFactory(
        adult_election=before, precinct_number="701", registered_voters=1000, votes_cast=200
    )
    PrecinctFactory(
        adult_election=before, precinct_number="702", registered_voters=1000, votes_cast=300
    )
    PrecinctFactory(
        adult_election=after,
        precinct_number="701",
        registered_voters=1000,
        votes_cast=400,
        is_specially_designed=True,
    )
    PrecinctFactory(
        adult_election=after, precinct_number="702", registered_voters=1000, votes_cast=390
    )
    election, stations, *_ = build_election(published=True, districts=1)
    stations[0].adult_precinct_number = "702"
    stations[0].save()
    cast_votes(stations[0], election.age_bands.first(), [{}] * 9)

    comparison = selectors.turnout_comparison(before, after, election)
    assert (comparison["baseline_city"], comparison["campaign_city"]) == (25.0, 39.5)
    assert comparison["goal"] == 35.0 and comparison["goal_met"]
    first, second = comparison["rows"]
    assert (first["change_points"], first["voters_ratio"], first["is_specially_designed"]) == (
        20.0,
        2.0,
        True,
    )
    assert (second["children_station"], second["children_votes"]) == (stations[0].name, 9)
