import datetime

import factory

from mock_elections.tests.factories import RIGA, ElectionFactory, PollingStationFactory
from people.models import ProposingGroup, Roster, Shift, Volunteer


class RosterFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Roster

    election = factory.SubFactory(ElectionFactory)
    sign_up_open = True


class VolunteerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Volunteer

    election = factory.SubFactory(ElectionFactory)
    name = factory.Sequence(lambda n: f"Parauga Brīvprātīgais {n}")
    email = factory.Sequence(lambda n: f"brivpratigais{n}@example.org")
    phone = factory.Sequence(lambda n: f"+371 2000 {n:04d}")
    age_group = Volunteer.AgeGroup.ADULT
    consent_at = factory.LazyFunction(lambda: datetime.datetime.now(tz=RIGA))


def at(hour: int, day: datetime.date = datetime.date(2025, 6, 7)) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(hour), tzinfo=RIGA)


class ShiftFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Shift

    station = factory.SubFactory(PollingStationFactory)
    starts_at = at(7)
    ends_at = at(11)
    min_people = 2
    max_people = 3


class ProposingGroupFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProposingGroup

    election = factory.SubFactory(ElectionFactory)
    name = factory.Sequence(lambda n: f"Parauga skolas {n}.a klase")
    contact_name = "Skolotāja Parauga"
    contact_email = factory.Sequence(lambda n: f"klase{n}@example.org")
    approximate_size = 20
    youngest_age = 9
    oldest_age = 10
    consent_at = factory.LazyFunction(lambda: datetime.datetime.now(tz=RIGA))
