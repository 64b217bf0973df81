"""The closing certificate never loses typed text: the longest station name, address and
election title the fields allow print every word (read back with pdftotext)."""

import pytest

from base.tests.markup import pdf_words, words
from voting.pdf import closing_certificate_pdf
from voting.selectors import closing_summary

pytestmark = pytest.mark.django_db


def at_most(text, length):
    """Realistic words cut to a field's longest allowed length."""
    return (text * (length // len(text) + 1))[:length].strip()


def test_the_longest_name_address_and_title_print_every_word(station_set_up):
    station = station_set_up.station
    station.name = at_most("Ziemeļu priekšpilsētas bērnu un jauniešu vēlēšanu iecirknis ", 120)
    station.address = at_most("Ganību iela 105, Liepāja, Ziemeļu priekšpilsēta ", 200)
    station.save()
    election = station.election
    election.title = at_most("Bērnu un jauniešu vēlēšanas „Demokrātija sākas ģimenē” ", 200)
    election.save()
    station.refresh_from_db()
    printed = pdf_words(closing_certificate_pdf(closing_summary(station)))
    assert words(f"{station.name} {station.address} {election.title}") <= printed
