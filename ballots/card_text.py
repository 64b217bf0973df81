"""What a ballot card says, fitted into its boxes before anything is drawn.

Typed text (the election title, the station's name and motto) wraps, then shrinks down to a
smallest size; what still does not fit is refused with a message saying how long it may be,
and the admin runs the same check before it saves a station or an election, so a batch never
prints a card with words missing. Only our own how-to lines give way on small cards, English
first, as they always did.

A station's text must fit every layout (4, 8 or 10 cards a page) and the rehearsal cards,
which add a label in the header and a band above the typed code: a batch of any kind may be
printed for it later.
"""

from dataclasses import dataclass
from functools import cached_property

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm

from django.utils import translation
from django.utils.formats import date_format
from django.utils.translation import gettext, gettext_noop

from base.fonts import register_reportlab_fonts
from base.print_fit import FittedBlock, TextBlock, fit_blocks, longest_fitting_prefix
from base.refusals import Refused
from mock_elections.models import Election, PollingStation

PAGE_MARGIN = 12 * mm
PADDING = 3 * mm
ACCENT_STRIPE = 1.2 * mm
REHEARSAL_BAND = 6 * mm
GRID = {4: (2, 2), 8: (2, 4), 10: (2, 5)}
# Large cards (4 per page) get larger text; the others share one size.
TEXT_SCALE = {4: 1.35, 8: 1.0, 10: 1.0}
REHEARSAL_TEXT = "MĒĢINĀJUMS / REHEARSAL"
HOW_TO_VOTE = gettext_noop("Scan the code at the tablet, then tap your answer. One card, one vote!")


def gettext_lv(message: str) -> str:
    """Cards are printed in Latvian whatever language the organiser's admin uses."""
    with translation.override("lv"):
        return gettext(message)


@dataclass(frozen=True)
class Sheet:
    """Where cards sit on an A4 page for a layout (cards touch, so one cut separates two),
    and the boxes inside each card."""

    layout: int

    @cached_property
    def columns_rows(self) -> tuple[int, int]:
        return GRID[self.layout]

    @cached_property
    def card_size(self) -> tuple[float, float]:
        columns, rows = self.columns_rows
        width, height = A4
        return (width - 2 * PAGE_MARGIN) / columns, (height - 2 * PAGE_MARGIN) / rows

    @cached_property
    def header_height(self) -> float:
        return min(16 * mm, self.card_size[1] * 0.22)

    @cached_property
    def code_height(self) -> float:
        return min(9 * mm, self.card_size[1] * 0.14)

    @cached_property
    def qr_size(self) -> float:
        width, height = self.card_size
        return min(height - self.header_height - self.code_height - PADDING, width * 0.48)

    @cached_property
    def column_left(self) -> float:
        """The text column beside the QR code."""
        return PADDING + self.qr_size + PADDING / 2

    @cached_property
    def column_top(self) -> float:
        return self.card_size[1] - self.header_height - ACCENT_STRIPE - PADDING

    def column_bottom(self, rehearsal: bool) -> float:
        return self.code_height + PADDING + (REHEARSAL_BAND if rehearsal else 0)

    def illustration_room(self, has_illustration: bool) -> float:
        """The header width the artwork may take (the same whatever its shape, so that the
        admin's check and the printed card agree)."""
        return self.card_size[0] / 3 + PADDING if has_illustration else 0

    def origin(self, index: int) -> tuple[float, float]:
        """Bottom-left corner of the index-th card on a page, filled row by row from the top."""
        columns, _rows = self.columns_rows
        card_width, card_height = self.card_size
        row, column = divmod(index, columns)
        return PAGE_MARGIN + column * card_width, A4[1] - PAGE_MARGIN - (row + 1) * card_height


@dataclass(frozen=True)
class CardText:
    header: list[FittedBlock]
    column: list[FittedBlock]


def _header_blocks(sheet: Sheet, title: str, rehearsal: bool, bold: str) -> list[TextBlock]:
    scale = TEXT_SCALE[sheet.layout]
    text = f"{REHEARSAL_TEXT} · {title}" if rehearsal else title
    return [TextBlock(text, bold, 10 * scale, 5 * scale, gap=0)]


def _fit_header(
    sheet: Sheet, title: str, rehearsal: bool, has_illustration: bool
) -> list[FittedBlock] | None:
    _regular, bold = register_reportlab_fonts()
    width = sheet.card_size[0] - 2 * PADDING - sheet.illustration_room(has_illustration)
    height = sheet.header_height - PADDING - 1 * mm
    return fit_blocks(_header_blocks(sheet, title, rehearsal, bold), width, height)


def _column_blocks(sheet: Sheet, station: PollingStation, name: str) -> list[TextBlock]:
    regular, bold = register_reportlab_fonts()
    scale = TEXT_SCALE[sheet.layout]
    with translation.override("lv"):
        when = date_format(station.election.election_date, "DATE_FORMAT")
    blocks = [
        TextBlock(name, bold, 9 * scale, 5 * scale, gap=0.1),
        TextBlock(when, regular, 7.5 * scale, 5 * scale, gap=0.3),
    ]
    if station.theme_motto:
        blocks.append(TextBlock(f"“{station.theme_motto}”", bold, 7.5 * scale, 5 * scale))
    return blocks


def _how_to_blocks(sheet: Sheet) -> list[TextBlock]:
    regular, _bold = register_reportlab_fonts()
    scale = TEXT_SCALE[sheet.layout]
    return [
        TextBlock(gettext_lv(HOW_TO_VOTE), regular, 7 * scale, 4.5 * scale, gap=0.2),
        TextBlock(HOW_TO_VOTE, regular, 6 * scale, 4.5 * scale, gap=0),
    ]


def _fit_column(
    sheet: Sheet, station: PollingStation, rehearsal: bool, name: str
) -> list[FittedBlock] | None:
    """The station's lines and as many how-to lines as fit, or None when its own do not."""
    typed = _column_blocks(sheet, station, name)
    how_to = _how_to_blocks(sheet)
    width = sheet.card_size[0] - sheet.column_left - PADDING
    height = sheet.column_top - sheet.column_bottom(rehearsal)
    for keep in range(len(how_to), -1, -1):
        fitted = fit_blocks(typed + how_to[:keep], width, height)
        if fitted is not None:
            return fitted
    return None


def card_text(
    sheet: Sheet, station: PollingStation, rehearsal: bool, has_illustration: bool
) -> CardText:
    """The card's fitted text for one layout; Refused when typed text cannot fit."""
    title = station.election.title
    header = _fit_header(sheet, title, rehearsal, has_illustration)
    if header is None:
        raise _title_refusal(title, has_illustration)
    column = _fit_column(sheet, station, rehearsal, station.name)
    if column is None:
        raise _station_refusal(station)
    return CardText(header, column)


def _every_card(has_illustration: bool) -> list[tuple[Sheet, bool, bool]]:
    return [
        (Sheet(layout), rehearsal, has_illustration)
        for layout in GRID
        for rehearsal in (False, True)
    ]


def _title_refusal(title: str, has_illustration: bool) -> Refused:
    def fits(text: str) -> bool:
        return all(
            _fit_header(sheet, text, rehearsal, illustrated) is not None
            for sheet, rehearsal, illustrated in _every_card(has_illustration)
        )

    return Refused(
        "card_title_too_long",
        gettext(
            "The election title does not fit on the ballot cards: at most about %(count)d "
            "characters fit in this wording."
        )
        % {"count": longest_fitting_prefix(title, fits)},
    )


def _station_refusal(station: PollingStation) -> Refused:
    def fits(name: str) -> bool:
        return all(
            _fit_column(sheet, station, rehearsal, name) is not None
            for sheet, rehearsal, _illustrated in _every_card(False)
        )

    if fits(""):
        message = gettext(
            "The station name does not fit on the ballot cards beside this motto: at most "
            "about %(count)d characters of the name fit."
        ) % {"count": longest_fitting_prefix(station.name, fits)}
    else:
        message = gettext(
            "The motto does not fit on the ballot cards beside the station name: shorten it "
            "(now %(count)d characters)."
        ) % {"count": len(station.theme_motto)}
    return Refused("card_text_too_long", message)


def check_card_title_fits(election: Election) -> None:
    """The admin calls this before saving an election's title: it must fit every card,
    artwork beside it or not."""
    for sheet, rehearsal, illustrated in _every_card(True):
        if _fit_header(sheet, election.title, rehearsal, illustrated) is None:
            raise _title_refusal(election.title, True)


def check_cards_fit(station: PollingStation) -> None:
    """The admin calls this before saving a station: its text must fit every card."""
    for sheet, rehearsal, illustrated in _every_card(bool(station.theme_illustration_id)):
        card_text(sheet, station, rehearsal, illustrated)
