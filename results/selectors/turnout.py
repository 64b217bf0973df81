"""Adult turnout per precinct before and during the campaign, beside the children's stations."""

import datetime
from typing import Any

from django.db.models import Sum

from mock_elections.models import Election
from results.charts import PrecinctPoint, bar_chart, dumbbell_chart
from results.models import AdultElection
from results.selectors.beside_adults import per_hundred, precinct_groups, summed
from results.selectors.public import public_results
from results.selectors.publication import publication_of
from results.selectors.tables import Shown


def _precinct_sort_key(number: str) -> tuple[int, int, str]:
    return (0, int(number), "") if number.isdigit() else (1, 0, number)


def _city_turnout(adult_election: AdultElection) -> float | None:
    totals = adult_election.precincts.aggregate(
        registered=Sum("registered_voters"), votes=Sum("votes_cast")
    )
    if not totals["registered"]:
        return None
    return round(100 * totals["votes"] / totals["registered"], 2)


def turnout_comparison(
    baseline: AdultElection,
    campaign: AdultElection,
    children_election: Election | None = None,
    goal_points: float = 10.0,
    now: datetime.datetime | None = None,
) -> dict[str, Any]:
    """Per precinct: turnout in both elections and the change in points; the city totals
    against the goal; which precincts had a children's station beside them and, once the
    children's results are public, how many children voted there."""
    before = {p.precinct_number: p for p in baseline.precincts.all()}
    after = {p.precinct_number: p for p in campaign.precincts.all()}

    stations: dict[str, list[str]] = {}
    # A precinct may have more than one children's station beside it: their published totals.
    station_totals: dict[str, list[Shown]] = {}
    children_public = False
    if children_election is not None:
        for station in children_election.stations.order_by("name"):
            stations.setdefault(station.adult_precinct_number, []).append(station.display_name)
        published = public_results(publication_of(children_election), now)
        if published is not None:
            children_public = True
            for row in published.participation.stations:
                station_totals.setdefault(row.adult_precinct_number, []).append(row.total)
    children_votes = {number: summed(totals) for number, totals in station_totals.items()}

    rows: list[dict[str, Any]] = []
    for number in sorted(before.keys() | after.keys(), key=_precinct_sort_key):
        old, new = before.get(number), after.get(number)
        old_percent = round(old.turnout_percent, 2) if old else None
        new_percent = round(new.turnout_percent, 2) if new else None
        rows.append(
            {
                "number": number,
                "name": (new or old).name,  # type: ignore[union-attr]  # one of them exists
                "baseline_percent": old_percent,
                "campaign_percent": new_percent,
                "change_points": (
                    round(new_percent - old_percent, 2)
                    if new_percent is not None and old_percent is not None
                    else None
                ),
                "voters_ratio": (
                    round(new.votes_cast / old.votes_cast, 2)
                    if old and new and old.votes_cast
                    else None
                ),
                "is_specially_designed": bool(
                    (new and new.is_specially_designed) or (old and old.is_specially_designed)
                ),
                "children_station": ", ".join(stations.get(number, [])),
                "children_votes": children_votes.get(number),
                "children_per_100": (
                    per_hundred(children_votes.get(number), new.votes_cast) if new else None
                ),
            }
        )

    baseline_city = _city_turnout(baseline)
    campaign_city = _city_turnout(campaign)
    goal = round(baseline_city + goal_points, 2) if baseline_city is not None else None
    groups = precinct_groups(rows, before, after, children_public)
    return {
        "baseline": baseline,
        "campaign": campaign,
        "rows": rows,
        "baseline_city": baseline_city,
        "campaign_city": campaign_city,
        "change_points": (
            round(campaign_city - baseline_city, 2)
            if baseline_city is not None and campaign_city is not None
            else None
        ),
        "goal_points": goal_points,
        "goal": goal,
        "goal_met": goal is not None and campaign_city is not None and campaign_city >= goal,
        "children_results_public": children_public,
        "chart": dumbbell_chart(
            [
                PrecinctPoint(
                    label=row["number"],
                    before=row["baseline_percent"],
                    after=row["campaign_percent"],
                    has_children_station=bool(row["children_station"]),
                    is_designed=row["is_specially_designed"],
                )
                for row in rows
            ],
            goal,
        ),
        "groups": groups,
        "groups_change_chart": bar_chart([(g.label, g.change_points) for g in groups]),
        "groups_children_chart": (
            bar_chart([(g.label, g.children_per_100) for g in groups]) if children_public else None
        ),
    }
