"""Ballot printing: 1,500 cards as one PDF, against the cost of the QR codes alone.

Targets (issue 5): PDF in at most 5 s, at most 3 MB, and at most 3× the time it takes just to
generate the 1,500 QR codes (the floor). Runs on a throw-away SQLite file unless Django is
already set up by another benchmark; nothing it creates is kept.
"""

import os
import tempfile
import time
from pathlib import Path

CARDS = 1500
ROUNDS = 3
TARGET_SECONDS = 5.0
TARGET_BYTES = 3 * 1024 * 1024
TARGET_RATIO = 3.0
SITE = "https://tavabalss.liepaja.lv"
LARGEST_BATCH = 5000
# The production task backend: issuing only queues the drawing; a worker draws it.
QUEUED = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}


def setup_django(directory):
    import django
    from django.apps import apps

    if apps.ready:
        return
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "campaign.settings.test")
    os.environ["DATABASE_URL"] = os.environ.get(
        "BENCH_DATABASE_URL", f"sqlite:///{Path(directory) / 'bench.sqlite3'}"
    )
    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def best_times(*functions):
    """The fastest of ROUNDS runs of each function, interleaved so that a busy moment on a
    shared machine does not fall on one measurement only; also the last results."""
    timings = [[] for _function in functions]
    results = [None] * len(functions)
    for _round in range(ROUNDS):
        for index, function in enumerate(functions):
            start = time.perf_counter()
            results[index] = function()
            timings[index].append(time.perf_counter() - start)
    return [min(times) for times in timings], results


def bench_station(slug):
    """An open election with one themed station, as an organiser would set it up."""
    import datetime

    from django.utils import timezone

    from base.models import District
    from mock_elections.models import Election, PollingStation

    now = timezone.now()
    election = Election.objects.create(
        title="Bērnu un jauniešu vēlēšanas „Demokrātija sākas ģimenē” (bench)",
        slug=slug,
        election_date=datetime.date(2025, 6, 7),
        voting_opens_at=now,
        voting_closes_at=now + datetime.timedelta(hours=12),
        results_release_at=now + datetime.timedelta(hours=13),
        status=Election.Status.OPEN,
    )
    district, _created = District.objects.get_or_create(
        slug="bench-karosta", defaults={"name": "Karosta (bench)"}
    )
    return PollingStation.objects.create(
        election=election,
        district=district,
        name="Karostas bērnu iecirknis",
        address="Katedrāles iela 1, Liepāja",
        adult_precinct_number="701",
        adult_precinct_name="Karostas vidusskola",
        theme_motto="Būvēsim demokrātiju kopā",
    )


def measure():
    from django.db import transaction
    from django.test import override_settings

    from ballots.printing import batch_pdf
    from ballots.qr import ballot_qr
    from ballots.services import issue_ballots

    # A realistic address in every QR code: its length decides the QR version; the PDF is
    # drawn below, not by the task the issue queues.
    with override_settings(BALLOT_QR_BASE_URL=SITE, TASKS=QUEUED), transaction.atomic():
        station = bench_station("bench-ballots")
        start = time.perf_counter()
        batch = issue_ballots(station, CARDS, 8)
        issue_seconds = time.perf_counter() - start
        codes = batch.codes()
        (qr_seconds, pdf_seconds), (_matrices, pdf) = best_times(
            lambda: [ballot_qr(code).matrix for code in codes], lambda: batch_pdf(batch)
        )
        transaction.set_rollback(True)
    return {
        "issue_seconds": issue_seconds,
        "qr_seconds": qr_seconds,
        "pdf_seconds": pdf_seconds,
        "pdf_bytes": len(pdf),
    }


def measure_background():
    """The largest batch end to end: the organiser's request (issue and queue), then the
    worker drawing all 5,000 cards, against the QR codes alone for the same cards."""
    from django.core.management import call_command
    from django.test import override_settings

    from ballots.models import BallotBatch
    from ballots.qr import ballot_qr
    from ballots.services import issue_ballots

    with override_settings(BALLOT_QR_BASE_URL=SITE, TASKS=QUEUED):
        station = bench_station("bench-ballots-largest")
        start = time.perf_counter()
        batch = issue_ballots(station, LARGEST_BATCH, 10)
        request_seconds = time.perf_counter() - start
        start = time.perf_counter()
        call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)
        worker_seconds = time.perf_counter() - start
        batch.refresh_from_db()
        assert batch.print_state == BallotBatch.PrintState.READY, batch.print_state
        start = time.perf_counter()
        for code in batch.codes():
            ballot_qr(code).matrix  # noqa: B018 - the floor: making the symbols only
        qr_seconds = time.perf_counter() - start
    return {
        "request_seconds": request_seconds,
        "worker_seconds": worker_seconds,
        "qr_seconds": qr_seconds,
        "pdf_bytes": batch.print_file.size,
    }


def verdict(ok):
    return "ok" if ok else "MISSED"


def run():
    with tempfile.TemporaryDirectory() as directory:
        setup_django(directory)
        figures = measure()
        largest = measure_background()
    ratio = figures["pdf_seconds"] / figures["qr_seconds"]
    print(f"cards: {CARDS} (8 per A4 page, best of {ROUNDS} rounds)")
    print(f"issue batch (codes + digests + rows): {figures['issue_seconds']:.2f} s")
    print(f"QR codes alone (the floor): {figures['qr_seconds']:.2f} s")
    print(
        f"PDF generation: {figures['pdf_seconds']:.2f} s "
        f"(target ≤ {TARGET_SECONDS:.0f} s: {verdict(figures['pdf_seconds'] <= TARGET_SECONDS)})"
    )
    print(
        f"PDF size: {figures['pdf_bytes'] / 1024 / 1024:.2f} MB "
        f"(target ≤ 3 MB: {verdict(figures['pdf_bytes'] <= TARGET_BYTES)})"
    )
    print(f"PDF time / QR-only time: {ratio:.2f}× (target ≤ 3×: {verdict(ratio <= TARGET_RATIO)})")
    print(f"\n{LARGEST_BATCH} cards (10 per page) in the background:")
    print(
        f"organiser's request (issue + queue): {largest['request_seconds']:.2f} s "
        f"(target ≤ 2 s: {verdict(largest['request_seconds'] <= 2)})"
    )
    print(f"worker drawing the PDF: {largest['worker_seconds']:.2f} s")
    print(f"QR codes alone (the floor): {largest['qr_seconds']:.2f} s")
    print(f"worker time / QR-only time: {largest['worker_seconds'] / largest['qr_seconds']:.2f}×")
    print(f"PDF size: {largest['pdf_bytes'] / 1024 / 1024:.2f} MB")


if __name__ == "__main__":
    run()
