"""Pure rules, no database: who "fill from preferences" places where, and how the children's
shortlist counts add up. Kept pure so hypothesis can play the attacker against them."""

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime


@dataclass(frozen=True)
class OpenShift:
    id: int
    station_id: int
    starts_at: datetime
    ends_at: datetime
    min_people: int
    max_people: int
    filled: int
    has_lead: bool
    needs_lead: bool


@dataclass
class Candidate:
    id: int
    may_serve: bool
    stations: frozenset[int]
    slots: frozenset[int]
    busy: list[tuple[datetime, datetime]] = field(default_factory=list)


@dataclass(frozen=True)
class Placement:
    volunteer_id: int
    shift_id: int
    is_lead: bool


def overlaps(first: tuple[datetime, datetime], second: tuple[datetime, datetime]) -> bool:
    return first[0] < second[1] and second[0] < first[1]


def _wants(candidate: Candidate, shift: OpenShift, slot: int) -> bool:
    """No preference given means "anywhere, any time"."""
    return (not candidate.stations or shift.station_id in candidate.stations) and (
        not candidate.slots or slot in candidate.slots
    )


def plan_fill(
    shifts: Sequence[OpenShift], candidates: Sequence[Candidate], slot_of: Mapping[int, int]
) -> list[Placement]:
    """Place volunteers by their preferences: first every shift up to its minimum (gaps
    first), then up to its maximum. Nobody is placed twice at the same time, nobody who may
    not serve, and no shift beyond its maximum. `slot_of` maps a shift to its time slot."""
    filled = {shift.id: shift.filled for shift in shifts}
    has_lead = {shift.id: shift.has_lead for shift in shifts}
    placements: list[Placement] = []
    eligible = [candidate for candidate in candidates if candidate.may_serve]
    for target in ("min_people", "max_people"):
        for shift in sorted(shifts, key=lambda s: (filled[s.id] - s.min_people, s.starts_at)):
            limit = min(getattr(shift, target), shift.max_people)
            interval = (shift.starts_at, shift.ends_at)
            # The least-used volunteers first, so the work is shared.
            for candidate in sorted(eligible, key=lambda c: (len(c.busy), c.id)):
                if filled[shift.id] >= limit:
                    break
                if not _wants(candidate, shift, slot_of[shift.id]):
                    continue
                if any(overlaps(interval, taken) for taken in candidate.busy):
                    continue
                lead = shift.needs_lead and not has_lead[shift.id]
                placements.append(Placement(candidate.id, shift.id, lead))
                candidate.busy.append(interval)
                filled[shift.id] += 1
                has_lead[shift.id] = has_lead[shift.id] or lead
    return placements


@dataclass(frozen=True)
class Outcome:
    proposal_id: int
    approvals: int
    borda: int


def count_problem(size: int, approvals: Iterable[int], rank_counts: Sequence[Sequence[int]]) -> str:
    """Why a group's counts cannot be true, or "" when they can: nobody chooses a proposal
    twice, nobody takes two places, and nobody ranks one proposal twice."""
    if any(value < 0 for value in approvals) or any(v < 0 for row in rank_counts for v in row):
        return "negative"
    if any(value > size for value in approvals):
        return "approvals"
    if any(sum(row) > size for row in rank_counts):
        return "ranked"
    places = max((len(row) for row in rank_counts), default=0)
    for place in range(places):
        if sum(row[place] for row in rank_counts if place < len(row)) > size:
            return "place"
    return ""


def combine(
    proposal_ids: Sequence[int],
    approvals: Mapping[int, int],
    rank_counts: Mapping[int, Sequence[int]],
) -> list[Outcome]:
    """Approval: how many children chose each proposal. Borda: with n proposals, a first
    place is worth n − 1 points, a second n − 2, … the last 0. Sorted best first; Borda
    breaks ties in approvals, then the earlier proposal wins."""
    n = len(proposal_ids)
    outcomes = [
        Outcome(
            proposal_id,
            approvals.get(proposal_id, 0),
            sum(
                count * (n - 1 - place)
                for place, count in enumerate(rank_counts.get(proposal_id, ()))
                if place < n
            ),
        )
        for proposal_id in proposal_ids
    ]
    return sorted(outcomes, key=lambda o: (-o.approvals, -o.borda, o.proposal_id))
