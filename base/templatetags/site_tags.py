"""The layout's tags: menu, language links, home link, logo and social links. What they
read comes from `base.site_chrome`, once per request, however many tags ask."""

import datetime
from typing import Any

from django import template
from django.conf import settings
from django.http import HttpRequest
from django.urls import translate_url

from wagtail.models import Page

from base import dates
from base.blocks import LinkStructValue
from base.destinations import open_destinations
from base.selectors import campaign_settings
from base.site_chrome import (
    current_language,
    home_children,
    home_in_each_language,
    menu_pages,
    page_in_each_language,
)

register = template.Library()


@register.simple_tag(takes_context=True)
def language_links(context: template.Context) -> list[dict[str, Any]]:
    """One link per site language: the same page in that language where a translation is
    published, otherwise that language's home page (or the same address for app views)."""
    request = context["request"]
    page = context.get("page")
    current = current_language()
    translations = page_in_each_language(request, page) if isinstance(page, Page) else {}
    homes = home_in_each_language(request) if isinstance(page, Page) else {}
    links = []
    for code, name in settings.LANGUAGES:
        target = translations.get(code) or homes.get(code)
        url = target.get_url(request) if target else None
        if url is None:
            url = translate_url(request.get_full_path(), code)
        links.append({"code": code, "name": name, "url": url, "current": code == current})
    return links


@register.simple_tag(takes_context=True)
def home_url(context: template.Context) -> str:
    request = context["request"]
    home = home_in_each_language(request).get(current_language())
    return (home.get_url(request) if home else None) or "/"


def _is_current(request: HttpRequest, page: Any, address: str, target: Page | None) -> bool:
    if target is not None:
        return isinstance(page, Page) and page.path.startswith(target.path)
    return request.path == address


def _links(context: template.Context, pages: list[Page], menu_only: bool) -> list[dict[str, Any]]:
    """Links to these pages, then to the views other apps registered (base.destinations)."""
    request = context["request"]
    current = context.get("page")
    links = [
        {
            "title": page.title,
            "url": page.get_url(request),
            "current": _is_current(request, current, "", page),
        }
        for page in pages
    ]
    for destination, address in open_destinations(request):
        if destination.in_menu or not menu_only:
            links.append(
                {
                    "title": destination.title,
                    "url": address,
                    "current": _is_current(request, current, address, None),
                }
            )
    return links


@register.inclusion_tag("base/includes/main_nav.html", takes_context=True)
def main_nav(context: template.Context) -> dict[str, Any]:
    """The current language's home-page children marked "show in menus", then the views
    registered for the menu (search)."""
    return {"items": _links(context, menu_pages(context["request"]), menu_only=True)}


@register.inclusion_tag("base/includes/site_map_nav.html", takes_context=True)
def site_map_nav(context: template.Context) -> dict[str, Any]:
    """Every public destination: each live home-page child, whether or not it is in the menu,
    then every registered view that is open (open data, the proposal form while it is)."""
    return {"items": _links(context, home_children(context["request"]), menu_only=False)}


@register.simple_tag(takes_context=True)
def link_url(context: template.Context, link: LinkStructValue) -> str | None:
    """Where a link block points, in the reader's language: `{% link_url value as url %}`."""
    return link.url_for(context["request"])


@register.inclusion_tag("base/includes/social_links.html", takes_context=True)
def social_links(context: template.Context) -> dict[str, Any]:
    request = context.get("request")
    return {"links": campaign_settings(request).social_links if request else []}


@register.inclusion_tag("base/includes/brand_mark.html", takes_context=True)
def brand_mark(context: template.Context) -> dict[str, Any]:
    """The campaign logo from the campaign settings, or the drawn yellow-and-red mark."""
    request = context.get("request")
    return {"logo": campaign_settings(request).logo if request else None}


@register.filter
def on_day(value: datetime.date | None) -> str:
    """`{{ election_at|on_day }}`: „9. janvārī” / "9 January" for running text (base/dates.py)."""
    return dates.on_day(value) if value else ""
