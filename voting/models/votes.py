"""What a vote leaves behind, and what runs the station tablets that take votes.

A Vote must never be linkable to the ballot card that unlocked it: it has no reference to the
ballot, a random (not sequential) identifier, and only the hour it was cast. The same holds
for everything stored beside it (ReceivedSubmission keeps the tablet's random id of the vote
for exactly-once sync, but no vote id and no code).
"""

import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _


class Vote(models.Model):
    """One child's completed ballot from a station tablet."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    # Each index is one more page written at every vote. The election, the station and the age
    # band have none of their own: the counting index below starts with the election and the
    # station, and holds the age band; every read by station names its election too. Only
    # deleting a station or an age band (which votes protect) reads without it.
    election = models.ForeignKey(
        "mock_elections.Election", on_delete=models.PROTECT, related_name="votes", db_index=False
    )
    station = models.ForeignKey(
        "mock_elections.PollingStation",
        on_delete=models.PROTECT,
        related_name="votes",
        db_index=False,
    )
    age_band = models.ForeignKey(
        "mock_elections.AgeBand", on_delete=models.PROTECT, related_name="votes", db_index=False
    )
    cast_hour = models.DateTimeField(
        _("hour cast"),
        help_text=_(
            "Truncated to the hour: enough for the participation curve, too coarse to link."
        ),
    )
    counted = models.BooleanField(
        _("counted"),
        default=True,
        help_text=_(
            "False while the vote is still sealed in the ballot box: it then has no answers and "
            "counts only for participation. Counting the station replaces it."
        ),
    )

    class Meta:
        verbose_name = _("vote")
        verbose_name_plural = _("votes")
        # Counting reads every vote of an election with its station, age band and hour: this
        # index alone answers that, without visiting the table.
        indexes = [
            models.Index(
                fields=["election", "station", "age_band", "cast_hour", "id"],
                name="vote_counting_idx",
            )
        ]

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
        # Counting joins answers to votes and groups by option: covered by this index.
        indexes = [models.Index(fields=["vote", "question", "option"], name="answer_counting_idx")]

    def __str__(self):
        return f"{self.question_id}: {self.option_id or '-'}"
