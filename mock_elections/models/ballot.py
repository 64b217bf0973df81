"""The ballot: questions the children chose, their options and easy-read wordings."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.models import Orderable

from base.i18n import in_current_language

from .election import AgeBand, Election


class BallotQuestion(ClusterableModel):
    """A question the children proposed and chose; options are answered by tapping pictures."""

    election = models.ForeignKey(
        Election,
        on_delete=models.CASCADE,
        related_name="questions",
        verbose_name=_("election"),
        help_text=_("The election whose ballot carries this question."),
    )
    sort_order = models.PositiveSmallIntegerField(
        _("order"), default=0, help_text=_("Position on the ballot.")
    )
    text = models.CharField(
        _("question (Latvian)"), max_length=300, help_text=_("As printed and shown.")
    )
    text_en = models.CharField(
        _("question (English)"), max_length=300, blank=True, help_text=_("Optional.")
    )
    illustration = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("illustration"),
        help_text=_("Optional picture shown with the question."),
    )
    age_bands = ParentalManyToManyField(
        AgeBand,
        blank=True,
        related_name="questions",
        verbose_name=_("asked of age bands"),
        help_text=_("Leave empty to ask every age band."),
    )
    offers_abstain = models.BooleanField(
        _("offer “I don't know”"),
        default=True,
        help_text=_("Show an “I don't know / I don't want to answer” card."),
    )
    proposed_by = models.CharField(
        _("proposed by"),
        max_length=200,
        blank=True,
        help_text=_("The class, school or youth centre that proposed it. Never a child's name."),
    )

    class Meta:
        ordering = ["election", "sort_order", "pk"]
        verbose_name = _("ballot question")
        verbose_name_plural = _("ballot questions")

    def __str__(self):
        return self.text

    @property
    def display_text(self):
        return in_current_language(self.text, self.text_en)


class EasyReadWording(Orderable):
    """A simpler wording of a question for one age band (usually the youngest)."""

    question = ParentalKey(
        BallotQuestion, on_delete=models.CASCADE, related_name="easy_read_wordings"
    )
    age_band = models.ForeignKey(
        AgeBand,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("age band"),
        help_text=_("Who sees this wording."),
    )
    text = models.CharField(
        _("easy-read text (Latvian)"), max_length=300, help_text=_("Short, simple words.")
    )
    text_en = models.CharField(
        _("easy-read text (English)"), max_length=300, blank=True, help_text=_("Optional.")
    )

    class Meta(Orderable.Meta):
        verbose_name = _("easy-read wording")

    @property
    def display_text(self):
        return in_current_language(self.text, self.text_en)


class BallotOption(Orderable):
    """One answer card: a label and, for the youngest voters, a picture."""

    question = ParentalKey(BallotQuestion, on_delete=models.CASCADE, related_name="options")
    label = models.CharField(
        _("label (Latvian)"), max_length=120, help_text=_("Short: it sits under the picture.")
    )
    label_en = models.CharField(
        _("label (English)"), max_length=120, blank=True, help_text=_("Optional.")
    )
    picture = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("picture"),
        help_text=_("Young children vote by picture; give one where you can."),
    )

    class Meta(Orderable.Meta):
        verbose_name = _("option")
        verbose_name_plural = _("options")

    def __str__(self):
        return self.label

    @property
    def display_label(self):
        return in_current_language(self.label, self.label_en)
