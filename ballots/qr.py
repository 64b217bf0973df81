"""What a card's QR code carries, and turning a scan back into a code.

The payload is a short versioned address of this site, ``https://<host>/b/1/<CODE>``: a
phone's camera opens the public check page, and the station tablet takes the code from the
same text. ``1`` is the payload version; a future format gets a new number.
"""

import re
from urllib.parse import unquote

import segno

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from base.refusals import Refused

from .codes import normalise_code

PAYLOAD_VERSION = 1
PAYLOAD_PATH = re.compile(r"/b/(?P<version>\d+)/(?P<code>[^/?#]+)/?(?:[?#].*)?$")
# The QR standard lets the encoder pick any of its eight masks (the decoder reads which from
# the symbol). Scoring all eight quadruples the time for 1,500 cards; the scan test proves
# cards with this fixed mask decode.
QR_ERROR_LEVEL = "m"
QR_MASK = 2


def base_url() -> str:
    return (getattr(settings, "BALLOT_QR_BASE_URL", "") or settings.WAGTAILADMIN_BASE_URL).rstrip(
        "/"
    )


def ballot_payload(code: str) -> str:
    """The text inside a card's QR code: the site's scan page for this canonical code."""
    with translation.override(settings.LANGUAGE_CODE):
        path = reverse("ballots:scan", kwargs={"version": PAYLOAD_VERSION, "code": code})
    return base_url() + path


def parse_payload(text: str | None) -> str:
    """The canonical code from a scanned payload (any host) or from a typed code."""
    text = (text or "").strip()
    match = PAYLOAD_PATH.search(text)
    if match:
        if int(match["version"]) != PAYLOAD_VERSION:
            raise Refused(
                "invalid",
                gettext("This QR code is not a ballot card of this election."),
                problem="unknown_format",
            )
        text = unquote(match["code"])
    elif "/" in text:
        raise Refused(
            "invalid",
            gettext("This QR code is not a ballot card of this election."),
            problem="unknown_format",
        )
    return normalise_code(text)


def ballot_qr(code: str) -> segno.QRCode:
    """The segno QR symbol for a card (vector: draw its matrix, never a bitmap)."""
    return segno.make(ballot_payload(code), error=QR_ERROR_LEVEL, mask=QR_MASK, boost_error=False)


def ballot_qr_svg(code: str) -> str:
    """Inline SVG of the card's QR code for the HTML print view and the scan page."""
    return ballot_qr(code).svg_inline(border=4, omitsize=True)
