"""A file made in the background for one admin user (see the package's docstring)."""

from django.conf import settings
from django.core.files.storage import storages
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from .kinds import file_kind


def prepared_file_storage():
    """The files hold adults' names and contacts: private storage, outside MEDIA_ROOT, handed
    out only by the permission-checked admin download."""
    return storages["private"]


class PreparedFile(models.Model):
    """One file a user asked for, from the request that booked it until it is deleted 24 hours
    after it was made. The task worker fills it in and says how far it has come."""

    class State(models.TextChoices):
        # Words as short as these mean other things elsewhere in the admin: hence the context.
        WAITING = "waiting", pgettext_lazy("prepared files", "Waiting")
        WORKING = "working", pgettext_lazy("prepared files", "Being prepared")
        READY = "ready", pgettext_lazy("prepared files", "Ready")
        FAILED = "failed", pgettext_lazy("prepared files", "Failed")

    # What was asked for, and by whom
    kind = models.CharField(
        _("kind"), max_length=60, help_text=_("The registered kind whose builder makes the file.")
    )
    subject = models.CharField(
        _("subject"),
        max_length=255,
        blank=True,
        help_text=_("What the file is about, e.g. the election's title."),
    )
    params = models.JSONField(
        _("parameters"), default=dict, help_text=_("What the builder needs, e.g. the election.")
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("requested by"),
        help_text=_("Only this user may download the file."),
    )

    # How far the worker has come
    state = models.CharField(_("state"), max_length=8, choices=State.choices, default=State.WAITING)
    done = models.PositiveIntegerField(_("done"), default=0, help_text=_("Items done so far."))
    total = models.PositiveIntegerField(
        _("total"), default=0, help_text=_("Items to do; 0 until the builder knows.")
    )

    # The file itself
    file = models.FileField(
        _("file"),
        storage=prepared_file_storage,
        upload_to="prepared-files/",
        blank=True,
        help_text=_("Kept in private storage under a random name."),
    )
    filename = models.CharField(
        _("file name"), max_length=200, blank=True, help_text=_("The name the download gets.")
    )
    content_type = models.CharField(_("content type"), max_length=100, blank=True)

    created_at = models.DateTimeField(_("asked for at"), auto_now_add=True)
    delete_after = models.DateTimeField(
        _("deleted after"),
        db_index=True,
        help_text=_("24 hours after the file was made (or asked for, while it is not made)."),
    )

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("prepared file")
        verbose_name_plural = _("prepared files")

    def __str__(self) -> str:
        return str(self.title)

    @property
    def title(self) -> str:
        """The kind's title in the reader's language, with what it is about."""
        kind = file_kind(self.kind)
        title = str(kind.title) if kind else self.kind
        return f"{title}: {self.subject}" if self.subject else title

    @property
    def is_unfinished(self) -> bool:
        return self.state in (self.State.WAITING, self.State.WORKING)
