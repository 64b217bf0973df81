"""The station desk in a real browser, as the roles: an organiser (the Organisers group, not a
superuser) counts a closed station and checks the digest of its signed certificate; a
volunteer of one station sees that station only and is refused another's desk."""

import pytest
from playwright.sync_api import expect

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from mock_elections import services as election_services
from mock_elections.roles import ORGANISERS, VOLUNTEERS
from mock_elections.tests.factories import PollingStationFactory
from voting import selectors, services
from voting.models import Vote

from .factories import open_station_set_up, vote_item

PASSWORD = "organisers-parole-2025"


@pytest.mark.django_db(transaction=True)
def test_organiser_counts_a_station_and_checks_its_certificate_digest(
    live_server, page, assert_accessible, roles_restored
):
    user = get_user_model().objects.create_user("skaititaja", password=PASSWORD)
    user.groups.add(Group.objects.get(name=ORGANISERS))
    set_up = open_station_set_up(cards=3)
    items = [vote_item(set_up, code) for code in set_up.codes]
    services.sync_votes(set_up.tablet, {"votes": items})
    election_services.close_station(set_up.station, by=set_up.organiser)

    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", "skaititaja")
    page.fill("#id_password", PASSWORD)
    page.locator("form button[type=submit]").click()
    # The first admin page renders slowly on a busy CI machine.
    page.wait_for_url(f"{live_server.url}/admin/", timeout=60_000)
    page.goto(f"{live_server.url}/admin/station-tablets/{set_up.station.pk}/")
    expect(page.get_by_text("3 aizzīmogotas balsis gaida skaitīšanu.")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("button", name="Saskaitīt šo iecirkni").click()
    expect(page.get_by_text("Saskaitītas: 3 balsis; atliktas malā: 0.")).to_be_visible()
    assert Vote.objects.filter(counted=True).count() == 3

    digest = selectors.station_tally_digest(set_up.station)
    page.get_by_label("Kontrolkods parakstītajā aktā").fill(digest.replace("-", " ").lower())
    page.get_by_role("button", name="Pārbaudīt akta kontrolkodu").click()
    expect(page.get_by_text("Sakrīt: saglabātās balsis")).to_be_visible()
    assert_accessible(page)


@pytest.mark.django_db(transaction=True)
def test_a_volunteer_sees_their_station_only(live_server, page, assert_accessible, roles_restored):
    user = get_user_model().objects.create_user("laura", password=PASSWORD, first_name="Laura")
    user.groups.add(Group.objects.get(name=VOLUNTEERS))
    set_up = open_station_set_up(cards=3)
    set_up.station.desk_volunteers.add(user)
    other = PollingStationFactory(election=set_up.election, name="Citas skolas iecirknis")
    base = live_server.url

    page.goto(f"{base}/admin/login/")
    page.fill("#id_username", "laura")
    page.fill("#id_password", PASSWORD)
    page.locator("form button[type=submit]").click()
    page.wait_for_url(f"{base}/admin/", timeout=60_000)
    expect(page.get_by_role("heading", name="Mani iecirkņi")).to_be_visible()
    assert "Citas skolas iecirknis" not in page.locator("body").inner_text()
    assert_accessible(page)

    page.get_by_role("link", name="Iecirkņa galds").click()
    page.wait_for_url(f"{base}/admin/station-tablets/")
    assert page.locator("main tbody tr").count() == 1
    assert_accessible(page)
    page.get_by_role("link", name=set_up.station.name).click()
    expect(page.get_by_role("heading", name="Sabojāto kartīšu žurnāls")).to_be_visible()
    assert page.get_by_role("heading", name="Brīvprātīgo PIN").count() == 0  # organisers' only
    assert_accessible(page)

    response = page.goto(f"{base}/admin/station-tablets/{other.pk}/")
    assert response.status == 403
    expect(page.get_by_role("heading", name="Tas nav jūsu iecirknis")).to_be_visible()
    assert "Citas skolas iecirknis" not in page.content()
    assert_accessible(page)
