"""What happens at a children's station, as plain functions the tablet API and the admin call.

Pairing: an organiser makes a one-time code (`create_pairing_code`), a volunteer types it on
the tablet (`pair_tablet`), the tablet gets a long-lived token that can only run that station;
`revoke_tablet` stops it at once.

Voting: `cast_vote` uses up the ballot code and stores the vote in one transaction, so a code
counts once however many requests race. `sync_votes` takes a batch the tablet queued (maybe
offline); each vote carries a random client id the server accepts once, so retries never
count twice.

Paper fallback: two volunteers type the paper counts independently (`enter_paper_tally`); the
counts are accepted only when both entries match.
"""

import secrets
import uuid
from dataclasses import dataclass
from datetime import timedelta

from django.contrib.auth.hashers import check_password, make_password
from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ballots.services import use_ballot
from base.refusals import Refused
from mock_elections import services as election_services
from mock_elections.models import Election, PollingStation

from .models import (
    DuplicateOfflineUse,
    PairingCode,
    PaperTally,
    PaperTallyCorrection,
    PaperTallyEntry,
    ReceivedSubmission,
    StationSettings,
    StationTablet,
    Vote,
    VoteAnswer,
)
from .selectors import ballot_rules, digest, paper_tally_differences, paper_tally_lines

PAIRING_CODE_LIFETIME = timedelta(minutes=15)
# No letters that read like digits or like each other, so a volunteer types it right first time.
PAIRING_ALPHABET = "ACDEFHJKMNPRTUVWXY34679"
PAIRING_CODE_LENGTH = 8
PIN_MIN_LENGTH = 4
PIN_MAX_LENGTH = 8
PIN_ATTEMPTS = 5
PIN_LOCKOUT = timedelta(minutes=5)
# A tablet whose clock runs fast cannot date a vote far into the future.
CLOCK_TOLERANCE = timedelta(minutes=5)
MAX_VOTES_PER_SYNC = 500
SYNC_NOTE_INTERVAL = timedelta(seconds=10)
MAX_QUEUED_REPORTED = 100_000


class StationRefused(Exception):  # noqa: N818 - reads as a sentence at the call site
    """The station refused the request; `reason` is a stable code for the tablet, `message`
    says why in the volunteer's language, `status` is the HTTP status the API answers with.
    Nothing was saved."""

    def __init__(self, reason, message, status=400):
        super().__init__(message)
        self.reason = reason
        self.message = message
        self.status = status


def hour_of(moment):
    return moment.replace(minute=0, second=0, microsecond=0)


# Pairing


def normalise_pairing_code(text):
    return "".join(character for character in (text or "").upper() if character.isalnum())


def create_pairing_code(station, by):
    """A fresh one-time pairing code for the station; returns (PairingCode, the code text).
    The text is shown once in the admin and never stored."""
    code = "".join(secrets.choice(PAIRING_ALPHABET) for _ in range(PAIRING_CODE_LENGTH))
    pairing = PairingCode.objects.create(
        station=station,
        code_digest=digest(code),
        expires_at=timezone.now() + PAIRING_CODE_LIFETIME,
        created_by=by,
    )
    return pairing, code


@transaction.atomic
def pair_tablet(pairing_code, label):
    """Use a pairing code; returns (StationTablet, token). The token is given to the tablet
    once and only its hash is kept."""
    label = (label or "").strip()[:60] or _("Tablet")
    code = normalise_pairing_code(pairing_code)
    pairing = (
        PairingCode.objects.select_for_update()
        .select_related("station")
        .filter(code_digest=digest(code), used_at__isnull=True, expires_at__gt=timezone.now())
        .first()
        if code
        else None
    )
    if pairing is None:
        raise StationRefused(
            "pairing_code_invalid",
            _(
                "This pairing code is wrong, already used or expired. "
                "Ask the organiser for a new one."
            ),
            status=403,
        )
    now = timezone.now()
    pairing.used_at = now
    pairing.save(update_fields=["used_at"])
    token = secrets.token_urlsafe(32)
    tablet = StationTablet.objects.create(
        station=pairing.station, label=label, token_digest=digest(token), last_seen_at=now
    )
    return tablet, token


def revoke_tablet(tablet, by=None):
    """Stop the tablet at once: its next request is refused."""
    if tablet.revoked_at is None:
        tablet.revoked_at = timezone.now()
        tablet.save(update_fields=["revoked_at"])
    return tablet


def queued_count(value):
    """The number of votes a tablet says are waiting, or None when it is not a sane count."""
    count = _as_int(value)
    return count if count is not None and 0 <= count <= MAX_QUEUED_REPORTED else None


def note_tablet_seen(tablet, queued_votes=None):
    """Remember when the tablet last spoke, at most once a minute to spare the database."""
    queued_votes = queued_count(queued_votes)
    now = timezone.now()
    fields = []
    if tablet.last_seen_at is None or now - tablet.last_seen_at > timedelta(minutes=1):
        tablet.last_seen_at = now
        fields.append("last_seen_at")
    if queued_votes is not None and queued_votes != tablet.queued_votes_reported:
        tablet.queued_votes_reported = queued_votes
        fields.append("queued_votes_reported")
    if fields:
        StationTablet.objects.filter(pk=tablet.pk).update(**{f: getattr(tablet, f) for f in fields})


# The volunteers' PIN


def station_settings(station):
    settings, _created = StationSettings.objects.get_or_create(station=station)
    return settings


def set_station_pin(station, pin, by=None):
    """Set the PIN volunteers type to reach open, spoil, pause and close on the tablets."""
    pin = (pin or "").strip()
    if not pin.isdigit() or not PIN_MIN_LENGTH <= len(pin) <= PIN_MAX_LENGTH:
        raise StationRefused(
            "pin_format",
            _("The PIN must be %(min)d to %(max)d digits.")
            % {"min": PIN_MIN_LENGTH, "max": PIN_MAX_LENGTH},
        )
    settings = station_settings(station)
    settings.pin_hash = make_password(pin)
    settings.pin_changed_at = timezone.now()
    settings.save(update_fields=["pin_hash", "pin_changed_at"])
    return settings


def check_station_pin(tablet, pin):
    """Refuse a wrong PIN; after a few wrong tries the tablet must wait before trying again."""
    attempts_key = f"voting:pin-attempts:{tablet.token_digest}"
    if cache.get(attempts_key, 0) >= PIN_ATTEMPTS:
        raise StationRefused(
            "pin_locked",
            _("Too many wrong PINs. Wait five minutes and try again."),
            status=429,
        )
    settings = station_settings(tablet.station)
    if not settings.pin_hash:
        raise StationRefused(
            "pin_not_set",
            _("No PIN is set for this station yet. Ask the organiser to set one in the admin."),
            status=403,
        )
    if not check_password(str(pin or ""), settings.pin_hash):
        cache.add(attempts_key, 0, timeout=int(PIN_LOCKOUT.total_seconds()))
        cache.incr(attempts_key)
        raise StationRefused("pin_wrong", _("Wrong PIN."), status=403)
    cache.delete(attempts_key)


# Running the station from a tablet


def _as_station_refusal(error):
    return StationRefused("rule_broken", error.message, status=409)


def open_station_from_tablet(tablet, pin):
    check_station_pin(tablet, pin)
    try:
        election_services.open_station(tablet.station, by=None)
    except Refused as error:
        raise _as_station_refusal(error) from error
    set_paused(tablet.station, False)
    return tablet.station


def pause_station_from_tablet(tablet, pin, paused):
    check_station_pin(tablet, pin)
    return set_paused(tablet.station, paused)


def set_paused(station, paused):
    settings = station_settings(station)
    settings.paused_at = timezone.now() if paused else None
    settings.save(update_fields=["paused_at"])
    return settings


def close_station_from_tablet(tablet, pin):
    check_station_pin(tablet, pin)
    try:
        election_services.close_station(tablet.station, by=None)
    except Refused as error:
        raise _as_station_refusal(error) from error
    return tablet.station


def spoil_ballot_from_tablet(tablet, pin, code_text, reason):
    from ballots.services import spoil_ballot

    check_station_pin(tablet, pin)
    if not (reason or "").strip():
        raise StationRefused("reason_missing", _("Say why the ballot is spoiled."))
    try:
        return spoil_ballot(tablet.station, code_text, reason.strip()[:200], by=None)
    except Refused as error:
        raise StationRefused(error.reason, error.message, status=409) from error


# Votes


@dataclass(frozen=True)
class CheckedVote:
    """One vote from a tablet after its shape was checked against the election."""

    client_id: uuid.UUID
    code_text: str
    age_band_id: int
    answers: tuple  # (question id, option id or None) pairs
    cast_at: object
    offline: bool


def _invalid(message, client_id=None):
    error = StationRefused("invalid_vote", message, status=400)
    error.client_id = client_id
    return error


def check_vote_shape(station, item):
    """Check one vote as the tablet sent it: every field present, the age band and every
    question and option of this station's election, each question asked of this age band
    answered exactly once, abstaining only where offered. Returns a CheckedVote; raises
    StationRefused("invalid_vote") saying what is wrong."""
    if not isinstance(item, dict):
        raise _invalid(_("Each vote must be an object."))
    try:
        client_id = uuid.UUID(str(item.get("client_id")))
    except ValueError:
        raise _invalid(_("A vote has no valid client id.")) from None
    code_text = item.get("code")
    if not isinstance(code_text, str) or not code_text.strip() or len(code_text) > 500:
        raise _invalid(_("A vote has no ballot code."), client_id)
    cast_at = _parse_moment(item.get("cast_at"))
    if cast_at is None:
        raise _invalid(_("A vote has no valid time it was cast."), client_id)
    rules = ballot_rules(station.election)
    age_band_id = _as_int(item.get("age_band"))
    if age_band_id not in rules:
        raise _invalid(_("A vote has no age band of this election."), client_id)
    answers = item.get("answers")
    if not isinstance(answers, list):
        raise _invalid(_("A vote has no answers."), client_id)

    asked = rules[age_band_id]
    given = {}
    for answer in answers:
        if not isinstance(answer, dict):
            raise _invalid(_("An answer must be an object."), client_id)
        question_id = _as_int(answer.get("question"))
        if question_id not in asked:
            raise _invalid(
                _("An answer is to a question this age band is not asked in this election."),
                client_id,
            )
        if question_id in given:
            raise _invalid(_("A question is answered twice."), client_id)
        offers_abstain, option_ids = asked[question_id]
        if answer.get("option") is None:
            if not offers_abstain:
                raise _invalid(_("A question without “I don't know” was skipped."), client_id)
            given[question_id] = None
            continue
        option_id = _as_int(answer.get("option"))
        if option_id not in option_ids:
            raise _invalid(_("An answer is an option of another question."), client_id)
        given[question_id] = option_id
    if set(given) != set(asked):
        raise _invalid(_("A question asked of this age band has no answer."), client_id)
    return CheckedVote(
        client_id=client_id,
        code_text=code_text.strip(),
        age_band_id=age_band_id,
        answers=tuple(given.items()),
        cast_at=cast_at,
        offline=bool(item.get("offline")),
    )


def _as_int(value):
    if isinstance(value, bool):
        return None
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _parse_moment(value):
    from django.utils.dateparse import parse_datetime

    if not isinstance(value, str):
        return None
    try:
        moment = parse_datetime(value)
    except ValueError:
        return None
    if moment is None or timezone.is_naive(moment):
        return None
    return moment


def refuse_if_not_accepting(station, cast_at):
    """Read the station's state fresh inside the vote's transaction (a volunteer may have
    closed or paused it a moment ago) and refuse a vote it cannot take."""
    status, opened_at, closed_at, closes_at, election_status, paused_at = (
        PollingStation.objects.filter(pk=station.pk)
        .values_list(
            "status",
            "opened_at",
            "closed_at",
            "election__voting_closes_at",
            "election__status",
            "tablet_settings__paused_at",
        )
        .get()
    )
    if status == PollingStation.Status.NOT_OPENED or opened_at is None:
        raise StationRefused("station_not_open", _("The station is not open yet."), status=409)
    closing = min(closes_at, closed_at) if closed_at is not None else closes_at
    if cast_at > closing:
        raise StationRefused(
            "after_closing",
            _("This vote was cast after the station closed and does not count."),
            status=409,
        )
    if election_status not in (Election.Status.OPEN, Election.Status.CLOSED):
        raise StationRefused("election_not_open", _("The election is not open."), status=409)
    if paused_at is not None and cast_at >= paused_at:
        raise StationRefused("paused", _("Voting is paused at this station."), status=409)


def record_vote(station, checked):
    """Store one checked vote, exactly once, atomically with using up its ballot code.
    Returns "recorded" or "duplicate" (this client id was already counted); raises
    StationRefused when the vote cannot count."""
    cast_at = min(checked.cast_at, timezone.now() + CLOCK_TOLERANCE)
    try:
        with transaction.atomic():
            # The client id's primary key is the exactly-once guarantee: a second copy of
            # this vote fails here and rolls everything back.
            ReceivedSubmission.objects.create(
                client_id=checked.client_id,
                station_id=station.pk,
                received_hour=hour_of(timezone.now()),
            )
            refuse_if_not_accepting(station, cast_at)
            try:
                use_ballot(station, checked.code_text)
            except Refused as error:
                refusal = StationRefused(error.reason, error.message, status=409)
                refusal.ballot_refusal = True
                raise refusal from error
            vote = Vote.objects.create(
                election_id=station.election_id,
                station_id=station.pk,
                age_band_id=checked.age_band_id,
                cast_hour=hour_of(cast_at),
            )
            VoteAnswer.objects.bulk_create(
                VoteAnswer(vote=vote, question_id=question_id, option_id=option_id)
                for question_id, option_id in checked.answers
            )
    except IntegrityError:
        # This client id was counted before (a retry, or a copy racing this one).
        if ReceivedSubmission.objects.filter(client_id=checked.client_id).exists():
            return "duplicate"
        raise
    return "recorded"


def cast_vote(station, tablet, code_text, age_band_id, answers, client_id, cast_at):
    """One child's vote from a tablet of this station. Returns "recorded" or "duplicate";
    raises StationRefused (bad shape: 400; cannot count: 409) with nothing stored."""
    if tablet is not None and tablet.station_id != station.pk:
        raise StationRefused("wrong_station", _("This tablet runs another station."), 403)
    checked = check_vote_shape(
        station,
        {
            "client_id": str(client_id),
            "code": code_text,
            "age_band": age_band_id,
            "answers": answers,
            "cast_at": cast_at.isoformat() if hasattr(cast_at, "isoformat") else cast_at,
        },
    )
    return record_vote(station, checked)


def sync_votes(tablet, payload):
    """A batch of votes the tablet queued. Every vote's shape is checked first: one malformed
    vote refuses the batch (400, naming it) and nothing is stored. Then each vote is recorded
    on its own, with a result per vote: recorded, duplicate (already counted) or refused
    (with the reason). A code two tablets of this station both took while offline is counted
    once and noted as a DuplicateOfflineUse."""
    if not isinstance(payload, dict) or not isinstance(payload.get("votes"), list):
        raise StationRefused("invalid_payload", _("The sync must carry a list of votes."))
    items = payload["votes"]
    if len(items) > MAX_VOTES_PER_SYNC:
        raise StationRefused(
            "too_many_votes",
            _("Send at most %(count)d votes at a time.") % {"count": MAX_VOTES_PER_SYNC},
            status=413,
        )
    station = tablet.station
    checked_votes = [check_vote_shape(station, item) for item in items]
    client_ids = [checked.client_id for checked in checked_votes]
    if len(set(client_ids)) != len(client_ids):
        raise _invalid(_("The same vote appears twice in one sync."))

    results = []
    for checked in checked_votes:
        result = {"client_id": str(checked.client_id)}
        try:
            result["result"] = record_vote(station, checked)
        except StationRefused as refusal:
            if getattr(refusal, "ballot_refusal", False) and checked.offline:
                _note_duplicate_offline_use(station, refusal)
            result.update(result="refused", reason=refusal.reason, message=refusal.message)
        results.append(result)

    _note_tablet_synced(tablet, queued_count(payload.get("queued")))
    return results


def _note_tablet_synced(tablet, queued):
    """Remember the tablet's last sync and its waiting votes for the volunteers' counter; the
    time at most every few seconds, so a busy tablet does not write its row for every vote."""
    now = timezone.now()
    update = {}
    if tablet.last_sync_at is None or now - tablet.last_sync_at > SYNC_NOTE_INTERVAL:
        update.update(last_sync_at=now, last_seen_at=now)
    if queued is not None and queued != tablet.queued_votes_reported:
        update["queued_votes_reported"] = queued
    if update:
        for field, value in update.items():
            setattr(tablet, field, value)
        StationTablet.objects.filter(pk=tablet.pk).update(**update)


def _note_duplicate_offline_use(station, refusal):
    """An offline vote whose code was already used: another tablet of this station took the
    same card while offline. Count it in the accounting and tell the tablet so."""
    if refusal.reason != "already_used":
        return
    DuplicateOfflineUse.objects.create(station=station, noticed_hour=hour_of(timezone.now()))
    refusal.reason = "duplicate_offline_use"
    refusal.message = _(
        "This card was also used on another tablet while offline; it is counted once."
    )


# Paper fallback


@transaction.atomic
def enter_paper_tally(station, entry_round, counts, by):
    """One volunteer's paper counts for the whole station. `counts` maps
    (question id, option id or None) to a number for every line of `paper_tally_lines`.
    A changed count is logged (who, when, old, new). When both entries exist and match,
    they become the accepted paper tally; while they differ nothing is accepted."""
    station = (
        PollingStation.objects.select_for_update().select_related("election").get(pk=station.pk)
    )
    if station.status != PollingStation.Status.CLOSED:
        raise StationRefused(
            "station_not_closed", _("Paper ballots are counted after the station closes.")
        )
    if entry_round not in PaperTallyEntry.Round.values:
        raise StationRefused("entry_round", _("Choose the first or the second entry."))
    other_round = 3 - entry_round
    other_user_ids = set(
        PaperTallyEntry.objects.filter(station=station, entry_round=other_round).values_list(
            "entered_by_id", flat=True
        )
    )
    if by.pk in other_user_ids:
        raise StationRefused(
            "same_volunteer",
            _("The two entries must be typed by two different volunteers."),
        )
    lines = paper_tally_lines(station)
    values = {}
    for question, option in lines:
        value = _as_int(counts.get((question.pk, option.pk if option else None)))
        if value is None or value < 0:
            raise StationRefused(
                "count_missing",
                _("Type a count (0 or more) for every answer: “%(question)s”.")
                % {"question": question.text},
            )
        values[(question.pk, option.pk if option else None)] = value

    existing = {
        (entry.question_id, entry.option_id): entry
        for entry in PaperTallyEntry.objects.filter(station=station, entry_round=entry_round)
    }
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
            PaperTallyCorrection.objects.create(
                entry=entry, corrected_by=by, old_votes=entry.votes, new_votes=value
            )
            entry.votes = value
            entry.entered_by = by
            entry.save(update_fields=["votes", "entered_by", "entered_at"])
    accept_paper_tallies(station)


@transaction.atomic
def accept_paper_tallies(station):
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
    return True
