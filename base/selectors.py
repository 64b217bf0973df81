"""Reads every app may use: the campaign settings and the time left until election day."""

import datetime

from django.http import HttpRequest
from django.utils import timezone

from wagtail.models import Locale, Page, Site
from wagtail.search.backends.base import BaseSearchResults

from base.models import SiteSettings


def campaign_settings(request: HttpRequest | None = None) -> SiteSettings:
    """The campaign settings of the request's site (or the default site off-request); unsaved
    defaults where no site is configured, so app pages still render on a bare install.
    Read once per request: the header, footer, head tags and blocks all ask for them."""
    if request is not None:
        if Site.find_for_request(request) is None:
            return SiteSettings()
        return SiteSettings.for_request(request)
    site = Site.objects.filter(is_default_site=True).first()
    return SiteSettings.for_site(site) if site else SiteSettings()


def time_until(
    moment: datetime.datetime | None, now: datetime.datetime | None = None
) -> tuple[int, int] | None:
    """(days, hours) left until `moment`, or None once it has come (or when unset)."""
    if moment is None:
        return None
    left = moment - (now or timezone.now())
    if left.total_seconds() <= 0:
        return None
    return left.days, left.seconds // 3600


def search_pages(query: str) -> BaseSearchResults:
    """Published, public pages in the current language that match the query, best first."""
    return (
        Page.objects.live()
        .public()
        .filter(locale=Locale.get_active())
        .exclude(depth=1)
        .specific()
        .search(query)
    )
