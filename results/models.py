"""What the public, the press and the city council see after a children's election, and the
adult-turnout figures the campaign is judged by.

Counting rules live in selectors.py (reads) and services.py (writes); these models only hold
what organisers and editors enter: the results status, the city's follow-ups, the official
adult precinct figures and the pages that show them.
"""

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.http import Http404
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from base.i18n import in_current_language


class ResultsStatus(models.Model):
    """Whether an election's published results are still preliminary (paper ballots or
    corrections may follow) or final. Kept apart from the election because it belongs to
    the results, and says so on every results surface."""

    election = models.OneToOneField(
        "mock_elections.Election",
        on_delete=models.CASCADE,
        related_name="results_status",
        verbose_name=_("election"),
        help_text=_("The election these results belong to."),
    )
    is_final = models.BooleanField(
        _("final"),
        default=False,
        help_text=_("Tick once every paper ballot is counted and checked; until then preliminary."),
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    panels = [FieldPanel("election"), FieldPanel("is_final")]

    class Meta:
        verbose_name = _("results status")
        verbose_name_plural = _("results statuses")

    def __str__(self):
        return f"{self.election}: {self.label}"

    @property
    def label(self):
        return _("final") if self.is_final else _("preliminary")


class CityFollowUp(models.Model):
    """What the city actually did with a question's result: closing the loop so children see
    their vote changed something ("Ko pilsēta izdarīja")."""

    question = models.ForeignKey(
        "mock_elections.BallotQuestion",
        on_delete=models.CASCADE,
        related_name="follow_ups",
        verbose_name=_("question"),
        help_text=_("The ballot question this follow-up answers."),
    )
    text = models.TextField(
        _("what the city did (Latvian)"),
        help_text=_("Plain words: what was done, where, and when."),
    )
    text_en = models.TextField(
        _("what the city did (English)"), blank=True, help_text=_("Optional English text.")
    )
    date = models.DateField(_("date"), help_text=_("When it was done or decided."))
    photo = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("photo"),
        help_text=_("Optional photo; give it alt text in the image library."),
    )

    panels = [
        FieldPanel("question"),
        MultiFieldPanel([FieldPanel("text"), FieldPanel("text_en")], heading=_("Text")),
        FieldRowPanel([FieldPanel("date"), FieldPanel("photo")]),
    ]

    class Meta:
        ordering = ["question", "-date"]
        verbose_name = _("city follow-up")
        verbose_name_plural = _("city follow-ups")

    def __str__(self):
        return f"{self.question}: {self.date:%Y-%m-%d}"

    @property
    def display_text(self):
        return in_current_language(self.text, self.text_en)


class AdultElection(models.Model):
    """An official (adult) municipal election whose precinct turnout the campaign compares:
    the one before the campaign and the campaign's own."""

    name = models.CharField(
        _("name"), max_length=200, help_text=_("E.g. Pašvaldību vēlēšanas 2025.")
    )
    name_en = models.CharField(
        _("name in English"),
        max_length=200,
        blank=True,
        help_text=_("Shown on the English pages, e.g. Municipal election 2025."),
    )
    date = models.DateField(_("date"), help_text=_("Election day."))
    is_campaign_election = models.BooleanField(
        _("campaign election"),
        default=False,
        help_text=_("Tick for the election the campaign ran for; leave clear for the baseline."),
    )

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("name_en")]),
        FieldRowPanel([FieldPanel("date"), FieldPanel("is_campaign_election")]),
    ]

    class Meta:
        ordering = ["-date"]
        verbose_name = _("adult election")
        verbose_name_plural = _("adult elections")

    def __str__(self):
        return self.name

    @property
    def display_name(self):
        return in_current_language(self.name, self.name_en)


class AdultPrecinctTurnout(models.Model):
    """Official turnout of one adult polling station, imported from the election commission's
    published figures (one CSV per election)."""

    adult_election = models.ForeignKey(
        AdultElection,
        on_delete=models.CASCADE,
        related_name="precincts",
        verbose_name=_("adult election"),
        help_text=_("The election these figures are from."),
    )
    precinct_number = models.CharField(
        _("precinct number"),
        max_length=20,
        help_text=_("The official polling station number; children's stations match on it."),
    )
    name = models.CharField(_("name"), max_length=200, help_text=_("Official station name."))
    registered_voters = models.PositiveIntegerField(
        _("registered voters"),
        validators=[MinValueValidator(1)],
        help_text=_("Voters on the list (or eligible) at this station."),
    )
    votes_cast = models.PositiveIntegerField(
        _("votes cast"), help_text=_("Voters who took part at this station.")
    )
    is_specially_designed = models.BooleanField(
        _("specially designed station"),
        default=False,
        help_text=_("The campaign's specially designed adult polling station."),
    )

    panels = [
        FieldPanel("adult_election"),
        FieldRowPanel([FieldPanel("precinct_number"), FieldPanel("name")]),
        FieldRowPanel([FieldPanel("registered_voters"), FieldPanel("votes_cast")]),
        FieldPanel("is_specially_designed"),
    ]

    class Meta:
        ordering = ["adult_election", "precinct_number"]
        verbose_name = _("adult precinct turnout")
        verbose_name_plural = _("adult precinct turnouts")
        constraints = [
            models.UniqueConstraint(
                fields=["adult_election", "precinct_number"], name="one_row_per_precinct"
            ),
            models.CheckConstraint(
                condition=models.Q(votes_cast__lte=models.F("registered_voters")),
                name="votes_not_above_registered",
            ),
        ]

    def __str__(self):
        return f"{self.precinct_number} {self.name}"

    @property
    def turnout_percent(self):
        return 100 * self.votes_cast / self.registered_voters


class PrecinctImport(models.Model):
    """One upload of an official precinct file. The request checks the whole file and keeps
    its rows here; the task worker writes them (so no admin request waits for the database),
    and the organiser's page follows this record from waiting to done or failed."""

    class State(models.TextChoices):
        WAITING = "waiting", _("Waiting to be imported")
        IMPORTING = "importing", _("Importing")
        DONE = "done", _("Imported")
        FAILED = "failed", _("Failed")

    class Failure(models.TextChoices):
        WRITE_FAILED = (
            "write_failed",
            _(
                "The database did not accept the figures, so nothing was imported and the "
                "earlier figures stay. Upload the file again; if it fails again, tell the "
                "site's developers."
            ),
        )
        STALLED = (
            "stalled",
            _(
                "The import did not finish (the background worker stopped), so nothing was "
                "imported and the earlier figures stay. Upload the file again."
            ),
        )

    adult_election = models.ForeignKey(
        AdultElection,
        on_delete=models.CASCADE,
        related_name="imports",
        verbose_name=_("adult election"),
        help_text=_("The election whose precinct figures the file replaces."),
    )
    file_name = models.CharField(
        _("file name"), max_length=255, help_text=_("As it was on the organiser's computer.")
    )
    file_sha256 = models.CharField(
        _("file fingerprint"),
        max_length=64,
        help_text=_("SHA-256 of the file: the same file sent twice is imported once."),
    )
    # The checked rows: [precinct number, name, registered voters, votes cast] each.
    rows = models.JSONField(_("checked rows"), default=list, help_text=_("The file's rows."))
    state = models.CharField(
        _("state"), max_length=10, choices=State.choices, default=State.WAITING
    )
    failure = models.CharField(
        _("why it failed"), max_length=20, choices=Failure.choices, blank=True
    )
    precincts_written = models.PositiveIntegerField(
        _("precincts written"), default=0, help_text=_("Set when the import has finished.")
    )
    precincts_replaced = models.PositiveIntegerField(
        _("precincts replaced"), default=0, help_text=_("How many the election had before.")
    )
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("imported by"),
        help_text=_("Who uploaded the file; the audit log names them too."),
    )
    created_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("precinct import")
        verbose_name_plural = _("precinct imports")
        indexes = [models.Index(fields=["adult_election", "-created_at"])]

    def __str__(self):
        return f"{self.adult_election} — {self.file_name}"

    @property
    def precincts_total(self):
        return len(self.rows)

    @property
    def is_finished(self):
        return self.state in (self.State.DONE, self.State.FAILED)

    @property
    def registered_total(self):
        return sum(row[2] for row in self.rows)

    @property
    def votes_total(self):
        return sum(row[3] for row in self.rows)


class ElectionResultsPage(Page):
    """The public results of one children's election. Editors place it anywhere; it shows
    nothing of the count until the organisers publish and the release time has come."""

    election = models.ForeignKey(
        "mock_elections.Election",
        on_delete=models.PROTECT,
        related_name="+",
        limit_choices_to={"is_rehearsal": False},
        verbose_name=_("election"),
        help_text=_("Rehearsal elections are not offered: they never appear in public."),
    )
    intro = RichTextField(
        _("introduction"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("A few words above the results."),
    )

    content_panels = Page.content_panels + [FieldPanel("election"), FieldPanel("intro")]

    class Meta:
        verbose_name = _("election results page")

    def serve(self, request, *args, **kwargs):
        from results.views import serve_results_page

        return serve_results_page(self, request, *args, **kwargs)


class AdultTurnoutPage(Page):
    """Adult turnout per precinct before and during the campaign, beside the children's
    stations: what the campaign did to the city's participation."""

    baseline_election = models.ForeignKey(
        AdultElection,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("baseline election"),
        help_text=_("The election before the campaign (e.g. 2021)."),
    )
    campaign_election = models.ForeignKey(
        AdultElection,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("campaign election"),
        help_text=_("The election the campaign ran for (e.g. 2025)."),
    )
    children_election = models.ForeignKey(
        "mock_elections.Election",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        limit_choices_to={"is_rehearsal": False},
        verbose_name=_("children's election"),
        help_text=_(
            "Its stations stand beside adult precincts; shown once its results are public."
        ),
    )
    goal_points = models.DecimalField(
        _("goal (percentage points)"),
        max_digits=4,
        decimal_places=1,
        default=10,
        help_text=_("The campaign's goal: turnout up by this many points over the baseline."),
    )
    intro = RichTextField(
        _("introduction"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("A few words above the comparison."),
    )

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("baseline_election"),
                FieldPanel("campaign_election"),
                FieldPanel("goal_points"),
            ],
            heading=_("Elections compared"),
        ),
        FieldPanel("children_election"),
        FieldPanel("intro"),
    ]

    class Meta:
        verbose_name = _("adult turnout comparison page")

    def get_context(self, request, *args, **kwargs):
        from results.selectors import turnout_comparison

        context = super().get_context(request, *args, **kwargs)
        if self.baseline_election_id is None or self.campaign_election_id is None:
            raise Http404
        context["comparison"] = turnout_comparison(
            self.baseline_election,
            self.campaign_election,
            self.children_election,
            goal_points=float(self.goal_points),
        )
        return context
