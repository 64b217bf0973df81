"""Votes from the tablets. A tablet sends each ballot sealed to the election's box with its
card code, a random client id, the time it was cast and the child's age band (clear, for live
participation). `record_vote` uses up the card, stores the sealed ballot and an uncounted
participation vote in one transaction, so a code counts once however many requests race; the
client id makes retries count once. `sync_votes` takes a batch the tablet queued offline."""

import datetime as dt
import functools
import uuid
from dataclasses import dataclass
from typing import Any, Literal

from django.db import IntegrityError, connection, transaction
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _

from ballots.services import settle_ballot, spend_ballot_statement
from base import raw_sql
from base.refusals import Refused
from mock_elections.models import Election, PollingStation

from .. import sealing
from ..models import (
    DuplicateOfflineUse,
    ReceivedSubmission,
    SealedVote,
    StationSettings,
    StationTablet,
    Vote,
)
from ..selectors import ballot_rules
from .common import CLOCK_TOLERANCE, as_int, hour_of, log_refusal, not_paired
from .pairing import queued_count, save_tablet_note

MAX_VOTES_PER_SYNC = 500
SYNC_NOTE_INTERVAL = dt.timedelta(seconds=10)
MAX_CODE_LENGTH = 500
# No children's election happens outside these years; anything else is a crafted time that
# some database could not store or read back (year 1 at +14:00 is before year 1 in UTC).
EARLIEST_YEAR, LATEST_YEAR = 2000, 2999

Recorded = Literal["recorded", "duplicate"]


@dataclass(frozen=True)
class CheckedVote:
    """One vote from a tablet after its shape was checked; the ballot stays sealed."""

    client_id: uuid.UUID
    code_text: str
    age_band_id: int
    cast_at: dt.datetime
    offline: bool
    sealed: tuple[bytes, bytes, bytes]  # epk, iv, ct


def _invalid(message: str, client_id: uuid.UUID | None = None) -> Refused:
    details = {"client_id": str(client_id)} if client_id else {}
    return Refused("invalid_vote", message, **details)


def parse_moment(value: object) -> dt.datetime | None:
    """An ISO time with its offset, in UTC, or None when it is missing, naive or absurd."""
    if not isinstance(value, str) or len(value) > 40:
        return None
    try:
        moment = parse_datetime(value)
        if moment is None or timezone.is_naive(moment):
            return None
        moment = moment.astimezone(dt.UTC)
    except (ValueError, OverflowError):
        return None
    return moment if EARLIEST_YEAR <= moment.year <= LATEST_YEAR else None


def check_vote_shape(station: PollingStation, item: object) -> CheckedVote:
    """Check one vote as the tablet sent it: a client id, a code, a time within the station's
    opening hours, an age band of this election and a well-formed sealed ballot. Returns a
    CheckedVote; raises Refused("invalid_vote") saying what is wrong."""
    if not isinstance(item, dict):
        raise _invalid(_("Each vote must be an object."))
    try:
        client_id = uuid.UUID(str(item.get("client_id")))
    except ValueError:
        raise _invalid(_("A vote has no valid client id.")) from None
    code_text = item.get("code")
    if not isinstance(code_text, str) or not code_text.strip() or len(code_text) > MAX_CODE_LENGTH:
        raise _invalid(_("A vote has no ballot code."), client_id)
    cast_at = parse_moment(item.get("cast_at"))
    if cast_at is None:
        raise _invalid(_("A vote has no valid time it was cast."), client_id)
    if station.opened_at is not None and cast_at < station.opened_at - CLOCK_TOLERANCE:
        raise _invalid(_("A vote is dated before the station opened."), client_id)
    age_band_id = as_int(item.get("age_band"))
    if age_band_id is None or age_band_id not in ballot_rules(station.election):
        raise _invalid(_("A vote has no age band of this election."), client_id)
    if "answers" in item:
        raise _invalid(
            _("Plain answers are not accepted: the tablet must seal the ballot."), client_id
        )
    try:
        sealed = sealing.sealed_parts(item.get("sealed"))
    except sealing.Unsealable:
        raise _invalid(_("A vote has no well-formed sealed ballot."), client_id) from None
    return CheckedVote(
        client_id=client_id,
        code_text=code_text.strip(),
        age_band_id=age_band_id,
        cast_at=cast_at,
        offline=bool(item.get("offline")),
        sealed=sealed,
    )


# What decides whether a tablet's station takes a vote now, read fresh inside the vote's
# transaction: the tablet may have been revoked, the station closed or paused, a moment ago.
_STATION_STATE = (
    (PollingStation, "status"),
    (PollingStation, "opened_at"),
    (PollingStation, "closed_at"),
    (Election, "voting_closes_at"),
    (Election, "status"),
    (StationSettings, "paused_at"),
    (StationTablet, "id"),
    (StationTablet, "revoked_at"),
)


@functools.cache
def _station_state_sql(vendor: str) -> str:
    station, election, settings, tablet = PollingStation, Election, StationSettings, StationTablet
    return (
        f"SELECT {raw_sql.select_list(_STATION_STATE)} FROM {raw_sql.table(station)}"  # noqa: S608 - names from the models
        f" JOIN {raw_sql.table(election)}"
        f" ON {raw_sql.column(election, 'id')} = {raw_sql.column(station, 'election')}"
        f" LEFT JOIN {raw_sql.table(settings)}"
        f" ON {raw_sql.column(settings, 'station')} = {raw_sql.column(station, 'id')}"
        f" LEFT JOIN {raw_sql.table(tablet)} ON {raw_sql.column(tablet, 'id')} = %s"
        f" AND {raw_sql.column(tablet, 'station')} = {raw_sql.column(station, 'id')}"
        f" WHERE {raw_sql.column(station, 'id')} = %s"
    )


def refuse_if_not_accepting(tablet: StationTablet, cast_at: dt.datetime) -> None:
    """Read the tablet's and its station's state fresh (inside the vote's transaction: a
    volunteer may have closed or paused the station a moment ago, an organiser revoked the
    tablet) and refuse a vote it cannot take."""
    row = raw_sql.fetch_one(*_station_state_statement(tablet))
    _refuse_unless_accepting(row, cast_at)


def refuse_card_if_not_accepting(tablet: StationTablet) -> None:
    """Before a child starts: may a card be used at this tablet's station now? Refused as a
    vote would be, in words for the scan screen, where no vote exists yet: the closing time
    may have passed while the volunteers have not closed the station."""
    try:
        refuse_if_not_accepting(tablet, timezone.now())
    except Refused as refusal:
        if refusal.reason != "after_closing":
            raise
        raise Refused("after_closing", _("Voting at this station has ended.")) from None


def _station_state_statement(tablet: StationTablet) -> raw_sql.Statement:
    return _station_state_sql(connection.vendor), [tablet.pk, tablet.station_id]


def _refuse_unless_accepting(row: tuple[Any, ...] | None, cast_at: dt.datetime) -> None:
    if row is None:
        raise PollingStation.DoesNotExist
    (
        status,
        opened_at,
        closed_at,
        closes_at,
        election_status,
        paused_at,
        tablet_id,
        revoked_at,
    ) = raw_sql.values(_STATION_STATE, row)
    if tablet_id is None or revoked_at is not None:
        raise not_paired()
    if status == PollingStation.Status.NOT_OPENED or opened_at is None:
        raise Refused("station_not_open", _("The station is not open yet."))
    closing = min(closes_at, closed_at) if closed_at is not None else closes_at
    if cast_at > closing:
        raise Refused(
            "after_closing", _("This vote was cast after the station closed and does not count.")
        )
    if election_status not in (Election.Status.OPEN, Election.Status.CLOSED):
        raise Refused("election_not_open", _("The election is not open."))
    if paused_at is not None and cast_at >= paused_at:
        raise Refused("paused", _("Voting is paused at this station."))


def record_vote(tablet: StationTablet, checked: CheckedVote) -> Recorded:
    """Store one checked vote from this tablet, exactly once, atomically with using up its
    ballot code: the sealed ballot goes into the box, an uncounted vote (age band and hour
    only) into the live participation. Returns "recorded" or "duplicate" (this client id was
    already taken); raises Refused when the vote cannot count."""
    station = tablet.station
    cast_at = min(checked.cast_at, timezone.now() + CLOCK_TOLERANCE)
    epk, iv, ct = checked.sealed
    # A vote is the request tablets send flat out, so its statements are written by hand, all
    # made ready before the transaction takes SQLite's write lock, and then sent together (one
    # round trip to PostgreSQL: `base/raw_sql.py`), the checks coming after the writes: any
    # refusal rolls every row back.
    statements = [
        # The client id's primary key is the exactly-once guarantee: a second copy of this
        # vote fails here, and nothing of it is kept.
        raw_sql.insert_statement(
            ReceivedSubmission,
            client_id=checked.client_id,
            station_id=station.pk,
            received_hour=hour_of(timezone.now()),
        ),
        _station_state_statement(tablet),
        spend_ballot_statement(station, checked.code_text),
        raw_sql.insert_statement(
            Vote,
            election_id=station.election_id,
            station_id=station.pk,
            age_band_id=checked.age_band_id,
            cast_hour=hour_of(cast_at),
            counted=False,
        ),
        raw_sql.insert_statement(
            SealedVote, station_id=station.pk, cast_hour=hour_of(cast_at), epk=epk, iv=iv, ct=ct
        ),
    ]
    try:
        with transaction.atomic():
            _received, state, card, _vote, _sealed = raw_sql.run_together(statements)
            _refuse_unless_accepting(state.row, cast_at)
            settle_ballot(station, checked.code_text, card.rowcount)
    except IntegrityError:
        # This client id was taken before (a retry, or a copy racing this one).
        if ReceivedSubmission.objects.filter(client_id=checked.client_id).exists():
            return "duplicate"
        raise
    return "recorded"


def sync_votes(tablet: StationTablet, payload: object) -> list[dict[str, Any]]:
    """A batch of votes the tablet queued. Every vote's shape is checked first: one malformed
    vote refuses the batch (naming it) and nothing is stored. Then each vote is recorded on
    its own, with a result per vote: recorded, duplicate (already taken) or refused (with the
    reason). A code two tablets of this station both took while offline is counted once and
    noted as a DuplicateOfflineUse."""
    if not isinstance(payload, dict) or not isinstance(payload.get("votes"), list):
        raise Refused("invalid_payload", _("The sync must carry a list of votes."))
    items = payload["votes"]
    if len(items) > MAX_VOTES_PER_SYNC:
        raise Refused(
            "too_many_votes",
            _("Send at most %(count)d votes at a time.") % {"count": MAX_VOTES_PER_SYNC},
        )
    station = tablet.station
    checked_votes = [check_vote_shape(station, item) for item in items]
    client_ids = [checked.client_id for checked in checked_votes]
    if len(set(client_ids)) != len(client_ids):
        raise _invalid(_("The same vote appears twice in one sync."))

    results = []
    for checked in checked_votes:
        result: dict[str, Any] = {"client_id": str(checked.client_id)}
        try:
            result["result"] = record_vote(tablet, checked)
        except Refused as refusal:
            if refusal.reason == "not_paired":
                raise  # the whole sync is refused: the tablet keeps its votes for a new pairing
            if checked.offline:
                refusal = _note_duplicate_offline_use(station, refusal)
            log_refusal(refusal, "sync")
            result.update(result="refused", reason=refusal.reason, message=refusal.message)
        results.append(result)

    _note_tablet_synced(tablet, queued_count(payload.get("queued")))
    return results


def _note_tablet_synced(tablet: StationTablet, queued: int | None) -> None:
    """Remember the tablet's last sync and its waiting votes for the volunteers' counter; the
    time at most every few seconds, so a busy tablet does not write its row for every vote."""
    now = timezone.now()
    update: dict[str, object] = {}
    if tablet.last_sync_at is None or now - tablet.last_sync_at > SYNC_NOTE_INTERVAL:
        update.update(last_sync_at=now, last_seen_at=now)
    save_tablet_note(tablet, update, queued)


def _note_duplicate_offline_use(station: PollingStation, refusal: Refused) -> Refused:
    """An offline vote whose code was already used: another tablet of this station took the
    same card while offline. Count it in the accounting and tell the tablet so."""
    if refusal.reason != "already_used":
        return refusal
    DuplicateOfflineUse.objects.create(station=station, noticed_hour=hour_of(timezone.now()))
    return Refused(
        "duplicate_offline_use",
        _("This card was also used on another tablet while offline; it is counted once."),
    )
