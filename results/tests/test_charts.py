"""Chart geometry: positions follow the figures, everything lands inside the viewBox."""

import math

from hypothesis import given, settings
from hypothesis import strategies as st

from results.charts import (
    MAP_FILLS,
    PrecinctPoint,
    Region,
    bar_chart,
    choropleth,
    dumbbell_chart,
)


def point(label, before, after, station=False, designed=False):
    return PrecinctPoint(label, before, after, station, designed)


def test_dumbbell_rows_place_both_elections_and_the_goal_on_one_scale():
    chart = dumbbell_chart(
        [point("701", 30.0, 45.0, station=True), point("702", 40.0, 35.0, designed=True)], 38.84
    )
    first, second = chart.rows
    assert first.x_before < second.x_before < first.x_after
    assert first.rising and not second.rising
    assert first.has_children_station and second.is_designed
    assert chart.ticks[0].value == 30 and chart.ticks[-1].value == 50
    assert chart.ticks[0].x == chart.plot_left and chart.ticks[-1].x == chart.plot_right
    assert second.x_after < chart.goal_x < first.x_after
    assert first.y < second.y < chart.plot_bottom < chart.height
    assert chart.goal_anchor == "middle"
    assert dumbbell_chart([point("701", 30.0, 31.0)], 40.0).goal_anchor == "end"
    assert dumbbell_chart([point("701", 30.0, 31.0)], 30.0).goal_anchor == "start"


def test_a_precinct_in_one_election_only_gets_one_dot_and_no_figures_no_chart():
    chart = dumbbell_chart([point("701", None, 45.0), point("702", 40.0, 41.0)], None)
    assert chart.rows[0].x_before is None and chart.rows[0].x_after is not None
    assert chart.goal_x is None
    assert dumbbell_chart([point("701", None, None)], 30.0) is None


@settings(max_examples=100, deadline=None)
@given(
    values=st.lists(
        st.tuples(
            st.none() | st.floats(0, 100, allow_nan=False),
            st.none() | st.floats(0, 100, allow_nan=False),
        ),
        min_size=1,
        max_size=20,
    ),
    goal=st.none() | st.floats(0, 100, allow_nan=False),
)
def test_every_dot_and_the_goal_stay_inside_the_plot(values, goal):
    chart = dumbbell_chart([point(str(i), a, b) for i, (a, b) in enumerate(values)], goal)
    if chart is None:
        assert all(a is None and b is None for a, b in values)
        return
    xs = [x for row in chart.rows for x in (row.x_before, row.x_after) if x is not None]
    xs += [chart.goal_x] if chart.goal_x is not None else []
    assert all(chart.plot_left - 0.1 <= x <= chart.plot_right + 0.1 for x in xs)


def test_bars_grow_from_one_zero_line_and_negative_ones_to_the_left():
    chart = bar_chart([("up", 10.0), ("down", -5.0), ("none", None)])
    up, down, none = chart.bars
    assert up.x == chart.zero_x and math.isclose(up.width, 2 * down.width, abs_tol=0.2)
    assert down.negative and math.isclose(down.x + down.width, chart.zero_x, abs_tol=0.2)
    assert none.width == 0 and none.value is None
    assert up.y < down.y < none.y < none.y + chart.bar_height <= chart.height


def square(west, south, size=0.04):
    ring = [(west, south), (west + size, south), (west + size, south + size), (west, south + size)]
    return [[*ring, ring[0]]]


def test_the_map_projects_districts_into_the_viewbox_with_labels_inside():
    drawn = choropleth(
        [
            Region("A", [square(21.0, 56.5)], 10),
            Region("B", [square(21.04, 56.5)], None, is_hidden=True),
            Region("C", [], 3),
            Region("D", [square(21.0, 56.54)], None),
        ]
    )
    assert [area.name for area in drawn.areas] == ["A", "B", "D"]  # C has no outline
    a, b, d = drawn.areas
    assert a.fill in MAP_FILLS and b.fill is None and d.fill is None
    assert b.is_hidden and not d.is_hidden and drawn.has_hidden and drawn.has_empty
    assert a.label_x < b.label_x  # west stays west
    assert abs(a.label_y - b.label_y) < 0.2 and d.label_y < a.label_y  # north is up
    assert drawn.legend[0].low <= 10 < drawn.legend[-1].high
    assert choropleth([Region("A", [], 5)]) is None


def test_the_legend_spans_the_values_not_zero_to_the_largest():
    regions = [Region(str(v), [square(21.0, 56.5)], v) for v in (182, 236, 257)]
    legend = choropleth(regions).legend
    assert (legend[0].low, legend[-1].high) == (180, 260)
    assert [area.fill for area in choropleth(regions).areas] == [
        MAP_FILLS[0],
        MAP_FILLS[2],
        MAP_FILLS[3],
    ]


@settings(max_examples=100, deadline=None)
@given(
    districts=st.lists(
        st.tuples(
            st.floats(20.0, 22.0, allow_nan=False),
            st.floats(56.0, 57.0, allow_nan=False),
            st.floats(0.001, 0.2, allow_nan=False),
            st.none() | st.integers(0, 5000),
        ),
        min_size=1,
        max_size=10,
    )
)
def test_every_point_lands_in_the_viewbox_and_every_value_in_a_legend_class(districts):
    drawn = choropleth(
        [
            Region(str(i), [square(w, s, size)], value)
            for i, (w, s, size, value) in enumerate(districts)
        ]
    )
    for area in drawn.areas:
        for pair in area.path.replace("M", " ").replace("L", " ").replace("Z", " ").split():
            x, y = (float(v) for v in pair.split(","))
            assert -0.1 <= x <= drawn.width + 0.1 and -0.1 <= y <= drawn.height + 0.1
        if area.value is not None:
            assert area.fill == next(c.fill for c in drawn.legend if c.low <= area.value < c.high)
