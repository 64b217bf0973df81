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
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, PageChooserPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from base.blocks import BaseStreamBlock
from base.page_cache import CachedPageMixin
from base.refusals import Refused
from base.selectors import campaign_settings
from stories import posters, selectors
from stories.card_layout import story_text_problems
from stories.cards import call_to_vote
from stories.forms import StoryFilterForm
from stories.naming import title_names
from stories.sharing import share_links


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
    # A page chosen here rather than a page type looked up: the how-to-vote page belongs to
    # the home app, which this app must not import.
    vote_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("how-to-vote page"),
        help_text=_(
            "Every story ends with a call to vote that links here; without it, to the home page."
        ),
    )

    content_panels = Page.content_panels + [
        FieldPanel("introduction"),
        FieldPanel("stories_per_page"),
        PageChooserPanel("vote_page"),
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
        # Each text the share card cannot place, as an error on the field that holds it.
        refusals = {
            "quote": (
                "quote",
                _("The quote does not fit the share card. Shorten it to one or two sentences."),
            ),
            "name": (
                "display_name",
                _("The name does not fit on one line of the share card. Shorten it."),
            ),
            "subtitle": (
                "descriptor",
                _("With the district this line does not fit the share card. Shorten it."),
            ),
        }
        problems = story_text_problems(self.quote, self.display_name, self.card_subtitle)
        if problems:
            raise ValidationError(dict(refusals[problem] for problem in sorted(problems)))
        if self.quote and self.display_name and self.district_id:
            try:
                posters.poster_text(self)
            except Refused as refusal:
                raise ValidationError({"quote": refusal.message}) from refusal

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Wagtail's routing has kept the (specific) index page as the parent: no query.
        context["story_index"] = story_index = self.get_parent().specific
        context["vote_url"] = selectors.vote_url(request, story_index)
        context["call_to_vote"] = call_to_vote(campaign_settings(request).election_at)
        context["share_url"] = share_url = request.build_absolute_uri(self.get_url(request))
        context["share_text"] = share_text = f"{self.headline} — {self.quote}"
        context["share_links"] = share_links(share_url, share_text)
        context["previous_story"], context["next_story"] = selectors.neighbour_stories(self)
        context["related_stories"] = selectors.related_stories(self)
        return context

    @property
    def share_description(self):
        return f"{self.display_name}: {self.quote}"

    @property
    def card_subtitle(self):
        """The line under the name: who the resident is and where they live."""
        district = self.district.display_name if self.district_id else ""
        return ", ".join(part for part in (self.descriptor, district) if part)

    @property
    def names_resident(self):
        """Whether the title already names the resident, so the page and the feed need not
        name them again (a title "Juris: kāpēc es balsoju" by Juris)."""
        return title_names(self.title, self.display_name)

    @property
    def headline(self):
        """The title, led by the resident's name only when it does not name them already."""
        return self.title if self.names_resident else f"{self.display_name}: {self.title}"

    @property
    def share_image_url(self):
        """The wide share card, versioned so social networks fetch the redrawn one."""
        url = reverse("stories_api:share_card", args=[self.pk, "1200x630"])
        return f"{url}?v={self.card_version()}"

    def card_version(self):
        """Changes whenever the story changes (a draft saved too), so cached cards are redrawn;
        the admin's proof of a draft is keyed by it."""
        published = self.last_published_at.timestamp() if self.last_published_at else 0
        return f"{self.latest_revision_id or 0}-{int(published)}"

    def published_card_version(self):
        """Changes only when the story is published again: the stored public cards are named
        by it, and a draft saved meanwhile (a new latest revision) must not make them stale."""
        published = self.last_published_at.timestamp() if self.last_published_at else 0
        return f"{self.live_revision_id or 0}-{int(published)}"
