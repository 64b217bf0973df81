"""An election and the age bands it asks, with its themed polling stations."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.models import Orderable

from base.colours import validate_colour_under_dark_text, validate_colour_under_white_text
from base.i18n import in_current_language

from ..roles import VOLUNTEERS


class Election(ClusterableModel):
    """One children's and youth mock election, held beside a real municipal election."""

    class Status(models.TextChoices):
        DRAFT = "draft", pgettext_lazy("election status", "Draft")
        OPEN = "open", pgettext_lazy("election status", "Open")
        CLOSED = "closed", pgettext_lazy("election status", "Closed")
        RESULTS_PUBLISHED = "published", pgettext_lazy("election status", "Results published")

    # Identity
    title = models.CharField(
        _("title (Latvian)"), max_length=200, help_text=_("As shown to the public.")
    )
    title_en = models.CharField(
        _("title (English)"), max_length=200, blank=True, help_text=_("Optional English title.")
    )
    slug = models.SlugField(
        _("slug"), max_length=80, unique=True, help_text=_("Used in public addresses.")
    )
    election_date = models.DateField(
        _("election date"), help_text=_("The day of the real election.")
    )

    # Timing (stored in UTC, entered and shown in Europe/Riga)
    voting_opens_at = models.DateTimeField(
        _("voting opens"), help_text=_("When children may start voting.")
    )
    voting_closes_at = models.DateTimeField(
        _("voting closes"), help_text=_("Votes cast after this do not count.")
    )
    results_release_at = models.DateTimeField(
        _("results release time"),
        help_text=_("Results become public no earlier than this, and only once published."),
    )

    # State
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=Status.choices,
        default=Status.DRAFT,
        editable=False,
        help_text=_("Changed only through the open, close and publish actions."),
    )
    is_rehearsal = models.BooleanField(
        _("rehearsal"),
        default=False,
        help_text=_("A test run: its votes never appear in live totals or on public pages."),
    )
    show_public_counter = models.BooleanField(
        _("show public participation counter"),
        default=False,
        help_text=_("While voting, show the public how many children have voted (totals only)."),
    )
    districts = ParentalManyToManyField(
        "base.District",
        related_name="elections",
        verbose_name=_("districts"),
        help_text=_("The districts this election has stations in."),
    )

    class Meta:
        ordering = ["-election_date", "title"]
        verbose_name = _("election")
        verbose_name_plural = _("elections")

    def __str__(self):
        return self.title

    @property
    def display_title(self):
        return in_current_language(self.title, self.title_en)


class AgeBand(Orderable):
    """An age range children pick on the tablet; reports count by it. Defaults 5–8, 9–12,
    13–15, 16–17, configurable per election."""

    election = ParentalKey(Election, on_delete=models.CASCADE, related_name="age_bands")
    min_age = models.PositiveSmallIntegerField(
        _("from age"), help_text=_("Youngest age in the band.")
    )
    max_age = models.PositiveSmallIntegerField(_("to age"), help_text=_("Oldest age in the band."))
    uses_easy_read = models.BooleanField(
        _("easy-read wording"),
        default=False,
        help_text=_("Show this band the easy-read wording of questions where one exists."),
    )

    class Meta(Orderable.Meta):
        verbose_name = _("age band")
        verbose_name_plural = _("age bands")
        constraints = [
            models.UniqueConstraint(fields=["election", "min_age"], name="unique_age_band_start"),
        ]

    def __str__(self):
        return f"{self.min_age}–{self.max_age}"


class PollingStation(models.Model):
    """A themed children's polling station standing right beside an official adult one, so
    families vote together."""

    class Status(models.TextChoices):
        NOT_OPENED = "not_opened", pgettext_lazy("station status", "Not opened")
        OPEN = "open", pgettext_lazy("station status", "Open")
        CLOSED = "closed", pgettext_lazy("station status", "Closed")

    election = models.ForeignKey(
        Election,
        on_delete=models.CASCADE,
        related_name="stations",
        verbose_name=_("election"),
        help_text=_("The election this station takes votes for."),
    )
    district = models.ForeignKey(
        "base.District",
        on_delete=models.PROTECT,
        related_name="stations",
        verbose_name=_("district"),
        help_text=_("Must be one of the election's districts."),
    )
    name = models.CharField(
        _("name"), max_length=120, help_text=_("E.g. Karostas bērnu iecirknis.")
    )
    name_en = models.CharField(
        _("name (English)"),
        max_length=120,
        blank=True,
        help_text=_("Shown on English pages, e.g. Karosta children's polling station."),
    )
    address = models.CharField(
        _("address"), max_length=200, help_text=_("Street address, as on signs.")
    )
    opening_hours = models.CharField(
        _("opening hours"),
        max_length=120,
        blank=True,
        help_text=_("E.g. 8:00–20:00."),
    )

    # The official adult precinct next door
    adult_precinct_number = models.CharField(
        _("adult precinct number"),
        max_length=20,
        help_text=_("The official polling station number."),
    )
    adult_precinct_name = models.CharField(
        _("adult precinct name"),
        max_length=200,
        help_text=_("The official polling station name."),
    )

    # Who to call on the day, printed on the station's help card and shown in the tablet's
    # volunteer menu (an adult's work contact only, nothing more).
    help_contact_name = models.CharField(
        _("PIN holder"),
        max_length=80,
        blank=True,
        help_text=_(
            "The adult who holds the station PIN on the day, e.g. Anna Bērziņa. Printed on "
            "the help card and shown in the tablet's volunteer menu."
        ),
    )
    organiser_phone = models.CharField(
        _("organiser's phone"),
        max_length=30,
        blank=True,
        help_text=_(
            "The number volunteers call when something goes wrong, e.g. +371 20000000; empty: "
            "the volunteer roster's organiser phone. Printed on the help card and shown in "
            "the tablet's volunteer menu."
        ),
    )

    # Theme, designed by Art Academy students
    theme_name = models.CharField(
        _("theme"), max_length=120, blank=True, help_text=_("E.g. Jūras stacija.")
    )
    theme_name_en = models.CharField(
        _("theme (English)"),
        max_length=120,
        blank=True,
        help_text=_("Shown on English pages, e.g. Sea station. Left empty, the Latvian one is."),
    )
    theme_motto = models.CharField(
        _("motto"),
        max_length=200,
        blank=True,
        help_text=_("E.g. Būvēsim demokrātiju kopā."),
    )
    theme_primary_colour = models.CharField(
        _("primary colour"),
        max_length=7,
        default="#0b4f8a",
        validators=[validate_colour_under_white_text],
        help_text=_("Hex colour, e.g. #0b4f8a. Used with white text, so keep it dark."),
    )
    theme_accent_colour = models.CharField(
        _("accent colour"),
        max_length=7,
        default="#f2b705",
        validators=[validate_colour_under_dark_text],
        help_text=_("Hex colour for highlights; dark text may sit on it, so keep it light."),
    )
    theme_illustration = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("illustration"),
        help_text=_("The station's artwork, used on cards and signs."),
    )
    theme_description = models.TextField(
        _("about the design"),
        blank=True,
        help_text=_("A short text about the station's design."),
    )

    # Who runs the station desk in the admin on the day
    desk_volunteers = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="desk_stations",
        limit_choices_to={"groups__name": VOLUNTEERS},
        verbose_name=_("station volunteers"),
        help_text=_(
            "Volunteers' accounts that may open this station's desk in the admin: tablets, "
            "spoiled cards, paper counts and the closing certificate. Nothing of other stations."
        ),
    )
    volunteers_may_pair = models.BooleanField(
        _("volunteers may pair tablets"),
        default=True,
        help_text=_(
            "Let this station's volunteers make pairing codes and revoke tablets, so a tablet "
            "that loses its pairing on the day is fixed on the spot."
        ),
    )

    # State
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=Status.choices,
        default=Status.NOT_OPENED,
        editable=False,
    )
    opened_at = models.DateTimeField(_("opened at"), null=True, blank=True, editable=False)
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True, editable=False)
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
        verbose_name=_("opened by"),
        help_text=_("The organiser who opened it; empty when a volunteer's tablet did."),
    )
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
        verbose_name=_("closed by"),
        help_text=_("The organiser who closed it; empty when a volunteer's tablet did."),
    )

    class Meta:
        ordering = ["election", "district__sort_order", "name"]
        verbose_name = _("polling station")
        verbose_name_plural = _("polling stations")

    def __str__(self):
        # Every election has its "Karostas bibliotēka": lists, dropdowns and files tell them
        # apart by the election (select_related("election") where many are listed).
        return f"{self.name} · {self.election}"

    @property
    def display_name(self):
        return in_current_language(self.name, self.name_en)

    @property
    def display_theme_name(self):
        return in_current_language(self.theme_name, self.theme_name_en)
