"""The roster export and the certificates are made by the task worker, not in the organiser's
request: the request only books them, the prepared-files page shows how far they have come,
and each file books its own deletion for 24 hours later."""

import csv
import io
import os
from datetime import timedelta

import pytest
from django_tasks_db.models import DBTaskResult

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone

from base.models import PreparedFile
from base.prepared_files.services import prepare_file
from base.tests.tasks import run_worker
from mock_elections.roles import ORGANISERS
from mock_elections.tests.factories import ElectionFactory, PollingStationFactory
from people import downloads, tasks
from people.models import Assignment
from people.roles import grant_organisers

from .factories import RosterFactory, ShiftFactory, VolunteerFactory


def placed_volunteers(count=3):
    election = ElectionFactory()
    RosterFactory(election=election)
    shift = ShiftFactory(station=PollingStationFactory(election=election, name="Jūras stacija"))
    for volunteer in VolunteerFactory.create_batch(count, election=election):
        Assignment.objects.create(shift=shift, volunteer=volunteer)
    return election


def organiser_client(client):
    user = get_user_model().objects.create_user("organizators", password="x")
    user.groups.add(Group.objects.get(name=ORGANISERS))
    client.force_login(user)
    return client, user


@pytest.mark.django_db(transaction=True)
def test_the_export_waits_for_the_worker_which_makes_it_and_books_its_deletion(
    client, roles_restored, queued_tasks
):
    election = placed_volunteers()
    organiser, _user = organiser_client(client)

    page = organiser.post(reverse("people_admin:export", args=[election.pk]), follow=True)

    html = page.content.decode()
    assert "Saraksta eksportu gatavo" in html and "Gaida rindā" in html
    prepared = PreparedFile.objects.get()
    assert prepared.state == PreparedFile.State.WAITING and not prepared.file
    download = reverse("prepared_files:download", args=[prepared.pk])
    assert download not in html
    early = organiser.get(download, follow=True)
    assert "Fails nav gatavs: Gaida rindā" in early.content.decode()  # nothing half-made

    run_worker()

    prepared.refresh_from_db()
    assert prepared.state == PreparedFile.State.READY
    assert (prepared.done, prepared.total) == (3, 3)
    states = organiser.get(reverse("prepared_files:states")).json()
    assert states["unfinished"] is False and download in states["files"][0]["action"]
    content = b"".join(organiser.get(download).streaming_content)
    rows = list(csv.reader(io.StringIO(content.decode())))
    assert len(rows) == 1 + 3

    # Its deletion is booked for the moment it expires; once that comes, the worker deletes it.
    booked = DBTaskResult.objects.get(task_path="base.prepared_files.tasks.delete_expired")
    assert booked.run_after == prepared.delete_after
    stored = prepared.file.path
    PreparedFile.objects.filter(pk=prepared.pk).update(delete_after=timezone.now())
    DBTaskResult.objects.filter(pk=booked.pk).update(run_after=timezone.now())
    run_worker()
    assert not PreparedFile.objects.exists()
    assert not os.path.exists(stored)


@pytest.mark.django_db(transaction=True)
def test_certificates_are_made_by_the_worker(client, roles_restored, queued_tasks):
    election = placed_volunteers(2)
    organiser, _user = organiser_client(client)
    organiser.post(reverse("people_admin:certificates", args=[election.pk]))
    assert PreparedFile.objects.get().state == PreparedFile.State.WAITING
    run_worker()
    prepared = PreparedFile.objects.get()
    assert prepared.state == PreparedFile.State.READY and (prepared.done, prepared.total) == (2, 2)
    response = organiser.get(reverse("prepared_files:download", args=[prepared.pk]))
    assert b"".join(response.streaming_content).startswith(b"%PDF")


@pytest.mark.django_db
def test_the_daily_round_sweeps_expired_files(organiser, django_capture_on_commit_callbacks):
    grant_organisers(apps)
    election = placed_volunteers(1)
    prepared = prepare_file(downloads.ROSTER_CSV, {"election": election.pk}, organiser)
    stored = prepared.file.path
    PreparedFile.objects.update(delete_after=timezone.now() - timedelta(minutes=1))
    with django_capture_on_commit_callbacks(execute=True):
        tasks.daily_round.enqueue()
    assert not PreparedFile.objects.exists()
    assert not os.path.exists(stored)
