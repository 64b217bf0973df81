"""Admin screens beyond add/edit/delete: the election overview, the lifecycle actions with
their confirmation page, bulk station open/close, proposal actions and the station poster.

Views stay thin: fetch, check the permission, call a service, report its outcome.
"""

from dataclasses import dataclass

from django.contrib import messages
from django.http import FileResponse, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.functional import Promise
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView, View

from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.permission_policies import ModelPermissionPolicy

from base.refusals import Refused

from . import posters, selectors, services
from .forms import StationActionForm
from .models import Election, PollingStation, QuestionProposal

ELECTIONS = "children_elections"
STATIONS = "children_stations"
QUESTIONS = "ballot_questions"
PROPOSALS = "question_proposals"


class ObjectAdminView(PermissionCheckedMixin, WagtailAdminTemplateMixin, TemplateView):
    """An admin page about one object, with breadcrumbs back to its listing."""

    model = None
    index_url_name = None

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.permission_policy = ModelPermissionPolicy(self.model)
        self.object = get_object_or_404(self.model, pk=kwargs["pk"])

    def get_page_subtitle(self):
        return str(self.object)

    def get_breadcrumbs_items(self):
        return [
            {"url": reverse("wagtailadmin_home"), "label": _("Home")},
            {
                "url": reverse(self.index_url_name),
                "label": capfirst(self.model._meta.verbose_name_plural),
            },
            {"url": "", "label": self.get_header_title()},
        ]


class ElectionOverviewView(ObjectAdminView):
    """Election day at a glance: stations and their status, the lifecycle actions, and the
    audit trail of who changed the election's status when."""

    model = Election
    index_url_name = f"{ELECTIONS}:index"
    permission_required = "view"
    template_name = "mock_elections/admin/election_overview.html"
    page_title = _("Election overview")
    header_icon = "list-ul"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        can_change = self.user_has_permission("change")
        context.update(
            election=self.object,
            lifecycle_actions=(
                [action for action in ELECTION_ACTIONS.values() if action.allowed_from(self.object)]
                if can_change
                else []
            ),
            can_change_stations=ModelPermissionPolicy(PollingStation).user_has_permission(
                self.request.user, "change"
            ),
            **vars(selectors.election_overview(self.object)),
        )
        return context


@dataclass(frozen=True)
class Action:
    """One confirmed action: its name in the URL, the service it calls and its wording."""

    name: str
    service: object
    from_status: str
    title: Promise
    explanation: Promise
    button: Promise
    done: Promise

    def allowed_from(self, obj):
        return obj.status in self.from_status.split()

    def url(self, namespace, obj):
        return reverse(f"{namespace}:action", args=[obj.pk, self.name])


ELECTION_ACTIONS = {
    action.name: action
    for action in [
        Action(
            "open",
            services.open_election,
            Election.Status.DRAFT,
            _("Open the election"),
            _(
                "Stations can then open and children can vote. Questions, options and age "
                "bands can no longer be changed."
            ),
            _("Yes, open the election"),
            _("The election is open."),
        ),
        Action(
            "close",
            services.close_election,
            Election.Status.OPEN,
            _("Close the election"),
            _("Voting ends and every station still open closes. This cannot be undone."),
            _("Yes, close the election"),
            _("The election is closed."),
        ),
        Action(
            "publish",
            services.publish_results,
            Election.Status.CLOSED,
            _("Publish the results"),
            _("The results become public on the site and in the open data."),
            _("Yes, publish the results"),
            _("The results are published."),
        ),
    ]
}

PROPOSAL_ACTIONS = {
    action.name: action
    for action in [
        Action(
            "promote",
            services.promote_proposal,
            "submitted shortlisted declined",
            _("Put the proposal on the ballot"),
            _(
                "A ballot question is made from it. You will then add its answer options and "
                "pictures."
            ),
            _("Yes, make it a ballot question"),
            _("The ballot question is created. Now add its options."),
        ),
        Action(
            "shortlist",
            lambda proposal, by: services.shortlist_proposal(proposal),
            "submitted declined",
            _("Shortlist the proposal"),
            _("It stays in the list of proposals the organisers are choosing from."),
            _("Yes, shortlist it"),
            _("The proposal is shortlisted."),
        ),
        Action(
            "decline",
            lambda proposal, by: services.decline_proposal(proposal),
            "submitted shortlisted",
            _("Decline the proposal"),
            _("It will not be on the ballot."),
            _("Yes, decline it"),
            _("The proposal is declined."),
        ),
    ]
}


class ConfirmActionView(ObjectAdminView):
    """Ask first (GET), act on POST, then say what happened or which rule refused it."""

    permission_required = "change"
    template_name = "mock_elections/admin/confirm_action.html"
    actions = {}
    namespace = None

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.action = self.actions.get(kwargs["action"])

    def dispatch(self, request, *args, **kwargs):
        if self.action is None:
            return redirect(self.get_success_url(None))
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return self.action.title

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            action=self.action,
            action_url=self.action.url(self.namespace, self.object),
            cancel_url=self.get_success_url(None),
        )
        return context

    def post(self, request, *args, **kwargs):
        try:
            result = self.action.service(self.object, request.user)
        except Refused as refusal:
            messages.error(request, refusal.message)
            return redirect(self.get_success_url(None))
        messages.success(request, self.action.done)
        return redirect(self.get_success_url(result))


class ElectionActionView(ConfirmActionView):
    model = Election
    index_url_name = f"{ELECTIONS}:index"
    actions = ELECTION_ACTIONS
    namespace = ELECTIONS

    def get_success_url(self, result):
        return reverse(f"{ELECTIONS}:overview", args=[self.object.pk])


class ProposalActionView(ConfirmActionView):
    model = QuestionProposal
    index_url_name = f"{PROPOSALS}:index"
    actions = PROPOSAL_ACTIONS
    namespace = PROPOSALS

    def get_success_url(self, result):
        if self.action and self.action.name == "promote" and result is not None:
            return reverse(f"{QUESTIONS}:edit", args=[result.pk])
        return reverse(f"{PROPOSALS}:index")


class BulkStationActionView(PermissionCheckedMixin, View):
    """Open or close the stations ticked on the election overview."""

    permission_policy = ModelPermissionPolicy(PollingStation)
    permission_required = "change"
    bulk_services = {"open": services.bulk_open_stations, "close": services.bulk_close_stations}

    def get(self, request, *args, **kwargs):
        return HttpResponseNotAllowed(["POST"])

    def post(self, request, pk):
        election = get_object_or_404(Election, pk=pk)
        form = StationActionForm(request.POST, election=election)
        service = self.bulk_services.get(request.POST.get("action"))
        if service is None or not form.is_valid():
            messages.error(request, _("Tick at least one station and choose open or close."))
        else:
            outcome = service(form.cleaned_data["stations"], request.user)
            if outcome.done:
                messages.success(
                    request,
                    _("Done: %(stations)s.")
                    % {"stations": ", ".join(station.name for station in outcome.done)},
                )
            for _station, message in outcome.refused:
                messages.error(request, message)
        return redirect(reverse(f"{ELECTIONS}:overview", args=[election.pk]))


class StationPosterView(PermissionCheckedMixin, View):
    """The printable sign for a station's door, A4 by default or A3."""

    permission_policy = ModelPermissionPolicy(PollingStation)
    permission_required = "view"

    def get(self, request, pk):
        station = get_object_or_404(
            PollingStation.objects.select_related("election", "district", "theme_illustration"),
            pk=pk,
        )
        size = request.GET.get("size", "A4").upper()
        if size not in posters.PAGE_SIZES:
            size = "A4"
        return FileResponse(
            posters.station_poster_pdf(station, size),
            as_attachment=True,
            filename=f"{station.election.slug}-{station.pk}-{size}.pdf",
            content_type="application/pdf",
        )
