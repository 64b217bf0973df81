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


def measure():
    import datetime

    from django.db import transaction
    from django.test import override_settings
    from django.utils import timezone

    from ballots.printing import batch_pdf
    from ballots.qr import ballot_qr
    from ballots.services import issue_ballots
    from base.models import District
    from mock_elections.models import Election, PollingStation

    # A realistic address in every QR code: its length decides the QR version.
    with override_settings(BALLOT_QR_BASE_URL=SITE), transaction.atomic():
        now = timezone.now()
        election = Election.objects.create(
            title="Bērnu un jauniešu vēlēšanas “Demokrātija sākas ģimenē” (bench)",
            slug="bench-ballots",
            election_date=datetime.date(2025, 6, 7),
            voting_opens_at=now,
            voting_closes_at=now + datetime.timedelta(hours=12),
            results_release_at=now + datetime.timedelta(hours=13),
            status=Election.Status.OPEN,
        )
        district, _created = District.objects.get_or_create(
            slug="bench-karosta", defaults={"name": "Karosta (bench)"}
        )
        station = PollingStation.objects.create(
            election=election,
            district=district,
            name="Karostas bērnu iecirknis",
            address="Katedrāles iela 1, Liepāja",
            adult_precinct_number="701",
            adult_precinct_name="Karostas vidusskola",
            theme_motto="Būvēsim demokrātiju kopā",
        )
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


def verdict(ok):
    return "ok" if ok else "MISSED"


def run():
    with tempfile.TemporaryDirectory() as directory:
        setup_django(directory)
        figures = measure()
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


if __name__ == "__main__":
    run()
