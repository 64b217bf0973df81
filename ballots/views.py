"""The public card check that opens when a phone scans a ballot card.

What it tells (decided): whether the card can still be used, and where (station, address,
election); or, if not, why in plain words ("already used", "cancelled", "not a card of
this election"). It reveals nothing beyond what the card's holder can already see at the
station, lets nobody vote, and stores nothing. A used card says "already used, thank
you", which reassures a child who scans it at home; it says nothing about the vote.
"""

import logging

from django_ratelimit.decorators import ratelimit

from django.shortcuts import render
from django.views.decorators.cache import never_cache

from base.refusals import Refused

from .services import check_ballot

logger = logging.getLogger(__name__)


@never_cache
# A family scans a few cards; guessing codes takes millions of tries (base/ratelimits.py).
@ratelimit(key="ip", rate="30/m")
def scan(request, version, code):
    context = {"ballot": None, "refused": None}
    try:
        context["ballot"] = check_ballot(None, f"/b/{version}/{code}")
    except Refused as refused:
        # The reason only: the code itself is a usable vote and never goes into a log.
        logger.info("Card check refused: %s", refused.reason)
        context["refused"] = refused
    response = render(request, "ballots/scan.html", context)
    response["X-Robots-Tag"] = "noindex"
    return response
