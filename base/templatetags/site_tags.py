from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language

from wagtail.models import Locale, Page

register = template.Library()


def _page_in_language(page, language_code):
    try:
        locale = Locale.objects.get(language_code=language_code)
    except Locale.DoesNotExist:
        return None
    translation = page.get_translation_or_none(locale)
    if translation is not None and translation.live:
        return translation
    return None


def _home_in_language(request, language_code):
    from wagtail.models import Site

    site = Site.find_for_request(request)
    if site is None:
        return None
    return _page_in_language(site.root_page, language_code)


@register.simple_tag(takes_context=True)
def language_links(context):
    """One link per site language: the same page in that language where a translation is
    published, otherwise that language's home page (or the same address for app views)."""
    request = context["request"]
    page = context.get("page")
    current = (get_language() or settings.LANGUAGE_CODE).split("-")[0]
    links = []
    for code, name in settings.LANGUAGES:
        url = None
        if isinstance(page, Page):
            target = _page_in_language(page, code) or _home_in_language(request, code)
            url = target.get_url(request) if target else None
        if url is None:
            url = translate_url(request.get_full_path(), code)
        links.append({"code": code, "name": name, "url": url, "current": code == current})
    return links


@register.simple_tag(takes_context=True)
def home_url(context):
    request = context["request"]
    home = _home_in_language(request, (get_language() or settings.LANGUAGE_CODE).split("-")[0])
    return home.get_url(request) if home else "/"


@register.inclusion_tag("base/includes/main_nav.html", takes_context=True)
def main_nav(context):
    """The current language's home-page children marked "show in menus", then search."""
    request = context["request"]
    language = (get_language() or settings.LANGUAGE_CODE).split("-")[0]
    home = _home_in_language(request, language)
    pages = home.get_children().live().public().in_menu() if home else Page.objects.none()
    current = context.get("page")
    return {
        "items": [
            {
                "title": menu_page.title,
                "url": menu_page.get_url(request),
                "current": isinstance(current, Page) and current.path.startswith(menu_page.path),
            }
            for menu_page in pages
        ],
    }


@register.inclusion_tag("base/includes/social_links.html", takes_context=True)
def social_links(context):
    from base.selectors import campaign_settings

    request = context.get("request")
    return {"links": campaign_settings(request).social_links if request else []}


@register.inclusion_tag("base/includes/brand_mark.html", takes_context=True)
def brand_mark(context):
    """The campaign logo from the campaign settings, or the drawn yellow-and-red mark."""
    from base.selectors import campaign_settings

    request = context.get("request")
    return {"logo": campaign_settings(request).logo if request else None}
