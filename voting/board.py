"""The organisers' election-day board on the admin dashboard."""

from typing import Any

from wagtail.admin.ui.components import Component

from .selectors.board import ElectionBoard, election_day_board
from .selectors.desk import runs_every_station


class ElectionDayPanel(Component):
    name = "election_day_board"
    order = 10  # above Wagtail's own panels: on election day this is what organisers need
    template_name = "voting/admin/election_day_board.html"

    def __init__(self, boards: list[ElectionBoard]) -> None:
        self.boards = boards

    def get_context_data(self, parent_context: Any = None) -> dict[str, Any]:
        return {"boards": self.boards}


def add_election_day_board(request: Any, panels: list[Component]) -> None:
    """Put the board first on the dashboard of those who run the stations."""
    if runs_every_station(request.user):
        boards = election_day_board()
        if boards:
            panels.insert(0, ElectionDayPanel(boards))
