"""A4 print poster of a resident's story, drawn with ReportLab."""

from io import BytesIO

from PIL import Image as PILImage
from reportlab.lib.colors import Color, white
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader, simpleSplit
from reportlab.pdfgen.canvas import Canvas

from django.utils import translation

from base.fonts import register_reportlab_fonts
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


def _fit_quote(text, font, width, height, largest=34, smallest=16):
    for size in range(largest, smallest - 1, -1):
        lines = simpleSplit(text, font, size, width)
        if len(lines) * size * 1.25 <= height:
            return size, lines
    return smallest, simpleSplit(text, font, smallest, width)


def story_poster_pdf(story, story_url=""):
    """PDF bytes: portrait, the quote, the name, the campaign mark and the story's address."""
    regular, bold = register_reportlab_fonts()
    width, height = A4
    margin = 18 * mm
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
        portrait_top - portrait_size * 0.62,
        portrait_size,
        portrait_size * 0.62,
        preserveAspectRatio=True,
        anchor="c",
    )

    quote_top = portrait_top - portrait_size * 0.62 - 12 * mm
    quote_height = quote_top - 70 * mm
    with translation.override(story.locale.language_code):
        text = quoted(story.quote)
    size, lines = _fit_quote(text, regular, portrait_size, quote_height)
    pdf.setFillColor(white)
    pdf.setFont(regular, size)
    for number, line in enumerate(lines):
        pdf.drawString(margin, quote_top - size - number * size * 1.25, line)

    pdf.setFillColor(_colour(cards.ACCENT))
    pdf.setFont(bold, 22)
    pdf.drawString(margin, 56 * mm, story.display_name)
    subtitle = ", ".join(part for part in (story.descriptor, story.district.name) if part)
    pdf.setFillColor(white)
    pdf.setFont(regular, 14)
    pdf.drawString(margin, 48 * mm, subtitle)

    pdf.setFillColor(_colour(cards.PRIMARY_DARK))
    pdf.rect(0, 0, width, 34 * mm, stroke=0, fill=1)
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
