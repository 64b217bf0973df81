"""The station desk in the admin: pair and revoke tablets, set the volunteers' PIN, type the
paper counts twice, download the closing certificate."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.base import ViewSet

from base.refusals import Refused
from mock_elections.models import PollingStation

from . import selectors, services
from .forms import CertificateDigestForm, PaperTallyForm, StationPinForm
from .models import PaperTallyCorrection, PaperTallyEntry, StationTablet
from .pdf import certificate_filename, closing_certificate_pdf

PERMISSION = "voting.change_stationtablet"


def _station_or_403(request, station_id):
    if not request.user.has_perm(PERMISSION):
        raise PermissionDenied
    return get_object_or_404(PollingStation.objects.select_related("election"), pk=station_id)


def station_list(request):
    if not request.user.has_perm(PERMISSION):
        raise PermissionDenied
    stations = PollingStation.objects.select_related("election", "district").order_by(
        "election", "district__sort_order", "name"
    )
    return TemplateResponse(request, "voting/admin/station_list.html", {"stations": stations})


def station_desk(request, station_id, pairing_code=None, digest_form=None):
    station = _station_or_403(request, station_id)
    context = {
        "uncounted": selectors.uncounted_votes(station),
        "set_aside": station.set_aside_votes.order_by("-counted_hour")[:50],
        "tally_check": services.check_tally(station) if station.status == "closed" else None,
        "digest_form": digest_form or CertificateDigestForm(),
        "results_published": station.election.status == "published",
        "station": station,
        "tablets": station.tablets.order_by("revoked_at", "label"),
        "counter": selectors.station_counter(station),
        "feedback": selectors.station_feedback(station),
        "settings": services.station_settings(station),
        "pin_form": StationPinForm(),
        "pairing_code": pairing_code,
        "pairing_url": (
            request.build_absolute_uri(reverse("voting:tablet")) + f"?pair={pairing_code}"
            if pairing_code
            else None
        ),
        "pairing_minutes": int(services.PAIRING_CODE_LIFETIME.total_seconds() // 60),
        "differences": selectors.paper_tally_differences(station),
        "rounds_entered": sorted(
            set(
                PaperTallyEntry.objects.filter(station=station).values_list(
                    "entry_round", flat=True
                )
            )
        ),
        "corrections": PaperTallyCorrection.objects.filter(entry__station=station)
        .select_related("entry__question", "entry__option", "corrected_by")
        .order_by("-corrected_at")[:50],
    }
    return TemplateResponse(request, "voting/admin/station_desk.html", context)


@require_POST
def make_pairing_code(request, station_id):
    station = _station_or_403(request, station_id)
    _pairing, code = services.create_pairing_code(station, by=request.user)
    # Shown once, on this response only; the database keeps its hash.
    return station_desk(request, station_id, pairing_code=code)


@require_POST
def revoke(request, station_id, tablet_id):
    station = _station_or_403(request, station_id)
    tablet = get_object_or_404(StationTablet, pk=tablet_id, station=station)
    services.revoke_tablet(tablet, by=request.user)
    messages.success(request, _("Tablet “%(label)s” was revoked.") % {"label": tablet.label})
    return redirect("voting_desk:desk", station_id=station.pk)


@require_POST
def set_pin(request, station_id):
    station = _station_or_403(request, station_id)
    form = StationPinForm(request.POST)
    if form.is_valid():
        services.set_station_pin(station, form.cleaned_data["pin"], by=request.user)
        messages.success(request, _("The station PIN was changed."))
        return redirect("voting_desk:desk", station_id=station.pk)
    messages.error(
        request,
        _("The PIN was not changed: %(errors)s")
        % {"errors": " ".join(error for errors in form.errors.values() for error in errors)},
    )
    return redirect("voting_desk:desk", station_id=station.pk)


@require_POST
def count(request, station_id):
    station = _station_or_403(request, station_id)
    try:
        outcome = services.count_station(station, by=request.user)
    except Refused as refusal:
        messages.error(request, refusal.message)
    else:
        messages.success(
            request,
            _("Counted: %(counted)d votes; set aside: %(set_aside)d.")
            % {"counted": outcome.counted, "set_aside": len(outcome.set_aside)},
        )
    return redirect("voting_desk:desk", station_id=station.pk)


@require_POST
def check_digest(request, station_id):
    station = _station_or_403(request, station_id)
    form = CertificateDigestForm(request.POST)
    if form.is_valid():
        try:
            services.certify_digest(station, form.cleaned_data["digest"], by=request.user)
        except Refused as refusal:
            form.add_error("digest", refusal.message)
        else:
            return redirect("voting_desk:desk", station_id=station.pk)
    return station_desk(request, station_id, digest_form=form)


@require_POST
def reopen_counting(request, station_id):
    station = _station_or_403(request, station_id)
    services.reopen_counting(station, by=request.user)
    messages.success(request, _("Paper counting is reopened for this station."))
    return redirect("voting_desk:desk", station_id=station.pk)


def paper_tally(request, station_id, entry_round):
    station = _station_or_403(request, station_id)
    lines = selectors.paper_tally_lines(station)
    own = {
        (entry.question_id, entry.option_id): entry.votes
        for entry in PaperTallyEntry.objects.filter(station=station, entry_round=entry_round)
    }
    form = PaperTallyForm(request.POST or None, lines=lines, initial_counts=own)
    if request.method == "POST" and form.is_valid():
        try:
            services.enter_paper_tally(station, entry_round, form.counts(), by=request.user)
        except Refused as refusal:
            form.add_error(None, refusal.message)
        else:
            messages.success(request, _("The paper counts were saved."))
            return redirect("voting_desk:desk", station_id=station.pk)
    return TemplateResponse(
        request,
        "voting/admin/paper_tally.html",
        {"station": station, "form": form, "entry_round": entry_round},
    )


def certificate(request, station_id):
    station = _station_or_403(request, station_id)
    response = HttpResponse(
        closing_certificate_pdf(selectors.closing_summary(station)),
        content_type="application/pdf",
    )
    response["Content-Disposition"] = f'attachment; filename="{certificate_filename(station)}"'
    return response


class StationDeskViewSet(ViewSet):
    """The admin's station desk, in the election menu group."""

    name = "voting_desk"
    url_prefix = "station-tablets"
    icon = "tablet-alt"
    menu_label = gettext_lazy("Station tablets")
    menu_order = 300
    menu_item_class = type(
        "StationDeskMenuItem",
        (MenuItem,),
        {"is_shown": lambda self, request: request.user.has_perm(PERMISSION)},
    )

    def get_urlpatterns(self):
        return [
            path("", station_list, name="index"),
            path("<int:station_id>/", station_desk, name="desk"),
            path("<int:station_id>/pairing-code/", make_pairing_code, name="pairing_code"),
            path("<int:station_id>/tablets/<int:tablet_id>/revoke/", revoke, name="revoke"),
            path("<int:station_id>/pin/", set_pin, name="pin"),
            path("<int:station_id>/paper/<int:entry_round>/", paper_tally, name="paper"),
            path("<int:station_id>/certificate/", certificate, name="certificate"),
            path("<int:station_id>/count/", count, name="count"),
            path("<int:station_id>/digest/", check_digest, name="digest"),
            path("<int:station_id>/reopen/", reopen_counting, name="reopen"),
        ]
