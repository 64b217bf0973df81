"""Who may run which station's desk in the admin, and what they may do there.

Organisers (the voting permission below) run every station. A volunteer's account runs only
the stations an organiser assigned it to (`PollingStation.desk_volunteers`), and only while
it is in the Volunteers group and the election's results are not yet published: after that
the day's work is done and what is left (reopening counting) is the organisers'. Everyone
else runs none. Every desk view asks `desk_rights` first, so a station that is not the
user's is refused the same way whether it exists or not, and its name is never shown.

What a volunteer may do is the station's work on the day: see the tablets, the spoiled cards
and the card numbers; type one of the two paper counts; download the certificate they sign;
and pair and revoke tablets when the station allows it (`volunteers_may_pair`, on by
default: an organiser runs six stations across the city and cannot be at each one when a
tablet loses its pairing, while the station's volunteers already hold its tablets and PIN;
each pairing and revocation is in the audit log). What stays with organisers, and why:
- the PIN: it is the organiser's key to the tablets' volunteer screens (open, spoil, pause,
  close); one volunteer changing it mid-shift would lock out the rest of the shift, and only
  the organiser knows who was told which PIN;
- counting: it opens the ballot box and rewrites the vote tables of every station, and late
  votes must be counted together once every tablet has synced (voting/README.md, point 5):
  a decision for whoever sees all the tablets, not one desk;
- the certificate's digest check and reopening counting: an audit of the station after the
  day, not work at the station.
"""

from dataclasses import dataclass

from django.contrib.auth.models import AnonymousUser
from django.contrib.auth.models import User as Account
from django.db.models import QuerySet

from mock_elections.models import Election, PollingStation
from mock_elections.roles import VOLUNTEERS

# The organisers' right to every station's desk.
PERMISSION = "voting.change_stationtablet"

User = Account | AnonymousUser


@dataclass(frozen=True)
class DeskRights:
    """What one user may do at one station's desk; seeing it comes with any of them."""

    pair: bool  # make pairing codes, revoke tablets
    set_pin: bool
    count: bool
    check_digest: bool
    reopen: bool


ORGANISER_RIGHTS = DeskRights(pair=True, set_pin=True, count=True, check_digest=True, reopen=True)


def runs_every_station(user: User) -> bool:
    return user.is_active and user.has_perm(PERMISSION)


def is_desk_volunteer(user: User) -> bool:
    """A signed-in member of the Volunteers group (assigned to a station or not)."""
    return user.is_authenticated and user.is_active and user.groups.filter(name=VOLUNTEERS).exists()


def stations_user_may_run(user: User) -> QuerySet[PollingStation]:
    """The stations whose desk this user may open: all for organisers, the assigned ones of
    unfinished elections for volunteers, none for anyone else."""
    stations = PollingStation.objects.select_related("election", "district")
    if runs_every_station(user):
        return stations.all()
    if not is_desk_volunteer(user):
        return stations.none()
    return stations.filter(desk_volunteers=user.pk).exclude(
        election__status=Election.Status.RESULTS_PUBLISHED
    )


def desk_rights(user: User, station: PollingStation) -> DeskRights | None:
    """What `user` may do at `station`'s desk, or None when they may not open it at all."""
    if runs_every_station(user):
        return ORGANISER_RIGHTS
    if not stations_user_may_run(user).filter(pk=station.pk).exists():
        return None
    return DeskRights(
        pair=station.volunteers_may_pair,
        set_pin=False,
        count=False,
        check_digest=False,
        reopen=False,
    )


def may_run_station(user: User, station: PollingStation) -> bool:
    return desk_rights(user, station) is not None


def is_station_only(user: User) -> bool:
    """A volunteer's account and nothing more: the admin shows them their desk alone."""
    return (
        is_desk_volunteer(user)
        and not user.is_superuser
        and not user.groups.exclude(name=VOLUNTEERS).exists()
        and not runs_every_station(user)
    )
