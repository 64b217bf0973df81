"""A day as running text says it: „Balso 9. janvārī!”, "Vote on 9 January!".

Django's Latvian date formats give the month in the nominative („9. janvāris”), right in a
list or after a colon but wrong in a sentence about when something happens, which takes the
locative. Django has no locative month names, so they are here."""

import datetime

from django.utils import formats
from django.utils.translation import get_language

LATVIAN_MONTHS_LOCATIVE = (
    "janvārī",
    "februārī",
    "martā",
    "aprīlī",
    "maijā",
    "jūnijā",
    "jūlijā",
    "augustā",
    "septembrī",
    "oktobrī",
    "novembrī",
    "decembrī",
)


def on_day(day: datetime.date) -> str:
    """„9. janvārī” in Latvian, "9 January" in English (the active language)."""
    if (get_language() or "lv").startswith("lv"):
        return f"{day.day}. {LATVIAN_MONTHS_LOCATIVE[day.month - 1]}"
    return formats.date_format(day, "MONTH_DAY_FORMAT")
