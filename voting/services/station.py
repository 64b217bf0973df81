"""Running the station from a tablet: open, pause, close and spoil a card, each behind the
volunteers' PIN."""

from django.utils import timezone
from django.utils.translation import gettext as _

from ballots.models import Ballot
from ballots.services import spoil_ballot
from base.refusals import Refused
from mock_elections import services as election_services
from mock_elections.models import PollingStation

from ..models import StationSettings, StationTablet
from .pin import check_station_pin, station_settings

SPOIL_REASON_MAX_LENGTH = 200


def open_station_from_tablet(tablet: StationTablet, pin: object) -> PollingStation:
    check_station_pin(tablet, pin)
    election_services.open_station(tablet.station, by=None)
    set_paused(tablet.station, False)
    return tablet.station


def pause_station_from_tablet(tablet: StationTablet, pin: object, paused: bool) -> StationSettings:
    check_station_pin(tablet, pin)
    return set_paused(tablet.station, paused)


def set_paused(station: PollingStation, paused: bool) -> StationSettings:
    settings = station_settings(station)
    settings.paused_at = timezone.now() if paused else None
    settings.save(update_fields=["paused_at"])
    return settings


def close_station_from_tablet(tablet: StationTablet, pin: object) -> PollingStation:
    check_station_pin(tablet, pin)
    election_services.close_station(tablet.station, by=None)
    return tablet.station


def spoil_ballot_from_tablet(
    tablet: StationTablet, pin: object, code_text: str, reason: str
) -> Ballot:
    check_station_pin(tablet, pin)
    reason = "".join(character for character in reason if character.isprintable()).strip()
    if not reason:
        raise Refused("reason_missing", _("Say why the ballot is spoiled."))
    return spoil_ballot(tablet.station, code_text, reason[:SPOIL_REASON_MAX_LENGTH], by=None)
