"""Children beside adults (M26): the precinct and group figures, and an attacker who adds
them to everything an election publishes."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from results import selectors
from results.selectors import Figure, election_figures
from results.selectors.beside_adults import (
    DESIGNED,
    WITH_STATION,
    WITHOUT_STATION,
    per_hundred,
    summed,
)
from results.suppression import audited_suppression
from results.tests.attacker import narrowed
from results.tests.factories import (
    AdultElectionFactory,
    PrecinctFactory,
    build_election,
    cast_votes,
)
from results.tests.test_published_figures import THRESHOLD, small_elections


def test_a_sum_with_a_hidden_part_is_hidden_and_per_hundred_follows_it():
    assert summed([3, 4]) == 7 and summed([]) == 0
    assert summed([3, None]) is None
    assert per_hundred(9, 400) == 2.2 and per_hundred(None, 400) is None
    assert per_hundred(9, 0) is None


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(election=small_elections(), data=st.data())
def test_an_attacker_with_the_precinct_and_group_figures_too_learns_no_small_count(election, data):
    """Stations stand beside precincts, precincts fall into groups; the page publishes the
    children per precinct and per group (per 100 adult voters is the same count over a
    public number). Added to every other published figure, they pin down no small count."""
    counts, sums = election_figures(*election)
    hidden = set(audited_suppression(counts, sums, THRESHOLD))
    stations = [row["id"] for row in election[0]["stations"]]
    precinct_of = {s: data.draw(st.integers(0, 2), label=f"precinct of {s}") for s in stations}
    group_of = {
        p: data.draw(st.sampled_from([DESIGNED, WITH_STATION]), label=f"group of {p}")
        for p in set(precinct_of.values())
    }

    def publish(key, parts):
        """Add a published sum the way the page computes it: hidden if a part is hidden."""
        shown = summed(None if part in hidden else counts[part] for part in parts)
        counts[key] = sum(counts[part] for part in parts)
        sums.append((key, list(parts)))
        if shown is None:
            hidden.add(key)
        else:
            assert shown == counts[key]

    for precinct in set(precinct_of.values()):
        members = [Figure("station", s, "total") for s in stations if precinct_of[s] == precinct]
        publish(Figure("precinct", precinct, "total"), members)
    for group in set(group_of.values()):
        members = [Figure("precinct", p, "total") for p in group_of if group_of[p] == group]
        publish(Figure("precinct group", group, "total"), members)

    assert narrowed(counts, sums, hidden, THRESHOLD) == {}


def _precincts(before, after, rows):
    for number, old, new, designed in rows:
        PrecinctFactory(adult_election=before, precinct_number=number, votes_cast=old)
        PrecinctFactory(
            adult_election=after,
            precinct_number=number,
            votes_cast=new,
            is_specially_designed=designed,
        )


@pytest.mark.django_db
def test_groups_compare_turnout_and_children_per_100_adult_voters(settings):
    settings.RESULTS_SMALL_COUNT_THRESHOLD = 5
    before, after = AdultElectionFactory(), AdultElectionFactory(is_campaign_election=True)
    _precincts(
        before,
        after,
        [("701", 300, 400, True), ("702", 200, 300, False), ("703", 250, 260, False)],
    )
    election, stations, bands, *_ = build_election(published=True, districts=2)
    for station, number, votes in zip(stations, ["701", "702"], [8, 12], strict=True):
        station.adult_precinct_number = number
        station.save()
        cast_votes(station, bands[0], [{}] * votes)

    comparison = selectors.turnout_comparison(before, after, election)
    designed, with_station, without = comparison["groups"]
    assert (designed.key, with_station.key, without.key) == (
        DESIGNED,
        WITH_STATION,
        WITHOUT_STATION,
    )
    assert (designed.change_points, designed.children, designed.children_per_100) == (10.0, 8, 2.0)
    assert (with_station.children, with_station.children_per_100) == (12, 4.0)
    assert (without.children, without.precincts, without.adult_voters) == (None, 1, 260)
    assert [row["children_per_100"] for row in comparison["rows"]] == [2.0, 4.0, None]
    assert comparison["chart"].goal == comparison["goal"]
    assert [bar.value for bar in comparison["groups_children_chart"].bars] == [2.0, 4.0, None]


@pytest.mark.django_db
def test_a_hidden_station_hides_its_precinct_and_group_but_not_the_turnout(settings):
    settings.RESULTS_SMALL_COUNT_THRESHOLD = 5
    before, after = AdultElectionFactory(), AdultElectionFactory(is_campaign_election=True)
    _precincts(before, after, [("701", 300, 400, False), ("702", 200, 300, False)])
    election, stations, bands, *_ = build_election(published=True, districts=2)
    for station, number, votes in zip(stations, ["701", "702"], [3, 30], strict=True):
        station.adult_precinct_number = number
        station.save()
        cast_votes(station, bands[0], [{}] * votes)

    comparison = selectors.turnout_comparison(before, after, election)
    small = comparison["rows"][0]
    assert small["children_votes"] is None and small["children_per_100"] is None
    (group,) = comparison["groups"]
    assert group.children is None and group.children_per_100 is None
    assert group.change_points == 10.0  # 500 → 700 of 2,000 registered


@pytest.mark.django_db
def test_before_the_children_results_are_public_no_children_figure_is_shown():
    before, after = AdultElectionFactory(), AdultElectionFactory(is_campaign_election=True)
    _precincts(before, after, [("701", 300, 400, False)])
    election, stations, bands, *_ = build_election(districts=1)
    stations[0].adult_precinct_number = "701"
    stations[0].save()
    cast_votes(stations[0], bands[0], [{}] * 30)

    comparison = selectors.turnout_comparison(before, after, election)
    assert not comparison["children_results_public"]
    assert comparison["groups"][0].children is None
    assert comparison["groups_children_chart"] is None
    assert comparison["rows"][0]["children_station"] == stations[0].name
