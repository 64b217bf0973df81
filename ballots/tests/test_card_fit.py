"""Ballot cards never lose typed text: the longest name, motto and title the fields allow
print whole (every word, read back with pdftotext); what cannot fit is refused by the admin
before saving, saying how long it may be."""

import re

import pytest

from ballots.card_text import check_card_title_fits, check_cards_fit
from ballots.models import BallotBatch
from ballots.printing import batch_pdf
from ballots.services import issue_ballots
from base.refusals import Refused
from base.tests.markup import pdf_words, words
from mock_elections.print_checks import election_print_refusals, station_print_refusals

from .factories import ElectionFactory, StationFactory

pytestmark = pytest.mark.django_db


def at_most(text, length):
    """Realistic words cut to a field's longest allowed length."""
    return (text * (length // len(text) + 1))[:length].strip()


LONGEST_NAME = at_most("Ziemeļu priekšpilsētas bērnu un jauniešu vēlēšanu iecirknis ", 120)
LONGEST_MOTTO = at_most("Būvēsim demokrātiju kopā — katrs kubs ir viena balss ", 200)
LONG_TITLE = at_most("Bērnu un jauniešu vēlēšanas „Demokrātija sākas ģimenē” 2027 ", 110)


@pytest.mark.parametrize("layout", [4, 8, 10])
@pytest.mark.parametrize("rehearsal", [False, True])
def test_the_longest_name_and_motto_and_a_long_title_print_every_word(layout, rehearsal):
    station = StationFactory(
        name=LONGEST_NAME,
        theme_motto=LONGEST_MOTTO,
        election=ElectionFactory(title=LONG_TITLE, is_rehearsal=rehearsal),
    )
    check_cards_fit(station)
    batch = issue_ballots(station, 2, layout)
    assert batch.is_rehearsal == rehearsal
    printed = pdf_words(batch_pdf(batch))
    assert words(f"{LONGEST_NAME} {LONGEST_MOTTO} {LONG_TITLE}") <= printed


def test_the_longest_title_the_field_allows_is_refused_saying_how_long_it_may_be():
    election = ElectionFactory.build(title=at_most("Bērnu un jauniešu vēlēšanas Liepājā ", 200))
    with pytest.raises(Refused) as refused:
        check_card_title_fits(election)
    assert refused.value.reason == "card_title_too_long"
    room = int(re.search(r"(\d{2,})", refused.value.message).group(1))
    assert 60 < room < 200
    # A title as long as the room it names fits.
    check_card_title_fits(ElectionFactory.build(title=election.title[:room]))
    # The admin runs the same check (ballots registered it with mock_elections).
    reasons = {refusal.reason for refusal in election_print_refusals(election)}
    assert "card_title_too_long" in reasons


def test_a_name_or_motto_longer_than_any_card_holds_is_refused_before_saving():
    # Longer than the fields allow today, so the check also guards a field made longer later.
    too_long_name = StationFactory.build(election=ElectionFactory.build(), name="Iecirknis " * 90)
    refusals = [
        r for r in station_print_refusals(too_long_name) if r.reason == "card_text_too_long"
    ]
    assert len(refusals) == 1
    assert "name" in refusals[0].message or "nosaukum" in refusals[0].message
    too_long_motto = StationFactory.build(
        election=ElectionFactory.build(), theme_motto="Balss " * 300
    )
    with pytest.raises(Refused) as refused:
        check_cards_fit(too_long_motto)
    assert refused.value.reason == "card_text_too_long"
    assert "1800" in refused.value.message


def test_a_station_saved_before_the_check_stops_the_batch_instead_of_losing_words():
    station = StationFactory()
    batch = issue_ballots(station, 2)
    # One unbreakable word as long as the field holds (PostgreSQL enforces its length), saved
    # unchecked: no wrapping or shrinking fits it on a card.
    station.__class__.objects.filter(pk=station.pk).update(theme_motto="Balss" * 40)
    with pytest.raises(Refused):
        batch_pdf(BallotBatch.objects.get(pk=batch.pk))


def test_a_bad_colour_stored_before_validation_prints_in_the_default_colours():
    station = StationFactory()
    station.__class__.objects.filter(pk=station.pk).update(
        theme_primary_colour="blueish", theme_accent_colour="#12"
    )
    station.refresh_from_db()
    printed = pdf_words(batch_pdf(issue_ballots(station, 2)))
    assert words(f"{station.name} {station.theme_motto}") <= printed
