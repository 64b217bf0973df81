"""What the task worker does with prepared files: build one, and delete the expired ones."""

import logging
import secrets
from datetime import datetime, timedelta
from pathlib import PurePosixPath

from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from .kinds import BuiltFile, FileKind, file_kind
from .models import PreparedFile

logger = logging.getLogger(__name__)

KEEP_FOR = timedelta(hours=24)
# Progress is written about this many times per file, however large: enough for the page to
# move, few enough writes that a 5,000-row export does not spend its time saving progress.
PROGRESS_SAVES = 50


def build_prepared_file(file_id: int) -> datetime | None:
    """Run the kind's builder and store its file privately. Returns the moment the ready file
    is to be deleted, else None. A file another worker took, or one deleted meanwhile, is
    left alone; nothing is made for a user who no longer holds the kind's right."""
    waiting = PreparedFile.objects.filter(pk=file_id, state=PreparedFile.State.WAITING)
    if not waiting.update(state=PreparedFile.State.WORKING):
        return None
    prepared = PreparedFile.objects.select_related("requested_by").get(pk=file_id)
    kind = file_kind(prepared.kind)
    user = prepared.requested_by
    if kind is None or user is None or not user.is_active or not kind.may_use(user):
        _update(prepared.pk, state=PreparedFile.State.FAILED)
        return None
    built = _build(kind, prepared)
    # A random stored name: a guessed path reaches nothing.
    suffix = PurePosixPath(built.filename).suffix
    storage = prepared.file.storage
    stored = storage.save(
        f"prepared-files/{prepared.kind}-{secrets.token_hex(12)}{suffix}",
        ContentFile(built.content),
    )
    delete_after = timezone.now() + KEEP_FOR
    if not _update(
        prepared.pk,
        file=stored,
        filename=built.filename,
        content_type=built.content_type,
        state=PreparedFile.State.READY,
        done=F("total"),  # the last steps between two saves of progress are done too
        delete_after=delete_after,
    ):
        storage.delete(stored)  # deleted while it was being built: nobody will fetch it
        return None
    return delete_after


def _build(kind: FileKind, prepared: PreparedFile) -> BuiltFile:
    saved = (-1, -1)

    def note_progress(done: int, total: int) -> None:
        nonlocal saved
        step = max(1, total // PROGRESS_SAVES)
        if total != saved[1] or done - saved[0] >= step:
            _update(prepared.pk, done=done, total=total)
            saved = (done, total)

    try:
        built = kind.build(prepared.params, note_progress)
    except Exception:
        _update(prepared.pk, state=PreparedFile.State.FAILED)
        logger.exception("Preparing file %s (%s) failed", prepared.pk, prepared.kind)
        raise
    return built


def _update(file_id: int, **values: object) -> int:
    return PreparedFile.objects.filter(pk=file_id).update(**values)


def delete_expired_files(now: datetime | None = None) -> int:
    """Delete, from disk and database, every file past its time and every file whose user is
    gone (nobody may download it). Returns how many."""
    now = now or timezone.now()
    expired = list(
        PreparedFile.objects.filter(Q(delete_after__lte=now) | Q(requested_by__isnull=True))
    )
    for prepared in expired:
        prepared.delete()  # its stored file goes with it (forget_stored_file)
    return len(expired)


def forget_stored_file(sender: type, instance: PreparedFile, **kwargs: object) -> None:
    """Whenever a row goes (expiry, the user's deletion, the shell), its file goes from disk,
    once the deletion is committed."""
    storage, name = instance.file.storage, instance.file.name
    if name:
        transaction.on_commit(lambda: storage.delete(name))
