"""The volunteers' PIN: set by an organiser in the admin (logged), typed on a tablet to reach
open, spoil, pause and close; a few wrong tries lock the tablet out for a while."""

from datetime import timedelta

from django.contrib.auth.hashers import check_password, make_password
from django.contrib.auth.models import User
from django.core.cache import cache
from django.utils import timezone
from django.utils.translation import gettext as _

from wagtail.log_actions import log

from base.refusals import Refused
from mock_elections.models import PollingStation

from ..models import StationSettings, StationTablet

PIN_MIN_LENGTH = 4
PIN_MAX_LENGTH = 8
PIN_ATTEMPTS = 5
PIN_LOCKOUT = timedelta(minutes=5)


def station_settings(station: PollingStation) -> StationSettings:
    settings, _created = StationSettings.objects.get_or_create(station=station)
    return settings


def set_station_pin(station: PollingStation, pin: str | None, by: User | None) -> StationSettings:
    """Set the PIN volunteers type to reach open, spoil, pause and close on the tablets."""
    pin = (pin or "").strip()
    if not (pin.isascii() and pin.isdigit()) or not PIN_MIN_LENGTH <= len(pin) <= PIN_MAX_LENGTH:
        raise Refused(
            "pin_format",
            _("The PIN must be %(min)d to %(max)d digits.")
            % {"min": PIN_MIN_LENGTH, "max": PIN_MAX_LENGTH},
        )
    settings = station_settings(station)
    settings.pin_hash = make_password(pin)
    settings.pin_changed_at = timezone.now()
    settings.save(update_fields=["pin_hash", "pin_changed_at"])
    log(station, "voting.set_pin", user=by)
    return settings


def check_station_pin(tablet: StationTablet, pin: object) -> None:
    """Refuse a wrong PIN; after a few wrong tries the tablet must wait before trying again."""
    attempts_key = f"voting:pin-attempts:{tablet.token_digest}"
    if cache.get(attempts_key, 0) >= PIN_ATTEMPTS:
        raise Refused("pin_locked", _("Too many wrong PINs. Wait five minutes and try again."))
    settings = station_settings(tablet.station)
    if not settings.pin_hash:
        raise Refused(
            "pin_not_set",
            _("No PIN is set for this station yet. Ask the organiser to set one in the admin."),
        )
    if not check_password(str(pin or ""), settings.pin_hash):
        cache.add(attempts_key, 0, timeout=int(PIN_LOCKOUT.total_seconds()))
        cache.incr(attempts_key)
        raise Refused("pin_wrong", _("Wrong PIN."))
    cache.delete(attempts_key)
