"""The e-mails a volunteer receives, with their shift as an .ics calendar file."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override

from base.calendar import CalendarEvent, calendar_file
from mock_elections.models import QuestionProposal

from .models import Assignment


def shift_calendar(assignment: Assignment) -> str:
    """One VEVENT for the shift."""
    shift = assignment.shift
    station = shift.station
    return calendar_file(
        CalendarEvent(
            uid=f"shift-{shift.pk}-volunteer-{assignment.volunteer_id}@tavabalss",
            starts_at=shift.starts_at,
            ends_at=shift.ends_at,
            summary=station.name,
            location=station.address,
        )
    )


def _shift_words(assignment: Assignment) -> dict[str, str]:
    shift = assignment.shift
    start, end = timezone.localtime(shift.starts_at), timezone.localtime(shift.ends_at)
    return {
        "name": assignment.volunteer.name,
        "station": shift.station.name,
        "address": shift.station.address,
        "day": f"{start:%d.%m.%Y}",
        "hours": f"{start:%H:%M}–{end:%H:%M}",
    }


def shift_message(assignment: Assignment, *, reminder: bool) -> EmailMessage:
    """The confirmation (on assignment) or the reminder (the day before), in Latvian."""
    with override("lv"):
        words = _shift_words(assignment)
        if reminder:
            subject = _("Tomorrow: your shift at %(station)s") % words
            opening = _("Hello %(name)s, a reminder that tomorrow you volunteer:") % words
        else:
            subject = _("Your volunteer shift: %(station)s, %(day)s") % words
            opening = _("Hello %(name)s, thank you for volunteering! Your shift:") % words
        body = "\n".join(
            [
                opening,
                "",
                f"{words['station']}, {words['address']}",
                f"{words['day']} {words['hours']}",
                "",
                _("The calendar file is attached."),
            ]
        )
    message = EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, [assignment.volunteer.email])
    message.attach("maina.ics", shift_calendar(assignment), "text/calendar")
    return message


def proposal_follow_up(proposal: QuestionProposal) -> EmailMessage:
    """After the results are published: what became of the group's question."""
    with override("lv"):
        words = {"group": proposal.group_name, "question": proposal.question_text}
        if proposal.status == QuestionProposal.Status.PROMOTED:
            outcome = _("The children put it on the ballot. See the results and what the city did:")
        else:
            outcome = _("This time it did not reach the ballot. See what the children chose:")
        body = "\n".join(
            [
                _("Hello %(group)s,") % words,
                "",
                _("You proposed: „%(question)s”.") % words,
                outcome,
                settings.WAGTAILADMIN_BASE_URL.rstrip("/")
                + reverse("mock_elections:propose_question", args=[proposal.election.slug]),
            ]
        )
        subject = _("What became of your question")
    return EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, [proposal.contact_email])
