"""Papers on the station desk that apps above voting make (the results app's station sheet):
they register a provider here from their `AppConfig.ready()`, because voting must not import
them. A provider says, for one station, what to link to — or why not yet."""

from collections.abc import Callable
from dataclasses import dataclass

from mock_elections.models import PollingStation


@dataclass(frozen=True)
class DeskLink:
    """A download on the desk; without ``url`` it is not available yet and ``note`` says why."""

    label: str
    url: str = ""
    note: str = ""


DeskLinkProvider = Callable[[PollingStation], list[DeskLink]]
_providers: list[DeskLinkProvider] = []


def register_desk_links(provider: DeskLinkProvider) -> None:
    """Add a provider (once, however often an app is made ready in tests)."""
    if provider not in _providers:
        _providers.append(provider)


def desk_links(station: PollingStation) -> list[DeskLink]:
    return [link for provider in _providers for link in provider(station)]
