from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.search import index


class District(index.Indexed, models.Model):
    """A Liepāja neighbourhood (mikrorajons). Stories are told from one and children's polling
    stations stand in one, so both parts of the site report by the same list."""

    name = models.CharField(
        _("name"), max_length=80, unique=True, help_text=_("As residents say it, e.g. Karosta.")
    )
    slug = models.SlugField(
        _("slug"), max_length=80, unique=True, help_text=_("Used in addresses and filters.")
    )
    sort_order = models.PositiveSmallIntegerField(
        _("order"), default=0, help_text=_("Lists show districts in this order, then by name.")
    )
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        help_text=_("Optional map point (WGS 84)."),
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        help_text=_("Optional map point (WGS 84)."),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("sort_order"),
        FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")], heading=_("Map point")),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("district")
        verbose_name_plural = _("districts")

    def __str__(self):
        return self.name
