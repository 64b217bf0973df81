"""Public destinations that are Django views, not Wagtail pages (search, open data, the
question-proposal form), registered by the app that owns each one so the menu and the
footer reach them: `base` imports no app above it.

Pages need no registration: the footer lists every live public child of the home page, so a
page an editor publishes there is reachable without anyone adding a link."""

from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest
from django.utils.functional import Promise

from base.site_chrome import current_language, once_per_request


@dataclass(frozen=True)
class Destination:
    """`address` answers the view's address in the active language, or None while the
    destination is closed (proposals, for instance, are taken only before an election)."""

    key: str
    title: str | Promise
    address: Callable[[], str | None]
    in_menu: bool
    order: int
    cached: bool

    def current_address(self) -> str | None:
        """A `cached` destination's address is read from the shared cache until its app
        calls `forget_destination` (when what decides it changes): every page's layout asks,
        and a query per uncached page for a link that rarely changes is too dear."""
        if not self.cached:
            return self.address()
        cache_key = _cache_key(self.key, current_language())
        address = cache.get(cache_key)
        if address is None:
            address = self.address() or ""
            cache.set(cache_key, address, timeout=None)
        return address or None


_DESTINATIONS: dict[str, Destination] = {}


def register_destination(
    key: str,
    title: str | Promise,
    address: Callable[[], str | None],
    *,
    in_menu: bool = False,
    order: int = 100,
    cached: bool = False,
) -> None:
    """Called from an app's `AppConfig.ready()`; registering a key again replaces it."""
    _DESTINATIONS[key] = Destination(key, title, address, in_menu, order, cached)


def _cache_key(key: str, language: str) -> str:
    return f"destination:{key}:{language}"


def forget_destination(key: str, **_signal_kwargs: object) -> None:
    """Make a cached destination work out its address again (usable as a signal receiver
    through `functools.partial`)."""
    cache.delete_many([_cache_key(key, code) for code, _name in settings.LANGUAGES])


def open_destinations(request: HttpRequest) -> list[tuple[Destination, str]]:
    """(destination, address) for each registered destination that is open, in order;
    each address is worked out once per request and language."""

    def read() -> list[tuple[Destination, str]]:
        found = []
        for destination in sorted(_DESTINATIONS.values(), key=lambda d: (d.order, str(d.title))):
            address = destination.current_address()
            if address:
                found.append((destination, address))
        return found

    return once_per_request(request, ("destinations", current_language()), read)
