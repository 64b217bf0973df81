"""Counting a station: open its ballot box, check each ballot, shuffle, write the counted votes
with fresh random ids in one transaction and delete the ciphertexts; then rebuild the tables so
no old row version or page order is left to pair a vote with the card that unlocked it.

One transaction per count: a crash anywhere inside leaves every sealed vote where it was, and
counting again finds only what is still sealed, so nothing is lost or counted twice. A vote
synced after a count waits for the next count (voting/README.md says what that means).
"""

import secrets
from dataclasses import dataclass, field

from django.contrib.auth.models import User
from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from wagtail.log_actions import log

from base.refusals import Refused
from mock_elections.models import Election, PollingStation

from .. import sealing
from ..models import SealedVote, SetAsideVote, Vote, VoteAnswer
from ..selectors import ballot_rules, stations_with_uncounted_votes
from .ballot_box import box_private_key, ensure_ballot_box
from .common import hour_of
from .content import check_ballot_content
from .tallies import record_tally

# Tables whose old row versions and page order must not outlive a count.
CLEANED_MODELS = (Vote, VoteAnswer, SealedVote)


@dataclass
class CountOutcome:
    """What one count did at one station."""

    counted: int = 0
    set_aside: list[str] = field(default_factory=list)


def count_station(station: PollingStation, by: User | None) -> CountOutcome:
    """Count every sealed vote of a closed station (again after late syncs: only what is
    still sealed). Ballots that do not open or do not fit the election are set aside and
    reported; nothing else stops the count."""
    outcome = _count_in_one_transaction(station, by)
    if outcome.counted or outcome.set_aside:
        clean_vote_tables()
    return outcome


@transaction.atomic
def _count_in_one_transaction(station: PollingStation, by: User | None) -> CountOutcome:
    station = (
        PollingStation.objects.select_for_update().select_related("election").get(pk=station.pk)
    )
    if station.status != PollingStation.Status.CLOSED:
        raise Refused("station_not_closed", _("A station is counted after it closes."))
    election = station.election
    sealed_votes = list(SealedVote.objects.select_for_update().filter(station=station))
    outcome = CountOutcome()
    if not sealed_votes:
        return outcome
    private_key = box_private_key(ensure_ballot_box(election))
    rules = ballot_rules(election)
    ballots = []
    for sealed in sealed_votes:
        try:
            ballot = sealing.open_ballot(
                private_key, bytes(sealed.epk), bytes(sealed.iv), bytes(sealed.ct)
            )
            age_band_id, answers = check_ballot_content(rules, ballot)
        except sealing.Unsealable:
            outcome.set_aside.append(_("The sealed ballot does not open with the box's key."))
            continue
        except Refused as refusal:
            outcome.set_aside.append(refusal.message)
            continue
        ballots.append((age_band_id, sealed.cast_hour, answers))

    # The order ballots were sealed in must not survive into the counted rows.
    secrets.SystemRandom().shuffle(ballots)
    Vote.objects.filter(election=election, station=station, counted=False).delete()
    votes = [
        Vote(election=election, station=station, age_band_id=band, cast_hour=hour)
        for band, hour, _answers in ballots
    ]
    Vote.objects.bulk_create(votes)
    VoteAnswer.objects.bulk_create(
        VoteAnswer(vote=vote, question_id=question_id, option_id=option_id)
        for vote, (_band, _hour, answers) in zip(votes, ballots, strict=True)
        for question_id, option_id in answers
    )
    now_hour = hour_of(timezone.now())
    SetAsideVote.objects.bulk_create(
        SetAsideVote(station=station, reason=reason[:200], counted_hour=now_hour)
        for reason in outcome.set_aside
    )
    SealedVote.objects.filter(pk__in=[sealed.pk for sealed in sealed_votes]).delete()
    outcome.counted = len(votes)
    record_tally(station)
    log(
        station,
        "voting.count",
        user=by,
        data={"counted": outcome.counted, "set_aside": len(outcome.set_aside)},
    )
    return outcome


def clean_vote_tables() -> None:
    """Rewrite the vote tables so deleted rows, old row versions and insertion order are gone
    from the files: PostgreSQL VACUUM FULL (new ctids in the shuffled order), SQLite VACUUM
    (rebuilds the file, renumbering rowids) and a WAL checkpoint that empties the -wal file.
    Outside any transaction; inside one (a test's) the rebuild is left to the next count."""
    if connection.in_atomic_block:
        return
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            tables = ", ".join(
                connection.ops.quote_name(model._meta.db_table) for model in CLEANED_MODELS
            )
            cursor.execute(f"VACUUM (FULL) {tables}")
        elif connection.vendor == "sqlite":
            cursor.execute("VACUUM")
            # In WAL mode the old pages stay in the -wal file until a checkpoint empties it.
            cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def refuse_while_votes_uncounted(election: Election) -> None:
    """Results may not be published while a station's ballot box still holds sealed votes:
    they would be missing from the results."""
    waiting = stations_with_uncounted_votes(election)
    if waiting:
        raise Refused(
            "votes_uncounted",
            ngettext(
                "Count the sealed votes of this station first: %(stations)s.",
                "Count the sealed votes of these stations first: %(stations)s.",
                len(waiting),
            )
            % {"stations": ", ".join(station.name for station in waiting)},
        )
