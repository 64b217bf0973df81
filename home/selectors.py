"""Reads for the home page blocks."""

from collections import defaultdict


def children_stations_by_precinct():
    """Children's polling stations grouped by the number of the adult precinct they stand
    beside, so "where to vote" can show both together. Read-only; empty before any exist."""
    from mock_elections.models import Election, PollingStation

    stations = (
        PollingStation.objects.filter(election__is_rehearsal=False)
        .exclude(election__status=Election.Status.DRAFT)
        .select_related("district")
        .order_by("adult_precinct_number", "name")
    )
    grouped = defaultdict(list)
    for station in stations:
        grouped[station.adult_precinct_number.strip()].append(station)
    return dict(grouped)
