"""Elections with stations, questions and votes for the results tests (sample data only)."""

import datetime

import factory

from django.utils import timezone

from mock_elections.models import Election
from mock_elections.tests import factories as setup_factories
from results.models import AdultElection, AdultPrecinctTurnout
from voting.models import PaperTally, Vote, VoteAnswer

VOTING_DAY = datetime.datetime(2025, 6, 7, 7, tzinfo=datetime.UTC)


class ElectionFactory(setup_factories.ElectionFactory):
    slug = factory.Sequence(lambda n: f"berni-{n}")
    election_date = VOTING_DAY.date()
    voting_opens_at = VOTING_DAY
    voting_closes_at = VOTING_DAY + datetime.timedelta(hours=13)
    results_release_at = VOTING_DAY + datetime.timedelta(hours=14)

    class Params:
        published = factory.Trait(
            status=Election.Status.RESULTS_PUBLISHED,
            results_release_at=factory.LazyFunction(
                lambda: timezone.now() - datetime.timedelta(hours=1)
            ),
        )


class AgeBandFactory(setup_factories.AgeBandFactory):
    election = factory.SubFactory(ElectionFactory)


class StationFactory(setup_factories.PollingStationFactory):
    election = factory.SubFactory(ElectionFactory)
    address = "Parauga iela 1"
    adult_precinct_name = factory.Sequence(lambda n: f"Pieaugušo iecirknis {n}")


class QuestionFactory(setup_factories.BallotQuestionFactory):
    election = factory.SubFactory(ElectionFactory)
    text_en = factory.Sequence(lambda n: f"Question {n}?")


class OptionFactory(setup_factories.BallotOptionFactory):
    question = factory.SubFactory(QuestionFactory)
    label_en = factory.Sequence(lambda n: f"Answer {n}")


class AdultElectionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AdultElection

    name = factory.Sequence(lambda n: f"Pašvaldību vēlēšanas {2000 + n}")
    date = datetime.date(2025, 6, 7)


class PrecinctFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AdultPrecinctTurnout

    adult_election = factory.SubFactory(AdultElectionFactory)
    precinct_number = factory.Sequence(lambda n: str(700 + n))
    name = factory.Sequence(lambda n: f"Iecirknis {n}")
    registered_voters = 1000
    votes_cast = 400


def build_election(*, districts=2, bands=((5, 8), (9, 12)), options=2, **election_fields):
    """An election with one station per district, age bands and one question."""
    election = ElectionFactory(**election_fields)
    stations = [StationFactory(election=election) for _ in range(districts)]
    election.districts.set([station.district for station in stations])
    age_bands = [
        AgeBandFactory(election=election, min_age=low, max_age=high, sort_order=index)
        for index, (low, high) in enumerate(bands)
    ]
    question = QuestionFactory(election=election)
    choices = [OptionFactory(question=question, sort_order=i) for i in range(options)]
    return election, stations, age_bands, question, choices


def cast_votes(station, age_band, answers, hour=VOTING_DAY):
    """One Vote per entry of `answers`: a {question: option or None} mapping each."""
    votes = [
        Vote(election=station.election, station=station, age_band=age_band, cast_hour=hour)
        for _ in answers
    ]
    Vote.objects.bulk_create(votes)
    VoteAnswer.objects.bulk_create(
        VoteAnswer(vote=vote, question=question, option=option)
        for vote, chosen in zip(votes, answers, strict=True)
        for question, option in chosen.items()
    )
    return votes


def cast(station, age_band, question, option, count, hour=VOTING_DAY):
    return cast_votes(station, age_band, [{question: option}] * count, hour)


def paper(station, question, option, votes):
    return PaperTally.objects.create(station=station, question=question, option=option, votes=votes)
