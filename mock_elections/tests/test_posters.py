import io
import re

import pypdfium2
import pytest
from reportlab.lib.units import mm

from base.refusals import Refused
from mock_elections.posters import BAND_HEIGHT, poster_layout, station_poster_pdf

from .factories import ElectionFactory, PollingStationFactory

pytestmark = pytest.mark.django_db


def pdf_text_and_size(data):
    document = pypdfium2.PdfDocument(data)
    page = document[0]
    return len(document), page.get_textpage().get_text_range(), page.get_size()


def station():
    return PollingStationFactory(
        name="Vecliepājas bērnu iecirknis",
        theme_motto="Būvēsim demokrātiju kopā",
        adult_precinct_number="702",
        adult_precinct_name="Liepājas Latviešu biedrības nams",
        opening_hours="7:00–20:00",
        election__title="Demokrātija sākas ģimenē",
    )


def test_a4_poster_names_the_station_motto_precinct_and_hours():
    pages, text, (width, height) = pdf_text_and_size(station_poster_pdf(station(), "A4").read())
    assert pages == 1
    assert round(width) == 595 and round(height) == 842
    for expected in [
        "Demokrātija sākas ģimenē",
        "Bērnu un jauniešu vēlēšanu iecirknis",
        "Būvēsim demokrātiju kopā",
        "Nr. 702 · Liepājas Latviešu biedrības nams",
        "Darba laiks: 7:00–20:00 / Open: 7:00–20:00",
        "Blakus pieaugušo vēlēšanu iecirknim",
    ]:
        assert expected in text.replace("\r\n", " ").replace("\n", " ")


def test_a3_poster_is_a3(admin_client):
    poster = station()
    response = admin_client.get(f"/admin/children_stations/poster/{poster.pk}/?size=a3")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    data = b"".join(response.streaming_content)
    _pages, text, (width, height) = pdf_text_and_size(io.BytesIO(data).getvalue())
    assert round(width) == 842 and round(height) == 1191
    assert "Vecliepājas bērnu iecirknis" in text.replace("\r\n", " ").replace("\n", " ")


def test_station_admin_page_and_overview_link_to_both_posters(admin_client):
    poster = station()
    poster_url = f"/admin/children_stations/poster/{poster.pk}/"
    edit_page = admin_client.get(f"/admin/children_stations/edit/{poster.pk}/").content.decode()
    overview = admin_client.get(
        f"/admin/children_elections/overview/{poster.election.pk}/"
    ).content.decode()
    for html in (edit_page, overview):
        assert f'href="{poster_url}"' in html
        assert f'href="{poster_url}?size=A3"' in html


def poster_lines(station_):
    _pages, text, _size = pdf_text_and_size(station_poster_pdf(station_, "A4").read())
    return text.replace("\r\n", "\n")


@pytest.mark.parametrize(
    "title",
    [
        "Bērnu un jauniešu vēlēšanas Liepājā 2027",  # 41 characters
        "Bērnu un jauniešu vēlēšanas „Demokrātija sākas ģimenē” 2027",  # 60 characters
    ],
)
def test_a_long_election_title_keeps_every_word_and_the_date_on_the_band(title):
    poster = PollingStationFactory(election__title=title, election__title_en="Children's vote")
    text = poster_lines(poster)
    flat = " ".join(text.split())
    assert " ".join(title.split()) in flat
    assert "7. jūnijs" in flat or "2025" in flat
    layout = poster_layout(poster)
    band = sum(item.height for item in layout.band)
    assert band <= BAND_HEIGHT - 8 * mm + 0.01  # nothing spills onto the stripe


def at_most(text, length):
    """Realistic words cut to a field's longest allowed length."""
    return (text * (length // len(text) + 1))[:length].strip()


def test_the_longest_allowed_name_and_motto_keep_hours_address_and_precinct_on_the_page():
    poster = PollingStationFactory(
        name=at_most("Ziemeļu priekšpilsētas bērnu un jauniešu vēlēšanu iecirknis ", 120),
        theme_motto=at_most("Būvēsim demokrātiju kopā — katrs kubs ir viena balss ", 200),
        opening_hours="7:00–20:00",
        address=at_most("Ganību iela 105, Liepāja ", 200),
        adult_precinct_number="712",
        adult_precinct_name=at_most("Liepājas Latviešu biedrības nams ", 200),
    )
    flat = " ".join(poster_lines(poster).split())
    for expected in ["Darba laiks: 7:00–20:00", "Ganību iela 105, Liepāja", "Nr. 712"]:
        assert expected in flat


def test_text_that_cannot_fit_is_refused_before_printing_and_says_how_long_it_may_be():
    # Unsaved, as the admin form checks it before saving: longer than any field allows today,
    # so the check also guards a field made longer later.
    too_long_title = PollingStationFactory.build(
        election=ElectionFactory.build(title="Vēlēšanas " * 40)
    )
    with pytest.raises(Refused) as refused:
        poster_layout(too_long_title)
    assert refused.value.reason == "poster_title_too_long"
    room = int(re.search(r"(\d+)", refused.value.message).group(1))
    assert 60 < room < 400  # how many characters of this title would fit
    too_long_motto = PollingStationFactory.build(
        election=ElectionFactory.build(), theme_motto="Balss " * 600
    )
    with pytest.raises(Refused) as refused:
        poster_layout(too_long_motto)
    assert refused.value.reason == "poster_text_too_long"
