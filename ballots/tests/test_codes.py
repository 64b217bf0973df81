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


def test_the_operation_is_a_latin_square_and_totally_anti_symmetric():
    # Damm's table: state s, digit d → the state after folding d in, read off damm_state
    # (the state after "d" alone is d, so folding e after it gives the row of state d).
    table = [
        [codes.damm_state(codes.ALPHABET[state] + codes.ALPHABET[digit]) for digit in range(32)]
        for state in range(32)
    ]
    for row in table:
        assert sorted(row) == list(range(32))  # each state: every digit leads elsewhere
    for digit in range(32):
        assert sorted(row[digit] for row in table) == list(range(32))
    for state in range(32):
        for first in range(32):
            for second in range(32):
                if first != second:
                    assert table[table[state][first]][second] != table[table[state][second]][first]


def test_the_check_character_uses_only_letters_and_digits():
    assert codes.ALPHABET.isalnum() and len(set(codes.ALPHABET)) == 32
    assert {codes.check_character(f"{serial:012d}") for serial in range(2000)} == set(
        codes.ALPHABET
    )


def _with(position, characters):
    """A code of zeros with ``characters`` at ``position``: enough for every code, as the
    state is linear (test_code_properties.py checks that against generated codes)."""
    padded = ["0"] * codes.CODE_LENGTH
    padded[position : position + len(characters)] = characters
    return "".join(padded)


def test_every_single_character_error_at_every_position_is_caught():
    for position in range(codes.CODE_LENGTH):  # the check character too
        for right in codes.ALPHABET:
            for wrong in codes.ALPHABET:
                if wrong != right:
                    assert codes.damm_state(_with(position, right)) != codes.damm_state(
                        _with(position, wrong)
                    )


def test_every_adjacent_swap_at_every_position_is_caught():
    for position in range(codes.CODE_LENGTH - 1):  # the last swap moves the check character
        for first in codes.ALPHABET:
            for second in codes.ALPHABET:
                if first != second:
                    assert codes.damm_state(_with(position, first + second)) != codes.damm_state(
                        _with(position, second + first)
                    )


def test_real_cards_with_one_error_or_swap_are_refused_as_typing_mistakes():
    code = codes.derive_code(SEED, 1)
    for position in range(codes.CODE_LENGTH):
        for replacement in codes.ALPHABET.replace(code[position], ""):
            with pytest.raises(Refused) as refused:
                normalise_code(code[:position] + replacement + code[position + 1 :])
            assert refused.value.details["problem"] == "wrong_check"
    for serial in range(1, 300):
        code = codes.derive_code(SEED, serial)
        for position in range(codes.CODE_LENGTH - 1):
            swapped = code[:position] + code[position + 1] + code[position] + code[position + 2 :]
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
        ("ABCD-EFGH-JKMN-*", "wrong_characters", "nekad nav", "never on a card"),
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
