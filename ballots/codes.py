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
Twelve Crockford base32 characters (5 bits each, 60 bits of entropy) and one check character
from the same 32 letters and digits, shown as ``ABCD-EFGH-JKMN-P``. Crockford's own mod-37 check
needed ``* ~ $ =`` and ``U`` for about one code in ten: they look like typos and need a symbol
keyboard, so the check is Damm's algorithm instead, over the 32 symbols as elements of the
field GF(2^5) (modulus x^5 + x^2 + 1) with the operation ``s ∘ d = A·s + d`` (``A`` = the
element x, neither 0 nor 1; ``+`` is XOR). Start at 0, fold every character in; the check
character is the one that brings the state back to 0 (``A·s``).

* ``∘`` is a Latin square (for a fixed state, ``d ↦ A·s + d`` is one-to-one; for a fixed
  character, ``s ↦ A·s + d`` is too, as A ≠ 0): any single changed character, the check
  character included, changes the final state.
* It is totally anti-symmetric: ``(s∘x)∘y = (s∘y)∘x`` means ``(A + 1)·(x + y) = 0``, so
  ``x = y`` as A ≠ 1; any swap of two different adjacent characters, the check character
  included, changes the final state.

``ballots/tests/test_codes.py`` proves both exhaustively (the table, then every position and
every pair of characters); ``voting/static/voting/tablet/codes.js`` is the same algorithm,
held to it by ``ballots/check_vectors.json``.
"""

import hashlib
import hmac
import re
from functools import cache

from django.conf import settings
from django.utils.translation import gettext

from base.refusals import Refused

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
DATA_LENGTH = 12
CODE_LENGTH = DATA_LENGTH + 1
ENTROPY_BITS = DATA_LENGTH * 5
GROUP = 4
# GF(2^5) with modulus x^5 + x^2 + 1 (0b100101); the check multiplies the state by x (0b10).
FIELD_MODULUS = 0b100101

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


def times_x(state: int) -> int:
    """``state`` multiplied by the field element x in GF(2^5)."""
    doubled = state << 1
    return doubled ^ FIELD_MODULUS if doubled & 0b100000 else doubled


def damm_state(text: str) -> int:
    """Damm's interim state after folding in each base32 digit: ``s ← x·s + d``."""
    state = 0
    for character in text:
        state = times_x(state) ^ ALPHABET.index(character)
    return state


def check_character(data: str) -> str:
    """The check character (one of the 32 base32 digits) that brings Damm's state to 0."""
    return ALPHABET[times_x(damm_state(data))]


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
    wrong = sorted({c for c in data + check if c not in ALPHABET})
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
    if damm_state(data + check) != 0:
        raise Refused(
            "invalid",
            gettext("The code has a typing mistake: compare each character with the card again."),
            problem="wrong_check",
        )
    return data + check
