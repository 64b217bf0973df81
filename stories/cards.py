"""Share cards for resident stories, drawn with Pillow.

One function (`quote_layout`) decides how a quote is wrapped and how small it may shrink;
the card renderer draws with it and the story form refuses quotes it cannot place, so the
admin and the picture can never disagree.
"""

from dataclasses import dataclass
from functools import cache
from io import BytesIO

from PIL import Image as PILImage
from PIL import ImageDraw, ImageFont

from base.fonts import font_path

CAMPAIGN_NAME = "Liepāja ir Tava balss!"
PRIMARY = (11, 79, 138)
PRIMARY_DARK = (7, 55, 97)
ACCENT = (242, 183, 5)
RED = (200, 16, 46)
WHITE = (255, 255, 255)

MAX_QUOTE_SIZE = 64
MIN_QUOTE_SIZE = 36
LINE_SPACING = 1.25


@dataclass(frozen=True)
class CardFormat:
    """Where things go on one card size: the portrait box and the quote box, in pixels."""

    width: int
    height: int
    portrait: tuple  # left, top, right, bottom
    quote_box: tuple  # left, top, width, height
    name_top: int
    max_quote_size: int = MAX_QUOTE_SIZE

    @property
    def size(self):
        return self.width, self.height


FORMATS = {
    # Instagram/Facebook square: portrait on top, quote below.
    "1080x1080": CardFormat(1080, 1080, (0, 0, 1080, 500), (64, 560, 952, 300), 890),
    # Open Graph link preview: portrait left, quote right.
    "1200x630": CardFormat(1200, 630, (0, 0, 450, 630), (500, 110, 650, 330), 470, 52),
}


@dataclass(frozen=True)
class QuoteLayout:
    font_size: int
    lines: tuple


@cache
def load_font(size, bold=False):
    return ImageFont.truetype(font_path(bold=bold), size)


def wrap_words(text, font, max_width):
    """Greedy word wrap by measured width; None when a single word is wider than the box."""
    lines, current = [], ""
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


def quote_layout(quote, card_format):
    """The largest font size at which the quoted text fits the card's quote box, wrapped into
    lines; None when it does not fit even at the smallest readable size."""
    text = f"“{' '.join(quote.split())}”"
    _left, _top, box_width, box_height = card_format.quote_box
    for size in range(card_format.max_quote_size, MIN_QUOTE_SIZE - 1, -2):
        font = load_font(size)
        lines = wrap_words(text, font, box_width)
        if lines is not None and len(lines) * size * LINE_SPACING <= box_height:
            return QuoteLayout(size, lines)
    return None


def truncated_layout(quote, card_format):
    """For a quote saved before it had to fit (imported data): as many lines as the box holds
    at the smallest size, the last one ending in an ellipsis."""
    _left, _top, box_width, box_height = card_format.quote_box
    font = load_font(MIN_QUOTE_SIZE)
    words = [word for word in quote.split() if font.getlength(word) <= box_width]
    lines = wrap_words(" ".join(words), font, box_width) or ()
    room = max(int(box_height // (MIN_QUOTE_SIZE * LINE_SPACING)), 1)
    if len(lines) > room:
        lines = lines[: room - 1] + (lines[room - 1] + " …",)
    return QuoteLayout(MIN_QUOTE_SIZE, lines)


def quote_fits_every_card(quote):
    return all(quote_layout(quote, card_format) for card_format in FORMATS.values())


def crop_box(image_size, target_size, focal_centre=None):
    """The largest box of the target's aspect ratio inside the image, centred on the focal
    point as far as the image edges allow."""
    image_width, image_height = image_size
    target_width, target_height = target_size
    scale = min(image_width / target_width, image_height / target_height)
    width, height = round(target_width * scale), round(target_height * scale)
    centre_x, centre_y = focal_centre or (image_width / 2, image_height / 2)
    left = min(max(round(centre_x - width / 2), 0), image_width - width)
    top = min(max(round(centre_y - height / 2), 0), image_height - height)
    return left, top, left + width, top + height


def focal_centre(image):
    """The centre of a Wagtail image's focal point, or None when the editor set none."""
    if image.focal_point_x is None or image.focal_point_y is None:
        return None
    return image.focal_point_x, image.focal_point_y


def draw_brand_pattern(canvas, box):
    """Coloured cubes ("Let's build democracy together") where a portrait would be."""
    draw = ImageDraw.Draw(canvas)
    left, top, right, bottom = box
    draw.rectangle(box, fill=PRIMARY_DARK)
    cube = max((right - left) // 6, 40)
    colours = (ACCENT, RED, PRIMARY, WHITE)
    for row, y in enumerate(range(top, bottom, cube)):
        for column, x in enumerate(range(left, right, cube)):
            if (row + column) % 3 == 0:
                colour = colours[(row * 2 + column) % len(colours)]
                draw.rectangle((x + 6, y + 6, x + cube - 6, y + cube - 6), fill=colour)


def paste_portrait(canvas, box, portrait):
    """Paste the portrait (a Pillow image) cropped around `portrait.focal` into the box."""
    left, top, right, bottom = box
    target = (right - left, bottom - top)
    picture, focal = portrait
    cropped = picture.convert("RGB").crop(crop_box(picture.size, target, focal))
    canvas.paste(cropped.resize(target, PILImage.Resampling.LANCZOS), (left, top))


def render_card(size, quote, name, subtitle="", portrait=None):
    """PNG bytes of one share card. `portrait` is (Pillow image, focal centre or None)."""
    card_format = FORMATS[size]
    canvas = PILImage.new("RGB", card_format.size, PRIMARY)
    if portrait is None:
        draw_brand_pattern(canvas, card_format.portrait)
    else:
        paste_portrait(canvas, card_format.portrait, portrait)
    draw = ImageDraw.Draw(canvas)

    layout = quote_layout(quote, card_format) or truncated_layout(quote, card_format)
    left, top, _width, _height = card_format.quote_box
    font = load_font(layout.font_size)
    for number, line in enumerate(layout.lines):
        y = top + round(number * layout.font_size * LINE_SPACING)
        draw.text((left, y), line, font=font, fill=WHITE)

    draw.text((left, card_format.name_top), name, font=load_font(40, bold=True), fill=ACCENT)
    if subtitle:
        draw.text((left, card_format.name_top + 54), subtitle, font=load_font(28), fill=WHITE)
    draw_brand_bar(draw, card_format)

    output = BytesIO()
    canvas.save(output, format="PNG", optimize=False, compress_level=3)
    return output.getvalue()


def draw_brand_bar(draw, card_format):
    """The campaign name with its yellow-and-red mark along the card's bottom edge."""
    height = 70
    left = card_format.quote_box[0]
    top = card_format.height - height
    # Under a full-height portrait (the wide card) the bar starts beside it.
    portrait_is_full_height = card_format.portrait[3] == card_format.height
    bar_left = card_format.portrait[2] if portrait_is_full_height else 0
    draw.rectangle((bar_left, top, card_format.width, card_format.height), fill=PRIMARY_DARK)
    draw.rectangle((left, top + 17, left + 36, top + 53), fill=ACCENT)
    draw.polygon([(left + 36, top + 17), (left + 36, top + 53), (left, top + 53)], fill=RED)
    draw.text((left + 52, top + 14), CAMPAIGN_NAME, font=load_font(34, bold=True), fill=WHITE)


def portrait_source(image):
    """(Pillow image, focal centre) from a Wagtail image, scaled down to at most 1600 px so
    big camera originals stay quick to crop; None when the file cannot be read."""
    try:
        with image.open_file() as file:
            picture = PILImage.open(file)
            picture.load()
    except (OSError, ValueError):
        return None
    focal = focal_centre(image)
    scale = min(1600 / max(picture.size), 1)
    if scale < 1:
        picture = picture.resize(
            (round(picture.width * scale), round(picture.height * scale)),
            PILImage.Resampling.LANCZOS,
        )
        focal = focal and (focal[0] * scale, focal[1] * scale)
    return picture, focal


def story_card(story, size):
    """The story's card as PNG bytes, drawn once per published version of the story."""
    from django.core.cache import cache

    key = f"stories:card:{story.pk}:{size}:{story.card_version()}"
    png = cache.get(key)
    if png is None:
        portrait = portrait_source(story.portrait) if story.portrait_id else None
        subtitle = ", ".join(part for part in (story.descriptor, story.district.name) if part)
        png = render_card(size, story.quote, story.display_name, subtitle, portrait)
        cache.set(key, png, timeout=60 * 60 * 24 * 30)
    return png
