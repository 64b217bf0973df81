"""Reads for the layout every page shares (menu, language links, home link, head tags),
each made once per request and remembered on it.

The header, the footer and the head tags all need the page in each language, the home page
and the menu; asked separately they looked the same rows up again and again (four locale
and translation lookups per page). Here each is one query, kept on the request object, so a
page costs the same whichever tags its layout uses."""

from collections.abc import Callable
from typing import Any, TypeVar

from django.conf import settings
from django.db.models import Exists, F, OuterRef, Q
from django.db.models.functions import Length, Substr
from django.http import HttpRequest
from django.utils.translation import get_language

from wagtail.models import Locale, Page, PageViewRestriction, Site
from wagtail.query import PageQuerySet

T = TypeVar("T")
MEMO_ATTRIBUTE = "_site_chrome_memo"


def once_per_request(request: HttpRequest, name: Any, compute: Callable[[], T]) -> T:
    memo = request.__dict__.setdefault(MEMO_ATTRIBUTE, {})
    if name not in memo:
        memo[name] = compute()
    return memo[name]


def current_language() -> str:
    return (get_language() or settings.LANGUAGE_CODE).split("-")[0]


def without_private(pages: PageQuerySet) -> PageQuerySet:
    """Like Wagtail's `.public()`, in the same query: `.public()` first reads every view
    restriction in a query of its own, each time it is called."""
    restricted_above = PageViewRestriction.objects.annotate(restricted_path=F("page__path")).filter(
        restricted_path=Substr(OuterRef("path"), 1, Length(F("page__path")))
    )
    return pages.filter(~Q(Exists(restricted_above)))


def _live_in_each_language(translations: PageQuerySet) -> dict[str, Page]:
    site_languages = {code for code, _name in settings.LANGUAGES}
    return {
        page.locale.language_code: page
        for page in translations.live().select_related("locale")
        if page.locale.language_code in site_languages
    }


def page_in_each_language(request: HttpRequest, page: Page) -> dict[str, Page]:
    """{language code: the live page} for this page's translations (itself included)."""
    return once_per_request(
        request,
        ("translations", page.pk),
        lambda: _live_in_each_language(page.get_translations(inclusive=True)),
    )


def home_in_each_language(request: HttpRequest) -> dict[str, Page]:
    """{language code: the live home page} of the request's site."""

    def read() -> dict[str, Page]:
        site = Site.find_for_request(request)
        if site is None:
            return {}
        root = Page.objects.filter(pk=site.root_page_id).values("translation_key")
        return _live_in_each_language(Page.objects.filter(translation_key__in=root))

    return once_per_request(request, "homes", read)


def home_children(request: HttpRequest) -> list[Page]:
    """The current language's home-page children that are live and public, in tree order:
    the footer lists them all, the menu those marked "show in menus" (one query for both)."""

    def read() -> list[Page]:
        home = home_in_each_language(request).get(current_language())
        if home is None:
            return []
        return list(without_private(home.get_children().live()))

    return once_per_request(request, ("home children", current_language()), read)


def menu_pages(request: HttpRequest) -> list[Page]:
    """The home-page children marked "show in menus"."""
    return [page for page in home_children(request) if page.show_in_menus]


def active_locale_id(request: HttpRequest) -> int | None:
    """The id of the reader's language's locale (None when the site has no such locale)."""
    return once_per_request(
        request,
        ("locale", current_language()),
        lambda: (
            Locale.objects.filter(language_code=current_language())
            .values_list("pk", flat=True)
            .first()
        ),
    )


def in_current_language(request: HttpRequest, page: Page) -> Page:
    """The page's live translation in the reader's language, else the page itself: Wagtail's
    `page.localized`, with the locale looked up once per request instead of once per link."""
    if page.locale_id == active_locale_id(request):
        return page
    return page_in_each_language(request, page).get(current_language(), page)
