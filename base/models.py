import datetime
from decimal import Decimal

from django.core.validators import FileExtensionValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, TitleFieldPanel
from wagtail.admin.widgets.slug import SlugInput
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from base.blocks import BaseStreamBlock
from base.forms import SlugFromNameForm
from base.geojson import validate_boundary_file
from base.i18n import in_current_language
from base.page_cache import CachedPageMixin
from base.prepared_files.models import PreparedFile  # noqa: F401 - Django looks for it here


class District(index.Indexed, models.Model):
    """A Liepāja neighbourhood (mikrorajons). Stories are told from one and children's polling
    stations stand in one, so both parts of the site report by the same list."""

    name = models.CharField(
        _("name"), max_length=80, unique=True, help_text=_("As residents say it, e.g. Karosta.")
    )
    name_en = models.CharField(
        _("name (English)"),
        max_length=80,
        blank=True,
        help_text=_(
            "Only where the name has an English form, e.g. Vecliepāja: Old Liepāja. "
            "Left empty, English pages show the Latvian name."
        ),
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
    boundary = models.FileField(
        _("boundary"),
        upload_to="district-boundaries/",
        blank=True,
        validators=[
            FileExtensionValidator(["geojson", "json"]),
            validate_boundary_file,
        ],
        help_text=_(
            "Optional GeoJSON file (Polygon or MultiPolygon, WGS 84, up to 512 KB): the "
            "district's outline on the results maps."
        ),
    )

    base_form_class = SlugFromNameForm
    panels = [
        TitleFieldPanel("name", placeholder=False),
        FieldPanel("name_en"),
        FieldPanel("slug", widget=SlugInput),
        FieldPanel("sort_order"),
        FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")], heading=_("Map point")),
        FieldPanel("boundary"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("district")
        verbose_name_plural = _("districts")

    def __str__(self):
        return self.display_name

    @property
    def display_name(self):
        """The English name on English pages where there is one, else the Latvian name."""
        return in_current_language(self.name, self.name_en)


class Precinct(models.Model):
    """An adult polling precinct of the municipal election. Residents look up where to vote by
    the street they live in, so each precinct lists the streets or areas it serves; children's
    stations stand beside precincts by number."""

    number = models.CharField(
        _("number"),
        max_length=10,
        unique=True,
        help_text=_("The official precinct number, e.g. 710."),
    )
    name = models.CharField(
        _("name"), max_length=200, help_text=_("The building, e.g. Laumu vidusskola.")
    )
    address = models.CharField(
        _("address"), max_length=200, help_text=_("Street address, e.g. Rožu iela 5/7, Liepāja.")
    )
    areas = models.TextField(
        _("streets and areas served"),
        blank=True,
        help_text=_(
            "One street or area per line, as residents write it, e.g. Ganību iela. The precinct "
            "finder searches these lines; sample data until the official list is entered."
        ),
    )
    district = models.ForeignKey(
        District,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="precincts",
        verbose_name=_("district"),
        help_text=_("The neighbourhood the precinct stands in; searching its name finds it."),
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
        FieldRowPanel([FieldPanel("number"), FieldPanel("district")]),
        FieldPanel("name"),
        FieldPanel("address"),
        FieldPanel("areas"),
        FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")], heading=_("Map point")),
    ]

    class Meta:
        ordering = ["number"]
        verbose_name = _("polling precinct")
        verbose_name_plural = _("polling precincts")

    def __str__(self):
        return f"{self.number} {self.name}"

    @property
    def area_lines(self) -> list[str]:
        return [line.strip() for line in self.areas.splitlines() if line.strip()]


@register_setting(icon="cog")
class SiteSettings(BaseSiteSetting):
    """Campaign facts editors change without a developer: the election day drives the
    countdown, the figures feed the home page, the images brand shared links."""

    # Election
    election_at = models.DateTimeField(
        _("election opens"),
        null=True,
        blank=True,
        help_text=_(
            "When polling stations open on election day (Riga time); drives the countdown."
        ),
    )
    polls_close = models.TimeField(
        _("polling stations close"),
        default=datetime.time(20),
        help_text=_("When polling stations close on election day (Riga time)."),
    )
    previous_election_year = models.PositiveSmallIntegerField(
        _("year of the previous election"),
        default=2025,
        help_text=_("The municipal election the previous turnout is from."),
    )
    official_lookup_url = models.URLField(
        _("official precinct lookup"),
        default="https://www.cvk.lv/",
        help_text=_("The Central Election Commission's page where voters check their precinct."),
    )

    # Campaign figures
    previous_turnout = models.DecimalField(
        _("previous turnout, %"),
        max_digits=5,
        decimal_places=2,
        default=Decimal("28.84"),
        help_text=_("Turnout in Liepāja at the previous municipal election, in percent."),
    )
    goal_points = models.PositiveSmallIntegerField(
        _("goal, percentage points"),
        default=10,
        help_text=_("How many percentage points the campaign wants turnout to rise."),
    )

    # Social links
    facebook_url = models.URLField(
        _("Facebook"), blank=True, help_text=_("Address of the campaign's Facebook page.")
    )
    instagram_url = models.URLField(
        _("Instagram"), blank=True, help_text=_("Address of the campaign's Instagram profile.")
    )
    youtube_url = models.URLField(
        _("YouTube"), blank=True, help_text=_("Address of the campaign's YouTube channel.")
    )

    # Branding
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("hero image"),
        help_text=_(
            "The picture beside the slogan on the home page; its title is the alternative text "
            "unless the home page gives one."
        ),
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("logo"),
        help_text=_("Campaign logo shown in the site header."),
    )
    default_share_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("default share image"),
        help_text=_("Shown when a page without its own image is shared in social media."),
    )

    # The images come in the settings' own query: the header's logo and the head tags' share
    # image are on every page (the hero on the home page), and were a query each, the same
    # picture twice where one serves as both.
    select_related = ["hero_image", "logo", "default_share_image"]

    panels = [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("election_at"), FieldPanel("polls_close")]),
                FieldPanel("official_lookup_url"),
            ],
            heading=_("Election day"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [
                        FieldPanel("previous_turnout"),
                        FieldPanel("previous_election_year"),
                        FieldPanel("goal_points"),
                    ]
                )
            ],
            heading=_("Campaign figures"),
        ),
        MultiFieldPanel(
            [FieldPanel("facebook_url"), FieldPanel("instagram_url"), FieldPanel("youtube_url")],
            heading=_("Social links"),
        ),
        MultiFieldPanel(
            [FieldPanel("hero_image"), FieldPanel("logo"), FieldPanel("default_share_image")],
            heading=_("Branding"),
        ),
    ]

    class Meta:
        verbose_name = _("campaign settings")

    @property
    def election_closes_at(self) -> datetime.datetime | None:
        """Election day's closing moment, on the opening day in the opening's time zone."""
        if self.election_at is None:
            return None
        opens = timezone.localtime(self.election_at)
        return opens.replace(hour=self.polls_close.hour, minute=self.polls_close.minute)

    @property
    def goal_turnout(self):
        return self.previous_turnout + self.goal_points

    @property
    def social_links(self):
        links = [
            ("Facebook", self.facebook_url),
            ("Instagram", self.instagram_url),
            ("YouTube", self.youtube_url),
        ]
        return [{"name": name, "url": url} for name, url in links if url]


class ContentPage(CachedPageMixin, Page):
    """A free-form campaign page (about the campaign, how to vote, FAQ) composed from the
    shared blocks, so editors build new pages without a developer."""

    introduction = models.TextField(
        _("introduction"),
        blank=True,
        help_text=_("A sentence or two under the title; also used as the share description."),
    )
    body = StreamField(
        BaseStreamBlock,
        blank=True,
        verbose_name=_("body"),
        help_text=_("The page content, composed from blocks."),
    )

    content_panels = Page.content_panels + [FieldPanel("introduction"), FieldPanel("body")]
    search_fields = Page.search_fields + [
        index.SearchField("introduction"),
        index.SearchField("body"),
    ]

    parent_page_types = ["home.HomePage", "base.ContentPage"]
    subpage_types = ["base.ContentPage", "people.FeedbackFormPage"]

    class Meta:
        verbose_name = _("content page")
        verbose_name_plural = _("content pages")

    @property
    def share_description(self):
        return self.introduction
