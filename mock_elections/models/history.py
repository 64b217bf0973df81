"""What happened to an election over time, and the questions groups proposed."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .ballot import BallotQuestion
from .election import Election


class ElectionTransition(models.Model):
    """The audit trail of an election's lifecycle: who opened, closed or published it and
    when, so nobody has to remember afterwards."""

    election = models.ForeignKey(
        Election,
        on_delete=models.CASCADE,
        related_name="transitions",
        verbose_name=_("election"),
        help_text=_("The election whose status changed."),
    )
    from_status = models.CharField(
        _("from"), max_length=12, choices=Election.Status.choices, help_text=_("Status before.")
    )
    to_status = models.CharField(
        _("to"), max_length=12, choices=Election.Status.choices, help_text=_("Status after.")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("by"),
        help_text=_("Who made the change."),
    )
    at = models.DateTimeField(_("at"), help_text=_("When the change was made."))

    class Meta:
        ordering = ["election", "at", "pk"]
        verbose_name = _("election status change")
        verbose_name_plural = _("election status changes")

    def __str__(self):
        return f"{self.get_from_status_display()} → {self.get_to_status_display()}"


class QuestionProposal(models.Model):
    """A question a class, school or youth centre proposes before the election, so the ballot
    carries what children asked for. It names the group and an adult contact, never a child."""

    class Status(models.TextChoices):
        SUBMITTED = "submitted", _("Submitted")
        SHORTLISTED = "shortlisted", _("Shortlisted")
        PROMOTED = "promoted", _("On the ballot")
        DECLINED = "declined", _("Declined")

    election = models.ForeignKey(
        Election,
        on_delete=models.CASCADE,
        related_name="proposals",
        verbose_name=_("election"),
        help_text=_("The election the question is proposed for."),
    )
    question_text = models.CharField(
        _("proposed question"), max_length=300, help_text=_("The question as the group wrote it.")
    )
    reason = models.TextField(
        _("why it matters"),
        blank=True,
        help_text=_("Why the children want to ask it."),
    )
    group_name = models.CharField(
        _("class, school or youth centre"),
        max_length=200,
        help_text=_("Who proposes it, e.g. Liepājas 5. vidusskolas 4.b klase. No child's name."),
    )
    contact_name = models.CharField(
        _("adult contact"),
        max_length=120,
        help_text=_("The teacher or youth worker organisers may contact."),
    )
    contact_email = models.EmailField(
        _("adult contact e-mail"), help_text=_("Only organisers see it.")
    )
    consent_at = models.DateTimeField(
        _("consent given at"),
        help_text=_("When the adult agreed that organisers may store and use the proposal."),
    )
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=Status.choices,
        default=Status.SUBMITTED,
        editable=False,
        help_text=_("Changed by the shortlist, promote and decline actions."),
    )
    promoted_question = models.OneToOneField(
        BallotQuestion,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="proposal",
        editable=False,
        verbose_name=_("ballot question"),
        help_text=_("The ballot question made from this proposal."),
    )
    submitted_at = models.DateTimeField(
        _("submitted at"), auto_now_add=True, help_text=_("When the proposal arrived.")
    )

    class Meta:
        ordering = ["election", "-submitted_at", "pk"]
        verbose_name = _("question proposal")
        verbose_name_plural = _("question proposals")

    def __str__(self):
        return self.question_text
