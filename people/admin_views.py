"""The organisers' screens: the shift board with its gaps and actions, a station's desk
(attendance ticks, roster PDF, message), and the shortlist round. The certificates and the
export are asked for here and made in the background (people/downloads.py).

Only users with the people app's permissions (the Organisers group) get in. Views stay thin:
fetch, call a service, report the outcome.
"""

from collections.abc import Callable
from functools import wraps

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from base.prepared_files.services import prepare_file
from base.refusals import Refused
from mock_elections.models import Election, PollingStation

from . import downloads, pdfs, roster, selectors, tasks
from .feedback_page import FeedbackFormPage
from .forms import AssignForm, MessageForm
from .models import Assignment, Volunteer

View = Callable[..., HttpResponse]


def organisers_only(view: View) -> View:
    @wraps(view)
    def checked(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not request.user.has_perm("people.change_assignment"):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return checked


def _refusal_to_message(request: HttpRequest, action: Callable[[], str]) -> None:
    try:
        messages.success(request, action())
    except Refused as refusal:
        messages.error(request, refusal.message)


@organisers_only
def index(request: HttpRequest) -> HttpResponse:
    # Organisers have no page rights, so Wagtail's list of forms is closed to them: the
    # feedback forms' answers are reached from here.
    feedback_pages = FeedbackFormPage.objects.order_by("-first_published_at")
    return render(
        request,
        "people/admin/index.html",
        {"elections": Election.objects.all(), "feedback_pages": feedback_pages},
    )


@organisers_only
def board(request: HttpRequest, pk: int) -> HttpResponse:
    election = get_object_or_404(Election, pk=pk)
    return render(
        request,
        "people/admin/board.html",
        {
            "election": election,
            "roster": roster.roster_for(election),
            "stations": selectors.shift_board(election),
            "unplaced": selectors.unplaced_volunteers(election),
            "assign_form": AssignForm(election),
        },
    )


@require_POST
@organisers_only
def fill(request: HttpRequest, pk: int) -> HttpResponse:
    election = get_object_or_404(Election, pk=pk)
    placed = roster.fill_from_preferences(election)
    messages.success(request, _("Placed %(count)s volunteers.") % {"count": len(placed)})
    return redirect("people_admin:board", pk)


@require_POST
@organisers_only
def assign(request: HttpRequest, pk: int) -> HttpResponse:
    election = get_object_or_404(Election, pk=pk)
    form = AssignForm(election, request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose a volunteer and a shift."))
    else:
        _refusal_to_message(
            request,
            lambda: str(roster.assign(**form.cleaned_data) and _("The volunteer is placed.")),
        )
    return redirect("people_admin:board", pk)


@require_POST
@organisers_only
def unassign(request: HttpRequest, pk: int) -> HttpResponse:
    assignment = get_object_or_404(Assignment.objects.select_related("shift__station"), pk=pk)
    roster.unassign(assignment)
    messages.success(request, _("Removed from the shift."))
    return redirect("people_admin:board", assignment.shift.station.election_id)


@organisers_only
def station(request: HttpRequest, pk: int) -> HttpResponse:
    """The station desk: the lead ticks who came."""
    station = get_object_or_404(PollingStation, pk=pk)
    rows = selectors.station_roster(station)
    if request.method == "POST":
        ticked = {int(value) for value in request.POST.getlist("attended") if value.isdigit()}
        for row in rows:
            for assignment in row.people:
                roster.tick_attendance(assignment, assignment.pk in ticked)
        messages.success(request, _("Attendance saved."))
        return redirect("people_admin:station", pk)
    return render(
        request,
        "people/admin/station.html",
        {"station": station, "rows": rows, "message_form": MessageForm(station)},
    )


@organisers_only
def station_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    station = get_object_or_404(PollingStation, pk=pk)
    response = HttpResponse(
        pdfs.station_roster_pdf(station, selectors.station_roster(station)),
        content_type="application/pdf",
    )
    response["Content-Disposition"] = f'attachment; filename="roster-{station.pk}.pdf"'
    return response


@require_POST
@organisers_only
def message_station(request: HttpRequest, pk: int) -> HttpResponse:
    station = get_object_or_404(PollingStation, pk=pk)
    form = MessageForm(station, request.POST)
    if form.is_valid():
        tasks.message_volunteers.enqueue(
            selectors.volunteers_of(station, form.cleaned_data["shift"]),
            form.cleaned_data["subject"],
            form.cleaned_data["body"],
        )
        messages.success(request, _("The message is on its way."))
    else:
        messages.error(request, _("Write a subject and a message."))
    return redirect("people_admin:station", pk)


@require_POST
@organisers_only
def give_account(request: HttpRequest, pk: int) -> HttpResponse:
    volunteer = get_object_or_404(Volunteer, pk=pk)

    def act() -> str:
        account, password = roster.give_station_account(volunteer)
        if not password:
            return _("%(name)s already has the account %(user)s.") % {
                "name": volunteer.name,
                "user": account.username,
            }
        return _("Account %(user)s, one-time password %(password)s: hand it over in person.") % {
            "user": account.username,
            "password": password,
        }

    _refusal_to_message(request, act)
    return redirect("people_admin:board", volunteer.election_id)


@require_POST
@organisers_only
def retry_mail(request: HttpRequest, pk: int) -> HttpResponse:
    ids = list(
        Assignment.objects.filter(shift__station__election_id=pk)
        .exclude(mail_error="")
        .values_list("pk", flat=True)
    )
    tasks.send_confirmations.enqueue(ids)
    messages.success(request, _("Trying the e-mails again."))
    return redirect("people_admin:board", pk)


def _prepare(request: HttpRequest, pk: int, kind: str, queued: str) -> HttpResponse:
    """Book the file for the task worker and send the organiser where it will appear: made
    here, a large election's file would hold the request for many seconds."""
    election = get_object_or_404(Election, pk=pk)
    try:
        prepare_file(kind, {"election": election.pk}, request.user, subject=election.title)
    except Refused as refusal:
        messages.error(request, refusal.message)
        return redirect("people_admin:board", pk)
    messages.success(request, queued)
    return redirect("prepared_files:index")


@require_POST
@organisers_only
def certificates(request: HttpRequest, pk: int) -> HttpResponse:
    return _prepare(
        request,
        pk,
        downloads.CERTIFICATES,
        _("The thank-you certificates are being prepared: download them here when ready."),
    )


@require_POST
@organisers_only
def export(request: HttpRequest, pk: int) -> HttpResponse:
    return _prepare(
        request,
        pk,
        downloads.ROSTER_CSV,
        _("The roster export is being prepared: download it here when ready."),
    )
