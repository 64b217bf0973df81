"""The children's smiley answers, counted per station. A tablet collects several answers and
sends them as one batch of counters under a random batch id (its own endpoint, never with a
vote), so the server learns only "these faces, from this station"; the batch id makes a
retried request count once, as the client id does for votes."""

import uuid
from typing import Literal

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils.translation import gettext as _

from base.refusals import Refused

from ..models import ReceivedFeedbackBatch, StationFeedback, StationTablet
from .common import as_int

FACES = tuple(StationFeedback.Face.values)
# A station's tablets see a few hundred children a day; more in one batch is not a tablet.
MAX_FEEDBACK_PER_BATCH = 1000

Recorded = Literal["recorded", "duplicate"]


def _invalid() -> Refused:
    return Refused(
        "invalid_payload",
        _("Send a batch id and how many times each face was chosen."),
    )


def check_feedback_shape(data: object) -> tuple[uuid.UUID, dict[str, int]]:
    """The batch id and the counts per face, or Refused("invalid_payload"): only the known
    faces, whole numbers from 0, at least one answer and no more than a batch can hold."""
    if not isinstance(data, dict) or not isinstance(data.get("counts"), dict):
        raise _invalid()
    try:
        batch_id = uuid.UUID(str(data.get("batch")))
    except ValueError:
        raise _invalid() from None
    counts: dict[str, int] = {}
    for face, value in data["counts"].items():
        number = as_int(value)
        if face not in FACES or number is None or number < 0:
            raise _invalid()
        counts[face] = number
    if not 0 < sum(counts.values()) <= MAX_FEEDBACK_PER_BATCH:
        raise _invalid()
    return batch_id, counts


def record_feedback(tablet: StationTablet, data: object) -> Recorded:
    """Add a batch of smiley answers to the tablet's station's counters, once per batch id."""
    batch_id, counts = check_feedback_shape(data)
    station = tablet.station
    with transaction.atomic():
        try:
            with transaction.atomic():
                ReceivedFeedbackBatch.objects.create(batch_id=batch_id, station=station)
        except IntegrityError:
            return "duplicate"
        for face, number in counts.items():
            if number:
                StationFeedback.objects.get_or_create(station=station, face=face)
                StationFeedback.objects.filter(station=station, face=face).update(
                    count=F("count") + number
                )
    return "recorded"
