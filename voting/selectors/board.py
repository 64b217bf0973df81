"""The organisers' election-day board: every station of every open election at a glance, with
what needs someone's attention now. Reads only; the dashboard panel shows it."""

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.db.models import Count, Prefetch
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from mock_elections.models import Election, PollingStation

from ..models import PaperTally, PaperTallyEntry, StationTablet
from .accounting import with_accounting
from .paper import paper_tally_differences

# A tablet that has not been heard from for this long, while its station is open, may be
# off, out of battery or out of Wi-Fi range: someone should look.
SILENCE = timedelta(minutes=10)
# This many votes waiting on one tablet means it has not reached the server for a while.
LONG_QUEUE = 20


@dataclass(frozen=True)
class TabletLine:
    label: str
    last_seen_at: datetime | None
    queued: int
    silent: bool


@dataclass(frozen=True)
class StationLine:
    station: PollingStation
    votes: int
    cards_printed: int
    cards_used: int
    paper: str  # in words: not entered, one entry, the two differ, accepted
    tablets: list[TabletLine]
    alerts: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class ElectionBoard:
    election: Election
    stations: list[StationLine]

    @property
    def alert_count(self) -> int:
        return sum(len(line.alerts) for line in self.stations)


def _paper_state(
    station: PollingStation, rounds: set[int], accepted: bool
) -> tuple[str, str | None]:
    """The paper count in words, and an alert when the two entries disagree."""
    if accepted:
        return _("accepted"), None
    if not rounds:
        return _("not entered"), None
    if rounds != {1, 2}:
        return _("one entry of two"), None
    if paper_tally_differences(station):
        return _("the two entries differ"), _("The two paper counts differ: check them.")
    return _("both entries match"), None


def _tablet_lines(station: PollingStation, now: datetime) -> list[TabletLine]:
    lines = []
    # Prefetched into `board_tablets` and annotated by `with_accounting`: not model fields.
    for tablet in station.board_tablets:  # type: ignore[attr-defined]
        heard = tablet.last_seen_at
        silent = station.status == PollingStation.Status.OPEN and (
            heard is None or now - heard > SILENCE
        )
        lines.append(TabletLine(tablet.label, heard, tablet.queued_votes_reported or 0, silent))
    return lines


def _alerts(station: PollingStation, tablets: list[TabletLine], now: datetime) -> list[str]:
    alerts = []
    opens_at = station.election.voting_opens_at
    if station.status == PollingStation.Status.NOT_OPENED and opens_at <= now:
        alerts.append(_("Not opened, although voting began at its opening time."))
    for tablet in tablets:
        if tablet.silent:
            alerts.append(
                _("Tablet “%(tablet)s” has been silent for more than 10 minutes.")
                % {"tablet": tablet.label}
            )
        if tablet.queued >= LONG_QUEUE:
            alerts.append(
                ngettext(
                    "Tablet “%(tablet)s” has %(count)s vote waiting to sync.",
                    "Tablet “%(tablet)s” has %(count)s votes waiting to sync.",
                    tablet.queued,
                )
                % {"tablet": tablet.label, "count": tablet.queued}
            )
    return alerts


def election_day_board(now: datetime | None = None) -> list[ElectionBoard]:
    """Every station of every open election (rehearsals included: they are practised too)."""
    now = now or timezone.now()
    tablets = StationTablet.objects.filter(revoked_at__isnull=True).order_by("label")
    boards = []
    for election in Election.objects.filter(status=Election.Status.OPEN).order_by(
        "voting_opens_at"
    ):
        stations = with_accounting(
            election.stations.select_related("election", "district").prefetch_related(
                Prefetch("tablets", queryset=tablets, to_attr="board_tablets")
            )
        ).order_by("district__sort_order", "name")
        # One query each for the whole election, not one per station.
        accepted = set(
            PaperTally.objects.filter(station__election=election).values_list(
                "station_id", flat=True
            )
        )
        entry_rounds: dict[int, set[int]] = {}
        for row in (
            PaperTallyEntry.objects.filter(station__election=election)
            .values("station_id", "entry_round")
            .annotate(lines=Count("pk"))
        ):
            entry_rounds.setdefault(row["station_id"], set()).add(row["entry_round"])
        lines = []
        for station in stations:
            tablet_lines = _tablet_lines(station, now)
            paper, paper_alert = _paper_state(
                station, entry_rounds.get(station.pk, set()), station.pk in accepted
            )
            alerts = _alerts(station, tablet_lines, now) + ([paper_alert] if paper_alert else [])
            lines.append(
                StationLine(
                    station=station,
                    votes=station.votes_recorded,  # type: ignore[attr-defined]
                    cards_printed=station.printed,  # type: ignore[attr-defined]
                    cards_used=station.used,  # type: ignore[attr-defined]
                    paper=paper,
                    tablets=tablet_lines,
                    alerts=alerts,
                )
            )
        boards.append(ElectionBoard(election, lines))
    return boards
