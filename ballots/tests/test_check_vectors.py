"""The shared test vectors of the card check character (ballots/check_vectors.json).

The station tablet checks codes in JavaScript (voting/static/voting/tablet/codes.js); its
Node unit test reads the same file, so the two implementations can never drift apart. The file
is made from ballots/codes.py by this module: `python -m ballots.tests.test_check_vectors`
writes it again, and a test fails when it no longer matches what codes.py says.
"""

import json
import random
from pathlib import Path

import pytest

from ballots.codes import ALPHABET, check_character, normalise_code
from ballots.qr import parse_payload
from base.refusals import Refused

VECTORS = Path(__file__).resolve().parent.parent / "check_vectors.json"
SEED = 2025  # Fixed: the file must come out the same every time.
WITH_ERRORS = 10  # Codes whose single-character errors and adjacent swaps are listed.


def _sample_data(rng):
    """Edge cases, then random data until every check character has appeared."""
    data = ["000000000000", "ZZZZZZZZZZZZ", "0123456789AB"]
    seen = {check_character(item) for item in data}
    while seen != set(ALPHABET):
        item = "".join(rng.choice(ALPHABET) for _ in range(12))
        if check_character(item) not in seen:
            seen.add(check_character(item))
            data.append(item)
    return data


def _typos(code):
    """Each character replaced by the next one of the alphabet, and each adjacent swap (the
    check character's included)."""
    wrong = []
    for position, character in enumerate(code):
        replacement = ALPHABET[(ALPHABET.index(character) + 1) % len(ALPHABET)]
        wrong.append(
            {"typed": code[:position] + replacement + code[position + 1 :], "kind": "single"}
        )
    for position in range(len(code) - 1):
        first, second = code[position], code[position + 1]
        if first != second:
            swapped = code[:position] + second + first + code[position + 2 :]
            wrong.append({"typed": swapped, "kind": "adjacent_swap"})
    return wrong


def make_vectors():
    rng = random.Random(SEED)
    codes = [data + check_character(data) for data in _sample_data(rng)]
    typed = []
    for code in codes[:WITH_ERRORS]:
        grouped = "-".join(code[i : i + 4] for i in range(0, len(code), 4))
        typed += [
            {"typed": grouped.lower(), "code": code},
            {"typed": " ".join(grouped.split("-")), "code": code},
            {"typed": "https://example.org/b/1/" + code, "code": code},
        ]
    typed.append({"typed": "ol23 4567-89ab " + codes[2][-1].lower(), "code": codes[2]})
    return {
        "about": "Card codes and their check characters, made by ballots/codes.py "
        "(python -m ballots.tests.test_check_vectors); read by ballots/tests and voting/tests/js.",
        "alphabet": ALPHABET,
        "codes": codes,
        "typed": typed,
        "rejected": [typo for code in codes[:WITH_ERRORS] for typo in _typos(code)],
    }


def _load():
    return json.loads(VECTORS.read_text(encoding="utf-8"))


def test_the_vector_file_is_what_codes_py_makes():
    assert _load() == make_vectors(), "Run: python -m ballots.tests.test_check_vectors"


def test_every_check_character_occurs():
    assert {code[-1] for code in _load()["codes"]} == set(ALPHABET)


def test_each_code_has_its_check_character():
    for code in _load()["codes"]:
        assert check_character(code[:12]) == code[12], code
        assert normalise_code(code) == code


def test_typed_and_scanned_forms_give_the_code():
    for case in _load()["typed"]:
        assert parse_payload(case["typed"]) == case["code"], case


def test_single_errors_and_adjacent_swaps_are_refused():
    rejected = _load()["rejected"]
    assert {case["kind"] for case in rejected} == {"single", "adjacent_swap"}
    for case in rejected:
        with pytest.raises(Refused):
            normalise_code(case["typed"])


if __name__ == "__main__":
    VECTORS.write_text(json.dumps(make_vectors(), indent=1) + "\n", encoding="utf-8")
