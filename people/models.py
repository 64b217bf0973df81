"""The people around an election: adult volunteers on station shifts, and the school and
youth groups that shortlist the proposed questions.

Only what the organisers need is stored. A volunteer is an adult or a 16–17-year-old with a
parent's consent; nothing about any child is ever stored, groups give only a size and an age
band. Rules (who may be placed where, what counts are allowed) live in roster.py and
shortlist.py.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Roster(models.Model):
    """The organiser's switchboard for one election's volunteers."""

    election = models.OneToOneField(
        "mock_elections.Election",
        on_delete=models.CASCADE,
        related_name="roster",
        verbose_name=_("election"),
    )
    sign_up_open = models.BooleanField(_("sign-up open"), default=False)
    retention_days = models.PositiveSmallIntegerField(
        _("keep personal data for (days after the election)"),
        default=90,
        help_text=_("After this many days the volunteers' names and contacts are erased."),
    )
    organiser_phone = models.CharField(_("organiser phone"), max_length=40, blank=True)

    class Meta:
        verbose_name = _("volunteer roster")
        verbose_name_plural = _("volunteer rosters")

    def __str__(self) -> str:
        return str(self.election)


class Volunteer(models.Model):
    class AgeGroup(models.TextChoices):
        UNDER_16 = "under16", _("under 16")
        TEEN = "16-17", _("16–17")
        ADULT = "adult", _("18 or older")

    election = models.ForeignKey(
        "mock_elections.Election",
        on_delete=models.CASCADE,
        related_name="volunteers",
        verbose_name=_("election"),
    )
    name = models.CharField(_("name"), max_length=120)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    age_group = models.CharField(_("age group"), max_length=8, choices=AgeGroup.choices)
    parent_consent_at = models.DateTimeField(_("parent's consent given at"), null=True, blank=True)
    consent_at = models.DateTimeField(_("consent to data use given at"))
    preferred_stations = models.ManyToManyField(
        "mock_elections.PollingStation",
        blank=True,
        related_name="+",
        verbose_name=_("preferred stations"),
    )
    preferred_slots = models.JSONField(
        _("preferred time slots"), default=list, blank=True, help_text=_("Shift start hours.")
    )
    account = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="volunteer",
        verbose_name=_("station account"),
    )
    anonymised_at = models.DateTimeField(_("personal data erased at"), null=True, blank=True)
    signed_up_at = models.DateTimeField(_("signed up at"), auto_now_add=True)

    class Meta:
        ordering = ["name", "pk"]
        verbose_name = _("volunteer")
        verbose_name_plural = _("volunteers")

    def __str__(self) -> str:
        return self.name

    @property
    def may_serve(self) -> bool:
        """An adult, or a 16–17-year-old whose parent agreed."""
        if self.age_group == self.AgeGroup.ADULT:
            return True
        return self.age_group == self.AgeGroup.TEEN and self.parent_consent_at is not None


class Shift(models.Model):
    station = models.ForeignKey(
        "mock_elections.PollingStation",
        on_delete=models.CASCADE,
        related_name="shifts",
        verbose_name=_("station"),
    )
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    min_people = models.PositiveSmallIntegerField(_("at least"), default=2)
    max_people = models.PositiveSmallIntegerField(_("at most"), default=4)
    needs_lead = models.BooleanField(_("needs a lead"), default=True)

    class Meta:
        ordering = ["station", "starts_at"]
        verbose_name = _("shift")
        verbose_name_plural = _("shifts")

    def __str__(self) -> str:
        start, end = timezone.localtime(self.starts_at), timezone.localtime(self.ends_at)
        return f"{self.station} {start:%H:%M}–{end:%H:%M}"

    def clean(self) -> None:
        errors = {}
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            errors["ends_at"] = _("A shift ends after it starts.")
        if self.min_people > self.max_people:
            errors["max_people"] = _("The maximum cannot be below the minimum.")
        if errors:
            raise ValidationError(errors)

    @property
    def hours(self) -> float:
        return (self.ends_at - self.starts_at).total_seconds() / 3600


class Assignment(models.Model):
    shift = models.ForeignKey(
        Shift, on_delete=models.CASCADE, related_name="assignments", verbose_name=_("shift")
    )
    volunteer = models.ForeignKey(
        Volunteer,
        on_delete=models.CASCADE,
        related_name="assignments",
        verbose_name=_("volunteer"),
    )
    is_lead = models.BooleanField(_("lead"), default=False)
    attended = models.BooleanField(_("attended"), default=False)
    confirmation_sent_at = models.DateTimeField(null=True, blank=True, editable=False)
    reminder_sent_at = models.DateTimeField(null=True, blank=True, editable=False)
    mail_error = models.CharField(_("e-mail problem"), max_length=300, blank=True, editable=False)

    class Meta:
        ordering = ["shift", "-is_lead", "volunteer__name"]
        verbose_name = _("assignment")
        verbose_name_plural = _("assignments")
        constraints = [
            models.UniqueConstraint(fields=["shift", "volunteer"], name="one_place_per_shift"),
        ]

    def __str__(self) -> str:
        return f"{self.volunteer} @ {self.shift}"


class ProposingGroup(models.Model):
    """A class, youth centre or club. It never names a child: a size and an age band only."""

    election = models.ForeignKey(
        "mock_elections.Election",
        on_delete=models.CASCADE,
        related_name="proposing_groups",
        verbose_name=_("election"),
    )
    name = models.CharField(_("class, youth centre or club"), max_length=200)
    contact_name = models.CharField(_("adult contact"), max_length=120)
    contact_email = models.EmailField(_("adult contact e-mail"))
    approximate_size = models.PositiveSmallIntegerField(_("about how many children"))
    youngest_age = models.PositiveSmallIntegerField(_("youngest age"))
    oldest_age = models.PositiveSmallIntegerField(_("oldest age"))
    consent_at = models.DateTimeField(_("consent given at"))
    proposals = models.ManyToManyField(
        "mock_elections.QuestionProposal",
        blank=True,
        related_name="proposing_groups",
        verbose_name=_("proposals"),
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("proposing group")
        verbose_name_plural = _("proposing groups")

    def __str__(self) -> str:
        return self.name


class ShortlistRound(models.Model):
    election = models.OneToOneField(
        "mock_elections.Election",
        on_delete=models.CASCADE,
        related_name="shortlist_round",
        verbose_name=_("election"),
    )
    proposals = models.ManyToManyField(
        "mock_elections.QuestionProposal", related_name="+", verbose_name=_("proposals")
    )
    opened_at = models.DateTimeField(_("opened at"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)

    class Meta:
        verbose_name = _("shortlist round")
        verbose_name_plural = _("shortlist rounds")

    def __str__(self) -> str:
        return str(self.election)


class GroupCount(models.Model):
    """How one group's children chose one proposal: counts only, never who."""

    round = models.ForeignKey(ShortlistRound, on_delete=models.CASCADE, related_name="counts")
    group = models.ForeignKey(ProposingGroup, on_delete=models.CASCADE, related_name="counts")
    proposal = models.ForeignKey(
        "mock_elections.QuestionProposal", on_delete=models.CASCADE, related_name="+"
    )
    approvals = models.PositiveSmallIntegerField(_("children who chose it"))
    # rank_counts[k] = how many children put it in place k + 1
    rank_counts = models.JSONField(_("children per place"), default=list)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["round", "group", "proposal"], name="one_count_each"),
        ]

    def __str__(self) -> str:
        return f"{self.group}: {self.approvals}"


# The feedback form page lives in its own module; Django finds models through this one.
from .feedback_page import FeedbackFormField, FeedbackFormPage  # noqa: E402, F401
