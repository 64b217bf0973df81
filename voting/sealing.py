"""Sealing a child's answers to the ballot box, and opening them again at counting.

Design decision: the tablet encrypts each ballot the moment the child confirms it, to the
election's ballot-box public key, with a fresh ephemeral key (ECIES on P-256):

    shared = ECDH(ephemeral private, box public)              32 bytes (the x coordinate)
    key    = HKDF-SHA256(shared, salt=b"", info=b"liepaja-ballot-box-v1", length=32)
    sealed = AES-256-GCM(key, iv = 12 random bytes, plaintext, no AAD)

The plaintext is UTF-8 JSON ``{"age_band": <int>, "answers": [{"question": <int>,
"option": <int|null>}, ...]}``. On the wire every binary value is base64url without padding:
``{"v": 1, "epk": 65-byte raw uncompressed point, "iv": 12 bytes, "ct": ciphertext + tag}``.
WebCrypto does the same with ``deriveBits({name: "ECDH"})``, ``HKDF`` and ``AES-GCM``, so the
browser needs no library. This module is pure (no Django) so tests, the demo and the
benchmarks cast sealed votes exactly as a tablet does.
"""

import base64
import binascii
import json
import os
from typing import Any, TypedDict

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

VERSION = 1
INFO = b"liepaja-ballot-box-v1"
POINT_BYTES = 65
IV_BYTES = 12
TAG_BYTES = 16
# A ballot of a children's election is a few hundred bytes; more is not a ballot.
MAX_CIPHERTEXT_BYTES = 8 * 1024


class SealedBallot(TypedDict):
    v: int
    epk: str
    iv: str
    ct: str


class Unsealable(ValueError):
    """The sealed ballot is malformed, or does not open with this key."""


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def from_b64url(text: object) -> bytes:
    if not isinstance(text, str) or len(text) > 2 * MAX_CIPHERTEXT_BYTES:
        raise Unsealable("not base64url text")
    try:
        return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
    except (binascii.Error, ValueError) as error:
        raise Unsealable("not base64url text") from error


def new_box_key() -> ec.EllipticCurvePrivateKey:
    return ec.generate_private_key(ec.SECP256R1())


def public_point(private_key: ec.EllipticCurvePrivateKey) -> bytes:
    """The 65-byte raw uncompressed point the tablets seal to."""
    return private_key.public_key().public_bytes(
        serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint
    )


def private_scalar(private_key: ec.EllipticCurvePrivateKey) -> bytes:
    return private_key.private_numbers().private_value.to_bytes(32, "big")


def private_key_from_scalar(scalar: bytes) -> ec.EllipticCurvePrivateKey:
    return ec.derive_private_key(int.from_bytes(scalar, "big"), ec.SECP256R1())


def _point(raw: bytes) -> ec.EllipticCurvePublicKey:
    if len(raw) != POINT_BYTES:
        raise Unsealable("a public key is a 65-byte uncompressed point")
    try:
        return ec.EllipticCurvePublicKey.from_encoded_point(ec.SECP256R1(), raw)
    except ValueError as error:
        raise Unsealable("not a point on P-256") from error


def _aes_key(private_key: ec.EllipticCurvePrivateKey, peer: ec.EllipticCurvePublicKey) -> bytes:
    shared = private_key.exchange(ec.ECDH(), peer)
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=b"", info=INFO).derive(shared)


def seal_ballot(public_key: bytes, age_band: int, answers: list[dict[str, Any]]) -> SealedBallot:
    """Seal one ballot to the box's public key, as the tablet does."""
    ephemeral = new_box_key()
    key = _aes_key(ephemeral, _point(public_key))
    iv = os.urandom(IV_BYTES)
    plaintext = json.dumps({"age_band": age_band, "answers": answers}).encode()
    return {
        "v": VERSION,
        "epk": b64url(public_point(ephemeral)),
        "iv": b64url(iv),
        "ct": b64url(AESGCM(key).encrypt(iv, plaintext, None)),
    }


def sealed_parts(sealed: object) -> tuple[bytes, bytes, bytes]:
    """(epk, iv, ct) of a sealed ballot as sent, checking only its shape; raises Unsealable."""
    if not isinstance(sealed, dict) or sealed.get("v") != VERSION:
        raise Unsealable("not a version 1 sealed ballot")
    epk, iv, ct = (from_b64url(sealed.get(name)) for name in ("epk", "iv", "ct"))
    if len(epk) != POINT_BYTES or epk[0] != 4:
        raise Unsealable("epk is not a 65-byte uncompressed point")
    if len(iv) != IV_BYTES:
        raise Unsealable("iv is not 12 bytes")
    if not TAG_BYTES < len(ct) <= MAX_CIPHERTEXT_BYTES:
        raise Unsealable("ct has no room for a ballot and its tag")
    return epk, iv, ct


def open_ballot(
    private_key: ec.EllipticCurvePrivateKey, epk: bytes, iv: bytes, ct: bytes
) -> dict[str, Any]:
    """The ballot's plaintext JSON object; raises Unsealable when it does not open."""
    try:
        plaintext = AESGCM(_aes_key(private_key, _point(epk))).decrypt(iv, ct, None)
        ballot = json.loads(plaintext.decode())
    except (InvalidTag, ValueError, UnicodeDecodeError, RecursionError) as error:
        raise Unsealable("the ballot does not open with this box's key") from error
    if not isinstance(ballot, dict):
        raise Unsealable("the ballot is not a JSON object")
    return ballot
