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
