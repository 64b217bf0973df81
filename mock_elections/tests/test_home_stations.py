"""The home page's "where and when to vote" shows this app's stations beside the adult
precincts (registered into home by MockElectionsConfig.ready())."""

import pytest

from django.utils import timezone

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


@pytest.mark.django_db
def test_where_to_vote_shows_childrens_station_beside_its_adult_precinct(client, home_page):
    childrens_station("Jūras stacija", "702", "Liepājas Latviešu biedrības nams", "Rajons 702")
    html = client.get("/").content.decode()
    adult = html.index("Liepājas Latviešu biedrības nams")
    assert html.index("Jūras stacija", adult) < html.index("Jaunliepājas sākumskola")
    assert "Blakus bērnu vēlēšanu iecirknis" in html


@pytest.mark.django_db
def test_childrens_station_beside_an_unlisted_precinct_still_appears(client, home_page):
    childrens_station("Meža stacija", "799", "Laumu skola", "Rajons 799")
    html = client.get("/").content.decode()
    assert html.index("Laumu skola") < html.index("Meža stacija")
    assert "Iecirknis Nr. 799" in html


@pytest.mark.django_db
def test_a_new_childrens_station_shows_at_once_despite_the_page_cache(client, home_page):
    assert "Jūras stacija" not in client.get("/").content.decode()
    childrens_station("Jūras stacija", "701", "Latviešu biedrības nams", "Vecliepāja")
    assert "Jūras stacija" in client.get("/").content.decode()
