"""The station tablet app: one page that runs offline, its manifest and service worker."""

import hashlib
import json
from functools import cache
from pathlib import Path

from django.contrib.staticfiles import finders
from django.http import HttpResponse
from django.shortcuts import render
from django.templatetags.static import static
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from .help import SITUATIONS

# Bump when the service worker's own logic changes; static files carry their own hashes.
SERVICE_WORKER_VERSION = "1"


QR_DECODER = "jsQR.js"
# The tablet app's ES modules (static/voting/tablet/), all cached for offline use.
TABLET_MODULES = sorted(
    f"voting/tablet/{module.name}"
    for module in (Path(__file__).parent / "static" / "voting" / "tablet").glob("*.js")
)


@cache
def qr_decoder_available():
    """jsQR comes from npm (package.json); without `npm ci` the tablet still works with the
    browser's own BarcodeDetector or typed codes, and no page breaks."""
    return finders.find(QR_DECODER) is not None


@require_GET
def tablet_app(request):
    return render(
        request,
        "voting/tablet.html",
        {
            "qr_decoder_url": static(QR_DECODER) if qr_decoder_available() else None,
            "help_situations": SITUATIONS,
        },
    )


@require_GET
def manifest(request):
    start_url = reverse("voting:tablet")
    data = {
        "name": _("Children's polling station"),
        "short_name": _("Station"),
        "start_url": start_url,
        "scope": start_url,
        "display": "standalone",
        "orientation": "any",
        "background_color": "#fbf9f4",
        "theme_color": "#0b4f8a",
        "lang": request.LANGUAGE_CODE,
        "icons": [
            {"src": static("voting/icons/icon.svg"), "sizes": "any", "type": "image/svg+xml"},
        ],
    }
    return HttpResponse(
        json.dumps(data, ensure_ascii=False), content_type="application/manifest+json"
    )


@never_cache
@require_GET
def service_worker(request):
    """The worker caches the app shell under a name that changes with every static file, so a
    new release replaces the old shell on the tablets' next start."""
    shell = [
        reverse("voting:tablet"),
        reverse("voting:manifest"),
        reverse("javascript-catalog"),
        static("css/site.css"),
        static("voting/tablet.css"),
        static("voting/icons/icon.svg"),
        *(static(module) for module in TABLET_MODULES),
    ]
    if qr_decoder_available():
        shell.append(static(QR_DECODER))
    shell_json = json.dumps(shell)
    shell_hash = hashlib.sha256(shell_json.encode()).hexdigest()[:12]
    cache_name = f"tablet-shell-{SERVICE_WORKER_VERSION}-{shell_hash}"
    response = render(
        request,
        "voting/sw.js",
        {"shell_json": shell_json, "cache_name": cache_name},
        content_type="application/javascript",
    )
    response["Service-Worker-Allowed"] = reverse("voting:tablet")
    return response
