"""Reads every app may use: the campaign settings and the time left until election day."""

from django.utils import timezone

from wagtail.models import Site

from base.models import SiteSettings


def campaign_settings(request=None):
    """The campaign settings of the request's site (or the default site off-request); unsaved
    defaults where no site is configured, so app pages still render on a bare install."""
    if request is not None:
        site = Site.find_for_request(request)
    else:
        site = Site.objects.filter(is_default_site=True).first()
    return SiteSettings.for_site(site) if site else SiteSettings()


def time_until(moment, now=None):
    """(days, hours) left until `moment`, or None once it has come (or when unset)."""
    if moment is None:
        return None
    left = moment - (now or timezone.now())
    if left.total_seconds() <= 0:
        return None
    return left.days, left.seconds // 3600


def search_pages(query):
    """Published, public pages in the current language that match the query, best first."""
    from wagtail.models import Locale, Page

    return (
        Page.objects.live()
        .public()
        .filter(locale=Locale.get_active())
        .exclude(depth=1)
        .specific()
        .search(query)
    )
