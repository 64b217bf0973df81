"""The JSON API the station tablets call (language-neutral, under /api/tablet/).

Authentication is the tablet's long-lived token in an `Authorization: Bearer` header; the
token alone proves nothing but "this is a tablet of station X", so these views are exempt from
CSRF (no cookie is involved) and everything else is refused. Volunteer actions also need the
station PIN in the `X-Station-Pin` header. Every refusal is a 4xx JSON body
{"error": code, "message": text in the tablet's language}; nothing is stored on refusal.
"""

import json
import logging
from collections.abc import Callable
from functools import wraps
from typing import Any

from django_ratelimit.decorators import ratelimit

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from ballots.services import check_ballot
from base.refusals import Refused

from . import selectors, services
from .pdf import certificate_filename, closing_certificate_pdf

logger = logging.getLogger(__name__)
MAX_BODY_BYTES = 256 * 1024
# The HTTP status of each refusal; any other reason is a conflict with the station's state
# or the card's (409): station not open, closed, paused, card used, spoiled, void…
STATUS_FOR_REASON = {
    "malformed_json": 400,
    "invalid_payload": 400,
    "invalid_vote": 400,
    "code_missing": 400,
    "reason_missing": 400,
    "pin_format": 400,
    "not_paired": 401,
    "pairing_code_invalid": 403,
    "pin_not_set": 403,
    "pin_wrong": 403,
    "wrong_station": 403,
    "payload_too_large": 413,
    "too_many_votes": 413,
    "pin_locked": 429,
}
CONFLICT = 409


def error_response(reason: str, message: str, **extra: Any) -> JsonResponse:
    status = STATUS_FOR_REASON.get(reason, CONFLICT)
    return JsonResponse({"error": reason, "message": str(message), **extra}, status=status)


def _activate_request_language(request: HttpRequest) -> None:
    # Activated, not overridden: the rate limiter's 429 is written after this wrapper returns.
    language = request.headers.get("Accept-Language", "lv")[:2].lower()
    translation.activate("en" if language == "en" else "lv")


def read_json(request: HttpRequest) -> Any:
    """The request body as JSON, refusing oversized or malformed bodies."""
    try:
        length = int(request.headers.get("Content-Length") or 0)
    except ValueError:
        length = 0
    if length > MAX_BODY_BYTES:
        raise Refused(
            "payload_too_large", _("The request is too large: send fewer votes at a time.")
        )
    body = request.read(MAX_BODY_BYTES + 1)
    if len(body) > MAX_BODY_BYTES:
        raise Refused(
            "payload_too_large", _("The request is too large: send fewer votes at a time.")
        )
    try:
        # Python's JSON reads Infinity, NaN and 1e400 as floats; they are not JSON.
        return json.loads(body or b"{}", parse_constant=_refuse_constant)
    except (ValueError, UnicodeDecodeError, RecursionError):
        raise Refused("malformed_json", _("The request is not valid JSON.")) from None


def _refuse_constant(name: str) -> None:
    raise ValueError(f"{name} is not JSON")


def read_json_object(request: HttpRequest) -> dict[str, Any]:
    data = read_json(request)
    if not isinstance(data, dict):
        raise Refused("malformed_json", _("The request is not valid JSON."))
    return data


def tablet_api(
    methods: list[str],
    authenticated: bool = True,
    find_tablet: Callable[[str], Any] = selectors.tablet_for_token,
) -> Callable[..., Any]:
    """Wrap a tablet endpoint: method check, language, token, refusals as JSON 4xx."""

    def decorate(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @csrf_exempt
        @require_http_methods(methods)
        @wraps(view)
        def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            _activate_request_language(request)
            try:
                if authenticated:
                    header = request.headers.get("Authorization", "")
                    token = header[7:].strip() if header.startswith("Bearer ") else ""
                    tablet = find_tablet(token)
                    if tablet is None:
                        raise services.not_paired()
                    request.tablet = tablet  # type: ignore[attr-defined]
                return view(request, *args, **kwargs)
            except Refused as refusal:
                logger.info("tablet API %s refused: %s", view.__name__, refusal.reason)
                extra = (
                    {"client_id": refusal.details["client_id"]}
                    if "client_id" in refusal.details
                    else {}
                )
                return error_response(refusal.reason, refusal.message, **extra)

        return wrapper

    return decorate


def _pin(request: Any) -> str:
    return request.headers.get("X-Station-Pin", "")


@tablet_api(["POST"], authenticated=False)
@ratelimit(key="ip", rate="10/m", method="POST")  # guessing pairing codes; 429 JSON
def pair(request: HttpRequest) -> HttpResponse:
    data = read_json_object(request)
    tablet, token = services.pair_tablet(str(data.get("code") or ""), str(data.get("label") or ""))
    return JsonResponse(
        {"token": token, "tablet": {"id": tablet.pk, "label": tablet.label}},
        status=201,
    )


@tablet_api(["GET"])
def bundle(request: Any) -> HttpResponse:
    services.note_tablet_seen(request.tablet)
    box = services.ensure_ballot_box(request.tablet.station.election)
    return JsonResponse(selectors.station_bundle(request.tablet.station, box))


@tablet_api(["GET"])
def status(request: Any) -> HttpResponse:
    services.note_tablet_seen(request.tablet, queued_votes=request.GET.get("queued"))
    return JsonResponse(selectors.station_counter(request.tablet.station))


@tablet_api(["POST"])
def check(request: Any) -> HttpResponse:
    """Is this card good to vote with now? Answers before the child starts, so a used card is
    turned away at the scan screen, not after the last question."""
    data = read_json(request)
    code = data.get("code") if isinstance(data, dict) else None
    if not isinstance(code, str) or len(code) > services.votes.MAX_CODE_LENGTH:
        raise Refused("code_missing", _("Enter the code printed on the card."))
    services.refuse_card_if_not_accepting(request.tablet)
    check_ballot(request.tablet.station, code)
    return JsonResponse({"ok": True})


# Votes come flat out: the tablet is the one this process remembers (each vote checks afresh
# that it was not revoked).
@tablet_api(["POST"], find_tablet=selectors.voting_tablet_for_token)
def sync(request: Any) -> HttpResponse:
    results = services.sync_votes(request.tablet, read_json(request))
    return JsonResponse({"results": results})


@tablet_api(["POST"])
def feedback(request: Any) -> HttpResponse:
    """A batch of smiley answers, sent on its own and never with a vote."""
    result = services.record_feedback(request.tablet, read_json(request))
    return JsonResponse({"result": result})


@tablet_api(["POST"])
def verify_pin(request: Any) -> HttpResponse:
    services.check_station_pin(request.tablet, _pin(request))
    return JsonResponse({"ok": True})


@tablet_api(["POST"])
def open_station(request: Any) -> HttpResponse:
    services.open_station_from_tablet(request.tablet, _pin(request))
    return JsonResponse(selectors.station_counter(request.tablet.station))


@tablet_api(["POST"])
def pause(request: Any) -> HttpResponse:
    data = read_json(request)
    paused = bool(data.get("paused", True)) if isinstance(data, dict) else True
    services.pause_station_from_tablet(request.tablet, _pin(request), paused)
    return JsonResponse(selectors.station_counter(request.tablet.station))


@tablet_api(["POST"])
def close_station(request: Any) -> HttpResponse:
    services.close_station_from_tablet(request.tablet, _pin(request))
    return JsonResponse(selectors.station_counter(request.tablet.station))


@tablet_api(["POST"])
def spoil(request: Any) -> HttpResponse:
    data = read_json_object(request)
    services.spoil_ballot_from_tablet(
        request.tablet, _pin(request), str(data.get("code") or ""), str(data.get("reason") or "")
    )
    return JsonResponse(selectors.station_counter(request.tablet.station))


@tablet_api(["POST"])
def certificate(request: Any) -> HttpResponse:
    services.check_station_pin(request.tablet, _pin(request))
    station = request.tablet.station
    response = HttpResponse(
        closing_certificate_pdf(selectors.closing_summary(station)),
        content_type="application/pdf",
    )
    response["Content-Disposition"] = f'attachment; filename="{certificate_filename(station)}"'
    return response
