import datetime

import factory

from django.utils import timezone

from base.tests.factories import DistrictFactory
from mock_elections.models import Election, PollingStation


class ElectionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Election

    title = factory.Sequence(lambda n: f"Bērnu vēlēšanas {n}")
    title_en = factory.Sequence(lambda n: f"Children's election {n}")
    slug = factory.Sequence(lambda n: f"velesanas-{n}")
    election_date = datetime.date(2025, 6, 7)
    voting_opens_at = factory.LazyFunction(timezone.now)
    voting_closes_at = factory.LazyAttribute(
        lambda election: election.voting_opens_at + datetime.timedelta(hours=12)
    )
    results_release_at = factory.LazyAttribute(
        lambda election: election.voting_closes_at + datetime.timedelta(hours=1)
    )
    status = Election.Status.OPEN


class StationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PollingStation

    election = factory.SubFactory(ElectionFactory)
    district = factory.SubFactory(DistrictFactory)
    name = factory.Sequence(lambda n: f"Bērnu iecirknis {n}")
    address = "Lielā iela 1, Liepāja"
    adult_precinct_number = factory.Sequence(lambda n: str(700 + n))
    adult_precinct_name = "Liepājas Latviešu biedrības nams"
    theme_name = "Jūras stacija"
    theme_motto = "Būvēsim demokrātiju kopā"
