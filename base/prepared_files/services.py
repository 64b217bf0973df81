"""Asking for a prepared file: the request only books the work, the task worker makes it."""

from collections.abc import Mapping
from typing import Any

from django.contrib.auth.models import User
from django.utils import timezone
from django.utils.translation import gettext

from base.refusals import Refused

from .kinds import may_use
from .models import PreparedFile
from .tasks import build_file
from .worker import KEEP_FOR


def prepare_file(
    kind: str, params: Mapping[str, Any], user: User, subject: str = ""
) -> PreparedFile:
    """Book a file of this kind for the user; the admin page "Sagatavotie faili" shows how far
    it has come. The same file asked for again while it still waits (a double click) is not
    booked twice."""
    if not may_use(kind, user):
        raise Refused("no_right", gettext("You may not prepare this file."))
    waiting = PreparedFile.objects.filter(
        kind=kind,
        params=dict(params),
        requested_by=user,
        state=PreparedFile.State.WAITING,
        delete_after__gt=timezone.now(),
    ).first()
    if waiting is not None:
        return waiting
    prepared = PreparedFile.objects.create(
        kind=kind,
        params=dict(params),
        subject=subject,
        requested_by=user,
        delete_after=timezone.now() + KEEP_FOR,
    )
    build_file.enqueue(prepared.pk)
    prepared.refresh_from_db()  # an immediate backend has already made it
    return prepared
