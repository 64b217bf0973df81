import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from results.suppression import (
    audited_suppression,
    feasible_ranges,
    suppress_small_counts,
    table_sums,
)
from results.tests.attacker import narrowed


def two_way(cells):
    """counts and sums for a table given as {row: {column: n}}, totals computed."""
    rows = list(cells)
    columns = list(next(iter(cells.values())))
    counts = {("cell", r, c): cells[r][c] for r in rows for c in columns}
    for r in rows:
        counts[("row", r)] = sum(cells[r].values())
    for c in columns:
        counts[("column", c)] = sum(cells[r][c] for r in rows)
    counts["all"] = sum(counts[("row", r)] for r in rows)
    sums = table_sums(
        rows,
        columns,
        lambda r, c: ("cell", r, c),
        lambda r: ("row", r),
        lambda c: ("column", c),
        "all",
    )
    return counts, sums


def test_counts_below_threshold_are_hidden_and_zero_and_large_are_not():
    counts = {"a": 0, "b": 4, "c": 5, "d": 120}
    assert suppress_small_counts(counts, [], threshold=5) == {"b"}


def test_a_hidden_cell_takes_the_next_smallest_of_its_row_and_column_with_it():
    counts, sums = two_way(
        {"yes": {"north": 3, "south": 40, "east": 12}, "no": {"north": 30, "south": 20, "east": 25}}
    )
    hidden = suppress_small_counts(counts, sums)
    assert ("cell", "yes", "north") in hidden
    # Row "yes": 3 + 40 + 12 = 55 is shown, so one more of its cells must go: the 12.
    assert ("cell", "yes", "east") in hidden
    # Columns north and east then have one hidden each: their next smallest go too.
    assert ("cell", "no", "north") in hidden and ("cell", "no", "east") in hidden
    assert ("cell", "yes", "south") not in hidden
    # Totals stay: no line can be solved for a single hidden number.
    assert not {key for key in hidden if key[0] in ("row", "column")} and "all" not in hidden


def test_no_published_sum_ever_has_exactly_one_hidden_member():
    counts, sums = two_way(
        {
            "a": {"x": 1, "y": 9, "z": 0},
            "b": {"x": 7, "y": 2, "z": 30},
            "c": {"x": 50, "y": 60, "z": 4},
        }
    )
    hidden = suppress_small_counts(counts, sums)
    for total, parts in sums:
        members = [total, *parts]
        assert sum(key in hidden for key in members) != 1


def test_a_single_column_table_hides_the_total_when_nothing_else_is_left():
    counts = {"only": 3, "total": 3}
    assert suppress_small_counts(counts, [("total", ["only"])], threshold=5) == {"only", "total"}


def test_same_figure_shown_twice_is_hidden_in_both_places():
    # The city total is shown; "other" (3) is hidden, so "district" goes with it, and the
    # same district figure shown again elsewhere must go too.
    counts = {"city": 43, "district": 40, "other": 3, "district_again": 40}
    sums = [("city", ["district", "other"]), ("district_again", ["district"])]
    assert suppress_small_counts(counts, sums) == {"other", "district", "district_again"}


def test_threshold_is_configurable():
    counts, sums = two_way({"a": {"x": 6, "y": 50}, "b": {"x": 50, "y": 50}})
    assert suppress_small_counts(counts, sums, threshold=5) == set()
    assert ("cell", "a", "x") in suppress_small_counts(counts, sums, threshold=10)


# --- The attacker's audit (linear programming) ---------------------------------------------

ISSUE_TABLE = [[1, 1, 5, 1, 5], [1, 5, 1, 5, 1], [1, 5, 1, 5, 1], [5, 1, 5, 1, 5]]


def grid(table):
    return two_way({r: dict(enumerate(row)) for r, row in enumerate(table)})


def test_the_single_sum_rule_alone_lets_rows_minus_columns_give_a_cell_away():
    counts, sums = grid(ISSUE_TABLE)
    hidden = suppress_small_counts(counts, sums)
    # Rows 1 + 2 minus columns 2 and 4 give 2; column 0 then gives cell (0, 0) = 1.
    assert narrowed(counts, sums, hidden, 5)[("cell", 0, 0)] == pytest.approx((1, 1))


def test_the_audit_hides_more_until_no_small_count_of_the_issue_table_can_be_narrowed():
    counts, sums = grid(ISSUE_TABLE)
    hidden = audited_suppression(counts, sums)
    assert suppress_small_counts(counts, sums) <= hidden
    assert narrowed(counts, sums, hidden, 5) == {}
    # The audit's own ranges agree with the independent attacker.
    ranges = feasible_ranges(counts, sums, hidden)
    assert ranges.keys() == hidden
    assert all(ranges[key].width >= 5 for key in hidden if counts[key] < 5)


def test_the_audit_changes_nothing_where_nothing_is_small():
    counts, sums = grid([[6, 9], [7, 12]])
    assert audited_suppression(counts, sums) == set()


@st.composite
def small_tables(draw):
    rows = draw(st.integers(1, 6))
    columns = draw(st.integers(1, 12))
    cell = st.integers(0, 12)
    return draw(
        st.lists(st.lists(cell, min_size=columns, max_size=columns), min_size=rows, max_size=rows)
    )


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(table=small_tables(), threshold=st.integers(2, 6))
def test_an_attacker_with_every_published_figure_cannot_narrow_any_small_count(table, threshold):
    counts, sums = grid(table)
    hidden = audited_suppression(counts, sums, threshold)
    assert {key for key, value in counts.items() if 0 < value < threshold} <= hidden
    assert narrowed(counts, sums, hidden, threshold) == {}


@settings(max_examples=60, deadline=None)
@given(table=small_tables(), threshold=st.integers(2, 6))
def test_no_published_sum_is_left_with_exactly_one_hidden_member(table, threshold):
    counts, sums = grid(table)
    hidden = suppress_small_counts(counts, sums, threshold)
    for total, parts in sums:
        assert sum(key in hidden for key in (total, *parts)) != 1
