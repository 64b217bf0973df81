"""Everything printed from a station or an election must hold what the organiser typed: the
admin runs these checks before it saves, and each turns a Refused into a form error.

The station poster's checks live here; apps above this one (ballot cards in `ballots`)
register theirs from their `AppConfig.ready()`, because this app must not import them.
"""

from collections.abc import Callable
from typing import Any

from base.refusals import Refused

from .models import Election, PollingStation
from .posters import check_poster_fits, check_poster_title_fits

StationCheck = Callable[[PollingStation], None]
ElectionCheck = Callable[[Election], None]

_station_checks: list[StationCheck] = [check_poster_fits]
_election_checks: list[ElectionCheck] = [check_poster_title_fits]


def register_print_checks(station: StationCheck, election: ElectionCheck) -> None:
    """Add a printed item's checks (once, however often an app is made ready in tests)."""
    if station not in _station_checks:
        _station_checks.append(station)
    if election not in _election_checks:
        _election_checks.append(election)


def station_print_refusals(station: PollingStation) -> list[Refused]:
    """Why what is typed for this (unsaved) station would not print whole; empty if it does."""
    return _refusals(_station_checks, station)


def election_print_refusals(election: Election) -> list[Refused]:
    """Why this (unsaved) election's title would not print whole; empty if it does."""
    return _refusals(_election_checks, election)


def _refusals(checks: list[Callable[[Any], None]], subject: object) -> list[Refused]:
    refusals = []
    for check in checks:
        try:
            check(subject)
        except Refused as refusal:
            refusals.append(refusal)
    return refusals
