"""Sample pictures for the demo's ballot options: one big shape in a strong colour, drawn with
Pillow so the demo needs no image files. Pure drawing: it knows nothing of Wagtail."""

import math

from PIL import Image, ImageDraw


def draw_picture(colour, shape, background="#ffffff", size=480):
    picture = Image.new("RGB", (size, size), background)
    pen = ImageDraw.Draw(picture)
    middle, unit = size / 2, size / 10
    SHAPES.get(shape, _circle)(pen, colour, middle, unit)
    return picture


def _circle(pen, colour, middle, unit):
    pen.ellipse(
        [middle - 3 * unit, middle - 3 * unit, middle + 3 * unit, middle + 3 * unit], colour
    )


def _triangle(pen, colour, middle, unit):
    pen.polygon(
        [
            (middle, middle - 3.5 * unit),
            (middle + 3.5 * unit, middle + 3 * unit),
            (middle - 3.5 * unit, middle + 3 * unit),
        ],
        colour,
    )


def _cubes(pen, colour, middle, unit):
    palette = [colour, "#f2b705", "#c8102e", "#1e6b2e", "#5b2a86", "#005f66"]
    positions = [(-3, 1), (-1, 1), (1, 1), (-2, -1), (0, -1), (-1, -3)]
    for index, (column, row) in enumerate(positions):
        left, top = middle + column * unit, middle + row * unit
        pen.rectangle([left, top, left + 1.9 * unit, top + 1.9 * unit], palette[index % 6])


def _waves(pen, colour, middle, unit):
    for row in range(-2, 3):
        y = middle + row * 1.4 * unit
        points = [
            (x, y + math.sin(x / unit * 1.2) * 0.5 * unit)
            for x in range(int(unit), int(9 * unit), 4)
        ]
        pen.line(points, colour, width=int(unit / 2.5))


def _lighthouse(pen, colour, middle, unit):
    pen.polygon(
        [
            (middle - unit, middle - 2 * unit),
            (middle + unit, middle - 2 * unit),
            (middle + 1.6 * unit, middle + 4 * unit),
            (middle - 1.6 * unit, middle + 4 * unit),
        ],
        colour,
    )
    pen.rectangle(
        [middle - 1.2 * unit, middle - 3.5 * unit, middle + 1.2 * unit, middle - 2 * unit],
        "#1b1b29",
    )
    pen.polygon(
        [
            (middle + 1.2 * unit, middle - 3 * unit),
            (middle + 4.5 * unit, middle - 4.2 * unit),
            (middle + 4.5 * unit, middle - 1.8 * unit),
        ],
        "#f2b705",
    )


def _bridge(pen, colour, middle, unit):
    pen.arc(
        [middle - 4 * unit, middle - 2 * unit, middle + 4 * unit, middle + 4 * unit],
        180,
        360,
        colour,
        width=int(unit),
    )
    pen.rectangle(
        [middle - 4.5 * unit, middle + 0.8 * unit, middle + 4.5 * unit, middle + 1.6 * unit], colour
    )


def _tree(pen, colour, middle, unit):
    pen.rectangle(
        [middle - 0.6 * unit, middle + unit, middle + 0.6 * unit, middle + 4 * unit], "#7a3b00"
    )
    pen.ellipse(
        [middle - 3 * unit, middle - 4 * unit, middle + 3 * unit, middle + 2 * unit], colour
    )


def _bird(pen, colour, middle, unit):
    for offset in (-2, 1.5):
        y = middle + offset * unit
        pen.arc(
            [middle - 4 * unit, y - unit, middle, y + 2 * unit],
            200,
            340,
            colour,
            width=int(unit / 2),
        )
        pen.arc(
            [middle, y - unit, middle + 4 * unit, y + 2 * unit],
            200,
            340,
            colour,
            width=int(unit / 2),
        )


def _wave(pen, colour, middle, unit):
    pen.chord(
        [middle - 4 * unit, middle - 2 * unit, middle + 4 * unit, middle + 6 * unit],
        180,
        360,
        colour,
    )
    pen.rectangle(
        [middle - 4 * unit, middle + 2 * unit, middle + 4 * unit, middle + 2.6 * unit], "#1b1b29"
    )


def _flower(pen, colour, middle, unit):
    for angle in range(0, 360, 60):
        x = middle + math.cos(math.radians(angle)) * 2 * unit
        y = middle + math.sin(math.radians(angle)) * 2 * unit
        pen.ellipse([x - 1.4 * unit, y - 1.4 * unit, x + 1.4 * unit, y + 1.4 * unit], colour)
    pen.ellipse([middle - unit, middle - unit, middle + unit, middle + unit], "#f2b705")


def _wheel(pen, colour, middle, unit):
    for centre in (middle - 2.2 * unit, middle + 2.2 * unit):
        pen.ellipse(
            [
                centre - 1.8 * unit,
                middle - 1.8 * unit + unit,
                centre + 1.8 * unit,
                middle + 1.8 * unit + unit,
            ],
            outline=colour,
            width=int(unit / 2),
        )
    pen.line(
        [
            (middle - 2.2 * unit, middle + unit),
            (middle, middle - unit),
            (middle + 2.2 * unit, middle + unit),
        ],
        colour,
        width=int(unit / 2),
    )


def _book(pen, colour, middle, unit):
    pen.polygon(
        [
            (middle, middle - 2 * unit),
            (middle - 4 * unit, middle - 3 * unit),
            (middle - 4 * unit, middle + 3 * unit),
            (middle, middle + 4 * unit),
        ],
        colour,
    )
    pen.polygon(
        [
            (middle, middle - 2 * unit),
            (middle + 4 * unit, middle - 3 * unit),
            (middle + 4 * unit, middle + 3 * unit),
            (middle, middle + 4 * unit),
        ],
        colour,
    )
    pen.line(
        [(middle, middle - 2 * unit), (middle, middle + 4 * unit)], "#ffffff", width=int(unit / 4)
    )


def _ball(pen, colour, middle, unit):
    _circle(pen, colour, middle, unit)
    pen.line(
        [(middle - 3 * unit, middle), (middle + 3 * unit, middle)], "#ffffff", width=int(unit / 3)
    )
    pen.arc(
        [middle - 1.5 * unit, middle - 3 * unit, middle + 1.5 * unit, middle + 3 * unit],
        0,
        360,
        "#ffffff",
        width=int(unit / 3),
    )


def _tick(pen, colour, middle, unit):
    pen.line(
        [
            (middle - 3 * unit, middle),
            (middle - unit, middle + 2.5 * unit),
            (middle + 3.5 * unit, middle - 3 * unit),
        ],
        colour,
        width=int(unit * 1.2),
        joint="curve",
    )


def _cross(pen, colour, middle, unit):
    for start, end in [((-3, -3), (3, 3)), ((-3, 3), (3, -3))]:
        pen.line(
            [
                (middle + start[0] * unit, middle + start[1] * unit),
                (middle + end[0] * unit, middle + end[1] * unit),
            ],
            colour,
            width=int(unit * 1.2),
        )


SHAPES = {
    "circle": _circle,
    "triangle": _triangle,
    "cubes": _cubes,
    "waves": _waves,
    "lighthouse": _lighthouse,
    "bridge": _bridge,
    "tree": _tree,
    "bird": _bird,
    "wave": _wave,
    "flower": _flower,
    "wheel": _wheel,
    "book": _book,
    "ball": _ball,
    "tick": _tick,
    "cross": _cross,
}
