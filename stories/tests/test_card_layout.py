"""What a share card says besides the quote (the call to vote with the election day, the
site address) is laid out inside the card, and nothing the admin accepts is ever cut."""

import datetime
import math
from io import BytesIO
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image as PILImage
from PIL import ImageChops

from django.utils import translation

from stories import card_layout, cards
from stories.card_layout import FORMATS, CardText

RIGA = ZoneInfo("Europe/Riga")
TEXT = CardText(
    quote="Es balsoju, jo gribu drošas ielas.",
    name="Anna, 34",
    subtitle="skolotāja, Ziemeļu priekšpilsēta",
    call_to_action="Balso 30. septembrī!",
    brand=cards.CAMPAIGN_NAME,
    address="liepajairtavabalss.lv",
)


def box(line):
    font = card_layout.load_font(line.size, line.slot.bold)
    left = line.slot.left
    if line.slot.align_right:
        left += line.slot.width - math.ceil(font.getlength(line.text))
    right = left + font.getlength(line.text)
    return left, line.slot.top, right, line.slot.top + line.size * card_layout.LINE_SPACING


def overlaps(first, second):
    return not (
        first[2] <= second[0]
        or second[2] <= first[0]
        or first[3] <= second[1]
        or second[3] <= first[1]
    )


@pytest.mark.parametrize("size", FORMATS)
def test_every_text_is_on_the_card_uncut_inside_it_and_apart(size):
    card_format = FORMATS[size]
    layout = card_layout.layout_card(TEXT, card_format)
    by_role = {line.role: line for line in layout.lines}
    for role in ("name", "subtitle", "call_to_action", "brand", "address"):
        assert by_role[role].text == getattr(TEXT, role)
    left, top, width, height = card_format.quote_box
    quote_box = (left, top, left + width, top + height)
    boxes = [box(line) for line in layout.lines] + [quote_box]
    for number, first in enumerate(boxes):
        assert first[0] >= 0 and first[2] <= card_format.width, first
        assert first[1] >= 0 and first[3] <= card_format.height, first
        for second in boxes[number + 1 :]:
            assert not overlaps(first, second), (first, second)


@pytest.mark.parametrize("language", ["lv", "en"])
def test_the_longest_call_to_vote_fits_every_card_in_both_languages(language):
    for month in range(1, 13):
        election_at = datetime.datetime(2027, month, 28, 7, tzinfo=RIGA)
        with translation.override(language):
            words = cards.call_to_vote(election_at)
        for card_format in FORMATS.values():
            assert card_layout.fit_line("call_to_action", words, card_format.call_to_action)


def test_call_to_vote_names_the_election_day_in_the_readers_language():
    election_at = datetime.datetime(2027, 1, 9, 7, tzinfo=RIGA)
    late_evening_utc = datetime.datetime(2027, 6, 5, 22, 30, tzinfo=datetime.UTC)
    with translation.override("lv"):
        assert cards.call_to_vote(election_at) == "Balso 9. janvārī!"
        assert cards.call_to_vote(late_evening_utc) == "Balso 6. jūnijā!"
        assert cards.call_to_vote(None) == "Balso!"
    with translation.override("en"):
        assert cards.call_to_vote(election_at) == "Vote on 9 January!"
        assert cards.call_to_vote(None) == "Vote!"


def test_an_address_too_long_for_its_place_is_cut_visibly_not_drawn_outside():
    text = CardText(quote="Balsoju.", name="Anna", address="a" * 200 + ".lv")
    for card_format in FORMATS.values():
        (name, address) = card_layout.layout_card(text, card_format).lines
        assert address.text.endswith("…") and address.size == card_format.address.min_size
        assert box(address)[2] <= card_format.address.left + card_format.address.width


def test_the_call_to_vote_is_drawn_where_its_layout_puts_it():
    """Render and compare: another election day changes the card in the call's place only."""
    card_format = FORMATS["1080x1080"]
    first = PILImage.open(BytesIO(cards.render_card("1080x1080", TEXT)))
    other = CardText(**{**TEXT.__dict__, "call_to_action": "Balso 9. janvārī!"})
    second = PILImage.open(BytesIO(cards.render_card("1080x1080", other)))
    changed = ImageChops.difference(first.convert("RGB"), second.convert("RGB")).getbbox()
    slot = card_format.call_to_action
    assert changed is not None
    assert slot.left <= changed[0] and changed[2] <= slot.left + slot.width
    assert slot.top <= changed[1] and changed[3] <= slot.top + slot.size * 1.3


# Latvian letters, spaces, punctuation and the odd very long word: what an editor can type.
TYPED = st.text(alphabet=st.sampled_from("aāčeēģiīķlļnņsšuūzž AĀČŠŽ,.-—„”0123456789W"), max_size=80)


@settings(max_examples=60, deadline=None)
@given(quote=TYPED, name=TYPED.filter(str.strip), subtitle=TYPED)
def test_whatever_the_admin_accepts_is_drawn_whole_inside_its_place(quote, name, subtitle):
    """The attacker types anything: either the admin refuses the field, or every card shows
    the text whole, inside the card."""
    problems = card_layout.story_text_problems(quote, name, subtitle)
    for card_format in FORMATS.values():
        layout = card_layout.layout_card(CardText(quote, name, subtitle), card_format)
        lines = {line.role: line for line in layout.lines}
        if "name" not in problems:
            assert lines["name"].text == " ".join(name.split())
            assert box(lines["name"])[2] <= card_format.name.left + card_format.name.width
        if subtitle.strip() and "subtitle" not in problems:
            assert lines["subtitle"].text == " ".join(subtitle.split())
        if quote.strip() and "quote" not in problems:
            assert " ".join(layout.quote.lines) == card_layout.quoted(quote)
