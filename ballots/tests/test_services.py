import pytest

from django.db import transaction
from django.utils import translation

from ballots.codes import format_code
from ballots.models import Ballot, BallotBatch
from ballots.selectors import offline_check_list, offline_digest
from ballots.services import (
    check_ballot,
    issue_ballots,
    spoil_ballot,
    use_ballot,
    void_batch,
)
from base.refusals import Refused
from mock_elections.models import Election, PollingStation

from .factories import ElectionFactory, StationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def station():
    return StationFactory()


def refusal(station, code, language):
    with (
        translation.override(language),
        pytest.raises(Refused) as refused,
        transaction.atomic(),
    ):
        use_ballot(station, code)
    return refused.value


def test_issue_ballots_creates_the_cards_of_a_batch(station, admin_user):
    batch = issue_ballots(station, 25, BallotBatch.Layout.TEN, by=admin_user)
    assert batch.number == 1
    assert batch.ballots.count() == 25
    assert set(batch.ballots.values_list("state", flat=True)) == {Ballot.State.PRINTED}
    assert len(set(batch.codes())) == 25
    assert issue_ballots(station, 1, by=admin_user).number == 2


def test_the_database_holds_no_code(station):
    batch = issue_ballots(station, 3)
    stored = " ".join(
        str(value) for row in Ballot.objects.values_list() for value in row
    ) + " ".join(str(value) for value in BallotBatch.objects.values_list().get())
    for code in batch.codes():
        assert code not in stored


def test_a_ballot_is_used_once(station):
    code = issue_ballots(station, 2).codes()[0]
    with transaction.atomic():
        use_ballot(station, format_code(code).lower())
    assert Ballot.objects.filter(state=Ballot.State.USED).count() == 1
    assert refusal(station, code, "en").reason == "already_used"


def every_refusal():
    """One card for each reason a card is refused, and the station where it is tried."""
    election = ElectionFactory()
    station = StationFactory(election=election)
    other_station = StationFactory(election=election)
    other_election_station = StationFactory()
    rehearsal_station = StationFactory(election=ElectionFactory(is_rehearsal=True))
    used, spoiled = issue_ballots(station, 2).codes()
    with transaction.atomic():
        use_ballot(station, used)
    spoil_ballot(station, spoiled, "Saplēsta")
    void_code = issue_ballots(station, 1).codes()[0]
    void_batch(station.ballot_batches.get(number=2), "Pazaudēta kaste")
    return {
        "invalid": (station, "ABCD-EFGH"),
        "unknown": (station, "0000-0000-0000-0"),
        "other_station": (station, issue_ballots(other_station, 1).codes()[0]),
        "other_election": (station, issue_ballots(other_election_station, 1).codes()[0]),
        "rehearsal_in_live": (station, issue_ballots(rehearsal_station, 1).codes()[0]),
        "live_in_rehearsal": (rehearsal_station, issue_ballots(station, 1).codes()[0]),
        "already_used": (station, used),
        "spoiled": (station, spoiled),
        "void": (station, void_code),
    }


def test_each_refusal_has_its_own_reason_and_message_in_latvian_and_english():
    cases = every_refusal()
    seen = {"lv": set(), "en": set()}
    for reason, (station, code) in cases.items():
        for language in ("lv", "en"):
            refused = refusal(station, code, language)
            assert refused.reason == reason
            seen[language].add(refused.message)
        with pytest.raises(Refused):
            check_ballot(station, code)
    assert len(seen["lv"]) == len(seen["en"]) == len(cases)
    assert not seen["lv"] & seen["en"]
    # Nothing was used by all these refusals.
    assert Ballot.objects.filter(state=Ballot.State.USED).count() == 1


def test_refusals_name_the_other_station_and_election():
    cases = every_refusal()
    station, code = cases["other_station"]
    message = refusal(station, code, "lv").message
    card_station = (
        PollingStation.objects.exclude(pk=station.pk).filter(election=station.election).get()
    )
    assert card_station.name in message
    assert "citam iecirknim" in message
    station, code = cases["other_election"]
    assert "citām vēlēšanām" in refusal(station, code, "lv").message


def test_latvian_refusal_wording():
    cases = every_refusal()
    expected = {
        "already_used": "jau izmantota",
        "spoiled": "sabojāta",
        "void": "atcelta",
        "rehearsal_in_live": "MĒĢINĀJUMS",
        "unknown": "Nav nevienas",
    }
    for reason, phrase in expected.items():
        assert phrase in refusal(*cases[reason], "lv").message


def test_check_ballot_without_a_station_checks_the_card_alone(station):
    code = issue_ballots(station, 1).codes()[0]
    assert check_ballot(None, code).station == station
    assert Ballot.objects.get().state == Ballot.State.PRINTED


def test_spoil_needs_a_reason_and_a_printed_card(station, admin_user):
    code = issue_ballots(station, 1).codes()[0]
    with pytest.raises(Refused) as refused:
        spoil_ballot(station, code, "  ")
    assert refused.value.reason == "reason_required"
    spoil_ballot(station, code, "Nepareizi nodrukāta", by=admin_user)
    ballot = Ballot.objects.get()
    assert (ballot.state, ballot.spoil_reason, ballot.spoiled_by) == (
        Ballot.State.SPOILED,
        "Nepareizi nodrukāta",
        admin_user,
    )
    with pytest.raises(Refused) as refused:
        spoil_ballot(station, code, "again")
    assert refused.value.reason == "spoiled"


def test_void_batch_keeps_used_cards_and_refuses_twice(station, admin_user):
    batch = issue_ballots(station, 3)
    with transaction.atomic():
        use_ballot(station, batch.codes()[0])
    with pytest.raises(Refused):
        void_batch(batch, "")
    void_batch(batch, "Kaste pazuda", by=admin_user)
    assert sorted(batch.ballots.values_list("state", flat=True)) == ["used", "void", "void"]
    assert batch.is_void and batch.voided_by == admin_user
    with pytest.raises(Refused):
        void_batch(batch, "Vēlreiz")


@pytest.mark.parametrize("count", [0, -5, 5001, 10**9, "12", 2.5, True])
def test_issue_ballots_refuses_absurd_counts(station, count):
    with translation.override("lv"), pytest.raises(Refused) as refused:
        issue_ballots(station, count)
    assert refused.value.message
    assert not BallotBatch.objects.exists()


@pytest.mark.parametrize("status", [Election.Status.CLOSED, Election.Status.RESULTS_PUBLISHED])
def test_issue_ballots_refuses_a_closed_election(status):
    station = StationFactory(election=ElectionFactory(status=status))
    with translation.override("lv"), pytest.raises(Refused) as refused:
        issue_ballots(station, 10)
    assert "ir slēgtas" in refused.value.message
    assert not Ballot.objects.exists()


def test_offline_check_list_holds_only_unused_cards(station):
    codes = issue_ballots(station, 4).codes()
    with transaction.atomic():
        use_ballot(station, codes[0])
    check_list = offline_check_list(station)
    assert len(check_list["digests"]) == 3
    assert offline_digest(check_list["salt"], codes[0]) not in check_list["digests"]
    assert offline_digest(check_list["salt"], codes[1]) in check_list["digests"]
    assert check_list["digests"] == sorted(check_list["digests"])
    assert offline_check_list(StationFactory())["salt"] != check_list["salt"]
