"""The rules of a children's election, as plain functions the admin, the tablets and the demo
loader all call.

Lifecycle: an election goes draft → open → closed → results published, a station goes
not opened → open → closed. Each step is one function here; each refusal is a Refused with
a message an organiser or volunteer understands.
"""

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.contrib.auth.models import User as Account
from django.db import transaction
from django.db.models import Count, Max
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from wagtail.log_actions import log

from base.models import District
from base.refusals import Refused

from .models import (
    AgeBand,
    BallotQuestion,
    Election,
    ElectionTransition,
    PollingStation,
    QuestionProposal,
)

# Who did it, for the audit trail; None where no person is logged in (a tablet with the PIN).
User = Account | None

# Rules of apps above this one that must hold before results are published (voting: every
# station's ballot box is counted). They plug in from their AppConfig.ready(), since this app
# may not import them.
PUBLICATION_CHECKS: list[Callable[[Election], None]] = []

DEFAULT_AGE_BANDS = [(5, 8, True), (9, 12, False), (13, 15, False), (16, 17, False)]


# Election lifecycle


def _move_election(election: Election, from_status: str, to_status: str, by: User) -> Election:
    """Change the status only if nobody else changed it meanwhile, and write the audit entry."""
    now = timezone.now()
    changed = Election.objects.filter(pk=election.pk, status=from_status).update(status=to_status)
    if not changed:
        election.refresh_from_db(fields=["status"])
        raise Refused(
            "changed_meanwhile",
            _("The election is already “%(status)s”; reload the page.")
            % {"status": election.get_status_display()},
        )
    election.status = to_status
    ElectionTransition.objects.create(
        election=election, from_status=from_status, to_status=to_status, user=by, at=now
    )
    log(election, f"mock_elections.election_{to_status}", user=by)
    return election


def _require_status(election: Election, status: str, message: str) -> None:
    if election.status != status:
        raise Refused("wrong_status", message % {"status": election.get_status_display()})


def check_ready_to_open(election: Election) -> None:
    """Refuse an election that children could not vote in: no station, no question, or a
    question a child could not answer (fewer than two options, e.g. a freshly promoted
    proposal whose options were not added yet)."""
    if not election.stations.exists():
        raise Refused(
            "no_station", _("Add at least one polling station before opening the election.")
        )
    questions = list(election.questions.annotate(option_count=Count("options")))
    if not questions:
        raise Refused(
            "no_question",
            _("Add at least one ballot question with two or more options before opening."),
        )
    for question in questions:
        if question.option_count < 2:
            raise Refused(
                "too_few_options",
                _("The question “%(question)s” needs at least two options before opening.")
                % {"question": question.text},
            )


@transaction.atomic
def open_election(election: Election, by: User) -> Election:
    _require_status(
        election,
        Election.Status.DRAFT,
        _("Only a draft election can be opened; this one is “%(status)s”."),
    )
    check_ready_to_open(election)
    return _move_election(election, Election.Status.DRAFT, Election.Status.OPEN, by)


@transaction.atomic
def close_election(election: Election, by: User) -> Election:
    """Close voting. Stations still open close with it: no vote may arrive afterwards."""
    _require_status(
        election,
        Election.Status.OPEN,
        _("Only an open election can be closed; this one is “%(status)s”."),
    )
    _move_election(election, Election.Status.OPEN, Election.Status.CLOSED, by)
    still_open = list(election.stations.filter(status=PollingStation.Status.OPEN))
    election.stations.filter(pk__in=[station.pk for station in still_open]).update(
        status=PollingStation.Status.CLOSED, closed_at=timezone.now(), closed_by=by
    )
    for station in still_open:
        log(station, "mock_elections.station_closed", user=by)
    return election


@transaction.atomic
def publish_results(election: Election, by: User) -> Election:
    _require_status(
        election,
        Election.Status.CLOSED,
        _("Results can be published only after the election is closed; it is “%(status)s”."),
    )
    if timezone.now() < election.results_release_at:
        release = timezone.localtime(election.results_release_at)
        raise Refused(
            "before_release",
            _("Results may be published from %(when)s, not earlier.")
            % {"when": date_format(release, "DATETIME_FORMAT")},
        )
    for check in PUBLICATION_CHECKS:
        check(election)
    return _move_election(election, Election.Status.CLOSED, Election.Status.RESULTS_PUBLISHED, by)


# Stations


@transaction.atomic
def open_station(station: PollingStation, by: User = None) -> PollingStation:
    election = Election.objects.get(pk=station.election_id)
    if election.status != Election.Status.OPEN:
        raise Refused(
            "election_not_open",
            _("%(station)s cannot open: the election is “%(status)s”, not open.")
            % {"station": station.name, "status": election.get_status_display()},
        )
    return _move_station(
        station,
        PollingStation.Status.NOT_OPENED,
        PollingStation.Status.OPEN,
        {"opened_at": timezone.now(), "opened_by": by},
        _("%(station)s cannot open: it is already “%(status)s”."),
        "mock_elections.station_opened",
    )


@transaction.atomic
def close_station(station: PollingStation, by: User = None) -> PollingStation:
    """Close a station for good: a closed station never reopens."""
    return _move_station(
        station,
        PollingStation.Status.OPEN,
        PollingStation.Status.CLOSED,
        {"closed_at": timezone.now(), "closed_by": by},
        _("%(station)s cannot close: it is “%(status)s”, not open."),
        "mock_elections.station_closed",
    )


def _move_station(
    station: PollingStation,
    from_status: str,
    to_status: str,
    changes: dict[str, Any],
    refusal: str,
    action: str,
) -> PollingStation:
    changed = PollingStation.objects.filter(pk=station.pk, status=from_status).update(
        status=to_status, **changes
    )
    if not changed:
        station.refresh_from_db(fields=["status"])
        raise Refused(
            "wrong_station_status",
            refusal % {"station": station.name, "status": station.get_status_display()},
        )
    station.status = to_status
    for name, value in changes.items():
        setattr(station, name, value)
    by = changes.get("opened_by") or changes.get("closed_by")
    log(station, action, user=by)
    return station


@dataclass
class BulkOutcome:
    """What a bulk action did: the stations it changed and, for the rest, why not."""

    done: list[PollingStation] = field(default_factory=list)
    refused: list[tuple[PollingStation, str]] = field(default_factory=list)


def _bulk(
    action: Callable[[PollingStation, User], PollingStation],
    stations: Iterable[PollingStation],
    by: User,
) -> BulkOutcome:
    outcome = BulkOutcome()
    for station in stations:
        try:
            outcome.done.append(action(station, by))
        except Refused as refusal:
            outcome.refused.append((station, refusal.message))
    return outcome


def bulk_open_stations(stations: Iterable[PollingStation], by: User) -> BulkOutcome:
    return _bulk(open_station, stations, by)


def bulk_close_stations(stations: Iterable[PollingStation], by: User) -> BulkOutcome:
    return _bulk(close_station, stations, by)


# The ballot and who is asked


def assert_ballot_editable(election: Election | None) -> None:
    """Questions, options and age bands are frozen once children may vote."""
    if election is not None and election.status != Election.Status.DRAFT:
        raise Refused(
            "ballot_frozen",
            _(
                "The election is “%(status)s”: its questions, options and age bands "
                "can no longer be changed."
            )
            % {"status": election.get_status_display()},
        )


def assert_deletable(election: Election) -> None:
    """An election, its stations and questions can be deleted only while it is a draft:
    from opening on, votes and paper tallies refer to them."""
    if election.status != Election.Status.DRAFT:
        raise Refused(
            "not_deletable",
            _(
                "The election is “%(status)s”: votes may refer to it, so nothing of it "
                "can be deleted."
            )
            % {"status": election.get_status_display()},
        )


def create_default_age_bands(election: Election) -> list[AgeBand]:
    """Give an election the usual bands (5–8 with easy-read, 9–12, 13–15, 16–17); keeps any
    band the election already has."""
    for position, (min_age, max_age, uses_easy_read) in enumerate(DEFAULT_AGE_BANDS):
        AgeBand.objects.get_or_create(
            election=election,
            min_age=min_age,
            defaults={"max_age": max_age, "uses_easy_read": uses_easy_read, "sort_order": position},
        )
    return list(election.age_bands.all())


# Checks the admin forms share with everything else that saves these objects


def check_voting_window(
    opens_at: datetime | None, closes_at: datetime | None, release_at: datetime | None
) -> None:
    if opens_at and closes_at and closes_at <= opens_at:
        raise Refused("window_order", _("Voting must close after it opens."))
    if closes_at and release_at and release_at < closes_at:
        raise Refused("release_before_close", _("Results cannot be released before voting closes."))


def check_age_bands(ranges: Sequence[tuple[int, int]]) -> None:
    """Bands are (from, to) pairs; each must run upwards and none may overlap another."""
    for low, high in ranges:
        if low > high:
            raise Refused(
                "age_band_range",
                _("Age band %(low)s–%(high)s: the first age cannot be larger than the last.")
                % {"low": low, "high": high},
            )
    ordered = sorted(ranges)
    for (low, high), (next_low, next_high) in zip(ordered, ordered[1:], strict=False):
        if next_low <= high:
            raise Refused(
                "age_bands_overlap",
                _("Age bands overlap: %(first)s and %(second)s.")
                % {"first": f"{low}–{high}", "second": f"{next_low}–{next_high}"},
            )


def check_station_district(election: Election | None, district: District | None) -> None:
    if election is None or district is None:
        return
    if district.pk not in {known.pk for known in election.districts.all()}:
        raise Refused(
            "district_not_in_election",
            _("%(district)s is not one of this election's districts.")
            % {"district": district.name},
        )


# Question proposals


def submit_proposal(
    election: Election,
    *,
    question_text: str,
    reason: str,
    group_name: str,
    contact_name: str,
    contact_email: str,
) -> QuestionProposal:
    """Store a proposal sent from the public page; the form has already taken the consent."""
    if election.status != Election.Status.DRAFT or election.is_rehearsal:
        raise Refused("proposals_closed", _("This election no longer takes question proposals."))
    return QuestionProposal.objects.create(
        election=election,
        question_text=question_text,
        reason=reason,
        group_name=group_name,
        contact_name=contact_name,
        contact_email=contact_email,
        consent_at=timezone.now(),
    )


def shortlist_proposal(proposal: QuestionProposal) -> QuestionProposal:
    return _move_proposal(proposal, QuestionProposal.Status.SHORTLISTED)


def decline_proposal(proposal: QuestionProposal) -> QuestionProposal:
    return _move_proposal(proposal, QuestionProposal.Status.DECLINED)


def _move_proposal(proposal: QuestionProposal, status: str) -> QuestionProposal:
    if proposal.status == QuestionProposal.Status.PROMOTED:
        raise Refused("already_on_ballot", _("This proposal is already on the ballot."))
    proposal.status = status
    proposal.save(update_fields=["status"])
    return proposal


@transaction.atomic
def promote_proposal(proposal: QuestionProposal, by: User) -> BallotQuestion:
    """Turn a proposal into a ballot question at the end of the ballot. The organiser then
    adds its options (and pictures) on the question's edit page."""
    proposal = QuestionProposal.objects.select_for_update().get(pk=proposal.pk)
    if proposal.status == QuestionProposal.Status.PROMOTED:
        raise Refused("already_on_ballot", _("This proposal is already on the ballot."))
    assert_ballot_editable(proposal.election)
    last_position = proposal.election.questions.aggregate(last=Max("sort_order"))["last"]
    question = BallotQuestion.objects.create(
        election=proposal.election,
        sort_order=0 if last_position is None else last_position + 1,
        text=proposal.question_text,
        proposed_by=proposal.group_name,
    )
    proposal.status = QuestionProposal.Status.PROMOTED
    proposal.promoted_question = question
    proposal.save(update_fields=["status", "promoted_question"])
    log(proposal, "mock_elections.proposal_promoted", user=by)
    return question
