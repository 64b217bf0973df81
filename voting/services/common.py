"""What every service of the voting app shares: limits, the hour a time is rounded to, and
the application log of refusals."""

import logging
import math
from datetime import datetime, timedelta

from django.utils.translation import gettext as _

from base.refusals import Refused

logger = logging.getLogger("voting")

# A tablet whose clock runs off cannot date a vote far outside the station's opening hours.
CLOCK_TOLERANCE = timedelta(minutes=5)
MAX_QUEUED_REPORTED = 100_000


def hour_of(moment: datetime) -> datetime:
    return moment.replace(minute=0, second=0, microsecond=0)


def as_int(value: object) -> int | None:
    """A whole number as JSON or a form sends it, or None: never a bool, a float that is not
    whole or finite (Infinity, 1e400, NaN) or digits of another script (²)."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return int(value) if math.isfinite(value) and value.is_integer() else None
    if isinstance(value, str) and value.strip().isascii() and value.strip().lstrip("-").isdigit():
        return int(value.strip()) if len(value.strip()) <= 18 else None
    return None


def log_refusal(refusal: Refused, where: str) -> Refused:
    """Application log line for a refusal: the reason code only, never a code or an answer."""
    logger.info("%s refused: %s", where, refusal.reason)
    return refusal


def not_paired() -> Refused:
    """The refusal of a token that belongs to no tablet, or to one an organiser revoked."""
    return Refused("not_paired", _("This tablet is not paired with a station, or was revoked."))
