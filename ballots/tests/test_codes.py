import pytest

from django.utils import translation

from ballots import codes
from ballots.codes import normalise_code
from ballots.qr import ballot_payload, parse_payload
from base.refusals import Refused

SEED = "ab" * 32


def test_codes_are_unique_over_100000_cards():
    generated = {codes.derive_code(SEED, serial) for serial in range(1, 100_001)}
    assert len(generated) == 100_000


def test_code_shape_and_entropy():
    code = codes.derive_code(SEED, 1)
    assert len(code) == 13
    assert codes.ENTROPY_BITS >= 60
    assert codes.format_code(code).count("-") == 3
    assert normalise_code(codes.format_code(code).lower()) == code


def test_same_seed_and_key_give_the_same_code_and_another_key_does_not(settings):
    code = codes.derive_code(SEED, 7)
    assert codes.derive_code(SEED, 7) == code
    settings.BALLOT_CODE_KEY = "another-key"
    assert codes.derive_code(SEED, 7) != code


def test_crockford_aliases_are_read_as_digits():
    data = "0123456789AB"
    code = data + codes.check_character(data)
    typed = "ol23 4567-89ab " + code[-1].lower()
    assert normalise_code(typed) == code
    assert normalise_code("O" + code[1:]) == code
    assert normalise_code(code[0] + "I" + code[2:]) == code


def test_check_character_catches_every_single_character_error():
    code = codes.derive_code(SEED, 1)
    for position in range(codes.CODE_LENGTH):
        alphabet = codes.ALPHABET if position < codes.DATA_LENGTH else codes.CHECK_ALPHABET
        for replacement in alphabet:
            if replacement == code[position]:
                continue
            typo = code[:position] + replacement + code[position + 1 :]
            with pytest.raises(Refused) as refused:
                normalise_code(typo)
            assert refused.value.details["problem"] == "wrong_check"


def test_check_character_catches_every_adjacent_swap_exhaustively():
    # Every pair of distinct digits at every pair of adjacent data positions.
    base = list(codes.derive_code(SEED, 2)[: codes.DATA_LENGTH])
    for position in range(codes.DATA_LENGTH - 1):
        for first in codes.ALPHABET:
            for second in codes.ALPHABET:
                if first == second:
                    continue
                data = base.copy()
                data[position], data[position + 1] = first, second
                data = "".join(data)
                swapped = list(data)
                swapped[position], swapped[position + 1] = second, first
                assert codes.check_character("".join(swapped)) != codes.check_character(data)
    # And swapping the last data character with the check character.
    for serial in range(1, 2000):
        code = codes.derive_code(SEED, serial)
        swapped = code[:-2] + code[-1] + code[-2]
        if swapped != code:
            with pytest.raises(Refused):
                normalise_code(swapped)


@pytest.mark.parametrize(
    ("text", "reason", "latvian", "english"),
    [
        ("", "empty", "uzdrukāto kodu", "Enter the code"),
        ("  - ", "empty", "uzdrukāto kodu", "Enter the code"),
        ("ABCD-EFGH-JKMN-PQ", "too_long", "par garu", "too long"),
        ("ABCD-EFGH", "too_short", "par īsu", "too short"),
        ("ABCD-EFGH-JKMU-Q", "wrong_characters", "nekad nav", "never on a card"),
        ("ÄBCD-EFGH-JKMN-Q", "wrong_characters", "nekad nav", "never on a card"),
    ],
)
def test_garbage_is_refused_with_a_distinct_message(text, reason, latvian, english):
    for language, expected in (("lv", latvian), ("en", english)):
        with translation.override(language), pytest.raises(Refused) as refused:
            normalise_code(text)
        assert refused.value.details["problem"] == reason
        assert expected in refused.value.message


def test_wrong_check_message_in_both_languages():
    code = codes.derive_code(SEED, 3)
    wrong = code[:-1] + ("0" if code[-1] != "0" else "1")
    with translation.override("lv"), pytest.raises(Refused) as refused:
        normalise_code(wrong)
    assert "drukas kļūda" in refused.value.message
    with translation.override("en"), pytest.raises(Refused) as refused:
        normalise_code(wrong)
    assert "typing mistake" in refused.value.message


def test_payload_is_a_short_versioned_address_that_parses_back(settings):
    settings.BALLOT_QR_BASE_URL = "https://tavabalss.example.lv"
    code = codes.derive_code(SEED, 4)
    with translation.override("en"):
        payload = ballot_payload(code)
    assert payload == f"https://tavabalss.example.lv/b/1/{code}"
    assert parse_payload(payload) == code
    assert parse_payload(f"http://other.example/en/b/1/{code}") == code
    assert parse_payload(codes.format_code(code).lower()) == code


def test_payload_of_an_unknown_version_or_site_is_refused():
    code = codes.derive_code(SEED, 4)
    for text in (f"https://x.example/b/2/{code}", "https://example.com/something"):
        with pytest.raises(Refused) as refused:
            parse_payload(text)
        assert refused.value.details["problem"] == "unknown_format"
