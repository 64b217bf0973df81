from io import StringIO

import pytest

from ballots.models import BallotBatch
from ballots.services import create_batch
from mock_elections import demo as mock_elections_demo
from mock_elections.models import Election, ElectionTransition
from results import demo
from results.models import AdultTurnoutPage, CityFollowUp, ElectionResultsPage
from results.selectors import participation, public_results, publication_of, turnout_comparison
from voting.models import Vote
from voting.selectors import closing_summary, election_accounting

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_election(home_page):
    """The mock-election demo (6 stations, age bands, questions), closed after voting day."""
    mock_elections_demo.load(StringIO())
    return Election.objects.get(slug="berni-2025")


def test_demo_votes_publish_and_pages_are_idempotent(demo_election, client):
    demo.load(StringIO())
    first = participation(demo_election)
    demo.load(StringIO())
    again = participation(demo_election)
    assert again == first
    assert first["total"] == 1392 and first["paper"] == 20
    assert all(station["tablet"] > 100 for station in first["stations"])
    assert {hour["hour"] for hour in first["hours"]} == {f"{h:02d}:00" for h in range(7, 21)}
    assert Vote.objects.filter(election=demo_election).count() == 1372

    demo_election.refresh_from_db()
    assert (
        ElectionTransition.objects.filter(
            election=demo_election, to_status=Election.Status.RESULTS_PUBLISHED
        ).count()
        == 1
    )
    data = public_results(publication_of(demo_election))
    assert data is not None and data.election.is_final
    assert CityFollowUp.objects.filter(question__election=demo_election).count() == 1
    assert ElectionResultsPage.objects.filter(live=True).count() == 2  # lv and en
    page = ElectionResultsPage.objects.get(locale__language_code="lv")
    assert "Galīgie rezultāti" in client.get(page.url).content.decode()


def test_sample_precinct_files_reproduce_the_city_totals(home_page):
    demo.load(StringIO())
    demo.load(StringIO())
    page = AdultTurnoutPage.objects.get(locale__language_code="lv")
    comparison = turnout_comparison(page.baseline_election, page.campaign_election)
    assert (comparison["baseline_city"], comparison["campaign_city"]) == (28.84, 43.5)
    special = next(row for row in comparison["rows"] if row["is_specially_designed"])
    assert special["voters_ratio"] == 2.0
    assert AdultTurnoutPage.objects.filter(live=True).count() == 2


def test_turnout_page_shows_goal_and_the_specially_designed_station(home_page, client):
    demo.load(StringIO())
    page = AdultTurnoutPage.objects.get(locale__language_code="lv")
    html = client.get(page.url).content.decode()
    assert "mērķis sasniegts" in html
    # A no-break space keeps "%" on the line of its number.
    assert "43,50\u00a0%" in html and "28,84\u00a0%" in html
    assert "Liepājas Latviešu biedrības nams <strong>(īpaši iekārtots iecirknis)</strong>" in html


def test_the_english_turnout_page_names_the_elections_in_english(home_page, client):
    demo.load(StringIO())
    lv = AdultTurnoutPage.objects.get(locale__language_code="lv")
    en = AdultTurnoutPage.objects.get(locale__language_code="en")
    assert "Pašvaldību vēlēšanas 2021" in client.get(lv.url).content.decode()
    html = client.get(en.url).content.decode()
    assert "Municipal election 2021" in html and "Municipal election 2025" in html
    assert "Pašvaldību vēlēšanas" not in html


def test_demo_votes_use_real_demo_cards_so_every_certificate_adds_up(demo_election):
    """Each sample vote used one of its station's cards: the closing certificates say as many
    cards were used as votes were registered. A station short of cards gets another batch."""
    stations = list(demo_election.stations.order_by("pk"))
    for station in stations:
        create_batch(station, 5 if station == stations[0] else 300, BallotBatch.Layout.EIGHT)
    demo.load(StringIO())
    demo.load(StringIO())  # a second run starts again, with the same cards
    accounting = election_accounting(demo_election)
    assert not accounting["totals"]["mismatch"], accounting["totals"]["notes"]
    assert accounting["totals"]["used"] == accounting["totals"]["votes_recorded"] == 1372
    for row in accounting["stations"]:
        summary = closing_summary(row["station"])
        assert summary["accounting"]["used"] == summary["accounting"]["votes_recorded"] > 100
        assert not summary["accounting"]["notes"]
    assert stations[0].ballot_batches.count() == 2
