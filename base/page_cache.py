"""Whole-response caching for public pages, with explicit keys.

A page type opts in with `CachedPageMixin`; the middleware then stores its response and
answers the next request for the same address before any routing. Only anonymous GETs are
cached; previews, logged-in editors (their pages carry the userbar) and requests with
messages always render fresh, so a draft can never leak. Publishing, unpublishing, moving
or deleting any page, or saving campaign settings, starts a new generation of keys, so
lists and teasers that show other pages are never stale; the short timeout keeps the
countdown's hours current."""

import hashlib

from django.core.cache import cache
from django.utils.translation import get_language

GENERATION_KEY = "page-cache:generation"
TIMEOUT = 5 * 60


def current_generation():
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        generation = 1
        cache.add(GENERATION_KEY, generation, timeout=None)
    return generation


def bump_generation(key):
    """Move a cache generation counter on, so every entry keyed with the old one is unused."""
    try:
        cache.incr(key)
    except ValueError:
        cache.set(key, 1, timeout=None)


def start_new_generation(**_kwargs):
    bump_generation(GENERATION_KEY)


def cache_key(request):
    """The key for this request, or None when its response must not come from the cache."""
    if request.method != "GET" or getattr(request, "is_preview", False):
        return None
    if request.COOKIES.get("messages") or request.user.is_authenticated:
        return None
    address = f"{request.get_host()}{request.get_full_path()}"
    digest = hashlib.sha256(address.encode()).hexdigest()[:40]
    language = (get_language() or "").split("-")[0]
    return f"page-cache:{current_generation()}:{language}:{digest}"


class CachedPageMixin:
    """Lets the page cache keep this page type's public responses."""

    def serve(self, request, *args, **kwargs):
        request.page_cache_allowed = not getattr(request, "is_preview", False)
        return super().serve(request, *args, **kwargs)


class PageCacheMiddleware:
    """Answer repeated anonymous requests for cacheable pages from the cache."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
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
