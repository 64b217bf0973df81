"""The log filter blanks every ballot code, however it was written, and leaves the rest of
a line readable: an attacker who reads the logs finds no card to vote with."""

from hypothesis import example, given, settings
from hypothesis import strategies as st

from ballots.codes import derive_code, format_code
from base.redaction import REDACTED, redact

codes = st.builds(
    derive_code,
    st.binary(min_size=16, max_size=16).map(bytes.hex),
    st.integers(min_value=1, max_value=100_000),
)
surroundings = st.sampled_from(
    [
        "Card check refused for {}",
        "Not Found: /b/1/{}",
        "GET /en/b/1/{}?utm=x HTTP/1.1",
        '{{"code": "{}", "age_band": 3}}',
        "kods={};",
        "{}",
    ]
)


def written_forms(code):
    grouped = format_code(code)
    return [code, grouped, grouped.lower(), grouped.replace("-", " "), f"{code[:6]}-{code[6:]}"]


@settings(max_examples=300)
@given(codes, surroundings, st.integers(min_value=0, max_value=4))
# Found by this test: a code without digits, printed shape, lower case.
@example(code="TJJBBVGGGCVGH", surrounding="{}", form=2)
def test_every_written_form_of_a_code_is_blanked(code, surrounding, form):
    written = written_forms(code)[form]
    line = redact(surrounding.format(written))
    assert written not in line
    assert code not in line.upper().replace("-", "").replace(" ", "")
    assert REDACTED in line


@given(st.sampled_from(["Demokrātija sākas ģimenē", "Rate limit reached: POST /api/tablet/pair/"]))
def test_ordinary_lines_stay_as_they_are(line):
    assert redact(line) == line
