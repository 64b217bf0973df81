"""Head tags that make pages findable and shareable: canonical, hreflang, Open Graph."""

from typing import Any

from django import template
from django.conf import settings
from django.http import HttpRequest
from django.urls import translate_url
from django.utils.translation import gettext as _

from wagtail.models import Page

from base.selectors import campaign_settings
from base.site_address import absolute_url, on_site_address
from base.site_chrome import current_language, page_in_each_language

register = template.Library()


def _language_versions(request: HttpRequest, page: Page | None) -> dict[str, str]:
    """{language code: absolute URL} of this page in each site language that has it live."""
    if page is None:
        return {
            code: absolute_url(translate_url(request.path, code))
            for code, _name in settings.LANGUAGES
        }
    urls = {
        code: translation.get_url(request)
        for code, translation in page_in_each_language(request, page).items()
    }
    # A translation outside the request's site (a page previewed before it is placed under
    # the site's root) has no address to point to.
    return {code: on_site_address(url) for code, url in urls.items() if url is not None}


def _description(page: Page | None) -> str:
    if page is None:
        return ""
    specific = getattr(page, "specific_deferred", page)
    return page.search_description or getattr(specific, "share_description", "") or ""


def _share_image(
    request: HttpRequest, page: Page | None
) -> tuple[str | None, int | None, int | None]:
    specific = getattr(page, "specific_deferred", page) if page is not None else None
    own = getattr(specific, "share_image_url", None)
    if own:
        return absolute_url(own), 1200, 630
    image = campaign_settings(request).default_share_image
    if image is None:
        return None, None, None
    rendition = image.get_rendition("fill-1200x630")
    return absolute_url(rendition.url), rendition.width, rendition.height


@register.inclusion_tag("base/includes/seo_meta.html", takes_context=True)
def seo_meta(context: template.Context) -> dict[str, Any]:
    request = context.get("request")
    if request is None:  # the bare 500 page renders without a request
        return {}
    page = context.get("page") if isinstance(context.get("page"), Page) else None
    current = current_language()
    versions = _language_versions(request, page)
    canonical = versions.get(current) or absolute_url(request.path)
    image_url, image_width, image_height = _share_image(request, page)
    title = (page.seo_title or page.title) if page else _("Liepāja is your voice!")
    return {
        "canonical": canonical,
        "alternates": sorted(versions.items()),
        "x_default": versions.get(settings.LANGUAGE_CODE),
        "title": title,
        "description": _description(page)
        or _(
            "The campaign for every Liepāja resident's vote, and the children's election beside it."
        ),
        "og_type": "article" if page and page.specific_class.__name__ == "StoryPage" else "website",
        "og_locale": {"lv": "lv_LV", "en": "en_GB"}.get(current, current),
        "site_name": _("Liepāja is your voice!"),
        "image_url": image_url,
        "image_width": image_width,
        "image_height": image_height,
    }
