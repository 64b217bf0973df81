"""The countdown's numbers and words, on the server and for the script that keeps it ticking.

The server says "21 diena 1 stunda" through ngettext. The browser picks the form with
Intl.PluralRules, whose categories for Latvian are "zero", "one" and "other" (English: "one"
and "other"), so the page hands it the translated word for each category, taken from the
catalogue at a number the category contains. CLDR's Latvian "zero" holds 0 but also 10–20,
30, …, 913; gettext's Latvian formula says "dienas" for all of those and "dienu" only for 0,
so the word for "zero" is taken at 10: the browser then agrees with the server everywhere
except at exactly 0 ("0 dienas" for "0 dienu"), the last hours before the polls open."""

import datetime
import json
from dataclasses import dataclass

from django.utils.translation import ngettext

from base.selectors import time_until

CATEGORY_SAMPLES = {"zero": 10, "one": 1, "other": 2}


def day_word(count: int) -> str:
    return ngettext("day", "days", count)


def hour_word(count: int) -> str:
    return ngettext("hour", "hours", count)


@dataclass(frozen=True)
class Countdown:
    days: int
    hours: int
    day_word: str
    hour_word: str
    day_forms: str  # JSON {category: word} for Intl.PluralRules
    hour_forms: str


def countdown(
    moment: datetime.datetime | None, now: datetime.datetime | None = None
) -> Countdown | None:
    """What is left until `moment` in words of the active language; None once it has come."""
    left = time_until(moment, now)
    if left is None:
        return None
    days, hours = left
    return Countdown(
        days=days,
        hours=hours,
        day_word=day_word(days),
        hour_word=hour_word(hours),
        day_forms=json.dumps({name: day_word(n) for name, n in CATEGORY_SAMPLES.items()}),
        hour_forms=json.dumps({name: hour_word(n) for name, n in CATEGORY_SAMPLES.items()}),
    )
