"""Share cards for resident stories, drawn with Pillow.

What goes where, and at which size, is decided by `stories.card_layout`; this module draws
that layout, with the portrait (or the campaign's cube pattern) and the campaign colours. A
card speaks the story's language: the quote's quotation marks, the call to vote with the
election day, the site's address.
"""

import hashlib
import math
from io import BytesIO

from PIL import Image as PILImage
from PIL import ImageDraw

from django.utils import timezone, translation
from django.utils.translation import gettext

from base.dates import on_day
from base.models import SiteSettings
from stories.card_layout import (
    FORMATS,
    LINE_SPACING,
    CardFormat,
    CardLayout,
    CardText,
    layout_card,
    load_font,
)

CAMPAIGN_NAME = "Liepāja ir Tava balss!"
PRIMARY = (11, 79, 138)
PRIMARY_DARK = (7, 55, 97)
ACCENT = (242, 183, 5)
RED = (200, 16, 46)
WHITE = (255, 255, 255)


def call_to_vote(election_at):
    """„Balso 9. janvārī!” when the election day is set, else a plain „Balso!”."""
    if election_at is None:
        return gettext("Vote!")
    day = timezone.localtime(election_at).date()
    return gettext("Vote on %(day)s!") % {"day": on_day(day)}


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
    draw.rectangle((left, top, right - 1, bottom - 1), fill=PRIMARY_DARK)
    cube = max((right - left) // 6, 40)
    colours = (ACCENT, RED, PRIMARY, WHITE)
    for row, y in enumerate(range(top, bottom, cube)):
        for column, x in enumerate(range(left, right, cube)):
            if (row + column) % 3 == 0:
                colour = colours[(row * 2 + column) % len(colours)]
                # Cut at the box's edge, like a cropped photograph, never over the text.
                corner = (min(x + cube - 6, right - 1), min(y + cube - 6, bottom - 1))
                if corner[0] >= x + 6 and corner[1] >= y + 6:
                    draw.rectangle((x + 6, y + 6, *corner), fill=colour)


def paste_portrait(canvas, box, portrait):
    """Paste the portrait (a Pillow image) cropped around `portrait.focal` into the box."""
    left, top, right, bottom = box
    target = (right - left, bottom - top)
    picture, focal = portrait
    cropped = picture.convert("RGB").crop(crop_box(picture.size, target, focal))
    canvas.paste(cropped.resize(target, PILImage.Resampling.LANCZOS), (left, top))


def render_card(size, text, portrait=None):
    """PNG bytes of one share card with the `CardText`. `portrait` is (Pillow image, focal
    centre or None)."""
    card_format = FORMATS[size]
    canvas = PILImage.new("RGB", card_format.size, PRIMARY)
    if portrait is None:
        draw_brand_pattern(canvas, card_format.portrait)
    else:
        paste_portrait(canvas, card_format.portrait, portrait)
    draw = ImageDraw.Draw(canvas)
    draw.rectangle((*card_format.bar, card_format.width, card_format.height), fill=PRIMARY_DARK)
    draw_layout(draw, card_format, layout_card(text, card_format))

    output = BytesIO()
    canvas.save(output, format="PNG", optimize=False, compress_level=3)
    return output.getvalue()


# Colour of each one-line text; the yellow accent only on the dark blues (10:1 and more).
LINE_COLOURS = {"name": ACCENT, "call_to_action": ACCENT}


def draw_layout(draw, card_format: CardFormat, layout: CardLayout):
    left, top, _width, _height = card_format.quote_box
    font = load_font(layout.quote.font_size)
    for number, line in enumerate(layout.quote.lines):
        y = top + round(number * layout.quote.font_size * LINE_SPACING)
        draw.text((left, y), line, font=font, fill=WHITE)
    for line in layout.lines:
        font = load_font(line.size, line.slot.bold)
        x = line.slot.left
        if line.slot.align_right:
            x += line.slot.width - math.ceil(font.getlength(line.text))
        draw.text((x, line.slot.top), line.text, font=font, fill=LINE_COLOURS.get(line.role, WHITE))
        if line.role == "brand":
            draw_brand_mark(draw, line.slot)


def draw_brand_mark(draw, brand_slot):
    """The campaign's yellow-and-red square in front of its name."""
    left, top = brand_slot.left - 52, brand_slot.top + 2
    draw.rectangle((left, top, left + 36, top + 36), fill=ACCENT)
    draw.polygon([(left + 36, top), (left + 36, top + 36), (left, top + 36)], fill=RED)


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


def story_card_text(story, election_at, address):
    """What the story's card says, in the story's language."""
    with translation.override(story.locale.language_code):
        return CardText(
            quote=story.quote,
            name=story.display_name,
            subtitle=story.card_subtitle,
            call_to_action=call_to_vote(election_at),
            brand=CAMPAIGN_NAME,
            address=address,
        )


def site_facts(story):
    """(when the election opens, the site's address without its scheme) for the story's
    site, as its campaign settings and Wagtail's site record give them."""
    site = story.get_site()
    if site is None:
        return None, ""
    return SiteSettings.for_site(site).election_at, site.root_url.split("://", 1)[-1]


def story_card(story, size, text=None):
    """The story's card as PNG bytes, drawn once per published version of the story and of
    what the card says besides it (the election day, the site address): `text`, read from
    the story and its site unless given."""
    from django.core.cache import cache

    text = text or story_card_text(story, *site_facts(story))
    key = f"stories:card:{story.pk}:{size}:{story.card_version()}:{card_text_version(text)}"
    png = cache.get(key)
    if png is None:
        portrait = portrait_source(story.portrait) if story.portrait_id else None
        png = render_card(size, text, portrait)
        cache.set(key, png, timeout=60 * 60 * 24 * 30)
    return png


def card_text_version(text):
    """A short stable fingerprint of what the card says (cache keys and ETags)."""
    return hashlib.blake2s(repr(text).encode(), digest_size=6).hexdigest()
