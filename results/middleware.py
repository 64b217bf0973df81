"""Anonymous readers of a results page are served straight from the cache, before sessions,
locale, URL routing and the page tree: on results night that is nearly every request.

Only what `serve_results_page` stored is served, for at most a minute (and a "not yet" page
never past the release time, nor once the election is published). Signed-in users (a session
cookie) and requests with a query string always get the full page.
"""

import time

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils.cache import patch_cache_control

from base.page_cache import CacheGeneration
from mock_elections.models import Election

FAST_PATH_SECONDS = 60
GENERATION = CacheGeneration("results:fast:generation")


def fast_path_key(request):
    return f"results:fast:{request.get_host()}:{request.path}"


def invalidate_fast_path():
    """Forget every stored page at once (results relabelled, follow-up or page changed)."""
    GENERATION.bump()


def can_use_fast_path(request):
    return (
        request.method in ("GET", "HEAD")
        and not request.GET
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
    )


def store_for_fast_path(request, response, seconds, waiting_for_election=None):
    """Keep the rendered page for the middleware. `waiting_for_election`: the id of the
    election a "not yet" page waits for, so publication ends it at once."""
    seconds = min(seconds, FAST_PATH_SECONDS)
    entry = {
        "generation": cache.get(GENERATION.key, 0),
        "content": response.content,
        "language": response.get("Content-Language", ""),
        "expires_at": time.time() + seconds,
        "waiting_for_election": waiting_for_election,
    }
    cache.set(fast_path_key(request), entry, seconds)


class CachedResultsPageMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if can_use_fast_path(request):
            key = fast_path_key(request)
            found = cache.get_many([key, GENERATION.key])  # one round trip
            entry = found.get(key)
            if entry is not None and self._still_valid(entry, found.get(GENERATION.key, 0)):
                return self._response(entry)
        return self.get_response(request)

    @staticmethod
    def _still_valid(entry, generation):
        if entry["expires_at"] <= time.time() or entry["generation"] != generation:
            return False
        waiting = entry["waiting_for_election"]
        return (
            waiting is None
            or not Election.objects.filter(
                pk=waiting, status=Election.Status.RESULTS_PUBLISHED
            ).exists()
        )

    @staticmethod
    def _response(entry):
        response = HttpResponse(entry["content"])
        if entry["language"]:
            response["Content-Language"] = entry["language"]
        # The middlewares after this one are skipped, so say what they would have said.
        response["X-Frame-Options"] = settings.X_FRAME_OPTIONS
        patch_cache_control(
            response, public=True, max_age=max(0, int(entry["expires_at"] - time.time()))
        )
        return response
