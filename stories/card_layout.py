"""Where every piece of text goes on a share card, and at which size: pure measuring, no
drawing.

One function (`layout_card`) decides how the quote wraps and shrinks and how the name, the
resident's line, the call to action and the site address shrink to their one line each; the
card renderer draws exactly that layout, and the story form refuses a quote, name or
descriptor for which `story_text_problems` finds no layout, so the admin and the picture
never disagree. Only text the editor cannot shorten in the story (the site address) and
stories saved before these checks are cut with an ellipsis instead of being refused.
"""

from dataclasses import dataclass
from functools import cache

from PIL import ImageFont

from django.utils.translation import gettext

from base.fonts import font_path

MIN_QUOTE_SIZE = 36
LINE_SPACING = 1.25
ELLIPSIS = "…"


@dataclass(frozen=True)
class Slot:
    """A one-line place for text: its top-left corner, its width, the largest and smallest
    font size it may take, and whether it is set right-aligned."""

    left: int
    top: int
    width: int
    size: int
    min_size: int
    bold: bool = False
    align_right: bool = False


@dataclass(frozen=True)
class CardFormat:
    """One card size: the portrait box, the quote box (left, top, width, height), the dark
    bar along the bottom (left, top), and a slot for each one-line text."""

    width: int
    height: int
    portrait: tuple[int, int, int, int]
    quote_box: tuple[int, int, int, int]
    max_quote_size: int
    bar: tuple[int, int]
    name: Slot
    subtitle: Slot
    call_to_action: Slot
    brand: Slot
    address: Slot

    @property
    def size(self) -> tuple[int, int]:
        return self.width, self.height


FORMATS = {
    # Instagram/Facebook square: portrait on top, the quote below, then the bar with the call
    # to action, the campaign mark and the site address.
    "1080x1080": CardFormat(
        1080,
        1080,
        portrait=(0, 0, 1080, 440),
        quote_box=(64, 476, 952, 300),
        max_quote_size=64,
        bar=(0, 900),
        name=Slot(64, 792, 952, 40, 22, bold=True),
        subtitle=Slot(64, 844, 952, 28, 18),
        call_to_action=Slot(64, 914, 952, 52, 32, bold=True),
        brand=Slot(116, 1000, 420, 32, 32, bold=True),
        address=Slot(560, 1004, 456, 28, 18, align_right=True),
    ),
    # Open Graph link preview: portrait left; the campaign mark, the quote and the bar right.
    "1200x630": CardFormat(
        1200,
        630,
        portrait=(0, 0, 450, 630),
        quote_box=(500, 96, 650, 264),
        max_quote_size=52,
        bar=(450, 490),
        name=Slot(500, 376, 650, 40, 22, bold=True),
        subtitle=Slot(500, 428, 650, 26, 18),
        call_to_action=Slot(500, 504, 650, 44, 30, bold=True),
        brand=Slot(548, 36, 602, 30, 30, bold=True),
        address=Slot(500, 568, 650, 28, 18),
    ),
}


@dataclass(frozen=True)
class QuoteLayout:
    font_size: int
    lines: tuple[str, ...]


@dataclass(frozen=True)
class Line:
    """One line of text as it will be drawn: which text it is ("name", "address", …), its
    slot, its font size, the text itself."""

    role: str
    slot: Slot
    size: int
    text: str


@dataclass(frozen=True)
class CardText:
    """Everything written on a card, in the reader's language."""

    quote: str
    name: str
    subtitle: str = ""
    call_to_action: str = ""
    brand: str = ""
    address: str = ""


@dataclass(frozen=True)
class CardLayout:
    quote: QuoteLayout
    lines: tuple[Line, ...]


@cache
def load_font(size: int, bold: bool = False) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(font_path(bold=bold), size)


def wrap_words(text: str, font: ImageFont.FreeTypeFont, max_width: int) -> tuple[str, ...] | None:
    """Greedy word wrap by measured width; None when a single word is wider than the box."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        candidate = f"{current} {word}".strip()
        if font.getlength(candidate) <= max_width:
            current = candidate
            continue
        if font.getlength(word) > max_width:
            return None
        lines.append(current)
        current = word
    if current:
        lines.append(current)
    return tuple(lines)


def quoted(quote: str) -> str:
    """The quote between the quotation marks of the active language (Latvian „…”)."""
    return gettext("“%(quote)s”") % {"quote": " ".join(quote.split())}


def quote_layout(quote: str, card_format: CardFormat) -> QuoteLayout | None:
    """The largest font size at which the quoted text fits the card's quote box, wrapped into
    lines; None when it does not fit even at the smallest readable size."""
    text = quoted(quote)
    _left, _top, box_width, box_height = card_format.quote_box
    for size in range(card_format.max_quote_size, MIN_QUOTE_SIZE - 1, -2):
        lines = wrap_words(text, load_font(size), box_width)
        if lines is not None and len(lines) * size * LINE_SPACING <= box_height:
            return QuoteLayout(size, lines)
    return None


def truncated_layout(quote: str, card_format: CardFormat) -> QuoteLayout:
    """For a quote saved before it had to fit (imported data): as many lines as the box holds
    at the smallest size, the last one ending in an ellipsis."""
    _left, _top, box_width, box_height = card_format.quote_box
    font = load_font(MIN_QUOTE_SIZE)
    words = [word for word in quoted(quote).split() if font.getlength(word) <= box_width]
    lines = wrap_words(" ".join(words), font, box_width) or ()
    room = max(int(box_height // (MIN_QUOTE_SIZE * LINE_SPACING)), 1)
    if len(lines) > room:
        lines = lines[: room - 1] + (lines[room - 1] + f" {ELLIPSIS}",)
    return QuoteLayout(MIN_QUOTE_SIZE, lines)


def fit_line(role: str, text: str, slot: Slot) -> Line | None:
    """The text on one line at the largest size its slot allows; None when it is wider than
    the slot even at the smallest size."""
    text = " ".join(text.split())
    for size in range(slot.size, slot.min_size - 1, -2):
        if load_font(size, slot.bold).getlength(text) <= slot.width:
            return Line(role, slot, size, text)
    return None


def cut_line(role: str, text: str, slot: Slot) -> Line:
    """The text at the slot's smallest size, cut and ended with an ellipsis to fit."""
    font = load_font(slot.min_size, slot.bold)
    text = " ".join(text.split())
    while text and font.getlength(text + ELLIPSIS) > slot.width:
        text = text[:-1]
    return Line(role, slot, slot.min_size, text.rstrip() + ELLIPSIS)


def layout_card(text: CardText, card_format: CardFormat) -> CardLayout:
    """Every text of the card placed: fitted where it fits, otherwise cut (stories saved
    before the checks; an address too long for its slot)."""
    quote = quote_layout(text.quote, card_format) or truncated_layout(text.quote, card_format)
    lines = []
    for role in ("name", "subtitle", "call_to_action", "brand", "address"):
        value: str = getattr(text, role)
        if value:
            slot: Slot = getattr(card_format, role)
            lines.append(fit_line(role, value, slot) or cut_line(role, value, slot))
    return CardLayout(quote, tuple(lines))


def story_text_problems(quote: str, name: str, subtitle: str) -> set[str]:
    """Which of the story's own texts ("quote", "name", "subtitle") do not fit every card."""
    problems = set()
    for card_format in FORMATS.values():
        if quote and quote_layout(quote, card_format) is None:
            problems.add("quote")
        if name and fit_line("name", name, card_format.name) is None:
            problems.add("name")
        if subtitle and fit_line("subtitle", subtitle, card_format.subtitle) is None:
            problems.add("subtitle")
    return problems
