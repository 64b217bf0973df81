"""What a visitor sees when a limit stops them.

Limits sit on the forms an outsider could hammer: the proposal form, the ballot check page
and tablet pairing (each view's `@ratelimit`, django-ratelimit's `RATELIMIT_VIEW` below). A
page gets a short Latvian (or English) page, the tablet API its usual JSON refusal; both with
status 429. The admin sign-in has django-axes' lockout, whose page is `locked_out`.
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

logger = logging.getLogger(__name__)

API_PREFIX = "/api/"
# Every limit counts per minute or per hour; a minute is a fair first wait.
RETRY_AFTER_SECONDS = 60


def too_many_requests(request: HttpRequest, exception: Exception) -> HttpResponse:
    logger.warning("Rate limit reached: %s %s", request.method, request.path)
    message = _("Too many attempts in a short time. Please wait a minute and try again.")
    if request.path.startswith(API_PREFIX):
        response: HttpResponse = JsonResponse(
            {"error": "too_many_requests", "message": message}, status=429
        )
    else:
        response = render(request, "base/too_many_requests.html", {"message": message}, status=429)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


def locked_out(
    request: HttpRequest, original_response: HttpResponse | None, credentials: dict | None
) -> HttpResponse:
    """django-axes' `AXES_LOCKOUT_CALLABLE`: the admin sign-in page, saying how long to wait."""
    minutes = max(1, settings.AXES_COOLOFF_TIME // timedelta(minutes=1))
    return render(request, "base/locked_out.html", {"minutes": minutes}, status=429)
