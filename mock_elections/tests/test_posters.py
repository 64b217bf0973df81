import io

import pypdfium2
import pytest

from mock_elections.posters import station_poster_pdf

from .factories import PollingStationFactory

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
