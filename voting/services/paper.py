"""Paper fallback: two volunteers type the paper counts independently (`enter_paper_tally`);
the counts are accepted only when both entries match. Every entry and correction is in the
audit log. Once the election's results are published the counts are closed; a correction
first goes through `reopen_counting` (logged)."""

from collections.abc import Mapping

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from wagtail.log_actions import log

from base.refusals import Refused
from mock_elections.models import Election, PollingStation

from ..models import PaperTally, PaperTallyCorrection, PaperTallyEntry
from ..selectors import paper_tally_differences, paper_tally_lines
from ..signals import counting_reopened
from .common import as_int
from .pin import station_settings
from .tallies import record_tally

# More paper ballots than any station prints; a larger number is a typing slip.
MAX_PAPER_COUNT = 100_000


def refuse_if_results_published(station: PollingStation) -> None:
    """Closed means closed: no paper count changes under published results unless counting
    was reopened for this station."""
    published = station.election.status == Election.Status.RESULTS_PUBLISHED
    if published and station_settings(station).counting_reopened_at is None:
        raise Refused(
            "results_published",
            _(
                "The results are published: paper counts are closed. "
                "Reopen counting for this station first."
            ),
        )


def reopen_counting(station: PollingStation, by: User) -> None:
    """Allow paper count corrections at this station after publication; logged, and the
    published results turn preliminary again (results hears `counting_reopened`)."""
    settings = station_settings(station)
    settings.counting_reopened_at = timezone.now()
    settings.save(update_fields=["counting_reopened_at"])
    log(station, "voting.reopen_counting", user=by)
    counting_reopened.send(sender=PollingStation, station=station, by=by)


@transaction.atomic
def enter_paper_tally(
    station: PollingStation,
    entry_round: int,
    counts: Mapping[tuple[int, int | None], object],
    by: User,
) -> bool:
    """One volunteer's paper counts for the whole station. `counts` maps
    (question id, option id or None) to a number for every line of `paper_tally_lines`.
    A changed count is logged (who, when, old, new). When both entries exist and match,
    they become the accepted paper tally; while they differ nothing is accepted."""
    station = (
        PollingStation.objects.select_for_update().select_related("election").get(pk=station.pk)
    )
    if station.status != PollingStation.Status.CLOSED:
        raise Refused(
            "station_not_closed", _("Paper ballots are counted after the station closes.")
        )
    refuse_if_results_published(station)
    if entry_round not in PaperTallyEntry.Round.values:
        raise Refused("entry_round", _("Choose the first or the second entry."))
    other_round = 3 - entry_round
    other_user_ids = set(
        PaperTallyEntry.objects.filter(station=station, entry_round=other_round).values_list(
            "entered_by_id", flat=True
        )
    )
    if by.pk in other_user_ids:
        raise Refused(
            "same_volunteer",
            _("The two entries must be typed by two different volunteers."),
        )
    lines = paper_tally_lines(station)
    values: dict[tuple[int, int | None], int] = {}
    for question, option in lines:
        value = as_int(counts.get((question.pk, option.pk if option else None)))
        if value is None or not 0 <= value <= MAX_PAPER_COUNT:
            raise Refused(
                "count_missing",
                _("Type a count (0 or more) for every answer: “%(question)s”.")
                % {"question": question.text},
            )
        values[(question.pk, option.pk if option else None)] = value

    existing = {
        (entry.question_id, entry.option_id): entry
        for entry in PaperTallyEntry.objects.filter(station=station, entry_round=entry_round)
    }
    corrected = 0
    for (question_id, option_id), value in values.items():
        entry = existing.get((question_id, option_id))
        if entry is None:
            PaperTallyEntry.objects.create(
                station=station,
                question_id=question_id,
                option_id=option_id,
                votes=value,
                entry_round=entry_round,
                entered_by=by,
            )
        elif entry.votes != value:
            corrected += 1
            PaperTallyCorrection.objects.create(
                entry=entry, corrected_by=by, old_votes=entry.votes, new_votes=value
            )
            entry.votes = value
            entry.entered_by = by
            entry.save(update_fields=["votes", "entered_by", "entered_at"])
    log(
        station,
        "voting.paper_counts",
        user=by,
        data={"entry_round": entry_round, "corrected": corrected},
    )
    return accept_paper_tallies(station)


@transaction.atomic
def accept_paper_tallies(station: PollingStation) -> bool:
    """Make the matching entries the station's paper tally; with any difference (or a missing
    entry) the station has no accepted paper tally. Returns True when accepted."""
    PaperTally.objects.filter(station=station).delete()
    differences = paper_tally_differences(station)
    if differences is None or differences:
        return False
    PaperTally.objects.bulk_create(
        PaperTally(
            station=station,
            question_id=entry.question_id,
            option_id=entry.option_id,
            votes=entry.votes,
        )
        for entry in PaperTallyEntry.objects.filter(station=station, entry_round=1)
        if entry.votes
    )
    record_tally(station)
    return True
