"""The station results sheet on the station desk: the download, and the desk's link to it
(plugged into voting's desk through `voting.desk_links`, since voting must not import results).
Who may download it: whoever may run that station's desk (organisers, and the volunteers
assigned to the station), by the desk's own rule."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from base.refusals import Refused
from mock_elections.models import PollingStation
from results.selectors.station_sheet import check_sheet_available, station_sheet
from results.station_sheet_pdf import station_sheet_pdf
from voting.desk_links import DeskLink
from voting.selectors.desk import stations_user_may_run

LANGUAGES = ("lv", "en")


def station_results_sheet(request, station_id, language):
    if language not in LANGUAGES:
        raise Http404
    station = stations_user_may_run(request.user).filter(pk=station_id).first()
    if station is None:
        raise PermissionDenied
    try:
        sheet = station_sheet(station)
    except Refused as refusal:
        messages.error(request, refusal.message)
        return redirect("voting_desk:desk", station_id=station.pk)
    response = HttpResponse(station_sheet_pdf(sheet, language), content_type="application/pdf")
    filename = f"iecirknis-{station.pk}-rezultati-{language}.pdf"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def desk_links(station: PollingStation) -> list[DeskLink]:
    """The sheet in Latvian and English once available; before that, why not yet."""
    try:
        check_sheet_available(station)
    except Refused as refusal:
        return [DeskLink(_("Station results sheet (PDF)"), note=refusal.message)]
    return [
        DeskLink(
            _("Station results sheet in Latvian (PDF)"),
            url=reverse("results_station_sheet", args=[station.pk, "lv"]),
        ),
        DeskLink(
            _("Station results sheet in English (PDF)"),
            url=reverse("results_station_sheet", args=[station.pk, "en"]),
        ),
    ]
