"""The printable sign for a children's polling station, drawn from its theme.

It hangs by the door beside the adult polling station, so it names both and says when the
children's station is open. Every line is in Latvian with English beside it: the sign is for
the street, not for one reader's language.
"""

import io

from reportlab.lib import colors
from reportlab.lib.pagesizes import A3, A4
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader, simpleSplit
from reportlab.pdfgen import canvas

from django.utils import formats, timezone, translation
from django.utils.translation import gettext, gettext_noop

from base.fonts import register_reportlab_fonts

PAGE_SIZES = {"A4": A4, "A3": A3}

STATION_KIND = gettext_noop("Children's and youth polling station")
OPEN_HOURS = gettext_noop("Open: %(hours)s")
NEXT_TO = gettext_noop("Next to the adult polling station")
INVITATION = gettext_noop("Come and vote with your family!")


def in_latvian_and_english(message, **params):
    """The message in Latvian and in English, e.g. for a sign both kinds of readers pass."""
    texts = []
    for language in ("lv", "en"):
        with translation.override(language):
            texts.append(gettext(message) % params if params else gettext(message))
    return texts


def _colour(hex_value, fallback):
    try:
        return colors.HexColor(hex_value)
    except (ValueError, TypeError):
        return colors.HexColor(fallback)


def _hours(station):
    if station.opening_hours:
        return station.opening_hours
    election = station.election
    opens = timezone.localtime(election.voting_opens_at)
    closes = timezone.localtime(election.voting_closes_at)
    return f"{opens:%H:%M}–{closes:%H:%M}"


class _Sheet:
    """A page drawn top to bottom; sizes scale with the paper so A3 is A4 enlarged."""

    def __init__(self, pdf, width, height):
        self.pdf, self.width, self.height = pdf, width, height
        self.scale = width / A4[0]
        self.margin = 18 * mm * self.scale
        self.y = height - self.margin
        self.regular, self.bold = register_reportlab_fonts()

    def text(self, value, size, bold=False, colour=colors.black, gap=0.35):
        size *= self.scale
        font = self.bold if bold else self.regular
        self.pdf.setFillColor(colour)
        self.pdf.setFont(font, size)
        for line in simpleSplit(value, font, size, self.width - 2 * self.margin):
            self.y -= size * 1.15
            self.pdf.drawString(self.margin, self.y, line)
        self.y -= size * gap

    def space(self, amount):
        self.y -= amount * mm * self.scale


def station_poster_pdf(station, size="A4"):
    """A one-page PDF (a file-like object at position 0) for this station."""
    width, height = PAGE_SIZES[size]
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=(width, height))
    pdf.setTitle(f"{station.name} — {station.election.title}")
    primary = _colour(station.theme_primary_colour, "#0b4f8a")
    accent = _colour(station.theme_accent_colour, "#f2b705")
    sheet = _Sheet(pdf, width, height)

    # A coloured band with the election's name, in white on the dark primary colour.
    band_height = 62 * mm * sheet.scale
    pdf.setFillColor(primary)
    pdf.rect(0, height - band_height, width, band_height, stroke=0, fill=1)
    pdf.setFillColor(accent)
    pdf.rect(0, height - band_height - 6 * mm * sheet.scale, width, 6 * mm * sheet.scale, 0, 1)
    sheet.space(4)
    sheet.text(station.election.title, 30, bold=True, colour=colors.white, gap=0.2)
    if station.election.title_en:
        sheet.text(station.election.title_en, 16, colour=colors.white)
    with translation.override("lv"):
        election_day = formats.date_format(station.election.election_date, "DATE_FORMAT")
    sheet.text(election_day, 16, colour=colors.white)
    sheet.y = height - band_height - 6 * mm * sheet.scale - sheet.margin

    latvian, english = in_latvian_and_english(STATION_KIND)
    sheet.text(latvian, 15, colour=primary, gap=0.1)
    sheet.text(english, 11, colour=colors.black)
    sheet.text(station.name, 34, bold=True, colour=primary, gap=0.2)
    if station.theme_motto:
        sheet.text(f"“{station.theme_motto}”", 22, bold=True, colour=colors.black)

    if station.theme_illustration_id:
        _draw_illustration(sheet, station.theme_illustration)

    sheet.space(4)
    sheet.text(" / ".join(in_latvian_and_english(OPEN_HOURS, hours=_hours(station))), 20, bold=True)
    sheet.text(station.address, 14)
    sheet.space(4)
    sheet.text(" / ".join(in_latvian_and_english(NEXT_TO)), 12, gap=0.1)
    sheet.text(
        f"Nr. {station.adult_precinct_number} · {station.adult_precinct_name}",
        16,
        bold=True,
        colour=primary,
    )
    sheet.space(2)
    sheet.text(" · ".join(in_latvian_and_english(INVITATION)), 13)

    pdf.setFillColor(accent)
    pdf.rect(0, 0, width, 10 * mm * sheet.scale, stroke=0, fill=1)
    pdf.showPage()
    pdf.save()
    buffer.seek(0)
    return buffer


def _draw_illustration(sheet, image):
    """Fit the station's artwork into the free middle of the page, keeping its proportions."""
    try:
        with image.open_file() as file:
            reader = ImageReader(io.BytesIO(file.read()))
    except (OSError, ValueError):
        return  # a missing file must not stop the sign from printing
    image_width, image_height = reader.getSize()
    box_width = sheet.width - 2 * sheet.margin
    box_height = 80 * mm * sheet.scale
    ratio = min(box_width / image_width, box_height / image_height)
    drawn_width, drawn_height = image_width * ratio, image_height * ratio
    sheet.y -= drawn_height + 4 * mm * sheet.scale
    sheet.pdf.drawImage(
        reader,
        sheet.margin + (box_width - drawn_width) / 2,
        sheet.y,
        drawn_width,
        drawn_height,
        mask="auto",
    )
