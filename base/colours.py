"""Theme colours people type in the admin, checked before anything is printed with them.

A colour is six hex digits after '#'. Shorthand like ``#fff`` is refused rather than guessed:
ReportLab reads it as ``#000fff`` (blue). Text printed on a colour must reach WCAG's 4.5:1
contrast, so a light primary colour under white text is refused with the ratio it reached.
"""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

HEX_COLOUR = re.compile(r"#[0-9a-fA-F]{6}")
WHITE = "#ffffff"
INK = "#1a1a2e"  # the dark ink of printed text
MINIMUM_CONTRAST = 4.5


def relative_luminance(colour: str) -> float:
    """WCAG 2.1 relative luminance of a ``#rrggbb`` colour."""
    channels = [int(colour[index : index + 2], 16) / 255 for index in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast_ratio(first: str, second: str) -> float:
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def validate_hex_colour(value: str) -> None:
    if not isinstance(value, str) or not HEX_COLOUR.fullmatch(value):
        raise ValidationError(
            _("Write the colour as # and six hex digits, e.g. #0b4f8a."), code="hex_colour"
        )


def _validate_contrast(value: str, text_colour: str, message: str) -> None:
    validate_hex_colour(value)
    ratio = contrast_ratio(value, text_colour)
    if ratio < MINIMUM_CONTRAST:
        raise ValidationError(
            message % {"ratio": f"{ratio:.1f}".replace(".", ","), "minimum": "4,5"},
            code="contrast",
        )


def validate_colour_under_white_text(value: str) -> None:
    """For a colour that white text is printed on (the station's primary colour)."""
    _validate_contrast(
        value,
        WHITE,
        _(
            "White text on this colour reaches only %(ratio)s:1 contrast; it needs at least "
            "%(minimum)s:1. Choose a darker colour."
        ),
    )


def validate_colour_under_dark_text(value: str) -> None:
    """For a colour that dark text may be printed on (the station's accent colour)."""
    _validate_contrast(
        value,
        INK,
        _(
            "Dark text on this colour reaches only %(ratio)s:1 contrast; it needs at least "
            "%(minimum)s:1. Choose a lighter colour."
        ),
    )
