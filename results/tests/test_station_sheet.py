"""The station results sheet (M33): refused until the station is counted and voting is over
everywhere; small counts (and what reveals them) are hidden on the printed sheet itself."""

import datetime

import pytest

from django.utils import timezone

from base.refusals import Refused
from base.tests.markup import pdf_text
from mock_elections.models import Election, PollingStation
from results.selectors.station_sheet import station_sheet
from results.station_sheet_pdf import station_sheet_pdf
from voting.services.tallies import record_tally

from .factories import build_election, cast, paper

pytestmark = pytest.mark.django_db


@pytest.fixture
def counted(organiser):
    election, (karosta, tosmare), (young, older), question, (skate, park) = build_election(
        status=Election.Status.CLOSED
    )
    karosta.name, tosmare.name = "Karostas bērnu iecirknis", "Tosmares bērnu iecirknis"
    skate.label, park.label = "Skeitparks", "Parks ar soliem"
    for item in (karosta, tosmare, skate, park):
        item.save()
    cast(karosta, young, question, skate, 9)
    cast(karosta, older, question, skate, 3)
    cast(karosta, older, question, park, 2)  # a small count: it could point at one child
    paper(karosta, question, skate, 6)
    cast(tosmare, young, question, skate, 7)
    cast(tosmare, older, question, park, 8)
    PollingStation.objects.filter(election=election).update(status=PollingStation.Status.CLOSED)
    for station in (karosta, tosmare):
        station.refresh_from_db()
        record_tally(station)
    return karosta, tosmare, question, skate, park, organiser


def test_a_small_count_and_what_would_reveal_it_are_hidden_on_the_sheet(counted):
    karosta, _tosmare, _question, skate, park, _organiser = counted
    sheet = station_sheet(karosta)
    answers = {answer.label: answer.votes for answer in sheet.questions[0].answers}
    assert answers["Parks ar soliem"] is None  # 2 votes
    # 18 for the skate park and the total 20 would give 20 − 18 = 2: one of them is hidden.
    assert None in (answers["Skeitparks"], sheet.questions[0].total)
    assert sheet.total == 20 or sheet.total is None
    text = pdf_text(station_sheet_pdf(sheet, "lv"))
    assert "Karostas bērnu iecirknis" in text
    assert "Parks ar soliem —" in text
    assert "Parks ar soliem 2" not in text
    assert "mazāk nekā 5" in text or "fewer than 5" in text


def test_the_english_sheet_uses_the_english_labels(counted):
    karosta, *_rest = counted
    text = pdf_text(station_sheet_pdf(station_sheet(karosta), "en"))
    assert "Station results" in text and "Answer" in text


def test_no_sheet_before_the_station_is_counted(counted):
    karosta, *_rest = counted
    karosta.tally.delete()
    with pytest.raises(Refused) as refused:
        station_sheet(karosta)
    assert refused.value.reason == "station_not_counted"
    PollingStation.objects.filter(pk=karosta.pk).update(status=PollingStation.Status.OPEN)
    karosta.refresh_from_db()
    with pytest.raises(Refused):
        station_sheet(karosta)


def test_no_sheet_while_children_elsewhere_still_vote(counted):
    karosta, *_rest = counted
    Election.objects.filter(pk=karosta.election_id).update(
        status=Election.Status.OPEN, voting_closes_at=timezone.now() + datetime.timedelta(hours=1)
    )
    karosta.refresh_from_db()
    with pytest.raises(Refused) as refused:
        station_sheet(karosta)
    assert refused.value.reason == "voting_not_over"


def test_the_desk_links_the_sheet_once_counted_and_says_why_not_before(client, counted):
    karosta, _tosmare, _question, _skate, _park, organiser = counted
    client.force_login(organiser)  # the Organisers group runs the station desk
    desk = f"/admin/station-tablets/{karosta.pk}/"
    sheet_url = f"/admin/results/station-sheet/{karosta.pk}/lv/"
    assert sheet_url in client.get(desk).content.decode()
    response = client.get(sheet_url)
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert "Karostas bērnu iecirknis" in pdf_text(response.content)

    karosta.tally.delete()
    page = client.get(desk).content.decode()
    assert sheet_url not in page and "kad iecirknis" in page
    refused = client.get(sheet_url, follow=True)
    assert refused.redirect_chain[-1][0] == desk
    assert client.get(f"/admin/results/station-sheet/{karosta.pk}/de/").status_code == 404
