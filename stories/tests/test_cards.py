import unicodedata
from io import BytesIO

import pytest
from PIL import Image as PILImage
from PIL import ImageChops

from django.utils import translation

from stories import card_layout, cards
from stories.card_layout import CardText

LATVIAN_LETTERS = "āčēģīķļņšūžĀČĒĢĪĶĻŅŠŪŽ"
SHORT_QUOTE = "Es balsoju, jo gribu drošas ielas."
LONG_QUOTE = (
    "Es balsoju, jo Liepāja ir mana pilsēta, un es gribu, lai mani bērni šeit aug drošībā, "
    "lai skolās ir labi skolotāji, ielas ir apgaismotas un parkos ir vieta visiem."
)


def glyph_mask(font, character):
    return font.getmask(character).getbbox(), bytes(font.getmask(character))


def test_font_has_a_real_glyph_for_every_latvian_letter():
    font = card_layout.load_font(48)
    missing = glyph_mask(font, "\U000f0000")  # private use: certainly not in the font
    for letter in LATVIAN_LETTERS:
        assert glyph_mask(font, letter) != missing, letter
        # ... and not drawn as its plain base letter without the mark
        base_letter = unicodedata.normalize("NFD", letter)[0]
        assert glyph_mask(font, letter) != glyph_mask(font, base_letter), letter


def card(quote=SHORT_QUOTE, name="Anna", subtitle="Karosta"):
    return CardText(quote=quote, name=name, subtitle=subtitle, brand=cards.CAMPAIGN_NAME)


def test_short_quote_uses_the_largest_size_between_latvian_quotation_marks():
    card_format = card_layout.FORMATS["1080x1080"]
    with translation.override("lv"):
        layout = card_layout.quote_layout(SHORT_QUOTE, card_format)
    assert layout.font_size == card_format.max_quote_size
    assert " ".join(layout.lines) == f"„{SHORT_QUOTE}”"
    with translation.override("en"):
        assert card_layout.quoted(SHORT_QUOTE) == f"“{SHORT_QUOTE}”"


def test_long_quote_wraps_and_shrinks_to_fit_the_box():
    card_format = card_layout.FORMATS["1080x1080"]
    layout = card_layout.quote_layout(LONG_QUOTE, card_format)
    assert card_layout.MIN_QUOTE_SIZE <= layout.font_size < card_format.max_quote_size
    assert len(layout.lines) > 3
    font = card_layout.load_font(layout.font_size)
    assert all(font.getlength(line) <= card_format.quote_box[2] for line in layout.lines)
    assert card_layout.story_text_problems(LONG_QUOTE, "Anna", "Karosta") == set()


def test_a_quote_the_card_cannot_hold_does_not_fit():
    assert card_layout.story_text_problems(LONG_QUOTE * 2, "Anna", "") == {"quote"}
    assert card_layout.quote_layout(LONG_QUOTE * 2, card_layout.FORMATS["1200x630"]) is None


@pytest.mark.parametrize("size", ["1080x1080", "1200x630"])
def test_card_without_portrait_falls_back_to_the_branded_pattern(size):
    png = cards.render_card(size, card(), portrait=None)
    picture = PILImage.open(BytesIO(png))
    assert picture.size == card_layout.FORMATS[size].size
    portrait_box = picture.crop(card_layout.FORMATS[size].portrait)
    colours = {colour for _count, colour in portrait_box.getcolors(maxcolors=10_000)}
    assert cards.PRIMARY_DARK in colours and cards.ACCENT in colours


def test_card_with_diacritics_differs_from_the_same_card_without():
    with_marks = PILImage.open(BytesIO(cards.render_card("1080x1080", card("ā č ē ģ ī ķ", "Ņ"))))
    without = PILImage.open(BytesIO(cards.render_card("1080x1080", card("a c e g i k", "N"))))
    assert ImageChops.difference(with_marks, without).getbbox() is not None


def test_crop_box_is_centred_on_the_focal_point_within_the_image():
    assert cards.crop_box((1000, 500), (100, 100), (900, 250)) == (500, 0, 1000, 500)
    assert cards.crop_box((1000, 500), (100, 100), (100, 250)) == (0, 0, 500, 500)
    assert cards.crop_box((1000, 500), (100, 100), None) == (250, 0, 750, 500)


def test_card_crops_the_portrait_around_its_focal_point():
    # Left half red, right half green; the focal point on the right must show green.
    photo = PILImage.new("RGB", (1200, 400), (200, 0, 0))
    photo.paste((0, 160, 0), (600, 0, 1200, 400))
    for focal, expected in (((1100, 200), (0, 160, 0)), ((100, 200), (200, 0, 0))):
        png = cards.render_card("1200x630", card(), portrait=(photo, focal))
        picture = PILImage.open(BytesIO(png)).convert("RGB")
        assert picture.getpixel((225, 315)) == expected


def test_a_quote_saved_before_the_check_is_cut_to_the_box_not_drawn_outside():
    card_format = card_layout.FORMATS["1200x630"]
    layout = card_layout.truncated_layout(LONG_QUOTE * 3, card_format)
    height = len(layout.lines) * layout.font_size * card_layout.LINE_SPACING
    assert height <= card_format.quote_box[3]
    assert layout.lines[-1].endswith("…")
    png = cards.render_card("1200x630", card(LONG_QUOTE * 3))
    assert PILImage.open(BytesIO(png)).size == (1200, 630)


@pytest.mark.parametrize("box", [(0, 0, 400, 400), (0, 0, 1080, 440), (10, 20, 47, 95)])
def test_cube_pattern_stays_inside_its_box_whatever_the_box(box):
    picture = PILImage.new("RGB", (1100, 500), (0, 0, 0))
    cards.draw_brand_pattern(picture, box)
    assert picture.getbbox() == box
