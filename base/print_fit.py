"""Fitting typed text into a printed box: wrap, then shrink down to a smallest size; if it
still does not fit, say so, so that the admin refuses the text before anything is printed
without it. Nothing is ever cut off silently."""

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth

LEADING = 1.15


@dataclass(frozen=True)
class TextBlock:
    """One piece of text to print: its font, the size it wants and the smallest it may take."""

    text: str
    font: str
    size: float
    min_size: float
    max_lines: int | None = None
    gap: float = 0.35  # space after the block, in units of its size


@dataclass(frozen=True)
class FittedBlock:
    block: TextBlock
    size: float
    lines: list[str]

    @property
    def height(self) -> float:
        return self.size * LEADING * len(self.lines) + self.size * self.block.gap


def wrap(block: TextBlock, size: float, width: float) -> list[str] | None:
    """The block's lines at ``size``, or None if a word is wider than the box or there are
    more lines than it may take."""
    lines = simpleSplit(block.text, block.font, size, width) if block.text else []
    if any(stringWidth(line, block.font, size) > width + 0.01 for line in lines):
        return None
    if block.max_lines is not None and len(lines) > block.max_lines:
        return None
    return lines


def fit_blocks(
    blocks: Sequence[TextBlock], width: float, height: float, step: float = 0.05
) -> list[FittedBlock] | None:
    """Every block wrapped to ``width`` and together no taller than ``height``: all sizes
    shrink together from 100 % towards each block's smallest size. None when even the
    smallest sizes do not fit."""
    scale = 1.0
    while True:
        fitted = []
        for block in blocks:
            size = max(block.size * scale, block.min_size)
            lines = wrap(block, size, width)
            if lines is None:
                break
            fitted.append(FittedBlock(block, size, lines))
        else:
            if sum(item.height for item in fitted) <= height + 0.01:
                return fitted
        if all(block.size * scale <= block.min_size for block in blocks):
            return None
        scale -= step


def longest_fitting_prefix(text: str, fits: Callable[[str], bool]) -> int:
    """How many characters of ``text`` fit (``fits`` says whether a text fits), so a refusal
    can say how long the text may be."""
    low, high = 0, len(text)
    while low < high:
        middle = (low + high + 1) // 2
        if fits(text[:middle]):
            low = middle
        else:
            high = middle - 1
    return low


def draw_blocks(pdf, fitted: Sequence[FittedBlock], x: float, y: float, colours, scale=1.0):
    """Draw fitted blocks from ``y`` (the top of the box) down, each in its colour; returns
    where the next text may start."""
    for item, colour in zip(fitted, colours, strict=True):
        pdf.setFillColor(colour)
        pdf.setFont(item.block.font, item.size * scale)
        for line in item.lines:
            y -= item.size * LEADING * scale
            pdf.drawString(x, y, line)
        y -= item.size * item.block.gap * scale
    return y
