from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page

from materials import selectors, tasks


class MaterialsPage(Page):
    """ "Materiāli": the documents and images of the collections editors mark public, by kind,
    and every story's share cards and posters as one ZIP.

    Not page-cached: the ZIP link appears when the background build finishes, which
    publishes nothing."""

    introduction = models.TextField(_("introduction"), blank=True)
    public_collections = ParentalManyToManyField(
        "wagtailcore.Collection",
        blank=True,
        verbose_name=_("public collections"),
        help_text=_("Everything in these collections is listed here for anyone to download."),
    )
    licence = models.CharField(
        _("licence"),
        max_length=255,
        default="CC BY 4.0, Liepājas pilsētas pašvaldība",
        help_text=_("Shown under every item: who may use it and how."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("introduction"),
        FieldPanel("public_collections", widget=forms.CheckboxSelectMultiple),
        FieldPanel("licence"),
    ]
    parent_page_types = ["home.HomePage"]
    subpage_types: list[str] = []
    max_count_per_parent = 1
    show_in_menus_default = True

    class Meta:
        verbose_name = _("materials page")
        verbose_name_plural = _("materials pages")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["groups"] = selectors.materials_by_kind(self.public_collections.all())
        context["story_bundle"] = tasks.story_bundle_or_start_building()
        return context
