"""The printable sign for a children's polling station, drawn from its theme.

It hangs by the door beside the adult polling station, so it names both and says when the
children's station is open. Every line is in Latvian with English beside it: the sign is for
the street, not for one reader's language.
"""

import io
from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.pagesizes import A3, A4
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas

from django.utils import formats, timezone, translation
from django.utils.translation import gettext, gettext_noop

from base.fonts import register_reportlab_fonts
from base.print_fit import (
    FittedBlock,
    TextBlock,
    draw_blocks,
    fit_blocks,
    longest_fitting_prefix,
)
from base.refusals import Refused

from .models import Election, PollingStation

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


# Sizes in points on A4; an A3 poster is the same drawing enlarged.
BAND_HEIGHT = 62 * mm
STRIPE = 6 * mm
FOOT = 10 * mm
MARGIN = 18 * mm
ILLUSTRATION_MAX = 80 * mm
ILLUSTRATION_MIN = 25 * mm  # below this the artwork is left out rather than squeezed


@dataclass(frozen=True)
class PosterLayout:
    """What the poster prints and at which sizes, decided before anything is drawn."""

    band: list[FittedBlock]
    body_top: list[FittedBlock]
    body_bottom: list[FittedBlock]
    illustration_height: float


def _band_blocks(election: Election, regular: str, bold: str) -> list[TextBlock]:
    with translation.override("lv"):
        election_day = formats.date_format(election.election_date, "DATE_FORMAT")
    blocks = [TextBlock(election.title, bold, 30, 14, gap=0.2)]
    if election.title_en:
        blocks.append(TextBlock(election.title_en, regular, 16, 10))
    blocks.append(TextBlock(election_day, regular, 16, 12))
    return blocks


def _body_blocks(station: PollingStation, regular: str, bold: str):
    latvian, english = in_latvian_and_english(STATION_KIND)
    top = [
        TextBlock(latvian, regular, 15, 11, gap=0.1),
        TextBlock(english, regular, 11, 9),
        TextBlock(station.name, bold, 34, 16, gap=0.2),
    ]
    if station.theme_motto:
        top.append(TextBlock(f"„{station.theme_motto}”", bold, 22, 12))
    hours = " / ".join(in_latvian_and_english(OPEN_HOURS, hours=_hours(station)))
    bottom = [
        TextBlock(hours, bold, 20, 12),
        TextBlock(station.address, regular, 14, 10, gap=0.9),
        TextBlock(" / ".join(in_latvian_and_english(NEXT_TO)), regular, 12, 9, gap=0.1),
        TextBlock(
            f"Nr. {station.adult_precinct_number} · {station.adult_precinct_name}", bold, 16, 11,
            gap=0.6,
        ),
        TextBlock(" · ".join(in_latvian_and_english(INVITATION)), regular, 13, 9),
    ]  # fmt: skip
    return top, bottom


def poster_layout(station: PollingStation) -> PosterLayout:
    """Fit everything the poster says onto A4, shrinking text down to its smallest sizes and
    the artwork down to nothing; refuses (Refused) what cannot fit, saying what to shorten."""
    regular, bold = register_reportlab_fonts()
    width, height = A4
    text_width = width - 2 * MARGIN
    band = _fit_band(station.election, regular, bold)
    top, bottom = _body_blocks(station, regular, bold)
    room = height - BAND_HEIGHT - STRIPE - MARGIN - FOOT - 8 * mm
    fitted = fit_blocks(top + bottom, text_width, room)
    if fitted is None:
        raise Refused(
            "poster_text_too_long",
            gettext(
                "The station poster cannot fit its name, motto, hours, address and adult "
                "polling station. Shorten the longest of them (name %(name)d, motto %(motto)d, "
                "address %(address)d characters)."
            )
            % {
                "name": len(station.name),
                "motto": len(station.theme_motto),
                "address": len(station.address),
            },
        )
    left_over = room - sum(item.height for item in fitted)
    illustration = min(left_over - 4 * mm, ILLUSTRATION_MAX)
    return PosterLayout(
        band=band,
        body_top=fitted[: len(top)],
        body_bottom=fitted[len(top) :],
        illustration_height=illustration if illustration >= ILLUSTRATION_MIN else 0,
    )


def _fit_band(election: Election, regular: str, bold: str) -> list[FittedBlock]:
    text_width = A4[0] - 2 * MARGIN
    band = fit_blocks(_band_blocks(election, regular, bold), text_width, BAND_HEIGHT - 8 * mm)
    if band is None:
        raise Refused(
            "poster_title_too_long",
            gettext(
                "The election title does not fit on the station posters: at most about "
                "%(count)d characters fit in this wording."
            )
            % {"count": _title_room(election, regular, bold, text_width)},
        )
    return band


def check_poster_title_fits(election: Election) -> None:
    """The admin calls this before saving an election's titles."""
    _fit_band(election, *register_reportlab_fonts())


def _title_room(election: Election, regular: str, bold: str, width: float) -> int:
    def fits(title: str) -> bool:
        blocks = _band_blocks(election, regular, bold)
        blocks[0] = TextBlock(title, bold, 30, 14, gap=0.2)
        return fit_blocks(blocks, width, BAND_HEIGHT - 8 * mm) is not None

    return longest_fitting_prefix(election.title, fits)


def check_poster_fits(station: PollingStation) -> None:
    """The admin calls this before saving a station."""
    poster_layout(station)


def station_poster_pdf(station, size="A4"):
    """A one-page PDF (a file-like object at position 0) for this station."""
    layout = poster_layout(station)
    width, height = PAGE_SIZES[size]
    scale = width / A4[0]
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=(width, height))
    pdf.setTitle(f"{station.name} — {station.election.title}")
    primary = _colour(station.theme_primary_colour, "#0b4f8a")
    accent = _colour(station.theme_accent_colour, "#f2b705")
    margin = MARGIN * scale

    # A coloured band with the election's name, in white on the dark primary colour.
    band_height, stripe = BAND_HEIGHT * scale, STRIPE * scale
    pdf.setFillColor(primary)
    pdf.rect(0, height - band_height, width, band_height, stroke=0, fill=1)
    pdf.setFillColor(accent)
    pdf.rect(0, height - band_height - stripe, width, stripe, 0, 1)
    white = [colors.white] * len(layout.band)
    draw_blocks(pdf, layout.band, margin, height - 4 * mm * scale, white, scale)

    y = height - band_height - stripe - margin
    top_colours = [primary, colors.black, primary, colors.black][: len(layout.body_top)]
    y = draw_blocks(pdf, layout.body_top, margin, y, top_colours, scale)
    if layout.illustration_height and station.theme_illustration_id:
        y = _draw_illustration(pdf, station.theme_illustration, margin, y, width - 2 * margin,
                               layout.illustration_height * scale)  # fmt: skip
    y -= 4 * mm * scale
    bottom_colours = [colors.black, colors.black, colors.black, primary, colors.black]
    draw_blocks(pdf, layout.body_bottom, margin, y, bottom_colours, scale)

    pdf.setFillColor(accent)
    pdf.rect(0, 0, width, FOOT * scale, stroke=0, fill=1)
    pdf.showPage()
    pdf.save()
    buffer.seek(0)
    return buffer


def _draw_illustration(pdf, image, left, top, box_width, box_height):
    """Fit the station's artwork into the free middle of the page, keeping its proportions;
    returns where the text continues below it."""
    try:
        with image.open_file() as file:
            reader = ImageReader(io.BytesIO(file.read()))
    except (OSError, ValueError):
        return top  # a missing file must not stop the sign from printing
    image_width, image_height = reader.getSize()
    ratio = min(box_width / image_width, box_height / image_height)
    drawn_width, drawn_height = image_width * ratio, image_height * ratio
    bottom = top - drawn_height - 4 * mm
    pdf.drawImage(
        reader, left + (box_width - drawn_width) / 2, bottom, drawn_width, drawn_height,
        mask="auto",
    )  # fmt: skip
    return bottom
