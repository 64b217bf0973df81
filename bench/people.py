"""Volunteer roster figures: the shift board and "fill from preferences" for the demo's 250
volunteers × 6 stations × 3 shifts, each against a raw SQL query of the same rows run in
the same process (the floor: what reading those rows costs without the ORM and the rules).

Runs in its own process on a fresh temporary SQLite database (or BENCH_DATABASE_URL).
"""

import os
import time

from bench.common import run_module_in_fresh_database

ROUNDS = 5

BOARD_SQL = """
SELECT s.id, s.starts_at, s.ends_at, s.min_people, s.max_people, st.name,
       a.id, a.is_lead, v.name
FROM people_shift s
JOIN mock_elections_pollingstation st ON st.id = s.station_id
LEFT JOIN people_assignment a ON a.shift_id = s.id
LEFT JOIN people_volunteer v ON v.id = a.volunteer_id
WHERE st.election_id = %s
ORDER BY st.name, s.starts_at
"""
FILL_SQL = """
SELECT v.id, v.age_group, v.parent_consent_at, v.preferred_slots, p.pollingstation_id
FROM people_volunteer v
LEFT JOIN people_volunteer_preferred_stations p ON p.volunteer_id = v.id
WHERE v.election_id = %s
"""


def run():
    run_module_in_fresh_database("bench.people")


def best(action):
    """Fastest of ROUNDS runs (a shared machine's busy moments fall on some runs only)."""
    times = []
    for _ in range(ROUNDS):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return min(times)


def measure():
    import io

    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection

    settings.MEDIA_ROOT = os.environ["BENCH_MEDIA_ROOT"]
    call_command("migrate", verbosity=0)

    from base import demo as base_demo
    from mock_elections import demo as election_demo
    from mock_elections.models import Election
    from people import demo, roster, selectors
    from people.models import Assignment, Shift

    base_demo.load(io.StringIO())
    election_demo.load(io.StringIO())
    demo.load(io.StringIO())
    election = Election.objects.get(slug=election_demo.ELECTION_SLUG)
    print(
        f"  database: {connection.vendor}; {election.volunteers.count()} volunteers, "
        f"{Shift.objects.filter(station__election=election).count()} shifts"
    )

    def raw(sql):
        with connection.cursor() as cursor:
            cursor.execute(sql, [election.pk])
            return cursor.fetchall()

    def board():
        return [
            len(row.people) for station in selectors.shift_board(election) for row in station.shifts
        ]

    board_time, board_raw = best(board), best(lambda: raw(BOARD_SQL))
    print(
        f"  shift board: {board_time * 1000:.1f} ms; raw SQL of the same rows "
        f"{board_raw * 1000:.1f} ms; ratio {board_time / board_raw:.1f}×"
    )

    def fill():
        Assignment.objects.filter(shift__station__election=election).delete()
        return roster.fill_from_preferences(election, notify=False)

    placed = len(fill())
    fill_time, fill_raw = best(fill), best(lambda: raw(FILL_SQL))
    print(
        f"  fill from preferences ({placed} placements, incl. clearing the previous ones): "
        f"{fill_time * 1000:.1f} ms; raw SQL read of the volunteers "
        f"{fill_raw * 1000:.1f} ms; ratio {fill_time / fill_raw:.1f}×"
    )


if __name__ == "__main__":
    measure()
