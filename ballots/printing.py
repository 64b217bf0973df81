"""The print-ready PDF of a batch: A4 sheets of cards, cut marks, the station's theme.

Made to stay fast and small for large batches:

* everything that is the same on every card (theme colours, motto, illustration, election,
  station, how-to line, rehearsal mark) is drawn once into a PDF form XObject that each card
  reuses, and the cut marks once into another that each page reuses;
* the QR code is vector: one filled path of rectangles per card, one per run of dark
  modules, in module units (small integers), written as PDF operators;
* the font is embedded once (subset), page streams are compressed.
"""

import io
import re
from collections.abc import Callable

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from django.utils.translation import gettext_noop

from base.fonts import register_reportlab_fonts
from base.print_fit import draw_blocks

from .card_text import (
    PADDING,
    PAGE_MARGIN,
    REHEARSAL_TEXT,
    TEXT_SCALE,
    Sheet,
    card_text,
    gettext_lv,
)
from .codes import format_code
from .qr import ballot_qr

CUT_MARK = 6 * mm
CUT_MARK_GAP = 1.5 * mm
QUIET_ZONE_MODULES = 4
WHITE = colors.white
INK = colors.HexColor("#1a1a2e")
GREY_INK = colors.HexColor("#4a4a5a")
REHEARSAL_RED = colors.HexColor("#b00020")
DARK_RUN = re.compile(b"\x01+")
CARD_NUMBER = gettext_noop("Batch %(batch)s · card %(serial)s")


def _colour(value, fallback):
    try:
        return colors.HexColor(value)
    except (ValueError, TypeError):
        return colors.HexColor(fallback)


class BatchPrinter:
    """Draws one batch. ``render()`` returns the PDF bytes."""

    def __init__(self, batch):
        self.batch = batch
        self.station = batch.station
        self.election = batch.station.election
        self.sheet = Sheet(batch.layout)
        self.text_scale = TEXT_SCALE[batch.layout]
        self.regular, self.bold = register_reportlab_fonts()
        self.primary = _colour(self.station.theme_primary_colour, "#0b4f8a")
        self.accent = _colour(self.station.theme_accent_colour, "#f2b705")
        self.header_height = self.sheet.header_height
        self.code_height = self.sheet.code_height
        self.qr_size = self.sheet.qr_size
        # Fitted before anything is drawn: text that cannot fit stops the batch (Refused)
        # rather than printing cards with words missing.
        self.text = card_text(
            self.sheet, self.station, batch.is_rehearsal, bool(self.station.theme_illustration_id)
        )

    def render(self, progress: Callable[[int], None] | None = None) -> bytes:
        """The PDF bytes; ``progress`` hears how many cards are drawn after each page."""
        buffer = io.BytesIO()
        canvas = Canvas(buffer, pagesize=A4, pageCompression=1, invariant=1)
        canvas.setTitle(str(self.batch))
        canvas.setAuthor("Liepāja ir Tava balss!")
        canvas.setSubject(self.election.title)
        self._define_card_form(canvas)
        self._define_sheet_form(canvas)
        per_page = self.batch.layout
        for first in range(0, self.batch.size, per_page):
            canvas.doForm("sheet")
            serials = range(first + 1, min(first + per_page, self.batch.size) + 1)
            for index, serial in enumerate(serials):
                self._draw_card(canvas, index, serial)
            canvas.showPage()
            if progress is not None:
                progress(serials[-1])
        canvas.save()
        return buffer.getvalue()

    # What every card shares: drawn once
    def _define_card_form(self, canvas):
        width, height = self.sheet.card_size
        canvas.beginForm("card", 0, 0, width, height)
        # Header band in the station's colour, with an accent stripe under it.
        canvas.setFillColor(self.primary)
        canvas.rect(0, height - self.header_height, width, self.header_height, stroke=0, fill=1)
        canvas.setFillColor(self.accent)
        canvas.rect(0, height - self.header_height - 1.2 * mm, width, 1.2 * mm, stroke=0, fill=1)
        self._draw_illustration(canvas, width, height)
        draw_blocks(canvas, self.text.header, PADDING, height - PADDING, [WHITE])
        left, column_width = self.sheet.column_left, width - self.sheet.column_left - PADDING
        # The station's lines, the motto in its colour, then the Latvian and English how-to.
        colours = (
            [INK, INK] + ([self.primary] if self.station.theme_motto else []) + [INK, GREY_INK]
        )
        draw_blocks(
            canvas, self.text.column, left, self.sheet.column_top, colours[: len(self.text.column)]
        )

        if self.batch.is_rehearsal:
            # Marked in words and by a red frame, never over the QR code.
            canvas.setStrokeColor(REHEARSAL_RED)
            canvas.setLineWidth(2)
            canvas.rect(1, 1, width - 2, height - 2, stroke=1, fill=0)
            canvas.setFillColor(REHEARSAL_RED)
            canvas.rect(left, self.code_height + PADDING, column_width, 5 * mm, stroke=0, fill=1)
            canvas.setFillColor(WHITE)
            canvas.setFont(self.bold, 6.5)
            canvas.drawCentredString(
                left + column_width / 2, self.code_height + PADDING + 1.6 * mm, REHEARSAL_TEXT
            )
        canvas.endForm()

    def _draw_illustration(self, canvas, card_width, card_height):
        """The station's artwork at the right of the header band, in the room the text left."""
        image = self.station.theme_illustration
        if image is None:
            return
        rendition = image.get_rendition("max-400x400")
        with rendition.file.open("rb") as file:
            reader = ImageReader(io.BytesIO(file.read()))
        box = self.header_height - 2 * mm
        pixels_wide, pixels_high = reader.getSize()
        width = min(box * pixels_wide / pixels_high, self.sheet.illustration_room(True) - PADDING)
        canvas.drawImage(
            reader, card_width - PADDING - width, card_height - self.header_height + 1 * mm,
            width, box, preserveAspectRatio=True, anchor="e", mask="auto",
        )  # fmt: skip

    # What every page shares: the cut marks
    def _define_sheet_form(self, canvas):
        page_width, page_height = A4
        columns, rows = self.sheet.columns_rows
        card_width, card_height = self.sheet.card_size
        canvas.beginForm("sheet", 0, 0, page_width, page_height)
        canvas.setStrokeColor(colors.black)
        canvas.setLineWidth(0.3)
        for column in range(columns + 1):
            x = PAGE_MARGIN + column * card_width
            canvas.line(x, page_height - PAGE_MARGIN + CUT_MARK_GAP, x,
                        page_height - PAGE_MARGIN + CUT_MARK_GAP + CUT_MARK)  # fmt: skip
            canvas.line(x, PAGE_MARGIN - CUT_MARK_GAP, x, PAGE_MARGIN - CUT_MARK_GAP - CUT_MARK)
        for row in range(rows + 1):
            y = PAGE_MARGIN + row * card_height
            canvas.line(PAGE_MARGIN - CUT_MARK_GAP, y, PAGE_MARGIN - CUT_MARK_GAP - CUT_MARK, y)
            canvas.line(page_width - PAGE_MARGIN + CUT_MARK_GAP, y,
                        page_width - PAGE_MARGIN + CUT_MARK_GAP + CUT_MARK, y)  # fmt: skip
        # A faint outline shows each card where the cutter may be slightly off.
        canvas.setStrokeColor(colors.HexColor("#c8c8d0"))
        canvas.setLineWidth(0.25)
        canvas.setDash(2, 2)
        for row in range(rows):
            for column in range(columns):
                canvas.rect(PAGE_MARGIN + column * card_width, PAGE_MARGIN + row * card_height,
                            card_width, card_height)  # fmt: skip
        canvas.endForm()

    # What differs per card: QR code, typed code, card number
    def _draw_card(self, canvas, index, serial):
        x, y = self.sheet.origin(index)
        code = self.batch.code_of(serial)
        canvas.saveState()
        canvas.translate(x, y)
        canvas.doForm("card")
        qr_top = self.sheet.card_size[1] - self.header_height - 1.2 * mm
        canvas.addLiteral(qr_path(ballot_qr(code).matrix, PADDING, qr_top, self.qr_size))
        canvas.setFillColor(INK)
        typed = format_code(code)
        size = 12 * self.text_scale
        while stringWidth(typed, self.bold, size) > self.qr_size + PADDING and size > 7:
            size -= 0.5
        canvas.setFont(self.bold, size)
        canvas.drawString(PADDING, PADDING, typed)
        canvas.setFont(self.regular, 6.5)
        canvas.drawRightString(
            self.sheet.card_size[0] - PADDING,
            PADDING,
            gettext_lv(CARD_NUMBER) % {"batch": self.batch.number, "serial": serial},
        )
        canvas.restoreState()


def qr_path(matrix, left, top, size):
    """PDF operators filling the QR's dark modules as rectangles, one per horizontal run.

    Coordinates are module units (integers) under a transform that maps the symbol and its
    quiet zone into the ``size`` square whose top-left corner is (left, top).
    """
    count = len(matrix)
    module = size / (count + 2 * QUIET_ZONE_MODULES)
    offset = QUIET_ZONE_MODULES * module
    parts = [f"q 0 g {module:.4f} 0 0 {-module:.4f} {left + offset:.3f} {top - offset:.3f} cm"]
    for row_index, row in enumerate(matrix):
        parts.extend(
            f"{run.start()} {row_index} {run.end() - run.start()} 1 re"
            for run in DARK_RUN.finditer(bytes(row))
        )
    parts.append("f Q")
    return "\n".join(parts)


def batch_pdf(batch, progress: Callable[[int], None] | None = None) -> bytes:
    """The batch's print-ready PDF as bytes."""
    return BatchPrinter(batch).render(progress)
