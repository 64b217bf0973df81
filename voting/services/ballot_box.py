"""The election's ballot box: its key pair, kept so that a database copy alone opens nothing.

The private key is stored only wrapped (AES-256-GCM) under a key derived with HKDF from the
server secret `BALLOT_BOX_KEY` (environment; required in production, derived from SECRET_KEY
in development and tests) and the election's id. `close_ballot_box` destroys it once the
results are final: after that no sealed ballot can be opened by anyone.
"""

import hashlib
import hmac
import os

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from django.conf import settings
from django.contrib.auth.models import User
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from wagtail.log_actions import log

from base.refusals import Refused
from mock_elections.models import Election

from .. import sealing
from ..models import BallotBox, SealedVote

WRAP_INFO = b"liepaja-ballot-box-wrap-v1"
NONCE_BYTES = 12


def _server_secret() -> bytes:
    configured = getattr(settings, "BALLOT_BOX_KEY", "")
    if configured:
        return configured.encode()
    return hmac.new(settings.SECRET_KEY.encode(), b"voting.ballot-box-key", hashlib.sha256).digest()


def _wrapping_key(election_id: int) -> AESGCM:
    key = HKDF(
        algorithm=hashes.SHA256(), length=32, salt=b"", info=WRAP_INFO + b"|%d" % election_id
    ).derive(_server_secret())
    return AESGCM(key)


def _election_label(election_id: int) -> bytes:
    return b"election:%d" % election_id


def ensure_ballot_box(election: Election) -> BallotBox:
    """The election's box, made on first need; two requests racing make one box."""
    box = BallotBox.objects.filter(election=election).first()
    if box is not None:
        return box
    private_key = sealing.new_box_key()
    nonce = os.urandom(NONCE_BYTES)
    wrapped = nonce + _wrapping_key(election.pk).encrypt(
        nonce, sealing.private_scalar(private_key), _election_label(election.pk)
    )
    try:
        with transaction.atomic():
            return BallotBox.objects.create(
                election=election,
                public_key=sealing.public_point(private_key),
                wrapped_private_key=wrapped,
            )
    except IntegrityError:
        return BallotBox.objects.get(election=election)


def box_private_key(box: BallotBox) -> ec.EllipticCurvePrivateKey:
    """Unwrap the box's private key with the server secret; refused once destroyed or when the
    secret is not the one the box was made under."""
    wrapped = bytes(box.wrapped_private_key or b"")
    if not wrapped:
        raise Refused("box_destroyed", _("This election's ballot box was closed for good."))
    try:
        scalar = _wrapping_key(box.election_id).decrypt(
            wrapped[:NONCE_BYTES], wrapped[NONCE_BYTES:], _election_label(box.election_id)
        )
    except InvalidTag:
        raise Refused(
            "box_key_wrong",
            _("The ballot box does not open with this server's BALLOT_BOX_KEY."),
        ) from None
    return sealing.private_key_from_scalar(scalar)


@transaction.atomic
def close_ballot_box(election: Election, by: User | None) -> BallotBox | None:
    """Destroy the box's private key once the results are final. Refused while any station
    still has sealed votes to count: they could never be counted afterwards."""
    box = BallotBox.objects.select_for_update().filter(election=election).first()
    if box is None or box.wrapped_private_key is None:
        return box
    if SealedVote.objects.filter(station__election=election).exists():
        raise Refused(
            "votes_uncounted",
            _("Some stations still have sealed votes: count them before closing the box."),
        )
    box.wrapped_private_key = None
    box.destroyed_at = timezone.now()
    box.save(update_fields=["wrapped_private_key", "destroyed_at"])
    log(election, "voting.close_box", user=by)
    return box
