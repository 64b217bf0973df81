"""A small open election a station tablet can vote in, built the way organisers build one."""

import datetime
import uuid
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.utils import timezone

from ballots.services import issue_ballots
from mock_elections import services as election_services
from mock_elections.tests.factories import (
    AgeBandFactory,
    BallotOptionFactory,
    BallotQuestionFactory,
    ElectionFactory,
    PollingStationFactory,
)
from voting import services
from voting.sealing import seal_ballot


@dataclass
class StationSetUp:
    election: object
    station: object
    young: object  # 5–8, easy-read
    older: object  # 9–12
    everyone_question: object  # asked of all bands, offers “I don't know”
    older_question: object  # asked of 9–12 only, no “I don't know”
    organiser: object
    codes: list = field(default_factory=list)
    tablet: object = None
    token: str = ""

    def answers_for(self, band, choice=0):
        """A complete, valid set of answers for a child of `band`."""
        answers = [
            {"question": self.everyone_question.pk, "option": self.everyone_options[choice].pk}
        ]
        if band == self.older:
            answers.append(
                {"question": self.older_question.pk, "option": self.older_options[choice].pk}
            )
        return answers

    @property
    def everyone_options(self):
        return list(self.everyone_question.options.order_by("sort_order", "pk"))

    @property
    def older_options(self):
        return list(self.older_question.options.order_by("sort_order", "pk"))


def organiser(username="organisators"):
    user, _created = get_user_model().objects.get_or_create(
        username=username, defaults={"is_staff": True, "is_superuser": True}
    )
    return user


def open_station_set_up(cards=10, pin="2025", open_station=True, election=None):
    """An open election with one open station, two age bands, two questions, printed cards,
    a station PIN and one paired tablet."""
    now = timezone.now()
    election = election or ElectionFactory(
        voting_opens_at=now - datetime.timedelta(hours=2),
        voting_closes_at=now + datetime.timedelta(hours=6),
        results_release_at=now + datetime.timedelta(hours=7),
    )
    young = AgeBandFactory(election=election, min_age=5, max_age=8, uses_easy_read=True)
    older = AgeBandFactory(election=election, min_age=9, max_age=12)
    station = PollingStationFactory(election=election)
    everyone_question = BallotQuestionFactory(election=election, offers_abstain=True)
    BallotOptionFactory.create_batch(2, question=everyone_question)
    older_question = BallotQuestionFactory(election=election, offers_abstain=False)
    older_question.age_bands.set([older])
    older_question.save()  # a ParentalManyToManyField is written on save
    BallotOptionFactory.create_batch(2, question=older_question)
    user = organiser()
    election_services.open_election(election, by=user)
    if open_station:
        election_services.open_station(station, by=user)
    set_up = StationSetUp(
        election=election,
        station=station,
        young=young,
        older=older,
        everyone_question=everyone_question,
        older_question=older_question,
        organiser=user,
    )
    set_up.codes = issue_ballots(station, cards).codes() if cards else []
    if pin:
        services.set_station_pin(station, pin, by=user)
    _pairing, code = services.create_pairing_code(station, by=user)
    set_up.tablet, set_up.token = services.pair_tablet(code, "Planšete 1")
    return set_up


def vote_item(
    set_up,
    code,
    band=None,
    client_id=None,
    cast_at=None,
    offline=False,
    choice=0,
    answers=None,
):
    """One vote as the tablet queues it: the ballot sealed to the election's box."""
    band = band or set_up.older
    public_key = bytes(services.ensure_ballot_box(set_up.election).public_key)
    ballot_answers = set_up.answers_for(band, choice) if answers is None else answers
    return {
        "client_id": str(client_id or uuid.uuid4()),
        "code": code,
        "age_band": band.pk,
        "sealed": seal_ballot(public_key, band.pk, ballot_answers),
        "cast_at": (cast_at or timezone.now()).isoformat(),
        "offline": offline,
    }


def close_and_count(set_up):
    """Close the station and count its ballot box, as the organiser does after voting."""
    set_up.station.refresh_from_db()
    if set_up.station.status != "closed":
        election_services.close_station(set_up.station, by=set_up.organiser)
    return services.count_station(set_up.station, by=set_up.organiser)
