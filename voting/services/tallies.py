"""Checkable station tallies (M31): the digest of each station's counted tally is recorded by
the count (and again when paper counts are accepted), printed on the closing certificate, typed
back by an organiser from the signed paper, and recomputed by `verify_results`."""

from dataclasses import dataclass

from django.contrib.auth.models import User
from django.utils.translation import gettext as _

from wagtail.log_actions import log

from base.refusals import Refused
from mock_elections.models import Election, PollingStation

from ..models import StationTally
from ..selectors import normalise_digest, station_tally_digest, uncounted_votes


@dataclass(frozen=True)
class TallyCheck:
    """One station's stored digests against the one recomputed from the votes now."""

    station: PollingStation
    recomputed: str
    recorded: str
    certified: str

    @property
    def matches(self) -> bool:
        return self.recorded == self.recomputed and self.certified in ("", self.recomputed)


def record_tally(station: PollingStation) -> StationTally:
    """Record the station's tally digest as it stands after a count or accepted paper counts."""
    tally, _created = StationTally.objects.update_or_create(
        station=station, defaults={"digest": station_tally_digest(station)}
    )
    return tally


def record_election_tallies(election: Election) -> int:
    """Record every station's digest, for votes written as counted directly (the demo)."""
    stations = list(election.stations.all())
    for station in stations:
        record_tally(station)
    return len(stations)


def certify_digest(station: PollingStation, typed: str, by: User | None) -> TallyCheck:
    """An organiser types the digest printed on the signed certificate; it is kept and
    compared with the digest recomputed from the stored votes now (logged)."""
    if uncounted_votes(station):
        raise Refused("votes_uncounted", _("Count the station before checking its digest."))
    digest = normalise_digest(typed)
    if len(digest) != 11:
        raise Refused("digest_format", _("A digest is 10 letters and digits, e.g. 7K2QD-M9XAE."))
    tally, _created = StationTally.objects.get_or_create(
        station=station, defaults={"digest": station_tally_digest(station)}
    )
    tally.certified_digest = digest
    tally.certified_by = by
    tally.save(update_fields=["certified_digest", "certified_by"])
    log(station, "voting.certify_digest", user=by, data={"digest": digest})
    return check_tally(station)


def check_tally(station: PollingStation) -> TallyCheck:
    tally = StationTally.objects.filter(station=station).first()
    return TallyCheck(
        station=station,
        recomputed=station_tally_digest(station),
        recorded=tally.digest if tally else "",
        certified=tally.certified_digest if tally else "",
    )


def verify_election_tallies(election: Election) -> list[TallyCheck]:
    """Every station with a recorded tally, checked against its votes now."""
    station_ids = StationTally.objects.filter(station__election=election).values("station")
    return [
        check_tally(station)
        for station in election.stations.filter(pk__in=station_ids).order_by("name", "pk")
    ]
