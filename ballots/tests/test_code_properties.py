"""The check character, attacked with generated input rather than restated.

An attacker here is a child's or volunteer's typo, a forged code, or any text at all typed into
the code field: whatever they type either reads back as exactly the card it came from or is
refused with a Refused saying why — never a different valid card, never another exception.
"""

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from ballots import codes
from ballots.codes import normalise_code
from base.refusals import Refused

data_strings = st.text(
    alphabet=codes.ALPHABET, min_size=codes.DATA_LENGTH, max_size=codes.DATA_LENGTH
)


def valid(data: str) -> str:
    return data + codes.check_character(data)


# What a typo can put in: any letter or digit, a Crockford alias, or a symbol of the old check.
typed_characters = st.sampled_from(codes.ALPHABET + "OILU*~$=")


@given(data_strings, st.integers(0, codes.CODE_LENGTH - 1), typed_characters)
def test_no_single_character_change_turns_one_card_into_another(data, position, replacement):
    code = valid(data)
    typo = code[:position] + replacement + code[position + 1 :]
    assume(typo.translate(codes.ALIASES) != code)
    try:
        read = normalise_code(typo)
    except Refused as refused:
        assert refused.reason == "invalid"
    else:
        raise AssertionError(f"{typo} was read as the valid card {read}")


@given(data_strings, st.integers(0, codes.CODE_LENGTH - 2))
def test_no_adjacent_swap_turns_one_card_into_another(data, position):
    code = valid(data)
    swapped = code[:position] + code[position + 1] + code[position] + code[position + 2 :]
    assume(swapped != code)
    try:
        normalise_code(swapped)
    except Refused:
        return
    raise AssertionError(f"the swap {swapped} of {code} passed the check")


@given(data_strings, st.sampled_from(["-", " ", "  ", "."]), st.booleans())
def test_the_same_card_typed_loosely_reads_back_exactly(data, separator, lower):
    code = valid(data)
    typed = separator.join(code[i : i + 4] for i in range(0, len(code), 4))
    assert normalise_code(typed.lower() if lower else typed) == code


@settings(max_examples=300)
@given(st.text(max_size=40))
def test_any_text_is_either_a_valid_code_or_refused_with_a_message(text):
    try:
        code = normalise_code(text)
    except Refused as refused:
        assert refused.reason == "invalid" and refused.message
    else:
        assert len(code) == codes.CODE_LENGTH
        assert codes.check_character(code[: codes.DATA_LENGTH]) == code[-1]


code_strings = st.text(
    alphabet=codes.ALPHABET, min_size=codes.CODE_LENGTH, max_size=codes.CODE_LENGTH
)


@given(code_strings, code_strings)
def test_the_check_state_is_linear_so_the_exhaustive_proof_covers_every_code(first, second):
    # test_codes.py proves every error on a code of zeros; linearity (state of a XOR b =
    # state of a XOR state of b) carries that proof to every code.
    mixed = "".join(
        codes.ALPHABET[codes.ALPHABET.index(a) ^ codes.ALPHABET.index(b)]
        for a, b in zip(first, second, strict=True)
    )
    assert codes.damm_state(mixed) == codes.damm_state(first) ^ codes.damm_state(second)


@given(data_strings, st.integers(0, codes.CODE_LENGTH - 1), st.integers(1, 31))
def test_no_forged_check_character_passes(data, position, change):
    # An attacker who changes any one character by any amount never keeps the state at 0.
    code = valid(data)
    wrong = codes.ALPHABET[codes.ALPHABET.index(code[position]) ^ change]
    assert codes.damm_state(code[:position] + wrong + code[position + 1 :]) != 0
