"""Admin for results: the preliminary/final label, the city's follow-ups, the adult precinct
figures with their CSV import, and the organisers' live participation report."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.log_actions import LogActionRegistry, LogFormatter
from wagtail.models import ModelLogEntry

from results import admin_views, station_sheet_views
from results.models import AdultElection, AdultPrecinctTurnout, CityFollowUp, ResultsStatus


class ResultsStatusViewSet(ModelViewSet):
    model = ResultsStatus
    icon = "tick"
    menu_label = _("Results status")
    list_display = ["election", "label", "updated_at"]
    list_filter = ["is_final"]
    list_export = ["election", "is_final", "updated_at"]
    form_fields = ["election", "is_final"]


class CityFollowUpViewSet(ModelViewSet):
    model = CityFollowUp
    icon = "comment"
    menu_label = _("What the city did")
    list_display = ["question", "date"]
    list_filter = ["question__election", "date"]
    list_export = ["question", "date", "text", "text_en"]
    search_fields = ["text", "text_en"]
    form_fields = ["question", "text", "text_en", "date", "photo"]


class AdultElectionViewSet(ModelViewSet):
    model = AdultElection
    icon = "date"
    menu_label = _("Adult elections")
    list_display = ["name", "date", "is_campaign_election"]
    list_filter = ["is_campaign_election"]
    list_export = ["name", "date", "is_campaign_election"]
    search_fields = ["name"]
    form_fields = ["name", "date", "is_campaign_election"]


class AdultPrecinctTurnoutViewSet(ModelViewSet):
    model = AdultPrecinctTurnout
    icon = "list-ol"
    menu_label = _("Adult precinct turnout")
    list_display = [
        "precinct_number",
        "name",
        "adult_election",
        "registered_voters",
        "votes_cast",
        "is_specially_designed",
    ]
    list_filter = ["adult_election", "is_specially_designed"]
    list_export = [
        "adult_election",
        "precinct_number",
        "name",
        "registered_voters",
        "votes_cast",
        "is_specially_designed",
    ]
    search_fields = ["name", "precinct_number"]
    form_fields = [
        "adult_election",
        "precinct_number",
        "name",
        "registered_voters",
        "votes_cast",
        "is_specially_designed",
    ]


class ResultsGroup(ViewSetGroup):
    menu_label = _("Results")
    menu_icon = "table"
    menu_order = 310
    items = (
        ResultsStatusViewSet("results_status"),
        CityFollowUpViewSet("results_follow_ups"),
        AdultElectionViewSet("results_adult_elections"),
        AdultPrecinctTurnoutViewSet("results_adult_precincts"),
    )


@hooks.register("register_admin_viewset")
def register_results_viewsets():
    return ResultsGroup()


@hooks.register("register_admin_urls")
def register_results_admin_urls():
    live = admin_views.LiveParticipationView
    return [
        path(
            "results/participation/",
            admin_views.live_participation_index,
            name="results_live_participation_index",
        ),
        path(
            "results/participation/<int:election_id>/",
            live.as_view(),
            name="results_live_participation",
        ),
        path(
            "results/participation/<int:election_id>/results/",
            live.as_view(results_only=True),
            name="results_live_participation_results",
        ),
        path(
            "results/import-precincts/",
            admin_views.import_precinct_file,
            name="results_import_precincts",
        ),
        path(
            "results/import-precincts/<int:import_id>/",
            admin_views.precinct_import,
            name="results_precinct_import",
        ),
        path(
            "results/import-precincts/<int:import_id>/status/",
            admin_views.precinct_import_status,
            name="results_precinct_import_status",
        ),
        path(
            "results/station-sheet/<int:station_id>/<str:language>/",
            station_sheet_views.station_results_sheet,
            name="results_station_sheet",
        ),
    ]


class OrganiserMenuItem(MenuItem):
    def is_shown(self, request):
        return admin_views.can_watch_participation(request.user)


class PrecinctImportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("results.add_adultprecinctturnout")


@hooks.register("register_reports_menu_item")
def register_live_participation_menu_item():
    return OrganiserMenuItem(
        _("Live participation"),
        reverse("results_live_participation_index"),
        name="live-participation",
        icon_name="table",
        order=900,
    )


@hooks.register("register_reports_menu_item")
def register_precinct_import_menu_item():
    return PrecinctImportMenuItem(
        _("Import precinct turnout"),
        reverse("results_import_precincts"),
        name="import-precinct-turnout",
        icon_name="upload",
        order=910,
    )


@hooks.register("register_log_actions")
def register_results_log_actions(actions: LogActionRegistry) -> None:
    """Who did what with results, in the admin's site history and each object's history."""

    @actions.register_action("results.turnout_imported")
    class TurnoutImported(LogFormatter):
        label = _("Import precinct turnout")

        def format_message(self, log_entry: ModelLogEntry) -> str:
            precincts = log_entry.data.get("precincts", 0)
            return ngettext(
                "Precinct turnout imported: %(count)s precinct",
                "Precinct turnout imported: %(count)s precincts",
                precincts,
            ) % {"count": precincts}

    actions.register_action(
        "results.marked_final", _("Mark results final"), _("Results marked final")
    )
    actions.register_action(
        "results.marked_preliminary",
        _("Mark results preliminary"),
        _("Results marked preliminary"),
    )
