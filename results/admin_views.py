"""Organisers' screens in the Wagtail admin: live participation and the precinct import."""

from types import SimpleNamespace

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail.admin.ui.tables import BooleanColumn, Column, DateColumn
from wagtail.admin.views.reports import ReportView

from base.refusals import Refused
from mock_elections.models import Election
from results.forms import PrecinctFileForm
from results.models import PrecinctImport
from results.precinct_import import start_precinct_import
from results.selectors import live_participation
from results.tasks import written_so_far

LIVE_REFRESH_SECONDS = 30
# An unfinished import's page asks for its state this often.
IMPORT_REFRESH_SECONDS = 2


def can_watch_participation(user):
    """Organisers (those who run elections) watch participation; editors and volunteers don't."""
    return user.is_active and user.has_perm("mock_elections.change_election")


def live_elections():
    """Rehearsals never appear in live totals."""
    return Election.objects.filter(is_rehearsal=False)


def live_participation_index(request):
    if not can_watch_participation(request.user):
        raise PermissionDenied
    return TemplateResponse(
        request,
        "results/admin/live_participation_index.html",
        {"elections": live_elections(), "page_title": _("Live participation")},
    )


class LiveParticipationView(ReportView):
    """Votes per station of one election as they come in, with age bands and the hourly
    curve above; exports the station table as CSV or XLSX."""

    template_name = "results/admin/live_participation.html"
    header_icon = "table"
    paginate_by = None
    columns = [
        Column("name", label=gettext_lazy("Station")),
        Column("district", label=gettext_lazy("District")),
        Column("adult_precinct_number", label=gettext_lazy("Adult precinct")),
        Column("tablet", label=gettext_lazy("Tablet votes")),
        Column("paper", label=gettext_lazy("Paper ballots")),
        Column("total", label=gettext_lazy("Together")),
        DateColumn("last_sync_at", label=gettext_lazy("Tablets' last sync")),
        Column("queued_votes", label=gettext_lazy("Votes queued on tablets")),
        Column("cards_printed", label=gettext_lazy("Cards printed")),
        Column("cards_used", label=gettext_lazy("Cards used")),
        BooleanColumn("cards_mismatch", label=gettext_lazy("Votes ≠ cards used")),
    ]
    list_export = [
        "district",
        "name",
        "adult_precinct_number",
        "tablet",
        "paper",
        "total",
        "last_sync_at",
        "queued_votes",
        "cards_printed",
        "cards_used",
        "cards_mismatch",
    ]
    export_headings = {
        "district": gettext_lazy("District"),
        "name": gettext_lazy("Station"),
        "adult_precinct_number": gettext_lazy("Adult precinct"),
        "tablet": gettext_lazy("Tablet votes"),
        "paper": gettext_lazy("Paper ballots"),
        "total": gettext_lazy("Together"),
        "last_sync_at": gettext_lazy("Tablets' last sync"),
        "queued_votes": gettext_lazy("Votes queued on tablets"),
        "cards_printed": gettext_lazy("Cards printed"),
        "cards_used": gettext_lazy("Cards used"),
        "cards_mismatch": gettext_lazy("Votes ≠ cards used"),
    }

    def dispatch(self, request, *args, **kwargs):
        if not can_watch_participation(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    @cached_property
    def election(self):
        return get_object_or_404(live_elections(), pk=self.kwargs["election_id"])

    @cached_property
    def figures(self):
        return live_participation(self.election)

    def get_page_title(self):
        return _("Live participation")

    def get_page_subtitle(self):
        return self.election.title

    def get_index_url(self):
        return reverse("results_live_participation", args=[self.election.pk])

    def get_index_results_url(self):
        return reverse("results_live_participation_results", args=[self.election.pk])

    def get_filename(self):
        return f"participation-{self.election.slug}-{timezone.localtime():%Y-%m-%d-%H%M}"

    def get_queryset(self):
        return [SimpleNamespace(**row) for row in self.figures["stations"]]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        peak = max([hour["votes"] for hour in self.figures["hours"]] or [0])
        for hour in self.figures["hours"]:
            hour["percent"] = round(100 * hour["votes"] / peak, 1) if peak else 0
        context.update(
            {
                "election": self.election,
                "figures": self.figures,
                "refresh_seconds": LIVE_REFRESH_SECONDS,
                "updated_at": timezone.localtime(),
            }
        )
        return context


def can_import_precincts(user):
    return user.has_perm("results.add_adultprecinctturnout")


def import_precinct_file(request):
    """Upload an official precinct CSV: checked whole here and refused with each row's error,
    or handed to the task worker, whose progress the next page follows."""
    if not can_import_precincts(request.user):
        raise PermissionDenied
    errors = []
    form = PrecinctFileForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            started = start_precinct_import(
                form.cleaned_data["adult_election"],
                upload.read(),
                upload.name,
                by=request.user,
            )
        except Refused as refusal:
            errors = refusal.details.get("errors", [refusal.message])
            messages.error(request, _("The file was refused; nothing was imported."))
        else:
            if started.sent_before:
                messages.info(request, _("This file had already been sent: here is its import."))
            return redirect("results_precinct_import", import_id=started.record.pk)
    return TemplateResponse(
        request,
        "results/admin/import_precincts.html",
        {
            "form": form,
            "errors": errors,
            "page_title": _("Import precinct turnout"),
            "recent_imports": PrecinctImport.objects.select_related("adult_election")[:5],
        },
    )


def _precinct_import(request, import_id):
    if not can_import_precincts(request.user):
        raise PermissionDenied
    return get_object_or_404(
        PrecinctImport.objects.select_related("adult_election", "imported_by"), pk=import_id
    )


def _import_context(record):
    return {
        "record": record,
        "written_so_far": written_so_far(record),
        "status_url": reverse("results_precinct_import_status", args=[record.pk]),
        "refresh_seconds": IMPORT_REFRESH_SECONDS,
    }


def precinct_import(request, import_id):
    """An import's page: waiting, importing, done with its counts, or failed and why. While
    unfinished, its status region refreshes itself (results/import_status.js)."""
    record = _precinct_import(request, import_id)
    context = _import_context(record)
    context["page_title"] = _("Import precinct turnout")
    return TemplateResponse(request, "results/admin/precinct_import.html", context)


def precinct_import_status(request, import_id):
    """Just the status, for the page's refresh; never cached."""
    record = _precinct_import(request, import_id)
    response = TemplateResponse(
        request, "results/admin/precinct_import_status.html", _import_context(record)
    )
    response["Cache-Control"] = "private, no-store"
    return response
