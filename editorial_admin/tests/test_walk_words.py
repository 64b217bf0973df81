"""The language walk's own rule for English (`walk.py`): a word read as English is one that
stands alone, never letters inside a code. Codes are random, so this plays them as an attacker
would: any English word, glued to any digits, in any case."""

from hypothesis import given
from hypothesis import strategies as st

from .walk import ENGLISH_WORDS, is_english

words = st.sampled_from(sorted(ENGLISH_WORDS)).flatmap(
    lambda word: st.sampled_from([word, word.upper(), word.title()])
)
digits = st.text(alphabet="0123456789", min_size=1, max_size=4)


@given(words, digits, digits)
def test_an_english_word_inside_a_code_is_not_english(word, before, after):
    assert not is_english(f"{before}{word}{after}-GJ95W")
    assert not is_english(f"{before}{word}")
    assert not is_english(f"{word}{after}")


@given(words, digits)
def test_an_english_word_on_its_own_still_is(word, number):
    assert is_english(f"{number} {word}")
    assert is_english(f"{word}: {number}")
    assert is_english(f"„{word}”")
