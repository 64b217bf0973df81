"""HTML compression that stays safe against BREACH.

BREACH recovers a secret from a compressed response when the same response also reflects
what an attacker sent. The secrets here are the CSRF token (in every page with a form) and
what a signed-in user sees, so only responses without either are compressed: pages for
anonymous readers that never asked for a CSRF token. Those are the public pages (home,
stories, results), which is where compression matters. Static files are compressed ahead of
time by WhiteNoise, which answers before this middleware."""

from django.http import HttpRequest, HttpResponseBase
from django.middleware.gzip import GZipMiddleware


def may_compress(request: HttpRequest, response: HttpResponseBase) -> bool:
    # A page that used a CSRF token always (re)sets its cookie; a response that sets any
    # cookie is someone's own, so it stays uncompressed too.
    if response.cookies or request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
        return False
    user = getattr(request, "user", None)  # absent when answered before authentication
    return not (user is not None and user.is_authenticated)


class SafeGZipMiddleware(GZipMiddleware):
    def process_response(
        self, request: HttpRequest, response: HttpResponseBase
    ) -> HttpResponseBase:
        if not may_compress(request, response):
            return response
        return super().process_response(request, response)
