"""The card accounting in the admin: every station's printed, used, spoiled, void and unused
cards against the votes recorded, a card marked spoiled, and the card numbers a closing
certificate needs. It is here, not in ballots, because it reads votes as well as cards."""

import django_filters

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.admin.viewsets.base import ViewSet

from ballots.admin_views import batch_permission_policy, require_batch_permission
from ballots.forms import SpoilCardForm
from ballots.models import Ballot
from mock_elections.models import Election, PollingStation

from .selectors import station_accounting, with_accounting


class AccountingFilterSet(WagtailFilterSet):
    election = django_filters.ModelChoiceFilter(
        label=_("Election"), queryset=Election.objects.all(), empty_label=_("All elections")
    )

    class Meta:
        model = PollingStation
        fields = ["election", "district"]


class AccountingReportView(ReportView):
    """Every station's cards: printed, used, spoiled, void, unused, votes, mismatch."""

    page_title = _("Ballot accounting")
    header_icon = "tasks"
    index_url_name = "ballots_accounting:index"
    index_results_url_name = "ballots_accounting:results"
    filterset_class = AccountingFilterSet
    permission_policy = batch_permission_policy
    any_permission_required = ["add", "change", "view"]
    paginate_by = 100
    list_export = [
        "election",
        "name",
        "printed",
        "used",
        "spoiled",
        "void",
        "unused",
        "votes_recorded",
        "mismatch_label",
    ]
    export_headings = {
        "election": _("Election"),
        "name": _("Polling station"),
        "printed": _("Printed cards"),
        "used": _("Used cards"),
        "spoiled": _("Spoiled cards"),
        "void": _("Void cards"),
        "unused": _("Unused cards"),
        "votes_recorded": _("Votes recorded"),
        "mismatch_label": _("Mismatch"),
    }
    columns = [
        TitleColumn(
            "name",
            label=_("Polling station"),
            get_url=lambda station: reverse("ballots_accounting:certificate", args=[station.pk]),
        ),
        Column("election", label=_("Election")),
        Column("printed", label=_("Printed cards")),
        Column("used", label=_("Used cards")),
        Column("spoiled", label=_("Spoiled cards")),
        Column("void", label=_("Void cards")),
        Column("unused", label=_("Unused cards")),
        Column("votes_recorded", label=_("Votes recorded")),
        Column("mismatch_label", label=_("Mismatch")),
    ]

    def get_filename(self):
        return "kartisu-uzskaite"

    def get_queryset(self):
        return with_accounting(
            PollingStation.objects.select_related("election", "district")
        ).order_by("election", "district__sort_order", "name")

    def decorate_paginated_queryset(self, object_list):
        for station in object_list:
            station.mismatch_label = gettext("Yes — check") if station.mismatch else gettext("No")
        return object_list


def spoil_card_view(request):
    """Record a card handed back torn or misprinted; then show its station's numbers."""
    require_batch_permission(request)
    form = SpoilCardForm(request.POST or None, initial={"station": request.GET.get("station")})
    if request.method == "POST" and form.is_valid():
        ballot = form.spoil(by=request.user)
        if ballot is not None:
            messages.success(
                request,
                gettext("Card %(serial)s of batch %(batch)s is now marked spoiled.")
                % {"serial": ballot.serial, "batch": ballot.batch.number},
            )
            return redirect("ballots_accounting:certificate", ballot.station_id)
    return TemplateResponse(request, "voting/admin/spoil_card.html", {"form": form})


def closing_certificate_view(request, pk):
    """The card numbers a station's closing certificate needs, ready to print and sign."""
    if not batch_permission_policy.user_has_any_permission(request.user, ["add", "change", "view"]):
        raise PermissionDenied
    station = get_object_or_404(PollingStation.objects.select_related("election"), pk=pk)
    return TemplateResponse(
        request,
        "voting/admin/closing_certificate.html",
        {
            "station": station,
            "numbers": station_accounting(station),
            "batches": station.ballot_batches.all(),
            "spoiled": station.ballots.filter(state=Ballot.State.SPOILED).select_related("batch"),
        },
    )


class AccountingViewSet(ViewSet):
    # The URL names keep the "ballots_accounting" namespace they had when this screen lived in
    # ballots, so links and bookmarks stay valid.
    name = "ballots_accounting"
    url_prefix = "ballots/accounting"
    icon = "tasks"
    menu_label = _("Ballot accounting")

    def get_urlpatterns(self):
        return [
            path("", AccountingReportView.as_view(), name="index"),
            path("results/", AccountingReportView.as_view(results_only=True), name="results"),
            path("spoil/", spoil_card_view, name="spoil"),
            path("<int:pk>/certificate/", closing_certificate_view, name="certificate"),
        ]
