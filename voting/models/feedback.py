"""The children's smiley answer after voting ("Kā tev patika balsot?"), kept only as counters
per station, and the ids of the batches the tablets sent them in."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class StationFeedback(models.Model):
    """How many children of one station chose one face. A counter, not a row per child: no
    time, no card, no vote — the answer cannot be joined to anything the child did."""

    class Face(models.TextChoices):
        HAPPY = "happy", _("Liked it")
        OKAY = "okay", _("It was all right")
        SAD = "sad", _("Did not like it")

    station = models.ForeignKey(
        "mock_elections.PollingStation",
        on_delete=models.CASCADE,
        related_name="feedback_counts",
        verbose_name=_("station"),
        help_text=_("The station whose tablets asked."),
    )
    face = models.CharField(
        _("face"), max_length=8, choices=Face.choices, help_text=_("The face the children chose.")
    )
    count = models.PositiveIntegerField(
        _("count"), default=0, help_text=_("How many times it was chosen at this station.")
    )

    class Meta:
        ordering = ["station", "face"]
        constraints = [
            models.UniqueConstraint(fields=["station", "face"], name="one_counter_per_face")
        ]
        verbose_name = _("smiley feedback count")
        verbose_name_plural = _("smiley feedback counts")

    def __str__(self):
        return f"{self.station} · {self.get_face_display()}: {self.count}"


class ReceivedFeedbackBatch(models.Model):
    """The tablet's random id of each batch of smiley answers it sent, so a retried request
    counts once. Deliberately no time and no counts: only that the batch arrived."""

    batch_id = models.UUIDField(
        _("batch id"),
        primary_key=True,
        help_text=_("The random UUID the tablet gave the batch."),
    )
    station = models.ForeignKey(
        "mock_elections.PollingStation",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("station"),
        help_text=_("The station whose tablet sent it."),
    )

    class Meta:
        verbose_name = _("received feedback batch")
        verbose_name_plural = _("received feedback batches")

    def __str__(self):
        return str(self.batch_id)
