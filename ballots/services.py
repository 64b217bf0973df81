"""Everything that changes a ballot card: issuing batches, using, spoiling and voiding cards.

``use_ballot`` runs inside the caller's transaction (the voting app records the vote in the
same one), and marks the card used with a conditional UPDATE, so of any number of racing
requests for one card exactly one succeeds, on PostgreSQL and on SQLite alike. A caller that
sends its statements together runs ``spend_ballot_statement`` among them, then
``settle_ballot``.
"""

import functools
from typing import Any, NoReturn

from django.contrib.auth.models import User
from django.db import connection, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext

from wagtail.log_actions import log

from base import raw_sql
from base.refusals import Refused
from mock_elections.models import Election, PollingStation

from . import codes
from .models import Ballot, BallotBatch
from .qr import parse_payload
from .tasks import draw_batch

MAX_BATCH_SIZE = 5000
# A new batch's codes must not collide with any existing card; with 60-bit codes a collision
# is astronomically rare, and a fresh seed resolves it.
SEED_ATTEMPTS = 5


def _refuse(reason: str, **details: str) -> NoReturn:
    messages = {
        "unknown": gettext("No ballot card has this code. Check it against the card."),
        "other_station": gettext(
            "This card belongs to another polling station: %(station)s. It can only be used there."
        ),
        "other_election": gettext("This card belongs to another election: %(election)s."),
        "rehearsal_in_live": gettext(
            "This is a rehearsal card (MĒĢINĀJUMS): it cannot be used in the real election."
        ),
        "live_in_rehearsal": gettext(
            "This is a real election card: it cannot be used in a rehearsal."
        ),
        "already_used": gettext("This card has already been used to vote."),
        "spoiled": gettext("This card was marked as spoiled and cannot be used any more."),
        "void": gettext(
            "This card's batch was cancelled, so the card cannot be used. Give a new card."
        ),
        "reason_required": gettext("Write down why the card is spoiled."),
    }
    raise Refused(reason, messages[reason] % details)


def find_ballot(code_text: str) -> Ballot:
    """The card for a typed or scanned code, or Refused (invalid or unknown)."""
    code = parse_payload(code_text)
    ballot = (
        Ballot.objects.select_related("batch", "station__election")
        .filter(code_digest=codes.code_digest(code))
        .first()
    )
    if ballot is None:
        _refuse("unknown")
    return ballot


def check_ballot(station: PollingStation | None, code_text: str) -> Ballot:
    """The card if it can be used at ``station`` now; else Refused saying why.

    ``station=None`` checks the card on its own (the public scan page): known and unused.
    Changes nothing.
    """
    ballot = find_ballot(code_text)
    if station is not None:
        election = station.election
        card_election = ballot.station.election
        if ballot.is_rehearsal and not election.is_rehearsal:
            _refuse("rehearsal_in_live")
        if election.is_rehearsal and not ballot.is_rehearsal:
            _refuse("live_in_rehearsal")
        if card_election.pk != election.pk:
            _refuse("other_election", election=card_election.display_title)
        if ballot.station_id != station.pk:
            _refuse("other_station", station=ballot.station.name)
    _refuse_unless_printed(ballot.state)
    return ballot


def _refuse_unless_printed(state: str) -> None:
    refusals: dict[str, str] = {
        Ballot.State.USED: "already_used",
        Ballot.State.SPOILED: "spoiled",
        Ballot.State.VOID: "void",
    }
    if state in refusals:
        _refuse(refusals[state])


def _mark(ballot: Ballot, new_state: str, **fields: Any) -> None:
    """Move a printed card to ``new_state``; exactly one of racing callers wins."""
    changed = Ballot.objects.filter(pk=ballot.pk, state=Ballot.State.PRINTED).update(
        state=new_state, **fields
    )
    if changed != 1:
        _refuse_unless_printed(Ballot.objects.values_list("state", flat=True).get(pk=ballot.pk))
        _refuse("already_used")  # pragma: no cover - the row changed and changed back


@functools.cache
def _spend_sql(vendor: str) -> str:
    return (
        f"UPDATE {raw_sql.table(Ballot)} SET {raw_sql.bare_column(Ballot, 'state')} = %s"  # noqa: S608 - names from the models
        f" WHERE {raw_sql.column(Ballot, 'code_digest')} = %s"
        f" AND {raw_sql.column(Ballot, 'station')} = %s"
        f" AND {raw_sql.column(Ballot, 'is_rehearsal')} = %s"
        f" AND {raw_sql.column(Ballot, 'state')} = %s"
    )


def spend_ballot_statement(station: PollingStation, code_text: str) -> raw_sql.Statement:
    """The one conditional UPDATE that spends a good card at ``station`` (it changes one row),
    for the vote's transaction to run beside its own rows; then call ``settle_ballot`` in the
    same transaction.

    A good card is a printed card of this station, printed for a rehearsal exactly when this
    election is one: the card ``check_ballot`` accepts. The UPDATE records nothing about when,
    so the vote stored beside it cannot be matched to the card.
    """
    try:
        digest = codes.code_digest(parse_payload(code_text))
    except Refused:
        digest = ""  # matches no card, so `settle_ballot` refuses it, in its turn
    params = [
        Ballot.State.USED,
        digest,
        station.pk,
        station.election.is_rehearsal,
        Ballot.State.PRINTED,
    ]
    return _spend_sql(connection.vendor), params


def settle_ballot(station: PollingStation, code_text: str, spent: int) -> None:
    """After ``spend_ballot_statement`` changed ``spent`` rows: a card it did not spend gets
    the full check, which refuses it and says why (used, spoiled, another station's…)."""
    _require_vote_transaction()
    if spent != 1:
        _mark(check_ballot(station, code_text), Ballot.State.USED)


def _require_vote_transaction() -> None:
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("A card is spent only inside the vote's transaction.atomic().")


def use_ballot(station: PollingStation, code_text: str) -> None:
    """Spend the card on one vote at ``station``. Call inside the caller's transaction.atomic()."""
    _require_vote_transaction()
    spent = raw_sql.execute(*spend_ballot_statement(station, code_text))
    settle_ballot(station, code_text, spent)


def spoil_ballot(
    station: PollingStation, code_text: str, reason: str, by: User | None = None
) -> Ballot:
    """A volunteer takes a card out of use (torn, misprinted…) and says why."""
    reason = (reason or "").strip()
    if not reason:
        _refuse("reason_required")
    with transaction.atomic():
        ballot = check_ballot(station, code_text)
        _mark(ballot, Ballot.State.SPOILED, spoil_reason=reason[:300], spoiled_by=by)
        log(ballot.batch, "ballots.card_spoiled", user=by, data={"serial": ballot.serial})
    return ballot


def issue_ballots(
    station: PollingStation,
    count: int,
    layout: int = BallotBatch.Layout.EIGHT,
    by: User | None = None,
) -> BallotBatch:
    """Create a batch of ``count`` printable cards for ``station``.

    Refuses (a Latvian/English message) a bad count or layout, or when the
    election or station is closed.
    """
    check_can_issue(station, count, layout)
    batch = create_batch(station, count, layout, by)
    queue_batch_drawing(batch)
    return batch


def create_batch(
    station: PollingStation, count: int, layout: int, by: User | None = None
) -> BallotBatch:
    """Create the batch and its cards without the checks of ``issue_ballots``.

    Only the demo loader calls it directly, to show cards printed for an election that is
    already closed (as if they had been printed before it closed).
    """
    with transaction.atomic():
        # Lock the station so two organisers issuing at once get distinct batch numbers.
        station = PollingStation.objects.select_for_update().get(pk=station.pk)
        number = (station.ballot_batches.aggregate(last=Max("number"))["last"] or 0) + 1
        batch = BallotBatch(station=station, number=number, size=count, layout=layout)
        digests = _fresh_digests(batch)
        batch.created_by = by
        batch.save()
        Ballot.objects.bulk_create(
            (
                Ballot(
                    batch=batch,
                    station=station,
                    serial=serial,
                    code_digest=digest,
                    is_rehearsal=station.election.is_rehearsal,
                )
                for serial, digest in enumerate(digests, start=1)
            ),
            batch_size=1000,
        )
        log(batch, "ballots.batch_issued", user=by, data={"size": count})
    return batch


def check_can_issue(station: PollingStation, count: object, layout: object) -> None:
    """Refuse a batch that may not be issued; the admin form calls it too."""
    if isinstance(count, bool) or not isinstance(count, int):
        raise Refused("count", gettext("The number of cards must be a whole number."))
    if count < 1:
        raise Refused("count", gettext("A batch needs at least one card."))
    if count > MAX_BATCH_SIZE:
        raise Refused(
            "count",
            gettext("At most %(max)s cards can be printed in one batch.")
            % {"max": f"{MAX_BATCH_SIZE:,}".replace(",", " ")},
        )
    if layout not in BallotBatch.Layout.values:
        raise Refused("layout", gettext("Choose 4, 8 or 10 cards per page."))
    if station.election.status in (Election.Status.CLOSED, Election.Status.RESULTS_PUBLISHED):
        raise Refused(
            "closed",
            gettext("The election “%(election)s” is closed: no more cards can be printed.")
            % {"election": station.election.display_title},
        )
    if station.status == PollingStation.Status.CLOSED:
        raise Refused(
            "closed",
            gettext("The station “%(station)s” is closed: no more cards can be printed.")
            % {"station": station.name},
        )


def _fresh_digests(batch: BallotBatch) -> list[str]:
    """The digests of a batch's cards, re-rolling the seed on the rare clash with other cards."""
    for _attempt in range(SEED_ATTEMPTS):
        digests = [codes.code_digest(code) for code in batch.codes()]
        clash = (
            len(set(digests)) != len(digests)
            or Ballot.objects.filter(code_digest__in=digests).exists()
        )
        if not clash:
            return digests
        batch.seed = batch._meta.get_field("seed").default()
    raise RuntimeError("Could not draw unique ballot codes; is the random source broken?")


def void_batch(batch: BallotBatch, reason: str, by: User | None = None) -> BallotBatch:
    """Cancel a whole batch (e.g. a lost box): its unused cards stop working.

    Used and spoiled cards keep their state, so accounting still adds up.
    """
    reason = (reason or "").strip()
    if not reason:
        raise Refused("reason_required", gettext("Write down why the batch is cancelled."))
    with transaction.atomic():
        updated = BallotBatch.objects.filter(pk=batch.pk, is_void=False).update(
            is_void=True, void_reason=reason[:300], voided_at=timezone.now(), voided_by=by
        )
        if updated != 1:
            raise Refused("already_void", gettext("This batch has already been cancelled."))
        batch.ballots.filter(state=Ballot.State.PRINTED).update(state=Ballot.State.VOID)
        log(batch, "ballots.batch_voided", user=by)
    batch.refresh_from_db()
    # A cancelled batch must never be printed: its file goes with it.
    if batch.print_file:
        batch.print_file.delete(save=True)
    return batch


def note_batch_downloaded(batch: BallotBatch, by: User | None) -> None:
    """Whoever downloads a batch's printable cards holds working codes: the log says who."""
    log(batch, "ballots.batch_downloaded", user=by)


# The printable file, drawn in the background


def queue_batch_drawing(batch: BallotBatch) -> None:
    """Ask the task worker to draw the batch's PDF; the admin list shows its progress."""
    BallotBatch.objects.filter(pk=batch.pk).update(
        print_state=BallotBatch.PrintState.WAITING, print_progress=0
    )
    draw_batch.enqueue(batch.pk)
