"""Hypothesis plays the organiser with odd rosters and the group with odd counts."""

from datetime import UTC, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from people.counting import Candidate, OpenShift, combine, count_problem, overlaps, plan_fill

DAY = datetime(2025, 6, 7, 5, tzinfo=UTC)


@st.composite
def rosters(draw):
    shifts = []
    for number in range(draw(st.integers(1, 8))):
        start = DAY + timedelta(hours=draw(st.integers(0, 12)))
        minimum = draw(st.integers(0, 3))
        maximum = draw(st.integers(minimum, 5))
        shifts.append(
            OpenShift(
                id=number,
                station_id=draw(st.integers(1, 3)),
                starts_at=start,
                ends_at=start + timedelta(hours=draw(st.integers(1, 6))),
                min_people=minimum,
                max_people=maximum,
                filled=draw(st.integers(0, maximum)),
                has_lead=draw(st.booleans()),
                needs_lead=draw(st.booleans()),
            )
        )
    candidates = [
        Candidate(
            id=number,
            may_serve=draw(st.booleans()),
            stations=frozenset(draw(st.sets(st.integers(1, 3), max_size=2))),
            slots=frozenset(draw(st.sets(st.integers(5, 17), max_size=3))),
            busy=[(DAY + timedelta(hours=h), DAY + timedelta(hours=h + 3))]
            if (h := draw(st.integers(-1, 12))) >= 0
            else [],
        )
        for number in range(draw(st.integers(0, 25)))
    ]
    return shifts, candidates


@given(rosters())
def test_fill_never_double_books_overfills_or_places_who_may_not_serve(roster):
    shifts, candidates = roster
    before = {c.id: list(c.busy) for c in candidates}
    by_id = {s.id: s for s in shifts}
    plan = plan_fill(shifts, candidates, {s.id: s.starts_at.hour for s in shifts})
    may_serve = {c.id: c.may_serve for c in candidates}
    for shift in shifts:
        placed = [p for p in plan if p.shift_id == shift.id]
        assert shift.filled + len(placed) <= shift.max_people
        assert sum(p.is_lead for p in placed) + shift.has_lead <= 1
    for volunteer_id, busy in before.items():
        intervals = list(busy) + [
            (by_id[p.shift_id].starts_at, by_id[p.shift_id].ends_at)
            for p in plan
            if p.volunteer_id == volunteer_id
        ]
        for i, first in enumerate(intervals):
            for second in intervals[i + 1 :]:
                assert not overlaps(first, second)
    assert all(may_serve[p.volunteer_id] for p in plan)


@given(rosters())
def test_fill_closes_a_gap_whenever_a_willing_free_person_is_left(roster):
    shifts, candidates = roster
    plan = plan_fill(shifts, candidates, {s.id: s.starts_at.hour for s in shifts})
    for shift in shifts:
        if shift.filled + sum(p.shift_id == shift.id for p in plan) >= shift.min_people:
            continue
        for c in candidates:
            free = not any(overlaps((shift.starts_at, shift.ends_at), b) for b in c.busy)
            wants = (not c.stations or shift.station_id in c.stations) and (
                not c.slots or shift.starts_at.hour in c.slots
            )
            assert not (c.may_serve and free and wants)


counts_per_proposal = st.lists(st.integers(0, 40), min_size=3, max_size=3)


@given(
    st.integers(1, 30), counts_per_proposal, st.lists(counts_per_proposal, min_size=3, max_size=3)
)
def test_counts_beyond_the_group_are_always_found(size, approvals, ranks):
    problem = count_problem(size, approvals, ranks)
    impossible = (
        max(approvals) > size
        or any(sum(row) > size for row in ranks)
        or any(sum(row[k] for row in ranks) > size for k in range(3))
    )
    assert bool(problem) == impossible


@given(st.lists(st.tuples(st.integers(0, 10), st.integers(0, 10), st.integers(0, 10)), max_size=6))
def test_borda_gives_n_minus_1_for_first_and_nothing_for_last(rank_rows):
    ids = [1, 2, 3]
    # each child ranks all three: child rows give places for proposals 1, 2, 3 in a rotation
    ranks = {i: [0, 0, 0] for i in ids}
    children = 0
    for first, second, third in rank_rows:
        for rotation, count in enumerate((first, second, third)):
            for place in range(3):
                ranks[ids[(rotation + place) % 3]][place] += count
            children += count
    outcome = combine(ids, {}, ranks)
    # every child hands out 2 + 1 + 0 points
    assert sum(o.borda for o in outcome) == 3 * children
    assert [o.borda for o in outcome] == sorted((o.borda for o in outcome), reverse=True)


@given(st.dictionaries(st.integers(1, 5), st.integers(0, 50)))
def test_approval_order_decides_and_no_proposal_is_lost(approvals):
    ids = [1, 2, 3, 4, 5]
    outcome = combine(ids, approvals, {})
    assert sorted(o.proposal_id for o in outcome) == ids
    values = [o.approvals for o in outcome]
    assert values == sorted(values, reverse=True)
    assert all(o.approvals == approvals.get(o.proposal_id, 0) for o in outcome)
