"""The story poster never loses text: the longest name and description the fields allow and
the longest quote the share card accepts print every word (read back with pdftotext); a text
that cannot fit is refused with how long the quote may be."""

import re

import pytest

from base.refusals import Refused
from base.tests.factories import DistrictFactory
from base.tests.markup import pdf_words, words
from stories.card_layout import story_text_problems
from stories.posters import poster_text, story_poster_pdf
from stories.tests.factories import StoryPageFactory

pytestmark = pytest.mark.django_db


def at_most(text, length):
    """Realistic words cut to a field's longest allowed length."""
    return (text * (length // len(text) + 1))[:length].strip()


def longest_accepted(text, problem):
    """The text cut word by word until the share cards accept it (as the admin does)."""
    while story_text_problems(*problem(text)):
        assert " " in text, "not even one word fits"
        text = text.rsplit(" ", 1)[0]
    return text


def longest_card_quote():
    quote = at_most("Es balsoju, jo gribu, lai Liepājā būtu drošas ielas un labas skolas. ", 400)
    return longest_accepted(quote, lambda text: (text, "", ""))


def test_the_longest_name_description_and_quote_print_every_word(story_index):
    district = DistrictFactory(name="Ziemeļu priekšpilsēta")
    story = StoryPageFactory(
        parent=story_index,
        district=district,
        display_name=longest_accepted(
            at_most("Anna Ziemeļpriekšpilsētniece-Bērziņa, 34 ", 60), lambda text: ("", text, "")
        ),
        descriptor=longest_accepted(
            at_most("pirmsskolas izglītības iestādes skolotāja ", 80),
            lambda text: ("", "", f"{text}, {district.name}"),
        ),
        quote=longest_card_quote(),
    )
    printed = pdf_words(story_poster_pdf(story, "https://tavabalss.example.lv/stasti/1/"))
    typed = f"{story.display_name} {story.descriptor} {story.district.name} {story.quote}"
    assert words(typed) <= printed
    sizes = [item.size for item in poster_text(story)]
    assert sizes[1] >= 12  # the name wrapped or shrank, never ran off the page


def test_a_quote_longer_than_the_poster_holds_is_refused_saying_how_long_it_may_be(story_index):
    # Longer than the field allows today: the check also guards a field made longer later.
    story = StoryPageFactory(parent=story_index)
    story.quote = "Es balsoju par savu pilsētu. " * 120
    with pytest.raises(Refused) as refused:
        poster_text(story)
    assert refused.value.reason == "story_poster_text_too_long"
    room = int(re.search(r"(\d{2,})", refused.value.message).group(1))
    assert 400 < room < len(story.quote)
    story.quote = story.quote[:room]
    poster_text(story)
