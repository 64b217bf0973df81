"""Printed ballot cards and the batches they are printed in.

A card's code is not stored: see ``ballots/codes.py`` for how codes are derived from the
batch seed and a server key, and why. No timestamp is kept of when a card was used, so a
recorded vote cannot be matched to the card that unlocked it by time.

State changes (issue, use, spoil, void) live in ``services.py``; these models only describe
the data.
"""

import secrets
from functools import cached_property

from django.conf import settings
from django.core.files.storage import storages
from django.db import models
from django.utils.translation import gettext_lazy as _

from . import codes


def new_seed():
    return secrets.token_hex(32)


def print_file_storage():
    """Printable batches hold working codes: they live in private storage, outside MEDIA_ROOT,
    and reach people only through the permission-checked admin download."""
    return storages["private"]


class BallotBatch(models.Model):
    """A set of cards printed together for one station (e.g. 300 for a morning's voting).

    Printing happens per batch so that a lost box can be cancelled (voided) on its own.
    """

    class Layout(models.IntegerChoices):
        FOUR = 4, _("4 cards per A4 page (large)")
        EIGHT = 8, _("8 cards per A4 page")
        TEN = 10, _("10 cards per A4 page (small)")

    # What was printed
    station = models.ForeignKey(
        "mock_elections.PollingStation",
        on_delete=models.CASCADE,
        related_name="ballot_batches",
        verbose_name=_("polling station"),
        help_text=_("The only station where these cards can be used."),
    )
    number = models.PositiveIntegerField(
        _("batch number"),
        editable=False,
        help_text=_("Counts the station's batches: 1, 2, 3… Printed on every card."),
    )
    size = models.PositiveIntegerField(
        _("number of cards"), help_text=_("How many cards the batch has (1–5,000).")
    )
    layout = models.PositiveSmallIntegerField(
        _("cards per page"),
        choices=Layout.choices,
        default=Layout.EIGHT,
        help_text=_("How many cards fit on each A4 sheet of the PDF."),
    )
    seed = models.CharField(
        _("seed"),
        max_length=64,
        default=new_seed,
        editable=False,
        help_text=_(
            "Random value from which, with the server's secret key, the codes are derived."
        ),
    )

    # Who and when
    created_at = models.DateTimeField(
        _("created at"), auto_now_add=True, help_text=_("When the batch was issued.")
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("created by"),
        help_text=_("The organiser who issued the batch."),
    )

    # Cancellation
    is_void = models.BooleanField(
        _("void"),
        default=False,
        editable=False,
        help_text=_("The whole batch was cancelled; its unused cards no longer work."),
    )
    void_reason = models.CharField(
        _("reason for voiding"),
        max_length=300,
        blank=True,
        editable=False,
        help_text=_("Why the batch was cancelled, e.g. a box of cards was lost."),
    )
    voided_at = models.DateTimeField(
        _("voided at"), null=True, blank=True, editable=False, help_text=_("When it was voided.")
    )
    voided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        verbose_name=_("voided by"),
        help_text=_("The organiser who cancelled the batch."),
    )

    # The printable PDF, drawn in the background (a 5,000-card batch takes several seconds)
    class PrintState(models.TextChoices):
        WAITING = "waiting", _("Waiting to be drawn")
        DRAWING = "drawing", _("Being drawn")
        READY = "ready", _("Ready to download")
        FAILED = "failed", _("Drawing failed")

    print_state = models.CharField(
        _("printable file"),
        max_length=8,
        choices=PrintState.choices,
        default=PrintState.WAITING,
        editable=False,
        help_text=_("Whether the batch's PDF has been drawn."),
    )
    print_progress = models.PositiveIntegerField(
        _("cards drawn"), default=0, editable=False, help_text=_("Cards drawn so far.")
    )
    print_file = models.FileField(
        _("PDF"),
        storage=print_file_storage,
        upload_to="ballot-batches/",
        blank=True,
        editable=False,
        help_text=_("The print-ready PDF; removed when the batch is voided."),
    )

    class Meta:
        ordering = ["station", "number"]
        verbose_name = _("ballot batch")
        verbose_name_plural = _("ballot batches")
        constraints = [
            models.UniqueConstraint(fields=["station", "number"], name="unique_batch_number"),
        ]

    def __str__(self):
        return _("%(station)s, batch %(number)s") % {"station": self.station, "number": self.number}

    @cached_property
    def is_rehearsal(self):
        """Whether the cards were printed for a rehearsal (copied onto each card at issue, so
        a reprint matches the original even if the election's flag changed since)."""
        return self.ballots.filter(is_rehearsal=True).exists()

    def print_status(self):
        """The printable file's state in words, with how far the drawing has come."""
        if self.print_state == self.PrintState.DRAWING:
            return _("Being drawn: %(done)s of %(size)s cards") % {
                "done": self.print_progress,
                "size": self.size,
            }
        return self.get_print_state_display()

    def code_of(self, serial):
        """The canonical code of card number ``serial``; needs the server key."""
        return codes.derive_code(self.seed, serial)

    def codes(self):
        """Every card's canonical code in serial order."""
        return [self.code_of(serial) for serial in range(1, self.size + 1)]


class Ballot(models.Model):
    """One printed card. It unlocks exactly one vote, at its own station.

    Deliberately absent: the code itself (only its keyed digest) and any time of use.
    """

    class State(models.TextChoices):
        PRINTED = "printed", _("Printed, not used")
        USED = "used", _("Used")
        SPOILED = "spoiled", _("Spoiled")
        VOID = "void", _("Void (batch cancelled)")

    batch = models.ForeignKey(
        BallotBatch,
        on_delete=models.CASCADE,
        related_name="ballots",
        verbose_name=_("batch"),
        help_text=_("The batch the card was printed in."),
    )
    station = models.ForeignKey(
        "mock_elections.PollingStation",
        on_delete=models.CASCADE,
        related_name="ballots",
        verbose_name=_("polling station"),
        help_text=_("Copied from the batch so counts per station need no join."),
    )
    serial = models.PositiveIntegerField(
        _("card number"), help_text=_("Position in the batch, printed on the card.")
    )
    code_digest = models.CharField(
        _("code digest"),
        max_length=64,
        unique=True,
        help_text=_("Keyed hash of the code; the code itself is never stored."),
    )
    state = models.CharField(
        _("state"),
        max_length=8,
        choices=State.choices,
        default=State.PRINTED,
        help_text=_("Printed → used, or spoiled by a volunteer, or void with its batch."),
    )
    spoil_reason = models.CharField(
        _("reason spoiled"),
        max_length=300,
        blank=True,
        help_text=_("E.g. torn, misprinted, child left before voting."),
    )
    spoiled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("spoiled by"),
        help_text=_("The volunteer or organiser who marked the card spoiled."),
    )
    is_rehearsal = models.BooleanField(
        _("rehearsal"),
        default=False,
        help_text=_("Printed for a rehearsal: never accepted in a live election."),
    )

    class Meta:
        ordering = ["batch", "serial"]
        verbose_name = _("ballot card")
        verbose_name_plural = _("ballot cards")
        constraints = [
            models.UniqueConstraint(fields=["batch", "serial"], name="unique_card_in_batch"),
        ]
        # No index holds `state`: spending a card at each vote then changes the row alone (a
        # HOT update on PostgreSQL), not an index entry too. Counting a station's cards by
        # state reads them through the station's own index (a station prints hundreds).

    def __str__(self):
        return f"{self.batch} · {self.serial}"
