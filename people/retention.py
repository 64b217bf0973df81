"""Personal data is kept only as long as needed: a set number of days after the election
(the roster's setting, 90 by default) names and contacts are erased, counts stay."""

from datetime import datetime, timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import Roster, Volunteer


def forget_after(roster: Roster) -> datetime:
    """The moment this roster's personal data may be erased."""
    day = roster.election.election_date + timedelta(days=roster.retention_days)
    return timezone.make_aware(datetime.combine(day, datetime.min.time()))


@transaction.atomic
def forget_expired_volunteers(now: datetime | None = None) -> int:
    """Erase names and contacts of volunteers whose election ended more than the roster's
    retention days ago; shifts, hours and attendance stay as counts. Returns how many."""
    now = now or timezone.now()
    erased = 0
    for roster in Roster.objects.select_related("election"):
        if forget_after(roster) > now:
            continue
        volunteers = Volunteer.objects.filter(election=roster.election, anonymised_at__isnull=True)
        for number, volunteer in enumerate(volunteers.order_by("pk"), start=1):
            if volunteer.account is not None:
                volunteer.account.delete()
                volunteer.account = None
            volunteer.name = _("Volunteer %(number)s") % {"number": number}
            volunteer.email = volunteer.phone = ""
            volunteer.preferred_slots = []
            volunteer.anonymised_at = now
            volunteer.save()
            volunteer.preferred_stations.clear()
            erased += 1
    return erased
