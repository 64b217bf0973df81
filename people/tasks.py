"""Background work of the roster (Django's task framework): e-mails and the daily round of
reminders and retention. An e-mail failure is retried, then written on the assignment for
the organiser to see; it never undoes the assignment."""

from datetime import datetime, time, timedelta

from django_tasks import default_task_backend, task

from django.core.mail import EmailMessage
from django.utils import timezone

from base.prepared_files.tasks import delete_expired as delete_expired_files
from mock_elections.models import Election

from .mail import proposal_follow_up, shift_message
from .models import Assignment, Volunteer
from .retention import forget_expired_volunteers

ATTEMPTS = 3


def _deliver(message: EmailMessage) -> str:
    """Send, trying again on failure; the last error, or "" when it went."""
    error = ""
    for _attempt in range(ATTEMPTS):
        try:
            message.send()
        except Exception as failure:
            error = f"{type(failure).__name__}: {failure}"[:300]
        else:
            return ""
    return error


def _send_shift_mail(ids: list[int], sent_field: str, reminder: bool) -> int:
    sent = 0
    for assignment in Assignment.objects.filter(pk__in=ids).select_related(
        "shift__station", "volunteer"
    ):
        if not assignment.volunteer.email:
            continue
        error = _deliver(shift_message(assignment, reminder=reminder))
        assignment.mail_error = error
        fields = ["mail_error"]
        if not error:
            setattr(assignment, sent_field, timezone.now())
            fields.append(sent_field)
            sent += 1
        assignment.save(update_fields=fields)
    return sent


@task()
def send_confirmations(assignment_ids: list[int]) -> int:
    return _send_shift_mail(assignment_ids, "confirmation_sent_at", reminder=False)


@task()
def send_reminders() -> int:
    """Remind everyone whose shift starts tomorrow (Riga time) and has not been reminded."""
    tomorrow = timezone.localdate() + timedelta(days=1)
    ids = list(
        Assignment.objects.filter(
            shift__starts_at__date=tomorrow, reminder_sent_at__isnull=True
        ).values_list("pk", flat=True)
    )
    return _send_shift_mail(ids, "reminder_sent_at", reminder=True)


@task()
def message_volunteers(volunteer_ids: list[int], subject: str, body: str) -> int:
    """An organiser's message to everyone on a station or shift, one e-mail each."""
    sent = 0
    for email in (
        Volunteer.objects.filter(pk__in=volunteer_ids)
        .exclude(email="")
        .values_list("email", flat=True)
    ):
        sent += not _deliver(EmailMessage(subject, body, None, [email]))
    return sent


@task()
def tell_proposers(election_id: int) -> int:
    """Each proposing group's contact hears what became of their question."""
    election = Election.objects.get(pk=election_id)
    return sum(not _deliver(proposal_follow_up(p)) for p in election.proposals.all())


@task()
def forget_volunteers() -> int:
    return forget_expired_volunteers()


@task()
def daily_round() -> None:
    """Reminders and retention once a day; where the backend can defer, it books its own
    next run, so no cron is needed beside the task worker. Expired prepared files (the roster
    export, certificates) are swept too, in case a file's own booked deletion was lost."""
    send_reminders.call()
    forget_volunteers.call()
    delete_expired_files.call()
    schedule_daily_round()


def schedule_daily_round() -> bool:
    """Book tomorrow's round at 9:00 Riga time; False when the backend cannot defer."""
    if not default_task_backend.supports_defer:
        return False
    tomorrow = timezone.localdate() + timedelta(days=1)
    daily_round.using(run_after=timezone.make_aware(datetime.combine(tomorrow, time(9)))).enqueue()
    return True
