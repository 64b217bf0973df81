from collections.abc import Mapping
from typing import Any

from django import template
from django.template.defaultfilters import floatformat
from django.utils.formats import number_format
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext

from base.i18n import in_current_language

register = template.Library()

# Okabe–Ito: distinguishable with every common colour-vision deficiency; all ≥ 3:1 on white.
CHART_COLOURS = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#8a6d00", "#56B4E9", "#000000"]


def _field(item: Any, name: str) -> str:
    if isinstance(item, Mapping):
        return item.get(name, "")
    return getattr(item, name, "")


@register.filter
def localised(item: Any, field: str) -> str:
    """item's field on Latvian screens, its field_en on English ones when it is filled in
    (item a dict or an object)."""
    return in_current_language(_field(item, field), _field(item, f"{field}_en"))


@register.filter
def chart_colour(index: int) -> str:
    """The bar colour of a question's option at this position (0 first)."""
    return CHART_COLOURS[index % len(CHART_COLOURS)]


@register.filter
def for_question(follow_ups: Mapping[int, list[Any]], question_id: int) -> list[Any]:
    """What the city did about this question."""
    return follow_ups.get(question_id, [])


@register.filter
def bar_width(percent: float | None) -> str:
    """A bar's width in % for inline styles, with a dot as the decimal sign in any language."""
    return f"{percent or 0:.1f}"


@register.filter
def count(value: int | None) -> SafeString | str:
    """A public count, or a visible "hidden" mark where small-count suppression applies."""
    if value is None:
        return format_html('<span class="results-hidden">{}</span>', gettext("hidden"))
    return number_format(value, force_grouping=True)


@register.filter
def percent(value: float | None, digits: int = 2) -> str:
    """ "28,84 %" in the page's language, with a no-break space so "%" never starts a line."""
    if value is None:
        return "—"
    return f"{floatformat(value, digits)}\u00a0%"


@register.filter
def signed(value: float | None, digits: int = 2) -> str:
    """A change in points with its sign: "+14,66", "−2,10" (a true minus sign)."""
    if value is None:
        return "—"
    text = floatformat(abs(value), digits)
    return f"+{text}" if value > 0 else f"\u2212{text}" if value < 0 else text


@register.filter
def svg_number(value: float) -> str:
    """A coordinate for SVG: a dot as the decimal sign in every language."""
    return f"{value:.1f}"


@register.filter
def add_number(value: float, other: float) -> str:
    """The sum of two coordinates, for SVG."""
    return svg_number(value + other)


@register.filter
def words(text: str) -> list[str]:
    """A map label's words, one line each, so a long district name stays inside its area."""
    return str(text).split()
