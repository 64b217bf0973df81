"""Ballot work that runs in the background task worker, not in an admin request."""

import logging
import secrets

from django_tasks import task

from django.core.files.base import ContentFile

from .models import BallotBatch
from .printing import batch_pdf

logger = logging.getLogger(__name__)

# Progress is saved about this often, so the admin can say how far a large batch has come.
PROGRESS_STEP = 200


@task()
def draw_batch(batch_id: int) -> None:
    """Draw a batch's print-ready PDF (5,000 cards take several seconds)."""
    draw_print_file(batch_id)


def draw_print_file(batch_id: int) -> None:
    """Draw the batch's PDF into private storage. A voided batch is never drawn."""
    batch = BallotBatch.objects.select_related("station__election").get(pk=batch_id)
    if batch.is_void:
        return
    BallotBatch.objects.filter(pk=batch.pk).update(print_state=BallotBatch.PrintState.DRAWING)
    last_saved = 0

    def note_progress(cards: int) -> None:
        nonlocal last_saved
        if cards - last_saved >= PROGRESS_STEP:
            BallotBatch.objects.filter(pk=batch.pk).update(print_progress=cards)
            last_saved = cards

    try:
        pdf = batch_pdf(batch, note_progress)
    except Exception:
        BallotBatch.objects.filter(pk=batch.pk).update(print_state=BallotBatch.PrintState.FAILED)
        logger.exception("Drawing ballot batch %s failed", batch.pk)
        raise
    if batch.print_file:
        batch.print_file.delete(save=False)
    batch.print_file.save(
        f"batch-{batch.pk}-{secrets.token_hex(8)}.pdf", ContentFile(pdf), save=False
    )
    batch.print_state = BallotBatch.PrintState.READY
    batch.print_progress = batch.size
    batch.save(update_fields=["print_file", "print_state", "print_progress"])
