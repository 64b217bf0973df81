"""A4 print poster of a resident's story, drawn with ReportLab.

The quote, the name and the description wrap, then shrink together down to their smallest
sizes; what still cannot fit is refused before the story is saved (``StoryPage.clean``), so a
poster never prints with words missing."""

from io import BytesIO

from PIL import Image as PILImage
from reportlab.lib.colors import Color, white
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from django.utils import translation
from django.utils.translation import gettext

from base.fonts import register_reportlab_fonts
from base.print_fit import FittedBlock, TextBlock, draw_blocks, fit_blocks, longest_fitting_prefix
from base.refusals import Refused
from stories import cards
from stories.card_layout import quoted


def _colour(rgb):
    return Color(*(channel / 255 for channel in rgb))


def _portrait_reader(story, size_px):
    source = cards.portrait_source(story.portrait) if story.portrait_id else None
    if source is None:
        picture = PILImage.new("RGB", (size_px, size_px), cards.PRIMARY_DARK)
        cards.draw_brand_pattern(picture, (0, 0, size_px, size_px))
    else:
        image, focal = source
        picture = image.convert("RGB").crop(cards.crop_box(image.size, (1, 1), focal))
        picture = picture.resize((size_px, size_px), PILImage.Resampling.LANCZOS)
    return ImageReader(picture)


MARGIN = 18 * mm
PORTRAIT_RATIO = 0.62
BAR_HEIGHT = 34 * mm


def _text_box():
    """Width and height of the text between the portrait and the campaign bar."""
    width, height = A4
    text_width = width - 2 * MARGIN
    top = height - MARGIN - text_width * PORTRAIT_RATIO - 12 * mm
    return text_width, top - BAR_HEIGHT - 6 * mm


def _blocks(quote, name, subtitle, regular, bold):
    blocks = [
        TextBlock(quoted(quote), regular, 34, 14, gap=0.8),
        TextBlock(name, bold, 22, 12, gap=0.3),
    ]
    if subtitle:
        blocks.append(TextBlock(subtitle, regular, 14, 9))
    return blocks


def _subtitle(story):
    return ", ".join(part for part in (story.descriptor, story.district.name) if part)


def poster_text(story) -> list[FittedBlock]:
    """The quote, name and subtitle wrapped and shrunk together to fit the poster; refuses
    (Refused) what cannot fit even at the smallest sizes, saying how long the quote may be."""
    regular, bold = register_reportlab_fonts()
    width, height = _text_box()
    subtitle = _subtitle(story)
    fitted = fit_blocks(
        _blocks(story.quote, story.display_name, subtitle, regular, bold), width, height
    )
    if fitted is not None:
        return fitted

    def fits(quote):
        blocks = _blocks(quote, story.display_name, subtitle, regular, bold)
        return fit_blocks(blocks, width, height) is not None

    raise Refused(
        "story_poster_text_too_long",
        gettext(
            "The quote, name and description do not fit the A4 poster: with this name and "
            "description, at most about %(count)d characters of the quote fit."
        )
        % {"count": longest_fitting_prefix(story.quote, fits)},
    )


def story_poster_pdf(story, story_url=""):
    """PDF bytes: portrait, the quote, the name, the campaign mark and the story's address."""
    regular, bold = register_reportlab_fonts()
    width, height = A4
    margin = MARGIN
    output = BytesIO()
    pdf = Canvas(output, pagesize=A4)
    pdf.setTitle(f"{story.display_name} — {cards.CAMPAIGN_NAME}")
    pdf.setAuthor(cards.CAMPAIGN_NAME)

    pdf.setFillColor(_colour(cards.PRIMARY))
    pdf.rect(0, 0, width, height, stroke=0, fill=1)

    portrait_size = width - 2 * margin
    portrait_top = height - margin
    pdf.drawImage(
        _portrait_reader(story, 1200),
        margin,
        portrait_top - portrait_size * PORTRAIT_RATIO,
        portrait_size,
        portrait_size * PORTRAIT_RATIO,
        preserveAspectRatio=True,
        anchor="c",
    )

    # The quotation marks of the story's own language (Latvian „…”), whoever prints it.
    with translation.override(story.locale.language_code):
        fitted = poster_text(story)
    quote_top = portrait_top - portrait_size * PORTRAIT_RATIO - 12 * mm
    colours = [white, _colour(cards.ACCENT), white][: len(fitted)]
    draw_blocks(pdf, fitted, margin, quote_top, colours)

    pdf.setFillColor(_colour(cards.PRIMARY_DARK))
    pdf.rect(0, 0, width, BAR_HEIGHT, stroke=0, fill=1)
    pdf.setFillColor(_colour(cards.ACCENT))
    pdf.rect(margin, 12 * mm, 10 * mm, 10 * mm, stroke=0, fill=1)
    pdf.setFillColor(white)
    pdf.setFont(bold, 24)
    pdf.drawString(margin + 14 * mm, 14 * mm, cards.CAMPAIGN_NAME)
    if story_url:
        pdf.setFont(regular, 10)
        pdf.drawRightString(width - margin, 6 * mm, story_url)
    pdf.showPage()
    pdf.save()
    return output.getvalue()
