import datetime

import pytest

from django.contrib.auth import get_user_model
from django.utils import timezone

from ballots.models import Ballot
from base.refusals import Refused
from mock_elections import services as election_services
from voting import selectors, services
from voting.models import (
    DuplicateOfflineUse,
    PairingCode,
    PaperTally,
    PaperTallyCorrection,
    ReceivedSubmission,
    SealedVote,
    SetAsideVote,
    StationTablet,
    Vote,
    VoteAnswer,
)
from voting.sealing import new_box_key, public_point, seal_ballot
from voting.selectors import closing_summary, station_counter, tablet_for_token

from .factories import close_and_count, open_station_set_up, organiser, vote_item

pytestmark = pytest.mark.django_db


def refusal_reason(call):
    with pytest.raises(Refused) as caught:
        call()
    return caught.value.reason


def cast(set_up, item):
    """One vote from the tablet, as the sync takes each of its votes."""
    set_up.station.refresh_from_db()
    checked = services.check_vote_shape(set_up.station, item)
    set_up.tablet.station = set_up.station
    return services.record_vote(set_up.tablet, checked)


def nothing_stored():
    """No row of a refused vote is kept: its rows are written first and checked after, in one
    transaction (`record_vote`), so a refusal must roll them all back, the card's too."""
    return (
        not Vote.objects.exists()
        and not SealedVote.objects.exists()
        and not ReceivedSubmission.objects.exists()
        and not Ballot.objects.filter(state=Ballot.State.USED).exists()
    )


# Pairing


def test_pairing_code_pairs_one_tablet_once_and_keeps_only_hashes(station_set_up):
    pairing, code = services.create_pairing_code(station_set_up.station, by=None)
    tablet, token = services.pair_tablet(code.lower(), "Planšete 2")
    assert tablet.station == station_set_up.station
    assert tablet_for_token(token) == tablet
    assert token not in tablet.token_digest and code not in pairing.code_digest
    assert refusal_reason(lambda: services.pair_tablet(code, "Vēl viena")) == (
        "pairing_code_invalid"
    )


def test_expired_or_wrong_pairing_code_is_refused(station_set_up):
    pairing, code = services.create_pairing_code(station_set_up.station, by=None)
    PairingCode.objects.filter(pk=pairing.pk).update(
        expires_at=timezone.now() - datetime.timedelta(seconds=1)
    )
    assert refusal_reason(lambda: services.pair_tablet(code, "")) == "pairing_code_invalid"
    assert refusal_reason(lambda: services.pair_tablet("", "")) == "pairing_code_invalid"
    assert StationTablet.objects.count() == 1


def test_revoked_tablet_token_stops_working_at_once(station_set_up):
    services.revoke_tablet(station_set_up.tablet, by=station_set_up.organiser)
    assert tablet_for_token(station_set_up.token) is None


# The volunteers' PIN


def test_pin_is_hashed_checked_and_locked_after_wrong_tries(station_set_up):
    settings = services.station_settings(station_set_up.station)
    assert "2025" not in settings.pin_hash
    services.check_station_pin(station_set_up.tablet, "2025")
    for _attempt in range(services.PIN_ATTEMPTS):
        assert refusal_reason(lambda: services.check_station_pin(station_set_up.tablet, "1")) == (
            "pin_wrong"
        )
    assert refusal_reason(lambda: services.check_station_pin(station_set_up.tablet, "2025")) == (
        "pin_locked"
    )


def test_pin_must_be_four_to_eight_digits(station_set_up):
    for bad in ("12", "abcd", "123456789", "１２３４", "12\x0034"):
        assert refusal_reason(
            lambda bad=bad: services.set_station_pin(station_set_up.station, bad, by=None)
        ) == ("pin_format")


# Casting a vote


def test_vote_is_recorded_sealed_with_coarse_hour_and_code_used(station_set_up):
    item = vote_item(station_set_up, station_set_up.codes[0])
    assert cast(station_set_up, item) == "recorded"
    vote = Vote.objects.get()
    assert vote.cast_hour.minute == vote.cast_hour.second == vote.cast_hour.microsecond == 0
    assert not vote.counted and not VoteAnswer.objects.exists()
    assert SealedVote.objects.count() == 1
    assert Ballot.objects.filter(state=Ballot.State.USED).count() == 1
    close_and_count(station_set_up)
    vote = Vote.objects.get()
    assert vote.counted and vote.answers.count() == 2
    assert not SealedVote.objects.exists()


def test_abstaining_where_offered_is_an_answer_without_option(station_set_up):
    answers = station_set_up.answers_for(station_set_up.young)
    answers[0]["option"] = None
    item = vote_item(
        station_set_up, station_set_up.codes[0], band=station_set_up.young, answers=answers
    )
    assert cast(station_set_up, item) == "recorded"
    close_and_count(station_set_up)
    assert VoteAnswer.objects.get().option is None


def test_same_client_id_counts_once(station_set_up):
    item = vote_item(station_set_up, station_set_up.codes[0])
    assert cast(station_set_up, item) == "recorded"
    assert cast(station_set_up, item) == "duplicate"
    assert Vote.objects.count() == 1


def test_used_code_is_refused_with_already_used(station_set_up):
    cast(station_set_up, vote_item(station_set_up, station_set_up.codes[0]))
    again = vote_item(station_set_up, station_set_up.codes[0])
    assert refusal_reason(lambda: cast(station_set_up, again)) == "already_used"
    assert Vote.objects.count() == 1


@pytest.mark.parametrize(
    "spoil, expected",
    [
        (lambda item, set_up: item.update(code="AAAA-AAAA-AAAA-A"), "invalid"),
        (lambda item, set_up: item.update(age_band=999_999), "invalid_vote"),
        (lambda item, set_up: item.update(cast_at="vakar"), "invalid_vote"),
        (lambda item, set_up: item.update(cast_at="0001-01-01T00:00:00+14:00"), "invalid_vote"),
        (lambda item, set_up: item.update(cast_at="2001-01-01T00:00:00+00:00"), "invalid_vote"),
        (lambda item, set_up: item.update(client_id="nav-uuid"), "invalid_vote"),
        (lambda item, set_up: item.update(answers=[]), "invalid_vote"),
        (lambda item, set_up: item["sealed"].update(ct="AAAA"), "invalid_vote"),
        (lambda item, set_up: item["sealed"].update(epk="!"), "invalid_vote"),
        (lambda item, set_up: item.pop("sealed"), "invalid_vote"),
    ],
    ids=[
        "unknown-code",
        "age-band-not-in-election",
        "bad-time",
        "year-one-at-plus-fourteen",
        "before-the-station-opened",
        "bad-client-id",
        "plain-answers",
        "ciphertext-too-short",
        "ephemeral-key-not-base64",
        "no-sealed-ballot",
    ],
)
def test_bad_votes_are_refused_and_store_nothing(station_set_up, spoil, expected):
    item = vote_item(station_set_up, station_set_up.codes[0])
    spoil(item, station_set_up)
    assert refusal_reason(lambda: cast(station_set_up, item)) == expected
    assert nothing_stored()
    assert not Ballot.objects.filter(state=Ballot.State.USED).exists()


def other_election_answers(set_up):
    other = open_station_set_up(cards=0, pin=None)
    return [{"question": other.everyone_question.pk, "option": other.everyone_options[0].pk}]


@pytest.mark.parametrize(
    "spoil",
    [
        lambda answers, set_up: answers.pop(),
        lambda answers, set_up: answers[1].update(option=None),
        lambda answers, set_up: answers[0].update(option=set_up.older_options[0].pk),
        lambda answers, set_up: answers.append(dict(answers[0])),
        lambda answers, set_up: answers.__setitem__(0, other_election_answers(set_up)[0]),
        lambda answers, set_up: answers[0].update(option=float("inf")),
        lambda answers, set_up: answers[0].update(question="1e400"),
    ],
    ids=[
        "question-unanswered",
        "abstain-not-offered",
        "option-of-other-question",
        "question-twice",
        "question-of-another-election",
        "infinite-option",
        "absurd-question",
    ],
)
def test_ballot_that_does_not_fit_the_election_is_set_aside_at_counting(station_set_up, spoil):
    """The server cannot read a sealed ballot before counting: the card is used, and the count
    sets the ballot aside with its station and why, counting the others."""
    answers = station_set_up.answers_for(station_set_up.older)
    spoil(answers, station_set_up)
    bad = vote_item(station_set_up, station_set_up.codes[0], answers=answers)
    good = vote_item(station_set_up, station_set_up.codes[1])
    assert cast(station_set_up, bad) == cast(station_set_up, good) == "recorded"
    outcome = close_and_count(station_set_up)
    assert outcome.counted == 1 and len(outcome.set_aside) == 1
    assert Vote.objects.get().counted
    set_aside = SetAsideVote.objects.get()
    assert set_aside.station == station_set_up.station and set_aside.reason


def test_ballot_sealed_to_another_key_is_set_aside(station_set_up):
    item = vote_item(station_set_up, station_set_up.codes[0])
    stranger = public_point(new_box_key())
    item["sealed"] = seal_ballot(stranger, station_set_up.older.pk, [])
    assert cast(station_set_up, item) == "recorded"
    outcome = close_and_count(station_set_up)
    assert outcome.counted == 0 and len(outcome.set_aside) == 1
    assert not Vote.objects.exists() and not SealedVote.objects.exists()


def test_code_of_another_station_is_refused(station_set_up):
    other = open_station_set_up(cards=1, pin=None, election=None)
    item = vote_item(station_set_up, other.codes[0])
    assert refusal_reason(lambda: cast(station_set_up, item)) in {
        "other_station",
        "other_election",
    }
    assert nothing_stored()


def test_vote_cast_before_closing_but_synced_after_counts_and_after_closing_not(station_set_up):
    before = timezone.now() - datetime.timedelta(minutes=1)
    election_services.close_station(station_set_up.station)
    late = vote_item(
        station_set_up,
        station_set_up.codes[0],
        cast_at=timezone.now() + datetime.timedelta(seconds=1),
    )
    assert refusal_reason(lambda: cast(station_set_up, late)) == "after_closing"
    early = vote_item(station_set_up, station_set_up.codes[1], cast_at=before)
    station_set_up.station.refresh_from_db()
    assert cast(station_set_up, early) == "recorded"
    assert Vote.objects.count() == 1


def test_station_not_open_refuses_votes(db):
    set_up = open_station_set_up(open_station=False)
    item = vote_item(set_up, set_up.codes[0])
    assert refusal_reason(lambda: cast(set_up, item)) == "station_not_open"
    assert nothing_stored()


def test_paused_station_refuses_votes_cast_during_the_pause(station_set_up):
    services.pause_station_from_tablet(station_set_up.tablet, "2025", True)
    item = vote_item(station_set_up, station_set_up.codes[0])
    assert refusal_reason(lambda: cast(station_set_up, item)) == "paused"
    services.pause_station_from_tablet(station_set_up.tablet, "2025", False)
    assert cast(station_set_up, item) == "recorded"


# Syncing a batch


def test_sync_reports_each_vote_and_a_replay_counts_nothing(station_set_up):
    first = vote_item(station_set_up, station_set_up.codes[0])
    second = vote_item(station_set_up, station_set_up.codes[1], band=station_set_up.young)
    used = vote_item(station_set_up, station_set_up.codes[0])
    payload = {"votes": [first, second, used], "queued": 3}
    results = services.sync_votes(station_set_up.tablet, payload)
    assert [result["result"] for result in results] == ["recorded", "recorded", "refused"]
    assert results[2]["reason"] == "already_used"
    replay = services.sync_votes(station_set_up.tablet, payload)
    assert [result["result"] for result in replay] == ["duplicate", "duplicate", "refused"]
    assert Vote.objects.count() == 2
    station_set_up.tablet.refresh_from_db()
    assert station_set_up.tablet.queued_votes_reported == 3
    assert station_set_up.tablet.last_sync_at is not None


def test_one_malformed_vote_refuses_the_whole_batch(station_set_up):
    good = vote_item(station_set_up, station_set_up.codes[0])
    bad = vote_item(station_set_up, station_set_up.codes[1])
    bad["age_band"] = None
    with pytest.raises(Refused) as caught:
        services.sync_votes(station_set_up.tablet, {"votes": [good, bad]})
    assert caught.value.details["client_id"] == bad["client_id"]
    assert nothing_stored()


def test_code_used_offline_on_two_tablets_counts_once_and_is_reported(station_set_up):
    _pairing, code = services.create_pairing_code(station_set_up.station, by=None)
    second_tablet, _token = services.pair_tablet(code, "Planšete 2")
    card = station_set_up.codes[0]
    services.sync_votes(
        station_set_up.tablet, {"votes": [vote_item(station_set_up, card, offline=True)]}
    )
    results = services.sync_votes(
        second_tablet, {"votes": [vote_item(station_set_up, card, offline=True)]}
    )
    assert results[0]["reason"] == "duplicate_offline_use"
    assert Vote.objects.count() == 1
    assert DuplicateOfflineUse.objects.filter(station=station_set_up.station).count() == 1
    summary = closing_summary(station_set_up.station)
    assert summary["duplicate_offline_uses"] == 1
    assert summary["accounting"]["mismatch"]


def test_too_many_votes_in_one_sync_are_refused(station_set_up):
    item = vote_item(station_set_up, station_set_up.codes[0])
    payload = {"votes": [item] * (services.MAX_VOTES_PER_SYNC + 1)}
    assert refusal_reason(lambda: services.sync_votes(station_set_up.tablet, payload)) == (
        "too_many_votes"
    )


# Running the station from the tablet


def test_volunteer_opens_and_closes_with_the_pin(db):
    set_up = open_station_set_up(open_station=False)
    assert refusal_reason(lambda: services.open_station_from_tablet(set_up.tablet, "0000")) == (
        "pin_wrong"
    )
    services.open_station_from_tablet(set_up.tablet, "2025")
    assert station_counter(set_up.tablet.station)["status"] == "open"
    services.close_station_from_tablet(set_up.tablet, "2025")
    set_up.station.refresh_from_db()
    assert set_up.station.status == "closed"


def test_volunteer_spoils_a_ballot_with_a_reason(station_set_up):
    assert (
        refusal_reason(
            lambda: services.spoil_ballot_from_tablet(
                station_set_up.tablet, "2025", station_set_up.codes[0], " "
            )
        )
        == "reason_missing"
    )
    services.spoil_ballot_from_tablet(
        station_set_up.tablet, "2025", station_set_up.codes[0], "Saplēsts"
    )
    assert Ballot.objects.filter(state=Ballot.State.SPOILED).count() == 1


# Paper fallback


def paper_counts(set_up, value=3):
    return {
        (question.pk, option.pk if option else None): value
        for question, option in selectors.paper_tally_lines(set_up.station)
    }


def test_paper_counts_are_accepted_only_when_both_entries_match(station_set_up):
    station = station_set_up.station
    first = organiser("brivpratigais1")
    second = organiser("brivpratigais2")
    assert (
        refusal_reason(
            lambda: services.enter_paper_tally(station, 1, paper_counts(station_set_up), first)
        )
        == "station_not_closed"
    )
    election_services.close_station(station)

    services.enter_paper_tally(station, 1, paper_counts(station_set_up), first)
    assert (
        refusal_reason(
            lambda: services.enter_paper_tally(station, 2, paper_counts(station_set_up), first)
        )
        == "same_volunteer"
    )
    differing = paper_counts(station_set_up)
    differing[next(iter(differing))] = 4
    services.enter_paper_tally(station, 2, differing, second)
    assert len(selectors.paper_tally_differences(station)) == 1
    assert not PaperTally.objects.exists()

    services.enter_paper_tally(station, 2, paper_counts(station_set_up), second)
    correction = PaperTallyCorrection.objects.get()
    assert (correction.old_votes, correction.new_votes, correction.corrected_by) == (4, 3, second)
    assert PaperTally.objects.filter(station=station).count() == len(paper_counts(station_set_up))
    summary = closing_summary(station)
    assert summary["paper_accepted"] and summary["paper_votes"] == 9  # 2 options + abstain


def test_paper_count_missing_a_line_is_refused(station_set_up):
    election_services.close_station(station_set_up.station)
    counts = paper_counts(station_set_up)
    counts.popitem()
    assert (
        refusal_reason(
            lambda: services.enter_paper_tally(
                station_set_up.station, 1, counts, get_user_model().objects.get()
            )
        )
        == "count_missing"
    )


# Closing


def test_closing_summary_and_certificate(station_set_up):
    from voting.pdf import closing_certificate_pdf

    services.sync_votes(
        station_set_up.tablet,
        {"votes": [vote_item(station_set_up, code) for code in station_set_up.codes[:3]]},
    )
    election_services.close_station(station_set_up.station)
    summary = closing_summary(station_set_up.station)
    assert summary["tablet_votes"] == 3
    assert {band["label"]: band["votes"] for band in summary["by_age_band"]} == {
        "5–8": 0,
        "9–12": 3,
    }
    accounting = summary["accounting"]
    assert accounting["printed"] == 10 and accounting["used"] == 3 and accounting["unused"] == 7
    assert not accounting["mismatch"]
    assert closing_certificate_pdf(summary).startswith(b"%PDF")
