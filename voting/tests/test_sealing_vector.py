"""The fixed sealing vector (voting/tests/js/sealing_vector.json) that the tablet's Node test
seals and opens too: here it is made and opened with Python's `cryptography`, so the browser's
WebCrypto and the server agree on the ballot box format byte for byte (see
voting/static/voting/tablet/seal.js). `python -m voting.tests.test_sealing_vector` writes it.
"""

import base64
import json
from pathlib import Path

from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from voting import sealing

VECTOR = Path(__file__).resolve().parent / "js" / "sealing_vector.json"
INFO = b"liepaja-ballot-box-v1"
# Test keys only: fixed so the vector is reproducible.
BOX_SECRET = 0x1D1A5C0FFEE_0BA11_07B0C5 * 7919
EPHEMERAL_SECRET = 0xE9E3E2A1_5EA1ED * 104729
IV = bytes(range(1, 13))
BALLOT = {
    "age_band": 2,
    "answers": [{"question": 11, "option": 21}, {"question": 12, "option": None}],
}


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def unb64url(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def raw_public(key: ec.EllipticCurvePrivateKey) -> bytes:
    return key.public_key().public_bytes(
        serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint
    )


def box_key(private: ec.EllipticCurvePrivateKey, public: ec.EllipticCurvePublicKey) -> bytes:
    shared = private.exchange(ec.ECDH(), public)
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=b"", info=INFO).derive(shared)


def jwk(key: ec.EllipticCurvePrivateKey) -> dict[str, str]:
    numbers = key.private_numbers()
    return {
        "kty": "EC",
        "crv": "P-256",
        "d": b64url(numbers.private_value.to_bytes(32, "big")),
        "x": b64url(numbers.public_numbers.x.to_bytes(32, "big")),
        "y": b64url(numbers.public_numbers.y.to_bytes(32, "big")),
    }


def make_vector() -> dict:
    box = ec.derive_private_key(BOX_SECRET, ec.SECP256R1())
    ephemeral = ec.derive_private_key(EPHEMERAL_SECRET, ec.SECP256R1())
    # The tablet sends JSON.stringify's compact form.
    plaintext = json.dumps(BALLOT, separators=(",", ":")).encode()
    ciphertext = AESGCM(box_key(ephemeral, box.public_key())).encrypt(IV, plaintext, None)
    return {
        "about": "Test keys only. Made by python -m voting.tests.test_sealing_vector.",
        "box": {"v": 1, "public_key": b64url(raw_public(box))},
        "box_private_jwk": jwk(box),
        "ephemeral_private_jwk": jwk(ephemeral),
        "ballot": BALLOT,
        "sealed": {
            "v": 1,
            "epk": b64url(raw_public(ephemeral)),
            "iv": b64url(IV),
            "ct": b64url(ciphertext),
        },
    }


def test_the_vector_file_is_what_this_module_makes():
    stored = json.loads(VECTOR.read_text(encoding="utf-8"))
    assert stored == make_vector(), "Run: python -m voting.tests.test_sealing_vector"


def test_the_box_private_key_opens_the_vector():
    stored = json.loads(VECTOR.read_text(encoding="utf-8"))
    numbers = stored["box_private_jwk"]
    box = ec.derive_private_key(int.from_bytes(unb64url(numbers["d"]), "big"), ec.SECP256R1())
    sealed = stored["sealed"]
    ephemeral = ec.EllipticCurvePublicKey.from_encoded_point(
        ec.SECP256R1(), unb64url(sealed["epk"])
    )
    plaintext = AESGCM(box_key(box, ephemeral)).decrypt(
        unb64url(sealed["iv"]), unb64url(sealed["ct"]), None
    )
    assert json.loads(plaintext) == stored["ballot"]
    assert len(unb64url(sealed["ct"])) == len(plaintext) + 16


if __name__ == "__main__":
    VECTOR.write_text(json.dumps(make_vector(), indent=1) + "\n", encoding="utf-8")


def test_the_servers_opener_opens_the_vector():
    stored = json.loads(VECTOR.read_text(encoding="utf-8"))
    scalar = unb64url(stored["box_private_jwk"]["d"])
    private_key = sealing.private_key_from_scalar(scalar)
    assert sealing.b64url(sealing.public_point(private_key)) == stored["box"]["public_key"]
    opened = sealing.open_ballot(private_key, *sealing.sealed_parts(stored["sealed"]))
    assert opened == stored["ballot"]
