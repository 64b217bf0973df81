"""The station desk in the admin: pair and revoke tablets, set the volunteers' PIN, type the
paper counts twice, download the closing certificate. Organisers run every station's desk,
a volunteer's account only its own stations' (who may do what: `selectors/desk.py`)."""

from functools import wraps

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.base import ViewSet

from ballots.models import Ballot
from base.refusals import Refused

from . import selectors, services
from .desk_links import desk_links
from .forms import CertificateDigestForm, PaperTallyForm, StationPinForm
from .help import help_card_pdf
from .models import PaperTallyCorrection, PaperTallyEntry, StationTablet
from .pdf import certificate_filename, closing_certificate_pdf
from .selectors.desk import PERMISSION, desk_rights, runs_every_station, stations_user_may_run

HELP_CARD_LANGUAGES = ("lv", "en")


class DeskRefused(Exception):
    """Not this user's station, or not this user's action: answered with the 403 page."""


def _station_or_403(request, station_id, right=None):
    """The station, if this user may run its desk (and take the action `right` names).
    A station that is not theirs is refused like one that does not exist, by its number
    only, so a volunteer learns no other station's name."""
    station = stations_user_may_run(request.user).filter(pk=station_id).first()
    if station is None:
        if runs_every_station(request.user):
            raise Http404
        raise DeskRefused
    rights = desk_rights(request.user, station)
    if rights is None or (right is not None and not getattr(rights, right)):
        raise DeskRefused
    return station


def refused_as_403(view):
    """Wagtail would turn a PermissionDenied into a redirect to the dashboard; the desk
    answers 403 with a page that says, in the user's language, what happened."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except DeskRefused:
            return TemplateResponse(request, "voting/admin/desk_refused.html", status=403)

    return wrapped


def station_list(request):
    stations = stations_user_may_run(request.user).order_by(
        "election", "district__sort_order", "name"
    )
    if not runs_every_station(request.user) and not stations.exists():
        raise DeskRefused
    return TemplateResponse(
        request,
        "voting/admin/station_list.html",
        {"stations": stations, "organiser": runs_every_station(request.user)},
    )


def station_desk(request, station_id, pairing_code=None, digest_form=None):
    station = _station_or_403(request, station_id)
    context = {
        "rights": desk_rights(request.user, station),
        "spoiled": station.ballots.filter(state=Ballot.State.SPOILED)
        .select_related("batch")
        .order_by("batch__number", "serial"),
        "uncounted": selectors.uncounted_votes(station),
        "set_aside": station.set_aside_votes.order_by("-counted_hour")[:50],
        "tally_check": services.check_tally(station) if station.status == "closed" else None,
        "digest_form": digest_form or CertificateDigestForm(),
        "results_published": station.election.status == "published",
        "station": station,
        "desk_links": desk_links(station),
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
    station = _station_or_403(request, station_id, "pair")
    _pairing, code = services.create_pairing_code(station, by=request.user)
    # Shown once, on this response only; the database keeps its hash.
    return station_desk(request, station_id, pairing_code=code)


@require_POST
def revoke(request, station_id, tablet_id):
    station = _station_or_403(request, station_id, "pair")
    tablet = get_object_or_404(StationTablet, pk=tablet_id, station=station)
    services.revoke_tablet(tablet, by=request.user)
    messages.success(request, _("Tablet “%(label)s” was revoked.") % {"label": tablet.label})
    return redirect("voting_desk:desk", station_id=station.pk)


@require_POST
def set_pin(request, station_id):
    station = _station_or_403(request, station_id, "set_pin")
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
    station = _station_or_403(request, station_id, "count")
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
    station = _station_or_403(request, station_id, "check_digest")
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
    station = _station_or_403(request, station_id, "reopen")
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


def help_card(request, station_id, language):
    station = _station_or_403(request, station_id)
    if language not in HELP_CARD_LANGUAGES:
        raise Http404
    response = HttpResponse(help_card_pdf(station, language), content_type="application/pdf")
    filename = f"iecirknis-{station.pk}-palidziba-{language}.pdf"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
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
        views = [
            ("", station_list, "index"),
            ("<int:station_id>/", station_desk, "desk"),
            ("<int:station_id>/pairing-code/", make_pairing_code, "pairing_code"),
            ("<int:station_id>/tablets/<int:tablet_id>/revoke/", revoke, "revoke"),
            ("<int:station_id>/pin/", set_pin, "pin"),
            ("<int:station_id>/paper/<int:entry_round>/", paper_tally, "paper"),
            ("<int:station_id>/certificate/", certificate, "certificate"),
            ("<int:station_id>/help-card/<str:language>/", help_card, "help_card"),
            ("<int:station_id>/count/", count, "count"),
            ("<int:station_id>/digest/", check_digest, "digest"),
            ("<int:station_id>/reopen/", reopen_counting, "reopen"),
        ]
        return [path(route, refused_as_403(view), name=name) for route, view, name in views]
