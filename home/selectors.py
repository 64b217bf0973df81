"""Reads for the home page, its blocks and the how-to-vote page.

"Where and when to vote" shows the children's stations beside each adult precinct, but the
children's election lives in an app above this one. That app hands its stations in through
`show_stations_beside_precincts` (from its AppConfig.ready()), so home never imports it."""

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.apps import apps

from wagtail.models import Page

from base.models import Precinct


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


@dataclass(frozen=True)
class PrecinctRow:
    """An adult precinct with the children's stations standing beside it."""

    precinct: Precinct
    children: tuple[StationBeside, ...]


def precinct_rows() -> list[PrecinctRow]:
    """Every adult precinct in number order, each with its children's stations. A children's
    station beside a precinct missing from the list still appears, under the precinct named
    on the station, so no family is left without its station."""
    children = children_stations_by_precinct()
    rows = [
        PrecinctRow(precinct, tuple(children.pop(precinct.number, ())))
        for precinct in Precinct.objects.select_related("district")
    ]
    for number, stations in children.items():
        unlisted = Precinct(number=number, name=stations[0].adult_precinct_name, address="")
        rows.append(PrecinctRow(unlisted, tuple(stations)))
    return rows


def precinct_count() -> int:
    return Precinct.objects.count()


def how_to_vote_page(locale_id: int) -> Page | None:
    """The live how-to-vote page in the locale (the home page's main button), if any."""
    model = apps.get_model("home", "HowToVotePage")
    return model.objects.live().filter(locale_id=locale_id).first()
