"""The station desk in the admin, as the roles: pairing code and QR, revoking, the PIN, paper
entry, certificate."""

import re

import pytest

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from mock_elections import services as election_services
from mock_elections.roles import ORGANISERS, VOLUNTEERS
from voting import selectors, services
from voting.models import PaperTally, PaperTallyCorrection, StationTablet
from voting.selectors import tablet_for_token

pytestmark = pytest.mark.django_db


def member_of(group, username):
    """A user of a real group, never a superuser."""
    user = get_user_model().objects.create_user(username, password="x")
    user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def desk(client, station_set_up):
    client.force_login(member_of(ORGANISERS, "organisers"))
    return f"/admin/station-tablets/{station_set_up.station.pk}/"


def test_station_list_links_to_each_desk(client, desk, station_set_up):
    response = client.get("/admin/station-tablets/")
    assert response.status_code == 200
    assert desk in response.content.decode()


def test_pairing_code_is_shown_once_with_a_qr_code_and_pairs_a_tablet(client, desk):
    response = client.post(desk + "pairing-code/")
    page = response.content.decode()
    code = re.search(r"data-pairing-code>(\w+)<", page).group(1)
    assert "<svg" in page and f"?pair={code}" in page
    tablet, token = services.pair_tablet(code, "Planšete 3")
    assert tablet_for_token(token) == tablet
    assert code not in client.get(desk).content.decode()


def test_revoking_a_tablet_in_the_admin_stops_it(client, desk, station_set_up):
    tablet = StationTablet.objects.get()
    response = client.post(desk + f"tablets/{tablet.pk}/revoke/", follow=True)
    assert "atsaukta" in response.content.decode()
    assert tablet_for_token(station_set_up.token) is None


def test_setting_the_pin_refuses_mismatch_and_accepts_digits(client, desk, station_set_up):
    client.post(desk + "pin/", {"pin": "4321", "pin_again": "1234"})
    services.check_station_pin(station_set_up.tablet, "2025")
    response = client.post(desk + "pin/", {"pin": "4321", "pin_again": "4321"}, follow=True)
    assert "Iecirkņa PIN nomainīts." in response.content.decode()
    services.check_station_pin(station_set_up.tablet, "4321")


def paper_form(station, value):
    return {
        f"q{question.pk}_{option.pk if option else 'abstain'}": value
        for question, option in selectors.paper_tally_lines(station)
    }


def test_two_volunteers_enter_paper_counts_and_differences_show(client, desk, station_set_up):
    station = station_set_up.station
    refused = client.post(desk + "paper/1/", paper_form(station, 2))
    assert "pēc iecirkņa slēgšanas" in refused.content.decode()
    election_services.close_station(station)
    client.post(desk + "paper/1/", paper_form(station, 2))
    second = member_of(VOLUNTEERS, "otrs-brivpratigais")
    station.desk_volunteers.add(second)
    client.force_login(second)
    client.post(desk + "paper/2/", paper_form(station, 5))
    page = client.get(desk).content.decode()
    assert "Abas ievades atšķiras" in page
    assert not PaperTally.objects.exists()
    client.post(desk + "paper/2/", paper_form(station, 2))
    assert PaperTally.objects.filter(station=station).exists()
    assert PaperTallyCorrection.objects.count() == len(paper_form(station, 0))
    assert "Abas ievades sakrīt" in client.get(desk).content.decode()


def test_blank_paper_count_is_refused_with_a_message(client, desk, station_set_up):
    election_services.close_station(station_set_up.station)
    form = paper_form(station_set_up.station, 1)
    form[next(iter(form))] = ""
    response = client.post(desk + "paper/1/", form)
    assert response.status_code == 200
    assert "Šis lauks ir nepieciešams" in response.content.decode()
    assert not PaperTally.objects.exists()


def test_certificate_downloads_as_pdf(client, desk):
    response = client.get(desk + "certificate/")
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")


def test_read_only_lists_open_and_export(client, desk):
    for url in (
        "/admin/voting/tablets/",
        "/admin/voting/paper-corrections/",
        "/admin/voting/duplicate-offline-uses/",
    ):
        assert client.get(url).status_code == 200, url
        assert client.get(url + "?export=csv").status_code == 200, url
    assert "Planšete 1" in client.get("/admin/voting/tablets/").content.decode()


def test_desk_is_for_organisers_with_the_permission_only(client, station_set_up):
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Permission

    editor = get_user_model().objects.create_user("redaktors", password="x")
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)
    desk = f"/admin/station-tablets/{station_set_up.station.pk}/"
    assert client.get(desk).status_code in (302, 403)
    assert "/admin/station-tablets/" not in client.get("/admin/").content.decode()
    client.force_login(member_of(ORGANISERS, "organisers"))
    assert "/admin/station-tablets/" in client.get("/admin/").content.decode()
