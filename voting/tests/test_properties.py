"""Property tests that play the attacker against the pure rules of the ballot box: sealing,
the ballot content check, numbers and times from a tablet, and the tally digest."""

import datetime as dt
import string

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from base.refusals import Refused
from voting.sealing import (
    Unsealable,
    new_box_key,
    open_ballot,
    public_point,
    seal_ballot,
    sealed_parts,
)
from voting.selectors.counting import normalise_digest, tally_digest
from voting.services.common import as_int
from voting.services.content import check_ballot_content
from voting.services.votes import parse_moment

BOX = new_box_key()
PUBLIC = public_point(BOX)

answers = st.lists(
    st.fixed_dictionaries(
        {"question": st.integers(1, 10**6), "option": st.none() | st.integers(1, 10**6)}
    ),
    max_size=8,
)
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=8),
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(
            st.sampled_from(["age_band", "answers", "question", "option"]) | st.text(max_size=4),
            children,
            max_size=4,
        )
    ),
    max_leaves=12,
)


@settings(max_examples=40, deadline=None)
@given(age_band=st.integers(1, 10**6), ballot_answers=answers)
def test_a_sealed_ballot_opens_to_exactly_what_was_sealed(age_band, ballot_answers):
    parts = sealed_parts(seal_ballot(PUBLIC, age_band, ballot_answers))
    assert open_ballot(BOX, *parts) == {"age_band": age_band, "answers": ballot_answers}


@settings(max_examples=40, deadline=None)
@given(part=st.sampled_from([1, 2]), position=st.integers(0, 200), flip=st.integers(1, 255))
def test_any_changed_byte_of_a_sealed_ballot_is_caught(part, position, flip):
    """An attacker who alters a stored ciphertext or its nonce gets a ballot that does not
    open, never a different ballot that counts."""
    parts = list(sealed_parts(seal_ballot(PUBLIC, 1, [{"question": 1, "option": 2}])))
    data = bytearray(parts[part])
    data[position % len(data)] ^= flip
    parts[part] = bytes(data)
    with pytest.raises(Unsealable):
        open_ballot(BOX, *parts)


@settings(max_examples=20, deadline=None)
@given(ballot_answers=answers)
def test_a_ballot_sealed_to_another_box_does_not_open(ballot_answers):
    parts = sealed_parts(seal_ballot(public_point(new_box_key()), 1, ballot_answers))
    with pytest.raises(Unsealable):
        open_ballot(BOX, *parts)


@settings(max_examples=60, deadline=None)
@given(sealed=json_values | st.fixed_dictionaries({"v": st.just(1), "epk": st.text(max_size=90),
                                                    "iv": st.text(max_size=20),
                                                    "ct": st.text(max_size=40)}))  # fmt: skip
def test_any_sealed_field_from_a_tablet_is_taken_apart_or_refused(sealed):
    try:
        epk, iv, ct = sealed_parts(sealed)
    except Unsealable:
        return
    assert len(epk) == 65 and len(iv) == 12 and len(ct) > 16


RULES = {
    1: {10: (True, frozenset({100, 101})), 11: (False, frozenset({110, 111}))},
    2: {10: (True, frozenset({100, 101}))},
}


@settings(max_examples=150, deadline=None)
@given(ballot=json_values | st.fixed_dictionaries(
    {"age_band": st.sampled_from([1, 2, 3, "1", 1.0, True]),
     "answers": st.lists(st.fixed_dictionaries(
         {"question": st.sampled_from([10, 11, 12, "10", 1e400]),
          "option": st.sampled_from([None, 100, 101, 110, 111, 999, float("nan")])}), max_size=4)}
))  # fmt: skip
def test_a_counted_ballot_answers_each_asked_question_once_with_its_own_option(ballot):
    """Whatever a forged tablet sealed, a ballot that passes answers exactly the questions its
    age band is asked, each once, with an option of that question or an offered abstention."""
    try:
        band, given_answers = check_ballot_content(RULES, ballot)
    except Refused as refusal:
        assert refusal.reason == "invalid_vote"
        return
    asked = RULES[band]
    assert sorted(question for question, _option in given_answers) == sorted(asked)
    for question, option in given_answers:
        offers_abstain, options = asked[question]
        assert option in options or (option is None and offers_abstain)


@given(value=json_values | st.sampled_from(["²", "١", " 7 ", "-3", "9" * 40, float("inf")]))
def test_numbers_from_a_tablet_are_whole_numbers_or_nothing(value):
    number = as_int(value)
    assert number is None or (isinstance(number, int) and not isinstance(number, bool))


@given(
    value=st.text(max_size=40)
    | st.datetimes(timezones=st.timezones()).map(dt.datetime.isoformat)
    | st.sampled_from(["0001-01-01T00:00:00+14:00", "9999-12-31T23:59:59-14:00"])
)
def test_a_time_from_a_tablet_is_a_sane_utc_moment_or_nothing(value):
    moment = parse_moment(value)
    assert moment is None or (moment.utcoffset() == dt.timedelta(0) and moment.year >= 2000)


@given(text=st.text(max_size=200), noise=st.text(alphabet=" -", max_size=3))
def test_a_digest_typed_back_from_paper_reads_the_same(text, noise):
    digest = tally_digest(text)
    assert len(digest) == 11 and digest[5] == "-"
    assert set(digest.replace("-", "")) <= set(string.digits + string.ascii_uppercase)
    typed = noise + digest.lower().replace("-", noise or "") + noise
    assert normalise_digest(typed) == digest
