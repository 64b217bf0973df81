"""Reads for the home page blocks.

"Where and when to vote" shows the children's stations beside each adult precinct, but the
children's election lives in an app above this one. That app hands its stations in through
`show_stations_beside_precincts` (from its AppConfig.ready()), so home never imports it."""

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class StationBeside:
    """A children's polling station standing next to an adult precinct."""

    name: str
    address: str
    opening_hours: str
    adult_precinct_number: str
    adult_precinct_name: str


StationsSource = Callable[[], Iterable[StationBeside]]
_station_sources: list[StationsSource] = []


def show_stations_beside_precincts(source: StationsSource) -> None:
    """Let an app list stations the "where and when to vote" block shows beside precincts."""
    if source not in _station_sources:
        _station_sources.append(source)


def children_stations_by_precinct() -> dict[str, list[StationBeside]]:
    """Children's stations grouped by the number of the adult precinct they stand beside, in
    the order their sources give them; empty when no app offers any."""
    grouped: dict[str, list[StationBeside]] = defaultdict(list)
    for source in _station_sources:
        for station in source():
            grouped[station.adult_precinct_number.strip()].append(station)
    return dict(grouped)
