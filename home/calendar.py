"""Election day as a calendar event: the residents' "add to calendar" button."""

from django.utils.translation import gettext as _

from base.calendar import CalendarEvent, calendar_file
from base.models import Precinct, SiteSettings
from base.refusals import Refused


def election_day_calendar(
    campaign: SiteSettings, precinct: Precinct | None = None, page_url: str = ""
) -> str:
    """The .ics text for election day, at the chosen precinct's address when there is one.
    The UID depends on the day and the precinct only, so downloading again updates the
    calendar's entry instead of adding a second one."""
    opens, closes = campaign.election_at, campaign.election_closes_at
    if opens is None or closes is None:
        raise Refused("no_election_day", _("The election day has not been announced yet."))
    summary = _("Municipal election: go and vote")
    location = ""
    if precinct is not None:
        summary = _("Municipal election: vote at precinct %(number)s") % {"number": precinct.number}
        location = f"{precinct.name}, {precinct.address}"
    description = _(
        "Polling stations are open %(opens)s–%(closes)s. Take your passport or identity card."
    ) % {"opens": f"{opens:%H:%M}", "closes": f"{closes:%H:%M}"}
    return calendar_file(
        CalendarEvent(
            uid=f"election-{opens:%Y%m%d}-{precinct.number if precinct else 'all'}@tavabalss",
            starts_at=opens,
            ends_at=closes,
            summary=summary,
            location=location,
            description=description,
            url=page_url,
        )
    )
