"""Whole-response caching for public pages, with explicit keys.

A page type opts in with `CachedPageMixin`; the middleware then stores its response and
answers the next request for the same address before any routing. Only anonymous GETs are
cached; previews, logged-in editors (their pages carry the userbar) and requests with
messages always render fresh, so a draft can never leak. Publishing, unpublishing, moving
or deleting any page, or saving campaign settings, starts a new generation of keys, so
lists and teasers that show other pages are never stale; the short timeout keeps the
countdown's hours current.

Why the results page has a second whole-page cache (results/middleware.py) and does not
use this one: on results night it must answer before sessions, locale and authentication
run (this middleware sits after them, because it needs `request.user` to leave editors out),
it keeps a "not yet" page only until the release time, and its entries must be forgotten
when an election is relabelled, not when any page is published. What both share is the
invalidation: each keeps its own `CacheGeneration`, so publishing a story does not empty
the results cache and relabelling results does not empty every page."""

import hashlib
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.utils.translation import get_language

TIMEOUT = 5 * 60


@dataclass(frozen=True)
class CacheGeneration:
    """A counter that is part of every key of one cache: moving it on makes every entry
    stored under the old value unused at once, on every server sharing the cache."""

    key: str

    def current(self) -> int:
        generation = cache.get(self.key)
        if generation is None:
            generation = 1
            cache.add(self.key, generation, timeout=None)
        return generation

    def bump(self, **_signal_kwargs: Any) -> None:
        """Start a new generation; usable directly as a signal receiver."""
        try:
            cache.incr(self.key)
        except ValueError:
            cache.set(self.key, 1, timeout=None)


PAGES = CacheGeneration("page-cache:generation")


def start_new_generation(**_kwargs: Any) -> None:
    PAGES.bump()


def cache_key(request: HttpRequest) -> str | None:
    """The key for this request, or None when its response must not come from the cache."""
    if request.method != "GET" or getattr(request, "is_preview", False):
        return None
    if request.COOKIES.get("messages") or request.user.is_authenticated:
        return None
    address = f"{request.get_host()}{request.get_full_path()}"
    digest = hashlib.sha256(address.encode()).hexdigest()[:40]
    language = (get_language() or "").split("-")[0]
    return f"page-cache:{PAGES.current()}:{language}:{digest}"


# The mixin is only ever mixed into page models; type checkers see it as one.
if TYPE_CHECKING:
    from wagtail.models import Page as _PageBase
else:
    _PageBase = object


class CachedPageMixin(_PageBase):
    """Lets the page cache keep this page type's public responses."""

    def serve(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        request.page_cache_allowed = not getattr(  # type: ignore[attr-defined]
            request, "is_preview", False
        )
        return super().serve(request, *args, **kwargs)


class PageCacheMiddleware:
    """Answer repeated anonymous requests for cacheable pages from the cache."""

    def __init__(self, get_response: Any) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        key = cache_key(request)
        if key is not None:
            cached = cache.get(key)
            if cached is not None:
                return cached
        response = self.get_response(request)
        if (
            key is not None
            and getattr(request, "page_cache_allowed", False)
            and response.status_code == 200
            and not response.cookies
        ):
            cache.set(key, response, TIMEOUT)
        return response
