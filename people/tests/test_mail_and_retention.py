"""E-mails with the .ics, their retries, and forgetting personal data after the election."""

from datetime import UTC, datetime, timedelta
from unittest import mock

import pytest

from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from mock_elections.tests.factories import ElectionFactory, PollingStationFactory
from people import roster, tasks
from people.models import Assignment, Volunteer
from people.retention import forget_expired_volunteers

from .factories import RosterFactory, ShiftFactory, VolunteerFactory, at
from .ics import parse_ics

pytestmark = pytest.mark.django_db


def test_assignment_sends_a_confirmation_with_the_shift_as_ics(django_capture_on_commit_callbacks):
    station = PollingStationFactory(name="Jūras stacija", address="Jūras iela 1")
    volunteer = VolunteerFactory(election=station.election, name="Parauga Līga")
    with django_capture_on_commit_callbacks(execute=True):
        roster.assign(volunteer, ShiftFactory(station=station))
    (message,) = mail.outbox
    assert message.to == [volunteer.email]
    assert "Jūras stacija" in message.subject
    name, content, kind = message.attachments[0]
    assert kind == "text/calendar"
    event = parse_ics(content)
    assert event["DTSTART"] == "20250607T040000Z"  # 7:00 in Riga, summer time
    assert event["DTEND"] == "20250607T080000Z"
    assert event["SUMMARY"] == "Jūras stacija"
    assert Assignment.objects.get().confirmation_sent_at is not None


def test_reminder_goes_the_day_before_once(settings):
    tomorrow = timezone.localdate() + timedelta(days=1)
    shift = ShiftFactory(starts_at=at(7, tomorrow), ends_at=at(11, tomorrow))
    later = ShiftFactory(starts_at=at(7, tomorrow + timedelta(days=1)), ends_at=at(9))
    Assignment.objects.create(shift=shift, volunteer=VolunteerFactory())
    Assignment.objects.create(shift=later, volunteer=VolunteerFactory())
    tasks.send_reminders.enqueue()
    tasks.send_reminders.enqueue()
    (message,) = mail.outbox
    assert parse_ics(message.attachments[0][1])["DTSTART"].startswith(f"{tomorrow:%Y%m%d}")


def test_a_failing_mail_server_is_retried_then_shown_and_the_assignment_stays(
    django_capture_on_commit_callbacks,
):
    station = PollingStationFactory()
    volunteer = VolunteerFactory(election=station.election)
    with (
        mock.patch("django.core.mail.EmailMessage.send", side_effect=OSError("down")) as send,
        django_capture_on_commit_callbacks(execute=True),
    ):
        roster.assign(volunteer, ShiftFactory(station=station))
    assert send.call_count == tasks.ATTEMPTS
    assignment = Assignment.objects.get()
    assert "down" in assignment.mail_error
    assert assignment.confirmation_sent_at is None


def test_retention_removes_personal_data_and_keeps_the_counts():
    election = ElectionFactory()
    RosterFactory(election=election, retention_days=90)
    station = PollingStationFactory(election=election)
    volunteers = VolunteerFactory.create_batch(3, election=election)
    for volunteer in volunteers:
        volunteer.preferred_stations.set([station])
        Assignment.objects.create(
            shift=ShiftFactory(station=station, starts_at=at(7 + volunteers.index(volunteer))),
            volunteer=volunteer,
            attended=True,
        )
    roster.give_station_account(volunteers[0])
    election_day = datetime(2025, 6, 7, 12, tzinfo=UTC)
    assert forget_expired_volunteers(election_day + timedelta(days=89)) == 0
    assert forget_expired_volunteers(election_day + timedelta(days=91)) == 3
    for volunteer in Volunteer.objects.all():
        assert volunteer.email == volunteer.phone == ""
        assert "Parauga" not in volunteer.name
        assert volunteer.account is None and volunteer.anonymised_at is not None
        assert not volunteer.preferred_stations.exists()
    assert Assignment.objects.filter(attended=True).count() == 3
    assert forget_expired_volunteers(election_day + timedelta(days=200)) == 0


def test_retention_command_and_task(capsys):
    election = ElectionFactory(election_date=timezone.localdate() - timedelta(days=100))
    RosterFactory(election=election)
    VolunteerFactory(election=election)
    call_command("forget_volunteers")
    assert "1" in capsys.readouterr().out
    assert Volunteer.objects.get().email == ""
    assert tasks.forget_volunteers.enqueue().return_value == 0
    call_command("forget_volunteers", "--schedule")
    assert "cannot defer" in capsys.readouterr().out  # the test backend runs tasks at once
