"""Card-versus-vote accounting (moved here from ballots: it reads votes as well as cards)."""

import pytest

from django.db import transaction
from django.utils import timezone

from ballots.services import issue_ballots, spoil_ballot, use_ballot, void_batch
from ballots.tests.factories import StationFactory
from mock_elections.models import AgeBand
from voting.models import Vote
from voting.selectors import election_accounting, station_accounting

pytestmark = pytest.mark.django_db


@pytest.fixture
def station():
    return StationFactory()


def test_station_accounting_adds_up(station):
    batch = issue_ballots(station, 10)
    codes = batch.codes()
    with transaction.atomic():
        use_ballot(station, codes[0])
        use_ballot(station, codes[1])
    spoil_ballot(station, codes[2], "Saplēsta")
    void_batch(issue_ballots(station, 5), "Pazaudēta")
    numbers = station_accounting(station)
    assert {key: numbers[key] for key in ("printed", "used", "spoiled", "void", "unused")} == {
        "printed": 15,
        "used": 2,
        "spoiled": 1,
        "void": 5,
        "unused": 7,
    }
    # Two cards used, no votes recorded (the voting app records them): flagged.
    assert numbers["mismatch"] is True
    assert numbers["notes"]
    totals = election_accounting(station.election)["totals"]
    assert totals["printed"] == 15 and totals["mismatch"] is True


def test_accounting_without_cards_is_consistent(station):
    numbers = station_accounting(station)
    assert numbers["printed"] == 0 and numbers["mismatch"] is False
    flagged = station_accounting(station, duplicate_offline_uses=1)
    assert flagged["mismatch"] is True


def test_accounting_matches_when_every_used_card_has_its_vote(station):
    codes = issue_ballots(station, 3).codes()
    band = AgeBand.objects.create(election=station.election, min_age=5, max_age=8)
    for code in codes[:2]:
        with transaction.atomic():
            use_ballot(station, code)
            Vote.objects.create(
                election=station.election,
                station=station,
                age_band=band,
                cast_hour=timezone.now().replace(minute=0, second=0, microsecond=0),
            )
    numbers = station_accounting(station)
    assert (numbers["used"], numbers["votes_recorded"], numbers["mismatch"]) == (2, 2, False)
    assert numbers["notes"] == []
