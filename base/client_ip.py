"""The address a request came from, for rate limits and the login lockout.

Behind the city's load balancer every request arrives from the balancer's own address, so
limiting by `REMOTE_ADDR` would lock out everyone at once. The balancer appends the client's
address to `X-Forwarded-For`; earlier entries are whatever the client chose to send. So with
`TRUSTED_PROXY_COUNT = n` we take the n-th address from the right, the one the outermost
trusted proxy saw, which a client cannot choose. With no proxy (0) `REMOTE_ADDR` is used.
"""

import ipaddress

from django.conf import settings
from django.http import HttpRequest


def _valid(address: str) -> str | None:
    try:
        return str(ipaddress.ip_address(address.strip()))
    except ValueError:
        return None


def client_ip(request: HttpRequest) -> str:
    remote = _valid(request.META.get("REMOTE_ADDR") or "") or "0.0.0.0"  # noqa: S104
    proxies = int(getattr(settings, "TRUSTED_PROXY_COUNT", 0) or 0)
    if proxies <= 0:
        return remote
    forwarded = [part for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    if len(forwarded) < proxies:
        # The header is shorter than our own proxies make it: not sent through them.
        return remote
    return _valid(forwarded[-proxies]) or remote
