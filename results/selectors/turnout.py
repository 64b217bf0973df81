"""Adult turnout per precinct before and during the campaign, beside the children's stations."""

import datetime
from typing import Any

from django.db.models import Sum

from mock_elections.models import Election
from results.models import AdultElection
from results.selectors.public import public_results


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

    stations: dict[str, str] = {}
    children_votes: dict[str, int | None] = {}
    if children_election is not None:
        for station in children_election.stations.all():
            stations[station.adult_precinct_number] = station.name
        published = public_results(children_election, now)
        if published is not None:
            for row in published.participation.stations:
                children_votes[row.adult_precinct_number] = row.total

    rows = []
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
                "children_station": stations.get(number),
                "children_votes": children_votes.get(number),
            }
        )

    baseline_city = _city_turnout(baseline)
    campaign_city = _city_turnout(campaign)
    goal = round(baseline_city + goal_points, 2) if baseline_city is not None else None
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
        "children_results_public": bool(children_votes),
    }
