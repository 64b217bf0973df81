"""The site's public address (`settings.SITE_URL`) for links that leave the site: canonical,
hreflang, Open Graph and the sitemap.

Behind a load balancer the request's host and scheme are whatever the balancer forwards,
and the Wagtail Site's hostname is only what routes pages (the demo's is `localhost:80`):
neither is the address search engines and share cards should carry, so it is configured."""

from urllib.parse import urlsplit

from django.conf import settings


def absolute_url(url: str) -> str:
    """A site-relative `url` on the configured site address; an absolute one (media on a
    file server, say) is kept as it is."""
    if urlsplit(url).scheme:
        return url
    return settings.SITE_URL.rstrip("/") + "/" + url.lstrip("/")


def on_site_address(url: str) -> str:
    """An address of this site's own, on the configured site address whatever host Wagtail
    built it with."""
    parts = urlsplit(url)
    return absolute_url(parts.path + (f"?{parts.query}" if parts.query else ""))
