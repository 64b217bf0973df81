"""The JSON API the station tablets call (language-neutral, under /api/tablet/).

Authentication is the tablet's long-lived token in an `Authorization: Bearer` header; the
token alone proves nothing but "this is a tablet of station X", so these views are exempt from
CSRF (no cookie is involved) and everything else is refused. Volunteer actions also need the
station PIN in the `X-Station-Pin` header. Every refusal is a 4xx JSON body
{"error": code, "message": text in the tablet's language}; nothing is stored on refusal.
"""

import json
from functools import wraps

from django_ratelimit.decorators import ratelimit

from django.http import HttpResponse, JsonResponse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from . import selectors, services
from .pdf import closing_certificate_pdf
from .services import StationRefused

MAX_BODY_BYTES = 256 * 1024


def error_response(reason, message, status, **extra):
    return JsonResponse({"error": reason, "message": str(message), **extra}, status=status)


def _activate_request_language(request):
    language = request.headers.get("Accept-Language", "lv")[:2].lower()
    translation.activate("en" if language == "en" else "lv")


def read_json(request):
    """The request body as JSON, refusing oversized or malformed bodies."""
    try:
        length = int(request.headers.get("Content-Length") or 0)
    except ValueError:
        length = 0
    if length > MAX_BODY_BYTES:
        raise StationRefused(
            "payload_too_large", _("The request is too large: send fewer votes at a time."), 413
        )
    body = request.read(MAX_BODY_BYTES + 1)
    if len(body) > MAX_BODY_BYTES:
        raise StationRefused(
            "payload_too_large", _("The request is too large: send fewer votes at a time."), 413
        )
    try:
        return json.loads(body or b"{}")
    except (ValueError, UnicodeDecodeError, RecursionError):
        raise StationRefused("malformed_json", _("The request is not valid JSON."), 400) from None


def tablet_api(methods, authenticated=True):
    """Wrap a tablet endpoint: method check, language, token, refusals as JSON 4xx."""

    def decorate(view):
        @csrf_exempt
        @require_http_methods(methods)
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            _activate_request_language(request)
            try:
                if authenticated:
                    header = request.headers.get("Authorization", "")
                    token = header[7:].strip() if header.startswith("Bearer ") else ""
                    tablet = selectors.tablet_for_token(token)
                    if tablet is None:
                        return error_response(
                            "not_paired",
                            _("This tablet is not paired with a station, or was revoked."),
                            401,
                        )
                    request.tablet = tablet
                return view(request, *args, **kwargs)
            except StationRefused as refusal:
                client_id = getattr(refusal, "client_id", None)
                extra = {"client_id": str(client_id)} if client_id else {}
                return error_response(refusal.reason, refusal.message, refusal.status, **extra)

        return wrapper

    return decorate


def _pin(request):
    return request.headers.get("X-Station-Pin", "")


@tablet_api(["POST"], authenticated=False)
@ratelimit(key="ip", rate="10/m", method="POST")  # guessing pairing codes; 429 JSON
def pair(request):
    data = read_json(request)
    if not isinstance(data, dict):
        raise StationRefused("malformed_json", _("The request is not valid JSON."))
    tablet, token = services.pair_tablet(str(data.get("code") or ""), str(data.get("label") or ""))
    return JsonResponse(
        {"token": token, "tablet": {"id": tablet.pk, "label": tablet.label}},
        status=201,
    )


@tablet_api(["GET"])
def bundle(request):
    services.note_tablet_seen(request.tablet)
    return JsonResponse(selectors.station_bundle(request.tablet.station))


@tablet_api(["GET"])
def status(request):
    queued = request.GET.get("queued", "")
    services.note_tablet_seen(
        request.tablet, queued_votes=int(queued) if queued.isdigit() else None
    )
    return JsonResponse(selectors.station_counter(request.tablet.station))


@tablet_api(["POST"])
def check(request):
    """Is this card good to vote with now? Answers before the child starts, so a used card is
    turned away at the scan screen, not after the last question."""
    from ballots.services import check_ballot
    from base.refusals import Refused

    data = read_json(request)
    code = data.get("code") if isinstance(data, dict) else None
    if not isinstance(code, str):
        raise StationRefused("code_missing", _("Enter the code printed on the card."))
    services.refuse_if_not_accepting(request.tablet.station, timezone.now())
    try:
        check_ballot(request.tablet.station, code)
    except Refused as refusal:
        raise StationRefused(refusal.reason, refusal.message, 409) from refusal
    return JsonResponse({"ok": True})


@tablet_api(["POST"])
def sync(request):
    results = services.sync_votes(request.tablet, read_json(request))
    return JsonResponse({"results": results})


@tablet_api(["POST"])
def verify_pin(request):
    services.check_station_pin(request.tablet, _pin(request))
    return JsonResponse({"ok": True})


@tablet_api(["POST"])
def open_station(request):
    services.open_station_from_tablet(request.tablet, _pin(request))
    return JsonResponse(selectors.station_counter(request.tablet.station))


@tablet_api(["POST"])
def pause(request):
    data = read_json(request)
    paused = bool(data.get("paused", True)) if isinstance(data, dict) else True
    services.pause_station_from_tablet(request.tablet, _pin(request), paused)
    return JsonResponse(selectors.station_counter(request.tablet.station))


@tablet_api(["POST"])
def close_station(request):
    services.close_station_from_tablet(request.tablet, _pin(request))
    return JsonResponse(selectors.station_counter(request.tablet.station))


@tablet_api(["POST"])
def spoil(request):
    data = read_json(request)
    if not isinstance(data, dict):
        raise StationRefused("malformed_json", _("The request is not valid JSON."))
    services.spoil_ballot_from_tablet(
        request.tablet, _pin(request), str(data.get("code") or ""), str(data.get("reason") or "")
    )
    return JsonResponse(selectors.station_counter(request.tablet.station))


@tablet_api(["POST"])
def certificate(request):
    services.check_station_pin(request.tablet, _pin(request))
    station = request.tablet.station
    response = HttpResponse(
        closing_certificate_pdf(selectors.closing_summary(station)),
        content_type="application/pdf",
    )
    response["Content-Disposition"] = f'attachment; filename="iecirknis-{station.pk}-akts.pdf"'
    return response
