from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from base.page_cache import CachedPageMixin
from base.precincts import MAX_QUERY_LENGTH, find_precincts
from base.selectors import campaign_settings
from home.blocks import HomeStreamBlock
from home.countdown import countdown
from home.selectors import how_to_vote_page, precinct_rows

RICH_TEXT_FEATURES = ["h3", "bold", "italic", "ol", "ul", "link"]


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
    hero_image_alt = models.CharField(
        _("hero image text"),
        max_length=200,
        blank=True,
        help_text=_(
            "What the hero picture (from the campaign settings) shows, for people who cannot "
            "see it, in this page's language. Empty: the image's title."
        ),
    )

    # Body
    body = StreamField(
        HomeStreamBlock,
        blank=True,
        verbose_name=_("body"),
        help_text=_("The rest of the page, composed from blocks."),
    )

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [FieldPanel("hero_title"), FieldPanel("hero_text"), FieldPanel("hero_image_alt")],
            heading=_("Hero"),
        ),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [index.SearchField("hero_text"), index.SearchField("body")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "base.ContentPage",
        "stories.StoryIndexPage",
        "home.HowToVotePage",
        "people.FeedbackFormPage",
    ]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("campaign home page")

    @property
    def share_description(self):
        return self.hero_text

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        campaign = campaign_settings(request)
        context["campaign"] = campaign
        context["election_at"] = campaign.election_at
        context["time_left"] = countdown(campaign.election_at)
        context["how_to_vote"] = how_to_vote_page(self.locale_id)
        return context


class HowToVotePage(CachedPageMixin, Page):
    """Where the home page's main button leads: everything a resident needs to go and vote,
    and the precinct finder that tells them where. One per language, under the home page."""

    introduction = models.TextField(
        _("introduction"),
        blank=True,
        help_text=_("A sentence or two under the title; also used as the share description."),
    )
    early_voting = RichTextField(
        _("early voting"),
        blank=True,
        features=RICH_TEXT_FEATURES,
        help_text=_("When and where to vote before election day, and voting at home."),
    )
    what_to_bring = RichTextField(
        _("what to bring"),
        blank=True,
        features=RICH_TEXT_FEATURES,
        help_text=_("The documents a voter must show."),
    )
    accessibility = RichTextField(
        _("accessibility"),
        blank=True,
        features=RICH_TEXT_FEATURES,
        help_text=_(
            "Step-free access, help in the booth, voting at home for those who cannot come."
        ),
    )

    content_panels = Page.content_panels + [
        FieldPanel("introduction"),
        FieldPanel("early_voting"),
        FieldPanel("what_to_bring"),
        FieldPanel("accessibility"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("introduction"),
        index.SearchField("early_voting"),
        index.SearchField("what_to_bring"),
        index.SearchField("accessibility"),
    ]

    parent_page_types = ["home.HomePage"]
    subpage_types: list[str] = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("how-to-vote page")

    @property
    def share_description(self):
        return self.introduction

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        campaign = campaign_settings(request)
        query = request.GET.get("iela", "")[:MAX_QUERY_LENGTH]
        context.update(
            campaign=campaign,
            election_at=campaign.election_at,
            election_closes_at=campaign.election_closes_at,
            query=query,
            matches=find_precincts(query) if query.strip() else None,
            precincts=precinct_rows(),
        )
        return context
