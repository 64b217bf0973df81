"""Ballot codes: how they are made, typed and checked.

How a code is stored (the decision)
-----------------------------------
The code itself is never stored. Each batch has a random seed; a card's code is derived from
``HMAC-SHA256(BALLOT_CODE_KEY, seed || serial)``, keeping the first 60 bits. The database keeps
only ``code_digest = HMAC-SHA256(BALLOT_CODE_KEY, code)`` to find a card when it is scanned.

* A copy of the database alone hands out no usable code: without the key, neither the seeds
  nor the digests lead back to a code (60 bits is far beyond guessing one, even offline).
* A lost or damaged batch PDF can be printed again, identical, by anyone holding the key:
  seed and serial are in the database, the key is in the server's environment.
* The key comes from the ``BALLOT_CODE_KEY`` setting (environment). When it is unset it is
  derived from ``SECRET_KEY``; rotating ``SECRET_KEY`` would then invalidate every printed
  card, so production sets ``BALLOT_CODE_KEY`` on its own.

Typed form
----------
Twelve Crockford base32 characters (5 bits each, 60 bits of entropy) and one check character,
shown as ``ABCD-EFGH-JKMN-P``. The check character is Crockford's: the 60-bit number modulo
37, written with the 32 base32 digits plus ``* ~ $ = U``. Because 37 is a prime that divides
neither 32 nor 31 nor any digit difference (all below 32), it changes whenever a single
character changes, and whenever two adjacent characters swap (the value then changes by
``(a - b) * 31 * 32**k``). The tests check this exhaustively.
"""

import hashlib
import hmac
import re
from functools import cache

from django.conf import settings
from django.utils.translation import gettext

from base.refusals import Refused

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
CHECK_ALPHABET = ALPHABET + "*~$=U"
DATA_LENGTH = 12
CODE_LENGTH = DATA_LENGTH + 1
ENTROPY_BITS = DATA_LENGTH * 5
GROUP = 4

# Crockford's decoding aliases: letters people confuse with digits read as those digits.
ALIASES = str.maketrans({"O": "0", "I": "1", "L": "1"})
SEPARATORS = re.compile(r"[\s\-_.·]+")


@cache
def _derived_key(secret_key: str) -> bytes:
    return hmac.new(secret_key.encode(), b"ballots.code-key", hashlib.sha256).digest()


def code_key() -> bytes:
    """The secret from which every code and digest is derived (bytes)."""
    configured = getattr(settings, "BALLOT_CODE_KEY", "")
    if configured:
        return configured.encode()
    return _derived_key(settings.SECRET_KEY)


def keyed_hash(purpose: bytes, message: bytes) -> bytes:
    """HMAC-SHA256 of ``message`` under the code key, separated by ``purpose``."""
    return hmac.new(code_key(), purpose + b"|" + message, hashlib.sha256).digest()


def check_character(data: str) -> str:
    """Crockford's mod-37 check symbol for a string of base32 digits."""
    value = 0
    for character in data:
        value = value * 32 + ALPHABET.index(character)
    return CHECK_ALPHABET[value % 37]


def derive_code(seed: str, serial: int) -> str:
    """The canonical code (13 characters, no dashes) of card ``serial`` of a batch's ``seed``."""
    raw = keyed_hash(b"code", bytes.fromhex(seed) + serial.to_bytes(4, "big"))
    number = int.from_bytes(raw[:8], "big") >> (64 - ENTROPY_BITS)
    data = "".join(ALPHABET[(number >> shift) & 31] for shift in range(ENTROPY_BITS - 5, -1, -5))
    return data + check_character(data)


def code_digest(code: str) -> str:
    """What the database stores to find a card: a keyed hash of its canonical code."""
    return keyed_hash(b"digest", code.encode()).hex()


def format_code(code: str) -> str:
    """The printed form: groups of four, the check character last (``ABCD-EFGH-JKMN-P``)."""
    return "-".join(code[i : i + GROUP] for i in range(0, len(code), GROUP))


def normalise_code(text: str | None) -> str:
    """The canonical code from what someone typed; raises Refused saying what is wrong.

    Accepts lower case, spaces and dashes, and Crockford's aliases (O for 0, I and L for 1).
    """
    compact = SEPARATORS.sub("", text or "").upper()
    if not compact:
        raise Refused("invalid", gettext("Enter the code printed on the card."), problem="empty")
    if len(compact) > CODE_LENGTH:
        raise Refused(
            "invalid",
            gettext("The code is too long: a card code has %(length)d characters.")
            % {"length": CODE_LENGTH},
            problem="too_long",
        )
    if len(compact) < CODE_LENGTH:
        raise Refused(
            "invalid",
            gettext("The code is too short: a card code has %(length)d characters.")
            % {"length": CODE_LENGTH},
            problem="too_short",
        )
    data = compact[:DATA_LENGTH].translate(ALIASES)
    check = compact[DATA_LENGTH:].translate(ALIASES)
    wrong = sorted(
        {c for c in data if c not in ALPHABET} | {c for c in check if c not in CHECK_ALPHABET}
    )
    if wrong:
        raise Refused(
            "invalid",
            gettext(
                "The code contains characters that are never on a card: %(characters)s. "
                "Use digits and the letters A–Z except I, L, O and U."
            )
            % {"characters": " ".join(wrong)},
            problem="wrong_characters",
        )
    if check_character(data) != check:
        raise Refused(
            "invalid",
            gettext("The code has a typing mistake: compare each character with the card again."),
            problem="wrong_check",
        )
    return data + check
