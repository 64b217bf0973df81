"""What a vote leaves behind.

A Vote must never be linkable to the ballot card that unlocked it: it has no reference to the
ballot, a random (not sequential) identifier, and only the hour it was cast.
"""

import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _


class Vote(models.Model):
    """One child's completed ballot from a station tablet."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    election = models.ForeignKey(
        "mock_elections.Election", on_delete=models.PROTECT, related_name="votes"
    )
    station = models.ForeignKey(
        "mock_elections.PollingStation", on_delete=models.PROTECT, related_name="votes"
    )
    age_band = models.ForeignKey(
        "mock_elections.AgeBand", on_delete=models.PROTECT, related_name="votes"
    )
    cast_hour = models.DateTimeField(
        _("hour cast"),
        help_text=_(
            "Truncated to the hour: enough for the participation curve, too coarse to link."
        ),
    )

    class Meta:
        verbose_name = _("vote")
        verbose_name_plural = _("votes")
        indexes = [models.Index(fields=["election", "station"])]

    def __str__(self):
        return f"{self.station} · {self.cast_hour:%Y-%m-%d %H}:00"


class VoteAnswer(models.Model):
    """The answer to one question on one vote; no option means the child abstained."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    vote = models.ForeignKey(Vote, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(
        "mock_elections.BallotQuestion", on_delete=models.PROTECT, related_name="+"
    )
    option = models.ForeignKey(
        "mock_elections.BallotOption",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["vote", "question"], name="one_answer_per_question")
        ]

    def __str__(self):
        return f"{self.question_id}: {self.option_id or '-'}"


class PaperTally(models.Model):
    """Accepted paper-ballot counts for one station, question and option, entered after
    closing when tablets failed. No option means abstentions."""

    station = models.ForeignKey(
        "mock_elections.PollingStation", on_delete=models.PROTECT, related_name="paper_tallies"
    )
    question = models.ForeignKey(
        "mock_elections.BallotQuestion", on_delete=models.PROTECT, related_name="+"
    )
    option = models.ForeignKey(
        "mock_elections.BallotOption",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    votes = models.PositiveIntegerField(_("votes"))

    class Meta:
        verbose_name = _("paper tally")
        verbose_name_plural = _("paper tallies")

    def __str__(self):
        return f"{self.station} · {self.question_id}: {self.votes}"
