"""Home-page blocks that read live data: the countdown, figures and where to vote."""

import datetime
from decimal import Decimal

import pytest

from django.utils import timezone

from base.models import SiteSettings
from base.tests.factories import DistrictFactory
from mock_elections.models import Election, PollingStation


def childrens_station(name, precinct_number, precinct_name, district_name):
    now = timezone.now()
    election, _created = Election.objects.get_or_create(
        slug="demo",
        defaults={
            "title": "Demokrātija sākas ģimenē",
            "election_date": now.date(),
            "voting_opens_at": now,
            "voting_closes_at": now,
            "results_release_at": now,
            "status": Election.Status.OPEN,
        },
    )
    return PollingStation.objects.create(
        election=election,
        district=DistrictFactory(name=district_name),
        name=name,
        address="Rožu iela 5",
        adult_precinct_number=precinct_number,
        adult_precinct_name=precinct_name,
    )


@pytest.fixture
def campaign(home_page):
    settings = SiteSettings.for_site(home_page.get_site())
    settings.election_at = timezone.now() + datetime.timedelta(days=12, hours=3, minutes=30)
    settings.previous_turnout, settings.goal_points = Decimal("28.84"), 10
    settings.save()
    return settings


@pytest.mark.django_db
def test_home_page_counts_down_and_shows_the_goal(client, campaign):
    html = client.get("/").content.decode()
    assert "data-countdown-days>12<" in html and "data-countdown-hours>3<" in html
    assert "28,84 %" in html and "+10" in html and "38,84 %" in html
    assert "countdown.js" in html


@pytest.mark.django_db
def test_countdown_says_election_day_has_come(client, campaign):
    campaign.election_at = timezone.now() - datetime.timedelta(hours=1)
    campaign.save()
    assert "Vēlēšanu diena ir klāt" in client.get("/").content.decode()


@pytest.mark.django_db
def test_where_to_vote_shows_childrens_station_beside_its_adult_precinct(client, campaign):
    childrens_station("Jūras stacija", "702", "Liepājas Latviešu biedrības nams", "Rajons 702")
    html = client.get("/").content.decode()
    adult = html.index("Liepājas Latviešu biedrības nams")
    assert html.index("Jūras stacija", adult) < html.index("Jaunliepājas sākumskola")
    assert "Blakus bērnu vēlēšanu iecirknis" in html


@pytest.mark.django_db
def test_countdown_block_renders_for_editors_who_add_it_to_a_page(rf, campaign):
    from home.blocks import CountdownBlock

    block = CountdownBlock()
    value = block.to_python({"heading": "Līdz vēlēšanām", "text": "Nāc!"})
    request = rf.get("/")
    request.site = campaign.site
    html = block.render(value, {"request": request})
    assert "<h2>Līdz vēlēšanām</h2>" in html and "data-countdown-days>12<" in html


@pytest.mark.django_db
def test_childrens_station_beside_an_unlisted_precinct_still_appears(client, campaign):
    childrens_station("Meža stacija", "799", "Laumu skola", "Rajons 799")
    html = client.get("/").content.decode()
    assert html.index("Laumu skola") < html.index("Meža stacija")
    assert "Iecirknis Nr. 799" in html


@pytest.mark.django_db
def test_a_new_childrens_station_shows_at_once_despite_the_page_cache(client, campaign):
    assert "Jūras stacija" not in client.get("/").content.decode()
    childrens_station("Jūras stacija", "701", "Latviešu biedrības nams", "Vecliepāja")
    assert "Jūras stacija" in client.get("/").content.decode()
