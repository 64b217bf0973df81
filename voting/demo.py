"""Demo data for the station tablets: the volunteers' PIN of every demo station.

A paired tablet is not part of the demo: pair one from the admin (Voting → Station tablets)
with the one-time code shown there.
"""

from mock_elections.models import Election

from .services import set_station_pin

DEMO_ELECTION_SLUG = "berni-2025"
DEMO_PIN = "2025"


def load(stdout):
    election = Election.objects.filter(slug=DEMO_ELECTION_SLUG).first()
    if election is None:
        stdout.write(f"  no election “{DEMO_ELECTION_SLUG}”: station PINs skipped")
        return
    stations = list(election.stations.order_by("name"))
    for station in stations:
        set_station_pin(station, DEMO_PIN, by=None)
    stdout.write(
        f"  station PIN for the tablets of {len(stations)} demo stations: {DEMO_PIN} "
        "(pair a tablet in the admin: Balsošana → Iecirkņu planšetes)"
    )
