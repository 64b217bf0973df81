"""Children beside adults (M26): precincts with a children's polling station beside them,
without one, and the campaign's specially designed station, compared on adult turnout and on
children per 100 adult voters.

Children's counts here are only sums of station totals the public already sees (results.
selectors.public): a sum with a hidden part is hidden too, since it and the published parts
would give the hidden one away. Adult figures are the election commission's, already public.
The comparison shows an association, not a cause: the page says so."""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext

from results.models import AdultPrecinctTurnout
from results.selectors.tables import Shown

DESIGNED = "designed"
WITH_STATION = "with_station"
WITHOUT_STATION = "without_station"
GROUPS = (DESIGNED, WITH_STATION, WITHOUT_STATION)


def summed(parts: Iterable[Shown]) -> Shown:
    """The sum of published counts; hidden (None) when any part is hidden."""
    total = 0
    for part in parts:
        if part is None:
            return None
        total += part
    return total


def per_hundred(children: Shown, adult_voters: int) -> float | None:
    """Children who voted per 100 adults who voted, to one decimal."""
    if children is None or not adult_voters:
        return None
    return round(100 * children / adult_voters, 1)


def group_of(row: dict[str, Any]) -> str:
    """The designed station is its own group, even with a children's station beside it."""
    if row["is_specially_designed"]:
        return DESIGNED
    return WITH_STATION if row["children_station"] else WITHOUT_STATION


@dataclass(frozen=True)
class PrecinctGroup:
    key: str
    precincts: int
    baseline_percent: float | None
    campaign_percent: float | None
    change_points: float | None
    adult_voters: int  # in the campaign election
    children: Shown  # None: hidden, or the children's results are not public
    children_per_100: float | None

    @property
    def label(self) -> str:
        return {
            DESIGNED: gettext("The specially designed station"),
            WITH_STATION: gettext("With a children's station beside it"),
            WITHOUT_STATION: gettext("Without a children's station"),
        }[self.key]


def _turnout(precincts: Sequence[AdultPrecinctTurnout]) -> float | None:
    registered = sum(p.registered_voters for p in precincts)
    if not registered:
        return None
    return round(100 * sum(p.votes_cast for p in precincts) / registered, 2)


def precinct_groups(
    rows: Sequence[dict[str, Any]],
    before: dict[str, AdultPrecinctTurnout],
    after: dict[str, AdultPrecinctTurnout],
    children_public: bool,
) -> tuple[PrecinctGroup, ...]:
    """Each non-empty group's turnout in both elections over the precincts found in both
    (so a new or closed precinct does not move a group's turnout), and its children."""
    groups = []
    for key in GROUPS:
        members = [row for row in rows if group_of(row) == key]
        if not members:
            continue
        both = [row["number"] for row in members if row["number"] in before.keys() & after]
        old = _turnout([before[n] for n in both])
        new = _turnout([after[n] for n in both])
        adult_voters = sum(
            after[row["number"]].votes_cast for row in members if row["number"] in after
        )
        children = (
            summed(row["children_votes"] for row in members if row["children_station"])
            if children_public and key != WITHOUT_STATION
            else None
        )
        groups.append(
            PrecinctGroup(
                key=key,
                precincts=len(members),
                baseline_percent=old,
                campaign_percent=new,
                change_points=round(new - old, 2) if old is not None and new is not None else None,
                adult_voters=adult_voters,
                children=children,
                children_per_100=per_hundred(children, adult_voters),
            )
        )
    return tuple(groups)
