"""Reading ballot data: the list a tablet checks codes against offline. (Card-versus-vote
accounting lives in voting, above ballots: voting.selectors.accounting.)"""

import hashlib

from . import codes
from .models import Ballot

OFFLINE_DIGEST_BYTES = 8


def offline_salt(station):
    """A per-station salt (hex) derived from the code key; stable, so tablets can cache."""
    return codes.keyed_hash(b"offline-salt", str(station.pk).encode())[:16].hex()


def offline_digest(salt, code):
    """What a tablet computes for a canonical code to look it up in its cached list."""
    return hashlib.sha256((salt + code).encode()).digest()[:OFFLINE_DIGEST_BYTES].hex()


def offline_check_list(station):
    """The unused cards of a station in a form a tablet can cache and check codes against.

    ``digests`` holds ``sha256(salt + CODE)`` truncated to 8 bytes (hex) for each unused
    card, sorted so the order reveals nothing about batches or serials. CODE is the
    canonical 13-character code (upper case, no dashes) from ``normalise_code``.

    Trade-off: anyone who copies a tablet's list may try codes offline. A code has 60 bits,
    so finding any one of a station's n cards takes about 2**60 / n hashes (for 300 cards,
    some 4·10**15 SHA-256 computations: days on a rack of GPUs, for one children's ballot
    card, which the server still checks and accepts once). 8 bytes make accidental matches
    negligible (n / 2**64).
    """
    salt = offline_salt(station)
    digests = []
    for batch in station.ballot_batches.filter(is_void=False):
        printed = set(
            batch.ballots.filter(state=Ballot.State.PRINTED).values_list("serial", flat=True)
        )
        digests.extend(
            offline_digest(salt, code)
            for serial, code in enumerate(batch.codes(), start=1)
            if serial in printed
        )
    digests.sort()
    return {"version": 1, "salt": salt, "digest_bytes": OFFLINE_DIGEST_BYTES, "digests": digests}
