"""The station and election admin forms, as an organiser: the help card's contacts are
saved with the station, and text that would not print whole on a ballot card (checked by
`ballots`, registered into `print_checks`) is refused before saving, keeping what was typed."""

import pytest

from base.tests.factories import DistrictFactory
from mock_elections.models import Election, PollingStation

from .factories import ElectionFactory
from .test_admin import election_data, station_data

pytestmark = pytest.mark.django_db


def test_the_station_form_saves_who_to_call_on_the_day(organiser_client):
    district = DistrictFactory()
    election = ElectionFactory(districts=[district])
    page = organiser_client.get("/admin/children_stations/new/").content.decode()
    assert 'name="help_contact_name"' in page and 'name="organiser_phone"' in page
    response = organiser_client.post(
        "/admin/children_stations/new/",
        station_data(
            election, district, help_contact_name="Anna Bērziņa", organiser_phone="+371 20000000"
        ),
    )
    assert response.status_code == 302
    station = PollingStation.objects.get()
    assert (station.help_contact_name, station.organiser_phone) == ("Anna Bērziņa", "+371 20000000")


def test_an_election_title_too_long_for_the_ballot_cards_is_refused_and_kept(organiser_client):
    title = ("Bērnu un jauniešu vēlēšanas Liepājā " * 6)[:200].strip()
    district = DistrictFactory()
    response = organiser_client.post(
        "/admin/children_elections/new/", election_data(title=title, districts=[district.pk])
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "nesatilpst biļetenu kartītēs" in page
    assert title in page
    assert not Election.objects.exists()
