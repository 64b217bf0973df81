"""Results work that runs in the background task worker, not in an admin request."""

import logging

from django_tasks import task

from django.core.cache import cache
from django.db import transaction
from django.utils import timezone

from mock_elections.models import Election
from results.models import PrecinctImport
from results.selectors.public import public_results
from results.selectors.publication import publication_of
from results.services import PrecinctRow, write_precinct_turnout

logger = logging.getLogger(__name__)


def progress_key(import_id: int) -> str:
    return f"results:precinct-import:{import_id}:written"


def written_so_far(precinct_import: PrecinctImport) -> int | None:
    """How many rows the worker has written of an import still running, when it can be
    known. The rows are written in one transaction (readers never see half a file), so the
    record cannot show the count before the end; the worker tells it through the cache,
    which the web and the worker share in production (Redis)."""
    if precinct_import.state != PrecinctImport.State.IMPORTING:
        return None
    written = cache.get(progress_key(precinct_import.pk))
    return written if isinstance(written, int) else None


@task()
def import_precinct_rows(import_id: int) -> int:
    """Write an import's checked rows. Returns how many precincts were written."""
    return run_precinct_import(import_id)


def run_precinct_import(import_id: int) -> int:
    """Take a waiting import (one that another worker took, or that has finished, is left
    alone) and write it; on any failure nothing is written and the record says why."""
    taken = PrecinctImport.objects.filter(pk=import_id, state=PrecinctImport.State.WAITING).update(
        state=PrecinctImport.State.IMPORTING
    )
    if not taken:
        return 0
    record = PrecinctImport.objects.select_related("adult_election", "imported_by").get(
        pk=import_id
    )
    rows: list[PrecinctRow] = [
        (str(number), str(name), int(registered), int(votes))
        for number, name, registered, votes in record.rows
    ]
    key = progress_key(import_id)

    def note_progress(written: int) -> None:
        cache.set(key, written, timeout=60 * 60)

    try:
        with transaction.atomic():
            written = write_precinct_turnout(
                record.adult_election, rows, by=record.imported_by, note_progress=note_progress
            )
            # Done in the same transaction as the figures: the record never says "imported"
            # about figures that are not there, nor "importing" about ones that are.
            PrecinctImport.objects.filter(pk=import_id).update(
                state=PrecinctImport.State.DONE,
                precincts_written=written.written,
                precincts_replaced=written.replaced,
                finished_at=timezone.now(),
            )
    except Exception:
        PrecinctImport.objects.filter(pk=import_id).update(
            state=PrecinctImport.State.FAILED,
            failure=PrecinctImport.Failure.WRITE_FAILED,
            finished_at=timezone.now(),
        )
        logger.exception("Writing precinct import %s failed", import_id)
        raise
    finally:
        cache.delete(key)
    return written.written


@task()
def prepare_public_results(election_id: int) -> bool:
    """Compute an election's public results (with the suppression audit) into the shared cache
    right after publication, so the first reader of the results page or an open-data file does
    not wait for them. The same key the pages read: nothing early (before the release time it
    computes nothing) and nothing stale (the key changes with every publication change)."""
    election = Election.objects.filter(pk=election_id).first()
    return election is not None and public_results(publication_of(election)) is not None
