"""Residents' personal calls to vote ("Why I vote") and the page that lists them."""

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from base.blocks import BaseStreamBlock
from base.page_cache import CachedPageMixin
from base.refusals import Refused
from stories import cards, posters, selectors
from stories.forms import StoryFilterForm


class Channel(models.TextChoices):
    WEB = "web", _("Website")
    SOCIAL = "social", _("Social media")
    PRINT = "print", _("Print")
    OUTDOOR = "outdoor", _("Outdoor")


class ConsentMethod(models.TextChoices):
    SIGNED_FORM = "signed_form", _("Signed consent form")
    EMAIL = "email", _("By e-mail")
    RECORDED = "recorded", _("Recorded spoken consent")


class StoryIndexPage(CachedPageMixin, Page):
    """The list of residents' stories, filterable by district and topic, featured first."""

    introduction = models.TextField(
        _("introduction"), blank=True, help_text=_("A sentence or two above the stories.")
    )
    stories_per_page = models.PositiveSmallIntegerField(
        _("stories per page"), default=12, help_text=_("How many story cards one page shows.")
    )

    content_panels = Page.content_panels + [
        FieldPanel("introduction"),
        FieldPanel("stories_per_page"),
    ]
    search_fields = Page.search_fields + [index.SearchField("introduction")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["stories.StoryPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("story index")
        verbose_name_plural = _("story indexes")

    @property
    def share_description(self):
        return self.introduction

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        filters = StoryFilterForm(request.GET)
        valid = filters.is_valid()
        district_slug = filters.cleaned_data["rajons"] if valid else ""
        topic = filters.cleaned_data["tema"] if valid else ""
        stories = selectors.stories_for_index(self, district_slug=district_slug, topic=topic)
        context["stories_page"] = Paginator(stories, self.stories_per_page).get_page(
            request.GET.get("lapa")
        )
        context["districts"] = selectors.districts_with_stories(self)
        context["topics"] = selectors.topics_of_stories(self)
        context["selected_district"] = district_slug
        context["selected_topic"] = topic
        context["filter_form"] = filters
        return context

    def serve(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        response = super().serve(request, *args, **kwargs)
        if response.context_data["filter_form"].errors:
            # The unfiltered list with the errors shown, but not a page to keep or cache.
            response.status_code = 400
        return response


class StoryPageTag(TaggedItemBase):
    content_object = ParentalKey(
        "stories.StoryPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class StoryPageForm(WagtailAdminPageForm):
    """Channels are several choices stored as a list; the form shows them as checkboxes."""

    channels = forms.MultipleChoiceField(
        label=_("Channels"),
        choices=Channel.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Where this story has been published."),
    )


class StoryPage(CachedPageMixin, Page):
    """One resident's personal call to vote, told on the web, in social media and in print.

    The resident's publication consent is recorded here for the team and never shown."""

    # The resident
    display_name = models.CharField(
        _("display name"),
        max_length=60,
        help_text=_("As the resident agreed to be named, e.g. “Anna, 34”."),
    )
    descriptor = models.CharField(
        _("age group or occupation"),
        max_length=80,
        blank=True,
        help_text=_("One short line, e.g. “teacher” or “student, 19”."),
    )
    district = models.ForeignKey(
        "base.District",
        on_delete=models.PROTECT,
        related_name="stories",
        verbose_name=_("district"),
        help_text=_("Where the resident lives."),
    )
    portrait = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("portrait"),
        help_text=_("Set the focal point on the face: share cards crop around it."),
    )

    # The story
    quote = models.TextField(
        _("why I vote"),
        max_length=400,
        help_text=_("The resident's call to vote in their own words; it must fit the share card."),
    )
    body = StreamField(
        BaseStreamBlock,
        blank=True,
        verbose_name=_("story"),
        help_text=_("The longer story, composed from blocks."),
    )
    tags = ClusterTaggableManager(
        through=StoryPageTag,
        blank=True,
        verbose_name=_("topics"),
        help_text=_("Topics the story is about, e.g. schools, transport."),
    )

    # Publishing
    channels = models.JSONField(
        _("channels"), default=list, blank=True, help_text=_("Where this story has been published.")
    )
    featured = models.BooleanField(
        _("featured"), default=False, help_text=_("Featured stories are listed first.")
    )

    # Consent: for the team only, never rendered on the public site.
    consent_date = models.DateField(
        _("consent date"), help_text=_("When the resident agreed to publication.")
    )
    consent_method = models.CharField(
        _("consent obtained by"),
        max_length=20,
        choices=ConsentMethod.choices,
        help_text=_("How the consent was given; keep the signed form or e-mail on file."),
    )

    base_form_class = StoryPageForm
    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("display_name"), FieldPanel("descriptor")]),
                FieldPanel("district"),
                FieldPanel("portrait"),
            ],
            heading=_("Resident"),
        ),
        FieldPanel("quote"),
        FieldPanel("body"),
        FieldPanel("tags"),
        MultiFieldPanel([FieldPanel("channels"), FieldPanel("featured")], heading=_("Publishing")),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("consent_date"), FieldPanel("consent_method")])],
            heading=_("Publication consent (never shown publicly)"),
        ),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("display_name"),
        index.SearchField("quote"),
        index.SearchField("body"),
        index.FilterField("district"),
        index.FilterField("featured"),
    ]

    parent_page_types = ["stories.StoryIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("resident story")
        verbose_name_plural = _("resident stories")

    def clean(self):
        super().clean()
        if self.quote and not cards.quote_fits_every_card(self.quote):
            raise ValidationError(
                {
                    "quote": _(
                        "The quote does not fit the share card. Shorten it to one or two sentences."
                    )
                }
            )
        if self.quote and self.display_name and self.district_id:
            try:
                posters.poster_text(self)
            except Refused as refusal:
                raise ValidationError({"quote": refusal.message}) from refusal

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["story_index"] = self.get_parent()
        context["previous_story"], context["next_story"] = selectors.neighbour_stories(self)
        context["related_stories"] = selectors.related_stories(self)
        return context

    @property
    def share_description(self):
        return f"{self.display_name}: {self.quote}"

    @property
    def share_image_url(self):
        """The wide share card, versioned so social networks fetch the redrawn one."""
        url = reverse("stories_api:share_card", args=[self.pk, "1200x630"])
        return f"{url}?v={self.card_version()}"

    def card_version(self):
        """Changes whenever the published story changes, so cached cards are redrawn."""
        published = self.last_published_at.timestamp() if self.last_published_at else 0
        return f"{self.latest_revision_id or 0}-{int(published)}"
