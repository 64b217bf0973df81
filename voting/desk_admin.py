"""The admin as a volunteer's account sees it: one menu entry, "Station desk", and a
dashboard listing their stations. Everything else Wagtail would show them (help, reports,
empty CMS panels) is taken away, so the admin leads nowhere they may not go."""

from typing import Any

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component

from .selectors.desk import is_station_only, runs_every_station, stations_user_may_run

DESK_MENU_NAME = "station-desk"


class VolunteerDeskMenuItem(MenuItem):
    """Organisers reach the desks through the Voting menu; volunteers have this one."""

    def is_shown(self, request: Any) -> bool:
        user = request.user
        return not runs_every_station(user) and stations_user_may_run(user).exists()


def volunteer_desk_menu_item() -> MenuItem:
    return VolunteerDeskMenuItem(
        _("Station desk"),
        reverse("voting_desk:index"),
        name=DESK_MENU_NAME,
        icon_name="tablet-alt",
        order=50,
    )


def keep_only_the_desk(request: Any, menu_items: list[MenuItem]) -> None:
    """A volunteer's account keeps the desk entry alone (Wagtail adds help and reports to
    everyone who may enter the admin)."""
    if is_station_only(request.user):
        menu_items[:] = [item for item in menu_items if item.name == DESK_MENU_NAME]


class MyStationsPanel(Component):
    name = "my_stations"
    order = 5
    template_name = "voting/admin/my_stations.html"

    def __init__(self, stations: list[Any]) -> None:
        self.stations = stations

    def get_context_data(self, parent_context: Any = None) -> dict[str, Any]:
        return {"stations": self.stations}


def add_my_stations(request: Any, panels: list[Component]) -> None:
    """Put a volunteer's stations first on the dashboard; a volunteer's account sees only
    them (organisers have the election-day board instead)."""
    user = request.user
    if runs_every_station(user):
        return
    stations = list(stations_user_may_run(user).order_by("election", "name"))
    if is_station_only(user):
        panels[:] = [MyStationsPanel(stations)]
    elif stations:
        panels.insert(0, MyStationsPanel(stations))
