"""Ballot tests need an election that is open now; everything else is the setup factories'."""

import datetime

import factory

from django.utils import timezone

from mock_elections.models import Election
from mock_elections.tests import factories as setup_factories


class ElectionFactory(setup_factories.ElectionFactory):
    voting_opens_at = factory.LazyFunction(timezone.now)
    voting_closes_at = factory.LazyAttribute(
        lambda election: election.voting_opens_at + datetime.timedelta(hours=12)
    )
    results_release_at = factory.LazyAttribute(
        lambda election: election.voting_closes_at + datetime.timedelta(hours=1)
    )
    status = Election.Status.OPEN


class StationFactory(setup_factories.PollingStationFactory):
    election = factory.SubFactory(ElectionFactory)
    address = "Lielā iela 1, Liepāja"
    adult_precinct_name = "Liepājas Latviešu biedrības nams"
    theme_name = "Jūras stacija"
    theme_motto = "Būvēsim demokrātiju kopā"
