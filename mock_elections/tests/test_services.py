"""Every lifecycle step and every rule in services.py, allowed and refused."""

import datetime

import pytest

from django.contrib.auth import get_user_model
from django.utils import timezone

from base.refusals import Refused
from base.tests.factories import DistrictFactory
from mock_elections import services
from mock_elections.models import Election, ElectionTransition, PollingStation, QuestionProposal

from .factories import (
    AgeBandFactory,
    BallotOptionFactory,
    BallotQuestionFactory,
    ElectionFactory,
    PollingStationFactory,
    QuestionProposalFactory,
    ready_election,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def organiser():
    return get_user_model().objects.create_user("organisers", password="x")


def set_status(election, status):
    Election.objects.filter(pk=election.pk).update(status=status)
    election.refresh_from_db()
    return election


# Election lifecycle


def test_open_election_moves_draft_to_open_and_records_who_and_when(organiser):
    election = ready_election()
    services.open_election(election, organiser)
    election.refresh_from_db()
    assert election.status == Election.Status.OPEN
    entry = ElectionTransition.objects.get(election=election)
    assert (entry.from_status, entry.to_status, entry.user) == ("draft", "open", organiser)
    assert abs(timezone.now() - entry.at) < datetime.timedelta(minutes=1)


def test_open_election_without_station_is_refused(organiser):
    election = ElectionFactory()
    question = BallotQuestionFactory(election=election)
    BallotOptionFactory.create_batch(2, question=question)
    with pytest.raises(Refused, match="vismaz vienu iecirkni"):
        services.open_election(election, organiser)
    assert Election.objects.get(pk=election.pk).status == Election.Status.DRAFT
    assert not ElectionTransition.objects.exists()


def test_open_election_without_question_is_refused(organiser):
    election = ElectionFactory()
    PollingStationFactory(election=election)
    with pytest.raises(Refused, match="vismaz vienu jautājumu"):
        services.open_election(election, organiser)


def test_open_election_with_a_question_of_one_option_is_refused(organiser):
    election = ready_election()
    BallotOptionFactory(question=BallotQuestionFactory(election=election, text="Vai?"))
    with pytest.raises(Refused, match="Jautājumam „Vai\\?” vajag vismaz divus"):
        services.open_election(election, organiser)
    assert Election.objects.get(pk=election.pk).status == Election.Status.DRAFT


def test_open_election_twice_is_refused(organiser):
    election = ready_election()
    services.open_election(election, organiser)
    with pytest.raises(Refused, match="melnraksta"):
        services.open_election(election, organiser)
    assert ElectionTransition.objects.count() == 1


def test_stale_copy_cannot_open_an_election_twice(organiser):
    election = ready_election()
    stale_copy = Election.objects.get(pk=election.pk)
    services.open_election(election, organiser)
    with pytest.raises(Refused, match="pārlādējiet"):
        services.open_election(stale_copy, organiser)
    assert ElectionTransition.objects.count() == 1


def test_close_election_closes_its_open_stations(organiser):
    election = ready_election()
    services.open_election(election, organiser)
    station = election.stations.get()
    services.open_station(station)
    services.close_election(election, organiser)
    station.refresh_from_db()
    assert Election.objects.get(pk=election.pk).status == Election.Status.CLOSED
    assert station.status == PollingStation.Status.CLOSED
    assert station.closed_at is not None
    assert list(election.transitions.values_list("to_status", flat=True)) == ["open", "closed"]


def test_close_draft_election_is_refused(organiser):
    with pytest.raises(Refused, match="Slēgt var tikai atvērtas"):
        services.close_election(ElectionFactory(), organiser)


def test_publish_after_release_time(organiser):
    election = set_status(ElectionFactory(), Election.Status.CLOSED)
    services.publish_results(election, organiser)
    assert Election.objects.get(pk=election.pk).status == Election.Status.RESULTS_PUBLISHED
    assert election.transitions.get().to_status == "published"


def test_publish_before_release_time_says_when(organiser):
    release = timezone.now() + datetime.timedelta(hours=2)
    election = set_status(ElectionFactory(results_release_at=release), Election.Status.CLOSED)
    with pytest.raises(Refused, match="Rezultātus drīkst publicēt no") as refusal:
        services.publish_results(election, organiser)
    assert f"{timezone.localtime(release):%H:%M}" in refusal.value.message
    assert Election.objects.get(pk=election.pk).status == Election.Status.CLOSED


def test_publish_open_election_is_refused(organiser):
    election = set_status(ElectionFactory(), Election.Status.OPEN)
    with pytest.raises(Refused, match="tikai pēc vēlēšanu slēgšanas"):
        services.publish_results(election, organiser)


def test_full_lifecycle_leaves_three_audit_entries(organiser):
    election = ready_election()
    services.open_election(election, organiser)
    services.close_election(election, organiser)
    services.publish_results(election, organiser)
    assert [(t.from_status, t.to_status) for t in election.transitions.all()] == [
        ("draft", "open"),
        ("open", "closed"),
        ("closed", "published"),
    ]


# Stations


def test_station_opens_only_while_election_is_open(organiser):
    election = ready_election()
    station = election.stations.get()
    with pytest.raises(Refused, match="nevar atvērt"):
        services.open_station(station, organiser)
    services.open_election(election, organiser)
    services.open_station(station, organiser)
    station.refresh_from_db()
    assert station.status == PollingStation.Status.OPEN
    assert station.opened_at is not None
    assert station.opened_by == organiser


def test_station_closes_for_good():
    election = set_status(ElectionFactory(), Election.Status.OPEN)
    station = PollingStationFactory(election=election)
    services.open_station(station)
    services.close_station(station)
    station.refresh_from_db()
    assert station.status == PollingStation.Status.CLOSED
    assert station.closed_at is not None
    with pytest.raises(Refused, match="nevar atvērt"):
        services.open_station(station)
    with pytest.raises(Refused, match="nevar slēgt"):
        services.close_station(station)


def test_station_not_opened_cannot_close():
    station = PollingStationFactory(election=set_status(ElectionFactory(), "open"))
    with pytest.raises(Refused, match="nevar slēgt"):
        services.close_station(station)


def test_bulk_open_and_close_report_what_was_refused(organiser):
    election = set_status(ElectionFactory(), Election.Status.OPEN)
    first, second = PollingStationFactory.create_batch(2, election=election)
    services.open_station(first)
    outcome = services.bulk_open_stations([first, second], organiser)
    assert outcome.done == [second]
    assert [station for station, _message in outcome.refused] == [first]
    outcome = services.bulk_close_stations(PollingStation.objects.all(), organiser)
    assert len(outcome.done) == 2 and not outcome.refused


# The ballot


@pytest.mark.parametrize("status", ["open", "closed", "published"])
def test_ballot_is_frozen_once_open(status):
    election = set_status(ElectionFactory(), status)
    with pytest.raises(Refused, match="vairs nevar mainīt"):
        services.assert_ballot_editable(election)


def test_ballot_is_editable_in_draft():
    services.assert_ballot_editable(ElectionFactory())


def test_default_age_bands_are_created_once():
    election = ElectionFactory()
    services.create_default_age_bands(election)
    bands = services.create_default_age_bands(election)
    assert [(b.min_age, b.max_age, b.uses_easy_read) for b in bands] == [
        (5, 8, True),
        (9, 12, False),
        (13, 15, False),
        (16, 17, False),
    ]


def test_voting_window_rules():
    opens = timezone.now()
    closes = opens + datetime.timedelta(hours=13)
    services.check_voting_window(opens, closes, closes)
    with pytest.raises(Refused, match="jāslēdzas pēc"):
        services.check_voting_window(opens, opens - datetime.timedelta(minutes=1), None)
    with pytest.raises(Refused, match="pirms balsošanas beigām"):
        services.check_voting_window(
            opens, opens + datetime.timedelta(hours=2), opens + datetime.timedelta(hours=1)
        )


def test_station_district_must_belong_to_election():
    inside, outside = DistrictFactory(name="Karosta"), DistrictFactory(name="Tosmare")
    election = ElectionFactory(districts=[inside])
    services.check_station_district(election, inside)
    with pytest.raises(Refused, match="Tosmare nav šo vēlēšanu apkaime"):
        services.check_station_district(election, outside)


# Proposals


def test_submit_proposal_records_consent_time():
    proposal = services.submit_proposal(
        ElectionFactory(),
        question_text="Vai skolas pagalmā vajag šūpoles?",
        reason="",
        group_name="3.a klase",
        contact_name="Skolotāja",
        contact_email="s@example.org",
    )
    assert proposal.consent_at is not None
    assert proposal.status == QuestionProposal.Status.SUBMITTED


def test_submit_proposal_refused_once_election_opened():
    with pytest.raises(Refused, match="vairs nepieņem"):
        services.submit_proposal(
            set_status(ElectionFactory(), "open"),
            question_text="?",
            reason="",
            group_name="3.a",
            contact_name="S",
            contact_email="s@example.org",
        )


def test_promote_proposal_makes_a_question_at_the_end_of_the_ballot(organiser):
    election = ElectionFactory()
    BallotQuestionFactory(election=election, sort_order=4)
    proposal = QuestionProposalFactory(election=election)
    question = services.promote_proposal(proposal, organiser)
    proposal.refresh_from_db()
    assert proposal.status == QuestionProposal.Status.PROMOTED
    assert proposal.promoted_question == question
    assert (question.text, question.proposed_by, question.sort_order) == (
        proposal.question_text,
        "Parauga pamatskolas 4.b klase",
        5,
    )
    with pytest.raises(Refused, match="jau ir biļetenā"):
        services.promote_proposal(proposal, organiser)


def test_promote_refused_once_election_open(organiser):
    proposal = QuestionProposalFactory(election=set_status(ElectionFactory(), "open"))
    with pytest.raises(Refused, match="vairs nevar mainīt"):
        services.promote_proposal(proposal, organiser)
    assert not proposal.election.questions.exists()


def test_shortlist_and_decline():
    proposal = QuestionProposalFactory()
    assert services.shortlist_proposal(proposal).status == "shortlisted"
    assert services.decline_proposal(proposal).status == "declined"


def test_age_band_factory_is_usable():
    assert AgeBandFactory().election.age_bands.count() == 1


def test_age_band_rules():
    services.check_age_bands([(5, 8), (9, 12), (13, 15), (16, 17)])
    with pytest.raises(Refused, match="pārklājas: 5–8 un 8–12"):
        services.check_age_bands([(8, 12), (5, 8)])
    with pytest.raises(Refused, match="nevar būt lielāks"):
        services.check_age_bands([(12, 9)])


@pytest.mark.parametrize("status", ["open", "closed", "published"])
def test_nothing_of_an_open_or_later_election_can_be_deleted(status):
    with pytest.raises(Refused, match="neko no tām nevar dzēst"):
        services.assert_deletable(set_status(ElectionFactory(), status))
    services.assert_deletable(ElectionFactory())
