"""Theme colours: the rule against what a designer might type, and against WCAG's own figures."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from django.core.exceptions import ValidationError
from django.utils import translation

from base.colours import (
    contrast_ratio,
    validate_colour_under_dark_text,
    validate_colour_under_white_text,
    validate_hex_colour,
)

hex_colours = st.integers(0, 0xFFFFFF).map(lambda n: f"#{n:06x}")


def test_known_contrast_ratios():
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21)
    assert contrast_ratio("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)
    assert contrast_ratio("#0b4f8a", "#ffffff") > 4.5


@pytest.mark.parametrize(
    "typed", ["#fff", "fff", "0b4f8a", "#0b4f8", "#0b4f8a0", "#gggggg", "", " #0b4f8a"]
)
def test_anything_but_six_hex_digits_is_refused(typed):
    with pytest.raises(ValidationError):
        validate_hex_colour(typed)


def test_a_light_primary_colour_is_refused_with_its_ratio_in_latvian():
    ratio = f"{contrast_ratio('#7fb3e0', '#ffffff'):.1f}".replace(".", ",")
    with translation.override("lv"), pytest.raises(ValidationError) as refused:
        validate_colour_under_white_text("#7fb3e0")
    assert f"{ratio}:1" in refused.value.messages[0]
    assert "tumšāk" in refused.value.messages[0]


@given(hex_colours)
def test_every_accepted_primary_colour_keeps_white_text_readable(colour):
    try:
        validate_colour_under_white_text(colour)
    except ValidationError:
        assert contrast_ratio(colour, "#ffffff") < 4.5
    else:
        assert contrast_ratio(colour, "#ffffff") >= 4.5


@given(hex_colours)
def test_every_accepted_accent_colour_keeps_dark_text_readable(colour):
    try:
        validate_colour_under_dark_text(colour)
    except ValidationError:
        assert contrast_ratio(colour, "#1a1a2e") < 4.5
    else:
        assert contrast_ratio(colour, "#1a1a2e") >= 4.5


@given(hex_colours, hex_colours)
def test_contrast_is_symmetric_and_within_wcag_bounds(first, second):
    ratio = contrast_ratio(first, second)
    assert ratio == pytest.approx(contrast_ratio(second, first))
    assert 1 <= ratio <= 21
