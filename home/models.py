from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from base.page_cache import CachedPageMixin
from base.selectors import campaign_settings, time_until
from home.blocks import HomeStreamBlock


class HomePage(CachedPageMixin, Page):
    """The campaign's front door: one per language, the root of the public site."""

    # Hero
    hero_title = models.CharField(
        _("hero title"),
        max_length=120,
        default="Liepāja ir Tava balss!",
        help_text=_("The campaign slogan, large at the top of the page."),
    )
    hero_text = models.TextField(
        _("hero text"),
        blank=True,
        help_text=_("One or two sentences under the slogan: why your vote matters."),
    )

    # Body
    body = StreamField(
        HomeStreamBlock,
        blank=True,
        verbose_name=_("body"),
        help_text=_("The rest of the page, composed from blocks."),
    )

    content_panels = Page.content_panels + [
        MultiFieldPanel([FieldPanel("hero_title"), FieldPanel("hero_text")], heading=_("Hero")),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [index.SearchField("hero_text"), index.SearchField("body")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["base.ContentPage", "stories.StoryIndexPage", "people.FeedbackFormPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("campaign home page")

    @property
    def share_description(self):
        return self.hero_text

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["election_at"] = campaign_settings(request).election_at
        context["time_left"] = time_until(context["election_at"])
        return context
