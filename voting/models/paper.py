"""The paper fallback: two volunteers' counts, their corrections and the accepted tally."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


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


class PaperTallyEntry(models.Model):
    """One volunteer's count of paper ballots for one question and option. Two volunteers
    enter the whole station independently (rounds 1 and 2); only matching entries become the
    accepted PaperTally."""

    class Round(models.IntegerChoices):
        FIRST = 1, _("First volunteer")
        SECOND = 2, _("Second volunteer")

    station = models.ForeignKey(
        "mock_elections.PollingStation",
        on_delete=models.CASCADE,
        related_name="paper_tally_entries",
        verbose_name=_("station"),
        help_text=_("The station whose paper ballots were counted."),
    )
    question = models.ForeignKey(
        "mock_elections.BallotQuestion",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("question"),
        help_text=_("The question counted."),
    )
    option = models.ForeignKey(
        "mock_elections.BallotOption",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("option"),
        help_text=_("Empty means “I don't know” (abstentions)."),
    )
    votes = models.PositiveIntegerField(_("votes"), help_text=_("Paper ballots counted."))
    entry_round = models.PositiveSmallIntegerField(
        _("entry"), choices=Round.choices, help_text=_("Which of the two volunteers entered it.")
    )
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("entered by"),
        help_text=_("The volunteer who typed the count."),
    )
    entered_at = models.DateTimeField(
        _("entered at"), auto_now=True, help_text=_("When the count was last typed.")
    )

    class Meta:
        ordering = ["station", "entry_round", "question__sort_order", "option__sort_order"]
        verbose_name = _("paper tally entry")
        verbose_name_plural = _("paper tally entries")

    def __str__(self):
        return f"{self.station} · {self.entry_round} · {self.question_id}: {self.votes}"


class PaperTallyCorrection(models.Model):
    """The log of every change to a typed paper count: who, when, the old and the new value."""

    entry = models.ForeignKey(
        PaperTallyEntry,
        on_delete=models.CASCADE,
        related_name="corrections",
        verbose_name=_("entry"),
        help_text=_("The count that was changed."),
    )
    corrected_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("corrected by"),
        help_text=_("Who changed it."),
    )
    corrected_at = models.DateTimeField(
        _("corrected at"), auto_now_add=True, help_text=_("When it was changed.")
    )
    old_votes = models.PositiveIntegerField(_("old value"), help_text=_("The count before."))
    new_votes = models.PositiveIntegerField(_("new value"), help_text=_("The count after."))

    class Meta:
        ordering = ["-corrected_at"]
        verbose_name = _("paper tally correction")
        verbose_name_plural = _("paper tally corrections")

    def __str__(self):
        return f"{self.entry}: {self.old_votes} → {self.new_votes}"
