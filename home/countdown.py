"""The countdown's numbers and words, on the server and for the script that keeps it ticking.

The server says "21 diena 1 stunda" through ngettext. The browser picks the form with
Intl.PluralRules, whose categories for Latvian are "zero", "one" and "other" (English: "one"
and "other"), so the page hands it the translated word for each category, taken from the
catalogue at a number the category contains (0, 1, 2)."""

import datetime
import json
from dataclasses import dataclass

from django.utils.translation import ngettext

from base.selectors import time_until

CATEGORY_SAMPLES = {"zero": 0, "one": 1, "other": 2}


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
