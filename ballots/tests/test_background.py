"""A batch's PDF is drawn by the task worker, not in the organiser's request; the admin shows
how far it has come and offers the file only when it is ready."""

import os

import pytest

from django.urls import reverse

from ballots.models import BallotBatch
from ballots.services import issue_ballots, void_batch
from base.tests.tasks import run_worker

from .factories import StationFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_issuing_queues_the_drawing_and_the_worker_makes_the_file(admin_client, queued_tasks):
    batch = issue_ballots(StationFactory(), 40)
    batch.refresh_from_db()
    assert batch.print_state == BallotBatch.PrintState.WAITING and not batch.print_file
    listing = admin_client.get(reverse("ballots_batches:index")).content.decode()
    assert "Gaida zīmēšanu" in listing
    early = admin_client.get(reverse("ballots_batches:pdf", args=[batch.pk]))
    assert early.status_code == 302  # back to the list: nothing half-made is handed out

    run_worker()

    batch.refresh_from_db()
    assert batch.print_state == BallotBatch.PrintState.READY
    assert batch.print_progress == 40
    response = admin_client.get(reverse("ballots_batches:pdf", args=[batch.pk]))
    assert response.content.startswith(b"%PDF")


def test_voiding_removes_the_printable_file(admin_client):
    batch = issue_ballots(StationFactory(), 8)
    batch.refresh_from_db()
    path = batch.print_file.path
    void_batch(batch, "Kaste pazuda")
    batch.refresh_from_db()
    assert not batch.print_file
    assert not os.path.exists(path)


def test_the_print_file_is_not_under_the_public_media_folder(settings):
    batch = issue_ballots(StationFactory(), 4)
    batch.refresh_from_db()
    assert not batch.print_file.path.startswith(str(settings.MEDIA_ROOT))
    assert batch.print_file.path.startswith(str(settings.PRIVATE_ROOT))


def test_a_large_batch_prints_from_the_pdf_not_the_html_view(admin_client):
    batch = issue_ballots(StationFactory(), 401, 10)
    response = admin_client.get(reverse("ballots_batches:print", args=[batch.pk]))
    assert response.status_code == 302
