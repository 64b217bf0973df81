"""The feedback form for volunteers and organisers after the election: a Wagtail form page an
editor builds and places under the home page or a content page. Its answers land in Wagtail's
Forms admin, where Editors (page rights) and Organisers (see wagtail_hooks) read them."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.forms.models import AbstractEmailForm, AbstractFormField
from wagtail.contrib.forms.panels import FormSubmissionsPanel
from wagtail.fields import RichTextField

DEFAULT_PRIVACY_NOTE = _(
    "No personal data is needed: do not write your name, e-mail or anything about a child. "
    "The answers are read only by the organisers, to make the next election better."
)


class FeedbackFormField(AbstractFormField):
    """One question of a feedback form, in the order the editor sets."""

    page = ParentalKey("FeedbackFormPage", on_delete=models.CASCADE, related_name="form_fields")


class FeedbackFormPage(AbstractEmailForm):
    """Asks volunteers and organisers how the day went. Anonymous by design: the page says
    that no personal data is needed, and Wagtail stores only the answers and the time."""

    intro = RichTextField(
        _("introduction"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("What the form is for, shown above the questions."),
    )
    privacy_note = models.TextField(
        _("privacy note"),
        default=DEFAULT_PRIVACY_NOTE,
        help_text=_("Shown above the questions: say that no personal data is needed."),
    )
    thank_you_text = RichTextField(
        _("thank-you text"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("Shown once the form is sent."),
    )

    content_panels = AbstractEmailForm.content_panels + [
        FormSubmissionsPanel(),
        FieldPanel("intro"),
        FieldPanel("privacy_note"),
        InlinePanel("form_fields", label=_("Question"), heading=_("Questions")),
        FieldPanel("thank_you_text"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("from_address"), FieldPanel("to_address")]),
                FieldPanel("subject"),
            ],
            heading=_("E-mail a copy of each answer (optional)"),
        ),
    ]

    parent_page_types = ["home.HomePage", "base.ContentPage"]
    subpage_types: list[str] = []
    template = "people/feedback_form_page.html"
    landing_page_template = "people/feedback_form_page_landing.html"

    class Meta:
        verbose_name = _("feedback form")
        verbose_name_plural = _("feedback forms")
