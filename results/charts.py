"""Chart geometry for the public results pages: a dumbbell chart of turnout per precinct, a
horizontal bar chart and a choropleth map of the districts.

Pure functions: they turn figures into coordinates in an SVG viewBox and nothing else. The
templates in results/templates/results/charts/ draw them, so every label passes through
Django's escaping and translation, and no script (ours or anyone's) is needed to see a chart.
Each chart stands beside a table of the same figures, which is its text alternative.
"""

import math
from collections.abc import Sequence
from dataclasses import dataclass

from base.geojson import Polygon

# Sequential blues for the map, lightest first; every fill is outlined in dark grey (over
# 3:1 against the page and against each fill) and labelled with its figure, so no reading
# depends on telling the fills apart.
MAP_FILLS = ("#e3eef9", "#a9cbea", "#5b9bd5", "#1f5fa8")
MAP_WIDTH = 600
MAP_MAX_HEIGHT = 520
MAP_MARGIN = 8


@dataclass(frozen=True)
class Tick:
    x: float
    value: float


@dataclass(frozen=True)
class DumbbellRow:
    label: str
    y: float
    before: float | None
    after: float | None
    x_before: float | None
    x_after: float | None
    rising: bool
    has_children_station: bool
    is_designed: bool


@dataclass(frozen=True)
class DumbbellChart:
    width: int
    height: int
    plot_left: int
    plot_right: int
    plot_top: int
    plot_bottom: int
    ticks: tuple[Tick, ...]
    rows: tuple[DumbbellRow, ...]
    goal: float | None
    goal_x: float | None

    @property
    def goal_anchor(self) -> str:
        """Where the goal's label hangs from its line, so it never leaves the viewBox."""
        if self.goal_x is None or abs(self.goal_x - self.width / 2) < self.width / 4:
            return "middle"
        return "end" if self.goal_x > self.width / 2 else "start"


# A narrow viewBox keeps the 16-unit text legible when a phone scales the chart down.
DUMBBELL_WIDTH = 400
DUMBBELL_LEFT = 92  # precinct number and its station marks
DUMBBELL_RIGHT = 20
DUMBBELL_TOP = 34  # room for the goal's label
DUMBBELL_ROW = 30
DUMBBELL_AXIS = 34


def _nice_range(values: Sequence[float], step: float) -> tuple[float, float]:
    low = math.floor(min(values) / step) * step
    high = math.ceil(max(values) / step) * step
    return (low, high if high > low else low + step)


@dataclass(frozen=True)
class PrecinctPoint:
    """What the dumbbell chart needs of one precinct."""

    label: str
    before: float | None
    after: float | None
    has_children_station: bool
    is_designed: bool


def dumbbell_chart(
    points: Sequence[PrecinctPoint], goal: float | None, step: float = 10.0
) -> DumbbellChart | None:
    """One row per precinct: a hollow dot at the baseline turnout, a filled one at the
    campaign's, joined by a line; a dashed line at the city's goal. None when no precinct
    has a figure."""
    values = [v for p in points for v in (p.before, p.after) if v is not None]
    if not values:
        return None
    low, high = _nice_range([*values, *([goal] if goal is not None else [])], step)
    left, right = DUMBBELL_LEFT, DUMBBELL_WIDTH - DUMBBELL_RIGHT
    bottom = DUMBBELL_TOP + DUMBBELL_ROW * len(points)

    def x(value: float) -> float:
        return round(left + (right - left) * (value - low) / (high - low), 1)

    chart_rows = tuple(
        DumbbellRow(
            label=point.label,
            y=DUMBBELL_TOP + DUMBBELL_ROW * index + DUMBBELL_ROW / 2,
            before=point.before,
            after=point.after,
            x_before=None if point.before is None else x(point.before),
            x_after=None if point.after is None else x(point.after),
            rising=point.before is not None
            and point.after is not None
            and point.after >= point.before,
            has_children_station=point.has_children_station,
            is_designed=point.is_designed,
        )
        for index, point in enumerate(points)
    )
    ticks = []
    value = low
    while value <= high + 1e-9:
        ticks.append(Tick(x=x(value), value=value))
        value += step
    return DumbbellChart(
        width=DUMBBELL_WIDTH,
        height=bottom + DUMBBELL_AXIS,
        plot_left=left,
        plot_right=right,
        plot_top=DUMBBELL_TOP,
        plot_bottom=bottom,
        ticks=tuple(ticks),
        rows=chart_rows,
        goal=goal,
        goal_x=None if goal is None else x(goal),
    )


@dataclass(frozen=True)
class Bar:
    label: str
    value: float | None
    y: float  # the bar's top; its label sits just above
    x: float  # where the bar starts (the zero line, or its own end when negative)
    width: float
    negative: bool


@dataclass(frozen=True)
class BarChart:
    width: int
    height: int
    zero_x: float
    bar_height: int
    bars: tuple[Bar, ...]


BAR_WIDTH = 400
BAR_VALUE = 72  # the figure, right of the longest bar
BAR_LABEL = 22  # the group's name, on its own line above the bar
BAR_ROW = 58
BAR_HEIGHT = 26


def bar_chart(items: Sequence[tuple[str, float | None]]) -> BarChart:
    """Horizontal bars from a shared zero line; negative values grow to the left. A missing
    value gets no bar (the template says why)."""
    values = [value for _label, value in items if value is not None]
    low = min([0.0, *values])
    high = max([0.0, *values])
    span = (high - low) or 1.0
    plot = BAR_WIDTH - 2 * BAR_VALUE if low < 0 else BAR_WIDTH - BAR_VALUE
    zero_x = (BAR_VALUE if low < 0 else 0) + plot * (0 - low) / span
    bars = []
    for index, (label, value) in enumerate(items):
        length = 0.0 if value is None else plot * abs(value) / span
        negative = value is not None and value < 0
        bars.append(
            Bar(
                label=label,
                value=value,
                y=index * BAR_ROW + BAR_LABEL,
                x=round(zero_x - length if negative else zero_x, 1),
                width=round(length, 1),
                negative=negative,
            )
        )
    return BarChart(
        width=BAR_WIDTH,
        height=BAR_ROW * len(items),
        zero_x=round(zero_x, 1),
        bar_height=BAR_HEIGHT,
        bars=tuple(bars),
    )


@dataclass(frozen=True)
class MapArea:
    name: str
    value: float | None
    is_hidden: bool  # drawn hatched; no value and not hidden: drawn blank
    path: str
    fill: str | None
    label_x: float
    label_y: float


@dataclass(frozen=True)
class LegendClass:
    fill: str
    low: float
    high: float


@dataclass(frozen=True)
class Choropleth:
    width: int
    height: int
    areas: tuple[MapArea, ...]
    legend: tuple[LegendClass, ...]
    has_hidden: bool
    has_empty: bool


def _ring_area_centroid(ring: Sequence[tuple[float, float]]) -> tuple[float, float, float]:
    """(area, x, y) of a closed ring by the shoelace formula; the mean point if flat."""
    area = cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(ring, [*ring[1:], ring[0]], strict=True):
        cross = x0 * y1 - x1 * y0
        area += cross
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    if abs(area) < 1e-12:
        return (0.0, sum(p[0] for p in ring) / len(ring), sum(p[1] for p in ring) / len(ring))
    return (abs(area) / 2, cx / (3 * area), cy / (3 * area))


def _classes(values: Sequence[float]) -> tuple[LegendClass, ...]:
    """Equal steps of a round size from a round number at or below the smallest value to
    one above the largest (each class holds its lower bound, never its upper one)."""
    bottom, top = min(values, default=0.0), max(values, default=0.0) + 1
    magnitude = 10 ** max(0, math.floor(math.log10(max(top - bottom, 1) / len(MAP_FILLS))))
    start = math.floor(bottom / magnitude) * magnitude
    step = math.ceil((top - start) / len(MAP_FILLS) / magnitude) * magnitude
    return tuple(
        LegendClass(fill=fill, low=start + index * step, high=start + (index + 1) * step)
        for index, fill in enumerate(MAP_FILLS)
    )


@dataclass(frozen=True)
class Region:
    """What the map is given of one district."""

    name: str
    polygons: list[Polygon]
    value: float | None  # None: hidden, or nothing to count there
    is_hidden: bool = False


def choropleth(regions: Sequence[Region]) -> Choropleth | None:
    """Districts in an equirectangular projection: longitude shrunk by the cosine of the mid
    latitude, so shapes keep their proportions at Liepāja's latitude without any map
    library. Districts without an outline are left out; None when none has one."""
    drawn = [region for region in regions if region.polygons]
    if not drawn:
        return None
    points = [p for region in drawn for polygon in region.polygons for p in polygon[0]]
    west, east = min(p[0] for p in points), max(p[0] for p in points)
    south, north = min(p[1] for p in points), max(p[1] for p in points)
    squeeze = math.cos(math.radians((south + north) / 2))
    span_x = max((east - west) * squeeze, 1e-9)
    span_y = max(north - south, 1e-9)
    scale = min((MAP_WIDTH - 2 * MAP_MARGIN) / span_x, (MAP_MAX_HEIGHT - 2 * MAP_MARGIN) / span_y)
    height = math.ceil(span_y * scale + 2 * MAP_MARGIN)

    def project(point: tuple[float, float]) -> tuple[float, float]:
        return (
            round(MAP_MARGIN + (point[0] - west) * squeeze * scale, 1),
            round(MAP_MARGIN + (north - point[1]) * scale, 1),
        )

    legend = _classes([region.value for region in drawn if region.value is not None])
    map_areas = []
    for region in drawn:
        rings = [[project(p) for p in ring] for polygon in region.polygons for ring in polygon]
        path = " ".join(
            "M" + " L".join(f"{x},{y}" for x, y in ring) + " Z" for ring in rings if ring
        )
        # The label sits at the centroid of the district's largest outer ring.
        outer = [[project(p) for p in polygon[0]] for polygon in region.polygons]
        _area, label_x, label_y = max(_ring_area_centroid(ring) for ring in outer)
        value = region.value
        map_areas.append(
            MapArea(
                name=region.name,
                value=value,
                is_hidden=region.is_hidden,
                path=path,
                fill=None if value is None else next(c.fill for c in legend if value < c.high),
                label_x=round(label_x, 1),
                label_y=round(label_y, 1),
            )
        )
    return Choropleth(
        width=MAP_WIDTH,
        height=height,
        areas=tuple(map_areas),
        legend=legend,
        has_hidden=any(area.is_hidden for area in map_areas),
        has_empty=any(area.value is None and not area.is_hidden for area in map_areas),
    )
