"""Who may do what at which station's desk, by real group and station assignment: anonymous,
Editors, Moderators, Organisers, a volunteer of station A, a volunteer of station B, and a
volunteer assigned nowhere, against every desk address, GET and POST. A refusal is a 403 page
in Latvian that names no station, and changes nothing."""

import json
import re

import pytest

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from mock_elections import services as election_services
from mock_elections.roles import ORGANISERS, VOLUNTEERS, sync_roles
from mock_elections.tests.factories import PollingStationFactory
from voting import selectors, services
from voting.models import PairingCode, PaperTallyEntry, StationSettings, StationTablet

from .factories import open_station_set_up

pytestmark = pytest.mark.django_db

ROLES = {
    "anonymous": None,
    "editor": "Editors",
    "moderator": "Moderators",
    "organiser": ORGANISERS,
    "volunteer_a": VOLUNTEERS,
    "volunteer_b": VOLUNTEERS,
    "volunteer_unassigned": VOLUNTEERS,
}

# Every desk address: (method, path under /admin/station-tablets/, the right it needs).
# "see" is any access to the station; the others are `DeskRights` fields.
DESK = [
    ("get", "{station}/", "see"),
    ("post", "{station}/pairing-code/", "pair"),
    ("post", "{station}/tablets/{tablet}/revoke/", "pair"),
    ("post", "{station}/pin/", "set_pin"),
    ("get", "{station}/paper/1/", "see"),
    ("post", "{station}/paper/2/", "see"),
    ("get", "{station}/certificate/", "see"),
    ("post", "{station}/count/", "count"),
    ("post", "{station}/digest/", "check_digest"),
    ("post", "{station}/reopen/", "reopen"),
]
VOLUNTEER_MAY = {"see", "pair"}


@pytest.fixture
def world():
    sync_roles(apps)
    set_up = open_station_set_up(cards=3)
    station_a = set_up.station
    station_a.name = "Jūras stacija"
    station_a.save()
    station_b = PollingStationFactory(election=set_up.election, name="Meža stacija")
    _pairing, code = services.create_pairing_code(station_b, by=set_up.organiser)
    tablet_b, _token = services.pair_tablet(code, "Planšete B")
    users = {}
    for role, group in ROLES.items():
        if group is None:
            continue
        user = get_user_model().objects.create_user(role, password="x", first_name=role)
        user.groups.add(Group.objects.get(name=group))
        users[role] = user
    station_a.desk_volunteers.add(users["volunteer_a"])
    station_b.desk_volunteers.add(users["volunteer_b"])
    return {
        "set_up": set_up,
        "stations": {"a": station_a, "b": station_b},
        "tablets": {"a": set_up.tablet, "b": tablet_b},
        "users": users,
    }


def as_role(client, world, role):
    if role != "anonymous":
        client.force_login(world["users"][role])
    return client


def address(template, world, which):
    station, tablet = world["stations"][which], world["tablets"][which]
    return "/admin/station-tablets/" + template.format(station=station.pk, tablet=tablet.pk)


def allowed(role, which, right):
    if role == "organiser":
        return True
    if role == f"volunteer_{which}":
        return right in VOLUNTEER_MAY
    return False


def desk_state():
    """Everything a desk action could change."""
    return (
        sorted(StationTablet.objects.values_list("pk", "revoked_at")),
        sorted(StationSettings.objects.values_list("station_id", "pin_hash")),
        PaperTallyEntry.objects.count(),
        PairingCode.objects.count(),
    )


@pytest.mark.parametrize("role", list(ROLES))
def test_the_desk_permission_matrix(client, world, role):
    """One role against every desk address of both stations, in the order of DESK."""
    client = as_role(client, world, role)
    for which in ("a", "b"):
        for method, template, right in DESK:
            url = address(template, world, which)
            before = desk_state()
            response = getattr(client, method)(url)
            if role == "anonymous":
                assert response.status_code == 302, url
                assert response.url.startswith("/admin/login/"), url
            elif allowed(role, which, right):
                assert response.status_code in (200, 302), url
                if response.status_code == 302:
                    assert response.url.startswith(address("{station}/", world, which)), url
            else:
                assert response.status_code == 403, url
                page = response.content.decode()
                assert "Tas nav jūsu iecirknis" in page
                assert "Jūras stacija" not in page and "Meža stacija" not in page
            if not allowed(role, which, right):
                assert desk_state() == before, url


@pytest.mark.parametrize("role", ["editor", "moderator", "volunteer_a", "volunteer_b"])
def test_a_station_that_does_not_exist_is_refused_like_another_ones(client, world, role):
    response = as_role(client, world, role).get("/admin/station-tablets/999999/")
    assert response.status_code == 403


def test_organisers_get_not_found_for_a_station_that_does_not_exist(client, world):
    assert (
        as_role(client, world, "organiser").get("/admin/station-tablets/999999/").status_code == 404
    )


@pytest.mark.parametrize(
    ("role", "sees"),
    [
        ("organiser", {"Jūras stacija", "Meža stacija"}),
        ("volunteer_a", {"Jūras stacija"}),
        ("volunteer_b", {"Meža stacija"}),
    ],
)
def test_station_list_shows_only_the_users_stations(client, world, role, sees):
    page = as_role(client, world, role).get("/admin/station-tablets/").content.decode()
    assert {name for name in ("Jūras stacija", "Meža stacija") if name in page} == sees


@pytest.mark.parametrize("role", ["editor", "moderator", "volunteer_unassigned"])
def test_station_list_is_refused_to_those_with_no_station(client, world, role):
    assert as_role(client, world, role).get("/admin/station-tablets/").status_code == 403


def test_a_station_can_keep_pairing_to_its_organisers(client, world):
    station = world["stations"]["a"]
    station.volunteers_may_pair = False
    station.save()
    client = as_role(client, world, "volunteer_a")
    assert client.post(address("{station}/pairing-code/", world, "a")).status_code == 403
    revoke = address("{station}/tablets/{tablet}/revoke/", world, "a")
    assert client.post(revoke).status_code == 403
    assert StationTablet.objects.filter(revoked_at__isnull=True).count() == 2
    desk = client.get(address("{station}/", world, "a")).content.decode()
    assert "Parādīt jaunu savienošanas kodu" not in desk


def test_volunteers_desk_ends_when_results_are_published(world):
    from mock_elections.models import Election

    volunteer = world["users"]["volunteer_a"]
    assert selectors.may_run_station(volunteer, world["stations"]["a"])
    Election.objects.filter(pk=world["set_up"].election.pk).update(
        status=Election.Status.RESULTS_PUBLISHED
    )
    assert not selectors.may_run_station(volunteer, world["stations"]["a"])
    assert selectors.may_run_station(world["users"]["organiser"], world["stations"]["a"])


def test_leaving_the_volunteers_group_ends_the_desk(world):
    volunteer = world["users"]["volunteer_a"]
    volunteer.groups.clear()
    assert not selectors.stations_user_may_run(volunteer).exists()


def paper_form(station, value):
    return {
        f"q{question.pk}_{option.pk if option else 'abstain'}": value
        for question, option in selectors.paper_tally_lines(station)
    }


def test_two_volunteers_of_the_station_enter_the_paper_counts(client, world):
    station = world["stations"]["a"]
    second = get_user_model().objects.create_user("volunteer_a2", password="x")
    second.groups.add(Group.objects.get(name=VOLUNTEERS))
    station.desk_volunteers.add(second)
    election_services.close_station(station, by=world["set_up"].organiser)
    first = as_role(client, world, "volunteer_a")
    first.post(address("{station}/paper/1/", world, "a"), paper_form(station, 2))
    again = first.post(address("{station}/paper/2/", world, "a"), paper_form(station, 2))
    assert "jāieraksta diviem dažādiem brīvprātīgajiem" in again.content.decode()
    client.force_login(second)
    client.post(address("{station}/paper/2/", world, "a"), paper_form(station, 3))
    assert "Abas ievades atšķiras" in client.get(address("{station}/", world, "a")).content.decode()
    client.post(address("{station}/paper/2/", world, "a"), paper_form(station, 2))
    assert "Abas ievades sakrīt" in client.get(address("{station}/", world, "a")).content.decode()


def main_menu(page):
    """The names of the admin's main menu items, from the sidebar's props."""
    props = json.loads(re.search(r'id="wagtail-sidebar-props"[^>]*>(.*?)</script>', page, re.S)[1])
    [menu] = [m for m in props["modules"] if m["_type"] == "wagtail.sidebar.MainMenuModule"]
    return [item["_args"][0]["name"] for item in menu["_args"][0]]


def test_a_volunteers_admin_is_their_desk_alone(client, world):
    home = as_role(client, world, "volunteer_a").get("/admin/").content.decode()
    assert "Mani iecirkņi" in home and "Jūras stacija" in home
    assert "Meža stacija" not in home
    assert main_menu(home) == ["station-desk"]  # no pages, images, reports, help, settings
    assert "Vēlēšanu diena: visi iecirkņi" not in home  # the organisers' board


def test_organisers_keep_the_voting_menu_and_the_board(client, world):
    home = as_role(client, world, "organiser").get("/admin/").content.decode()
    assert "station-desk" not in main_menu(home)
    assert "/admin/station-tablets/" in home
    assert "Mani iecirkņi" not in home


def test_the_station_form_offers_volunteers_accounts_only(client, world):
    station = world["stations"]["a"]
    page = (
        as_role(client, world, "organiser")
        .get(f"/admin/children_stations/edit/{station.pk}/")
        .content.decode()
    )
    for role in ("volunteer_a", "volunteer_b", "volunteer_unassigned"):
        assert f"{role} ({role})" in page
    for role in ("editor", "moderator", "organiser"):
        assert f"{role} ({role})" not in page
    assert 'name="volunteers_may_pair"' in page
