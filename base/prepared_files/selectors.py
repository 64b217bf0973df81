"""Reading prepared files: a user sees and downloads only their own, only while the file is
current and they still hold the kind's right."""

from django.contrib.auth.models import AnonymousUser, User
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext

from base.refusals import Refused

from .kinds import may_use
from .models import PreparedFile


def files_for(user: User | AnonymousUser) -> QuerySet[PreparedFile]:
    """The user's current files, newest first; an expired file is never listed, even in the
    minutes before the sweep deletes it."""
    if not isinstance(user, User):
        return PreparedFile.objects.none()
    return PreparedFile.objects.filter(requested_by=user, delete_after__gt=timezone.now())


def file_to_download(user: User | AnonymousUser, file_id: int) -> PreparedFile:
    """The user's ready file. Refused "not_found" for someone else's file or an expired one
    (whether it exists is not told), "no_right" once the user has lost the kind's right,
    "not_ready" while it is still being made or when making it failed."""
    prepared = files_for(user).filter(pk=file_id).first()
    if prepared is None:
        raise Refused("not_found", gettext("There is no such file, or it has been deleted."))
    if not may_use(prepared.kind, user):
        raise Refused("no_right", gettext("You no longer have the right to this file."))
    if prepared.state != PreparedFile.State.READY or not prepared.file:
        raise Refused(
            "not_ready", gettext("The file is not ready: %(state)s") % {"state": status(prepared)}
        )
    return prepared


def status(prepared: PreparedFile) -> str:
    """The file's state in words, with the progress while it is being made."""
    if prepared.state == PreparedFile.State.WORKING and prepared.total:
        return gettext("Being prepared: %(done)s of %(total)s") % {
            "done": prepared.done,
            "total": prepared.total,
        }
    return str(prepared.get_state_display())
