"""An organiser's upload of official precinct figures: checked whole in the request (a wrong
file is refused at once with every row's error, as `services.parse_precinct_file` says), then
written by the task worker (`tasks.import_precinct_rows`), followed on a page of its own.

Sending the same file again (a double click, a reload that re-posts, a retry while the worker
is busy) must not import it twice: while the election's latest import is that same file,
waiting, importing or done, the upload is that import again.
"""

import hashlib
from dataclasses import dataclass
from datetime import timedelta

from django.contrib.auth.models import User as Account
from django.db import transaction
from django.utils import timezone

from results.models import AdultElection, PrecinctImport
from results.services import User, parse_precinct_file
from results.tasks import import_precinct_rows

# A waiting or running import this old has lost its worker (restarted, or the task lost):
# it is failed, and the same file may be sent again.
STALLED_AFTER = timedelta(minutes=30)
PENDING = (PrecinctImport.State.WAITING, PrecinctImport.State.IMPORTING)


@dataclass(frozen=True)
class StartedImport:
    record: PrecinctImport
    sent_before: bool  # the same file's import was already there, and is the one shown


def give_up_stalled_imports(adult_election: AdultElection) -> int:
    """Mark the election's imports that waited or ran too long as failed. How many."""
    return PrecinctImport.objects.filter(
        adult_election=adult_election,
        state__in=PENDING,
        created_at__lt=timezone.now() - STALLED_AFTER,
    ).update(
        state=PrecinctImport.State.FAILED,
        failure=PrecinctImport.Failure.STALLED,
        finished_at=timezone.now(),
    )


def start_precinct_import(
    adult_election: AdultElection, raw: bytes, file_name: str, by: User | None = None
) -> StartedImport:
    """Check the file (raises `Refused` with every row's error; nothing is kept) and queue
    its writing, or hand back the import of the same file already under way or done."""
    rows = parse_precinct_file(raw)
    fingerprint = hashlib.sha256(raw).hexdigest()
    with transaction.atomic():
        # One upload at a time per election decides whether it is new.
        AdultElection.objects.select_for_update().filter(pk=adult_election.pk).first()
        give_up_stalled_imports(adult_election)
        latest = PrecinctImport.objects.filter(adult_election=adult_election).first()
        if (
            latest is not None
            and latest.file_sha256 == fingerprint
            and latest.state != PrecinctImport.State.FAILED
        ):
            return StartedImport(latest, sent_before=True)
        record = PrecinctImport.objects.create(
            adult_election=adult_election,
            file_name=file_name[:255],
            file_sha256=fingerprint,
            rows=[list(row) for row in rows],
            imported_by=by if isinstance(by, Account) else None,
        )
        record_id = record.pk
        transaction.on_commit(lambda: import_precinct_rows.enqueue(record_id))
    return StartedImport(record, sent_before=False)
