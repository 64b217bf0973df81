import datetime
from zoneinfo import ZoneInfo

import factory

from base.tests.factories import DistrictFactory
from mock_elections.models import (
    AgeBand,
    BallotOption,
    BallotQuestion,
    Election,
    PollingStation,
    QuestionProposal,
)

RIGA = ZoneInfo("Europe/Riga")


class ElectionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Election
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Bērnu vēlēšanas {n}")
    title_en = factory.Sequence(lambda n: f"Children's election {n}")
    slug = factory.Sequence(lambda n: f"velesanas-{n}")
    election_date = datetime.date(2025, 6, 7)
    voting_opens_at = datetime.datetime(2025, 6, 7, 7, 0, tzinfo=RIGA)
    voting_closes_at = datetime.datetime(2025, 6, 7, 20, 0, tzinfo=RIGA)
    results_release_at = datetime.datetime(2025, 6, 7, 20, 30, tzinfo=RIGA)

    @factory.post_generation
    def districts(self, create, extracted, **kwargs):
        if create and extracted:
            self.districts.set(extracted)
            self.save()  # a ParentalManyToManyField is written on save


class AgeBandFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AgeBand

    election = factory.SubFactory(ElectionFactory)
    min_age = 9
    max_age = 12


class PollingStationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PollingStation
        skip_postgeneration_save = True

    election = factory.SubFactory(ElectionFactory)
    district = factory.SubFactory(DistrictFactory)
    name = factory.Sequence(lambda n: f"Bērnu iecirknis {n}")
    address = factory.Sequence(lambda n: f"Parauga iela {n}, Liepāja")
    adult_precinct_number = factory.Sequence(lambda n: str(700 + n))
    adult_precinct_name = factory.Sequence(lambda n: f"Parauga skola {n}")

    @factory.post_generation
    def add_district_to_election(self, create, extracted, **kwargs):
        if create:
            self.election.districts.add(self.district)


class BallotQuestionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = BallotQuestion

    election = factory.SubFactory(ElectionFactory)
    text = factory.Sequence(lambda n: f"Jautājums {n}?")
    sort_order = factory.Sequence(int)


class BallotOptionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = BallotOption

    question = factory.SubFactory(BallotQuestionFactory)
    label = factory.Sequence(lambda n: f"Atbilde {n}")


def ready_election(**kwargs):
    """A draft election that may be opened: one station, one question with two options."""
    election = ElectionFactory(**kwargs)
    PollingStationFactory(election=election)
    question = BallotQuestionFactory(election=election)
    BallotOptionFactory.create_batch(2, question=question)
    return election


class QuestionProposalFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = QuestionProposal

    election = factory.SubFactory(ElectionFactory)
    question_text = factory.Sequence(lambda n: f"Vai pilsētā vajag vairāk soliņu {n}?")
    reason = "Lai vecmāmiņām būtu kur atpūsties."
    group_name = "Parauga pamatskolas 4.b klase"
    contact_name = "Skolotāja Parauga"
    contact_email = "skolotaja@example.org"
    consent_at = factory.LazyFunction(lambda: datetime.datetime.now(tz=RIGA))
