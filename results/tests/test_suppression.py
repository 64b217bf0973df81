from results.suppression import suppress_small_counts, table_sums


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
