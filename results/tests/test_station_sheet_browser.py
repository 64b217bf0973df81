"""On the station desk in a real browser, an organiser (the Organisers group) downloads the
help card and, once the station is counted and voting is over, its results sheet."""

import datetime

import pytest
from playwright.sync_api import expect

from django.utils import timezone

from conftest import sign_in_as_organiser
from mock_elections import services as election_services
from mock_elections.models import Election
from voting import services
from voting.tests.factories import open_station_set_up, vote_item


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_organiser_downloads_the_help_card_and_the_results_sheet_from_the_desk(
    live_server, page, assert_accessible, signed_up_organiser
):
    set_up = open_station_set_up(cards=3)
    services.sync_votes(set_up.tablet, {"votes": [vote_item(set_up, c) for c in set_up.codes]})
    election_services.close_station(set_up.station, by=set_up.organiser)
    desk = f"{live_server.url}/admin/station-tablets/{set_up.station.pk}/"

    sign_in_as_organiser(page, live_server)
    page.goto(desk)
    expect(page.get_by_role("heading", name="Iecirkņa dokumenti")).to_be_visible()
    expect(page.get_by_text("kad iecirknis būs slēgts un balsis saskaitītas")).to_be_visible()
    assert_accessible(page)
    with page.expect_download() as download:
        page.get_by_role("link", name="Palīdzības kartīte latviešu valodā (PDF)").click()
    assert download.value.suggested_filename.endswith("palidziba-lv.pdf")

    page.get_by_role("button", name="Saskaitīt šo iecirkni").click()
    expect(page.get_by_text("Saskaitītas: 3 balsis")).to_be_visible()
    Election.objects.filter(pk=set_up.election.pk).update(
        voting_closes_at=timezone.now() - datetime.timedelta(minutes=1)
    )
    page.goto(desk)
    assert_accessible(page)
    with page.expect_download() as download:
        page.get_by_role("link", name="Iecirkņa rezultātu lapa latviešu valodā (PDF)").click()
    assert download.value.suggested_filename.endswith("rezultati-lv.pdf")
