import pytest

from django.db import transaction

from ballots.codes import format_code
from ballots.services import issue_ballots, use_ballot

from .factories import StationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def card(settings):
    settings.BALLOT_QR_BASE_URL = "https://tavabalss.example.lv"
    station = StationFactory(name="Karostas bērnu iecirknis")
    return station, issue_ballots(station, 2).codes()


def test_scan_page_says_a_fresh_card_is_valid_and_where(client, card):
    station, codes = card
    response = client.get(f"/b/1/{codes[0]}")
    assert response.status_code == 200
    content = response.content.decode()
    assert "Kartīte ir derīga" in content
    assert station.name in content and station.address in content
    assert response["X-Robots-Tag"] == "noindex"
    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]
    english = client.get(f"/en/b/1/{codes[0]}").content.decode()
    assert "This card is valid" in english


def test_scan_page_says_used_and_why_not_without_voting(client, card):
    station, codes = card
    with transaction.atomic():
        use_ballot(station, codes[0])
    assert "jau ir izmantota" in client.get(f"/b/1/{codes[0]}").content.decode()
    unknown = client.get("/b/1/0000-0000-0000-0").content.decode()
    assert "Nav nevienas kartītes" in unknown
    typo = codes[1][:-1] + ("0" if codes[1][-1] != "0" else "1")
    assert "drukas kļūda" in client.get(f"/b/1/{typo}").content.decode()
    assert "nav šo vēlēšanu" in client.get(f"/b/9/{codes[1]}").content.decode()
    # Looking never uses a card.
    assert "Kartīte ir derīga" in client.get(f"/b/1/{format_code(codes[1])}").content.decode()
