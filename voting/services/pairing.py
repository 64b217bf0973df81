"""Pairing: an organiser makes a one-time code (`create_pairing_code`), a volunteer types it on
the tablet (`pair_tablet`), the tablet gets a long-lived token that can only run that station;
`revoke_tablet` stops it at once. Each step is in Wagtail's audit log with its organiser."""

import secrets
from datetime import timedelta

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from wagtail.log_actions import log

from base.refusals import Refused
from mock_elections.models import PollingStation

from ..models import PairingCode, StationTablet
from ..selectors import digest
from .common import MAX_QUEUED_REPORTED, as_int

PAIRING_CODE_LIFETIME = timedelta(minutes=15)
# No letters that read like digits or like each other, so a volunteer types it right first time.
PAIRING_ALPHABET = "ACDEFHJKMNPRTUVWXY34679"
PAIRING_CODE_LENGTH = 8
LABEL_MAX_LENGTH = 60


def normalise_pairing_code(text: str | None) -> str:
    return "".join(character for character in (text or "").upper() if character.isalnum())


def create_pairing_code(station: PollingStation, by: User | None) -> tuple[PairingCode, str]:
    """A fresh one-time pairing code for the station; returns (PairingCode, the code text).
    The text is shown once in the admin and never stored."""
    code = "".join(secrets.choice(PAIRING_ALPHABET) for _ in range(PAIRING_CODE_LENGTH))
    pairing = PairingCode.objects.create(
        station=station,
        code_digest=digest(code),
        expires_at=timezone.now() + PAIRING_CODE_LIFETIME,
        created_by=by,
    )
    log(station, "voting.pairing_code", user=by)
    return pairing, code


def clean_label(label: str | None) -> str:
    """The tablet's sticker label as text a database and a PDF take: no control characters."""
    text = "".join(character for character in (label or "") if character.isprintable())
    return text.strip()[:LABEL_MAX_LENGTH] or _("Tablet")


@transaction.atomic
def pair_tablet(pairing_code: str | None, label: str | None) -> tuple[StationTablet, str]:
    """Use a pairing code; returns (StationTablet, token). The token is given to the tablet
    once and only its hash is kept. Logged with the organiser who made the code."""
    code = normalise_pairing_code(pairing_code)
    pairing = (
        PairingCode.objects.select_for_update(of=("self",))
        .select_related("station", "created_by")
        .filter(code_digest=digest(code), used_at__isnull=True, expires_at__gt=timezone.now())
        .first()
        if code
        else None
    )
    if pairing is None:
        raise Refused(
            "pairing_code_invalid",
            _(
                "This pairing code is wrong, already used or expired. "
                "Ask the organiser for a new one."
            ),
        )
    now = timezone.now()
    pairing.used_at = now
    pairing.save(update_fields=["used_at"])
    token = secrets.token_urlsafe(32)
    tablet = StationTablet.objects.create(
        station=pairing.station,
        label=clean_label(label),
        token_digest=digest(token),
        last_seen_at=now,
    )
    log(tablet, "voting.pair", user=pairing.created_by, data={"station": pairing.station_id})
    return tablet, token


def revoke_tablet(tablet: StationTablet, by: User | None) -> StationTablet:
    """Stop the tablet at once: its next request is refused."""
    if tablet.revoked_at is None:
        tablet.revoked_at = timezone.now()
        tablet.save(update_fields=["revoked_at"])
        log(tablet, "voting.revoke", user=by)
    return tablet


def queued_count(value: object) -> int | None:
    """The number of votes a tablet says are waiting, or None when it is not a sane count."""
    count = as_int(value)
    return count if count is not None and 0 <= count <= MAX_QUEUED_REPORTED else None


def note_tablet_seen(tablet: StationTablet, queued_votes: object = None) -> None:
    """Remember when the tablet last spoke, at most once a minute to spare the database."""
    queued = queued_count(queued_votes)
    now = timezone.now()
    update: dict[str, object] = {}
    if tablet.last_seen_at is None or now - tablet.last_seen_at > timedelta(minutes=1):
        update["last_seen_at"] = now
    save_tablet_note(tablet, update, queued)


def save_tablet_note(tablet: StationTablet, update: dict[str, object], queued: int | None) -> None:
    """Write what changed about a tablet (when it was heard from, its waiting votes) in one
    UPDATE, and onto the object the caller holds."""
    if queued is not None and queued != tablet.queued_votes_reported:
        update["queued_votes_reported"] = queued
    if update:
        for field, value in update.items():
            setattr(tablet, field, value)
        StationTablet.objects.filter(pk=tablet.pk).update(**update)
