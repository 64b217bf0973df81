"""Public destinations that are Django views, not Wagtail pages (search, open data, the
question-proposal form), registered by the app that owns each one so the menu and the
footer reach them: `base` imports no app above it.

Pages need no registration: the footer lists every live public child of the home page, so a
page an editor publishes there is reachable without anyone adding a link."""

from collections.abc import Callable
from dataclasses import dataclass

from django.http import HttpRequest
from django.utils.functional import Promise

from base.site_chrome import current_language, once_per_request


@dataclass(frozen=True)
class Destination:
    """`address` answers the view's address in the active language, or None while the
    destination is closed (proposals, for instance, are taken only before an election)."""

    title: str | Promise
    address: Callable[[], str | None]
    in_menu: bool
    order: int


_DESTINATIONS: dict[str, Destination] = {}


def register_destination(
    key: str,
    title: str | Promise,
    address: Callable[[], str | None],
    *,
    in_menu: bool = False,
    order: int = 100,
) -> None:
    """Called from an app's `AppConfig.ready()`; registering a key again replaces it."""
    _DESTINATIONS[key] = Destination(title, address, in_menu, order)


def open_destinations(request: HttpRequest) -> list[tuple[Destination, str]]:
    """(destination, address) for each registered destination that is open, in order;
    each address is worked out once per request and language."""

    def read() -> list[tuple[Destination, str]]:
        found = []
        for destination in sorted(_DESTINATIONS.values(), key=lambda d: (d.order, str(d.title))):
            address = destination.address()
            if address:
                found.append((destination, address))
        return found

    return once_per_request(request, ("destinations", current_language()), read)
