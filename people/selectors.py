"""What organisers read: the shift board with its gaps, a station's roster, the export."""

from collections.abc import Iterator
from dataclasses import dataclass, field

from django.db.models import Count, Prefetch, Q

from mock_elections.models import Election, PollingStation

from .models import Assignment, Shift, Volunteer


@dataclass
class ShiftRow:
    shift: Shift
    people: list[Assignment]
    lead: Assignment | None

    @property
    def gap(self) -> int:
        return max(0, self.shift.min_people - len(self.people))

    @property
    def lead_missing(self) -> bool:
        return self.shift.needs_lead and self.lead is None

    @property
    def mail_problems(self) -> int:
        return sum(1 for a in self.people if a.mail_error)


@dataclass
class StationRow:
    station: PollingStation
    shifts: list[ShiftRow] = field(default_factory=list)

    @property
    def gaps(self) -> int:
        return sum(row.gap + row.lead_missing for row in self.shifts)


def shift_board(election: Election) -> list[StationRow]:
    """Every station of the election with its shifts, who is on them, and what is missing."""
    shifts = (
        Shift.objects.filter(station__election=election)
        .select_related("station")
        .prefetch_related(
            Prefetch(
                "assignments",
                queryset=Assignment.objects.select_related("volunteer").order_by(
                    "-is_lead", "volunteer__name"
                ),
            )
        )
        .order_by("station__name", "starts_at")
    )
    stations: dict[int, StationRow] = {
        s.pk: StationRow(s) for s in PollingStation.objects.filter(election=election)
    }
    for shift in shifts:
        people = list(shift.assignments.all())
        lead = next((a for a in people if a.is_lead), None)
        stations[shift.station_id].shifts.append(ShiftRow(shift, people, lead))
    return sorted(stations.values(), key=lambda row: row.station.name)


def unplaced_volunteers(election: Election) -> list[Volunteer]:
    return list(
        Volunteer.objects.filter(election=election, anonymised_at__isnull=True)
        .annotate(placed=Count("assignments"))
        .filter(placed=0)
    )


def station_roster(station: PollingStation) -> list[ShiftRow]:
    return [row for s in shift_board(station.election) if s.station == station for row in s.shifts]


def volunteers_of(station: PollingStation, shift: Shift | None = None) -> list[int]:
    where = Q(assignments__shift__station=station)
    if shift is not None:
        where &= Q(assignments__shift=shift)
    return list(Volunteer.objects.filter(where).distinct().values_list("pk", flat=True))


def placements_of(election: Election) -> int:
    """How many placements the election has: the export's rows."""
    return Assignment.objects.filter(shift__station__election=election).count()


def thanked_volunteers(election: Election) -> list[Volunteer]:
    """Everyone who was placed on a shift, with their shifts: a certificate each."""
    return list(
        Volunteer.objects.filter(election=election, assignments__isnull=False)
        .distinct()
        .prefetch_related("assignments__shift__station")
        .select_related("election")
    )


def export_rows(election: Election) -> Iterator[list[str]]:
    """The roster for the organisers' spreadsheet: one row per placement."""
    yield ["station", "start", "end", "name", "e-mail", "phone", "lead", "attended"]
    for station_row in shift_board(election):
        for row in station_row.shifts:
            for a in row.people:
                v = a.volunteer
                yield [
                    station_row.station.name,
                    row.shift.starts_at.isoformat(),
                    row.shift.ends_at.isoformat(),
                    v.name,
                    v.email,
                    v.phone,
                    "yes" if a.is_lead else "",
                    "yes" if a.attended else "",
                ]
