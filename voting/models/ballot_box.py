"""The sealed ballot box: the election's key pair, the sealed ballots waiting to be counted,
and the ballots a count had to set aside."""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class BallotBox(models.Model):
    """The key pair tablets seal each ballot to. The private key is kept only wrapped under the
    server's BALLOT_BOX_KEY, so a database copy alone opens no ballot; it is destroyed once
    the election's results are final (voting/README.md explains the threat model)."""

    election = models.OneToOneField(
        "mock_elections.Election",
        on_delete=models.PROTECT,
        related_name="ballot_box",
        verbose_name=_("election"),
        help_text=_("One box per election."),
    )
    public_key = models.BinaryField(
        _("public key"), help_text=_("The raw uncompressed P-256 point (65 bytes).")
    )
    wrapped_private_key = models.BinaryField(
        _("wrapped private key"),
        null=True,
        help_text=_("AES-GCM under a key derived from BALLOT_BOX_KEY; empty once destroyed."),
    )
    created_at = models.DateTimeField(
        _("created at"), auto_now_add=True, help_text=_("When the box was made.")
    )
    destroyed_at = models.DateTimeField(
        _("destroyed at"),
        null=True,
        blank=True,
        help_text=_("When the private key was destroyed; no ballot can be opened after it."),
    )

    class Meta:
        verbose_name = _("ballot box")
        verbose_name_plural = _("ballot boxes")

    def __str__(self):
        return str(self.election)


class SealedVote(models.Model):
    """One ballot as the tablet sealed it, waiting to be counted. No link to the vote, the card
    or the submission; counting opens it, writes the counted Vote and deletes this row."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    # Not indexed: an index is one more page written at every vote, and sealed votes are few
    # and short-lived (counting the station deletes them), so reading them by station scans.
    station = models.ForeignKey(
        "mock_elections.PollingStation",
        on_delete=models.PROTECT,
        related_name="+",
        db_index=False,
        verbose_name=_("station"),
        help_text=_("The station whose box holds it."),
    )
    cast_hour = models.DateTimeField(
        _("hour cast"), help_text=_("Truncated to the hour, like the counted vote's own time.")
    )
    epk = models.BinaryField(_("ephemeral public key"), help_text=_("65 bytes."))
    iv = models.BinaryField(_("nonce"), help_text=_("12 bytes."))
    ct = models.BinaryField(_("ciphertext"), help_text=_("AES-256-GCM ciphertext and tag."))

    class Meta:
        verbose_name = _("sealed vote")
        verbose_name_plural = _("sealed votes")

    def __str__(self):
        return f"{self.station} · {self.cast_hour:%Y-%m-%d %H}:00"


class SetAsideVote(models.Model):
    """A sealed ballot that did not open or did not fit the election. It is not counted; the
    count screen reports it with its station and why. Its content is not kept."""

    station = models.ForeignKey(
        "mock_elections.PollingStation",
        on_delete=models.PROTECT,
        related_name="set_aside_votes",
        verbose_name=_("station"),
        help_text=_("The station whose box held it."),
    )
    reason = models.CharField(
        _("reason"), max_length=200, help_text=_("Why the ballot could not be counted.")
    )
    counted_hour = models.DateTimeField(
        _("counted at"), help_text=_("The hour of the count that set it aside.")
    )

    class Meta:
        ordering = ["station", "counted_hour"]
        verbose_name = _("vote set aside")
        verbose_name_plural = _("votes set aside")

    def __str__(self):
        return f"{self.station}: {self.reason}"


class StationTally(models.Model):
    """The digest of a station's counted tally as recorded when it was counted (or its paper
    counts accepted), and as an organiser typed it from the signed paper certificate.
    `verify_results` recomputes the digest from the votes and compares it with both."""

    station = models.OneToOneField(
        "mock_elections.PollingStation",
        on_delete=models.CASCADE,
        related_name="tally",
        verbose_name=_("station"),
        help_text=_("One tally record per station."),
    )
    digest = models.CharField(
        _("digest"), max_length=11, help_text=_("Recorded by the count, e.g. “7K2QD-M9XAE”.")
    )
    recorded_at = models.DateTimeField(
        _("recorded at"), auto_now=True, help_text=_("When the count last recorded it.")
    )
    certified_digest = models.CharField(
        _("digest on the certificate"),
        max_length=11,
        blank=True,
        help_text=_("As typed by an organiser from the signed closing certificate."),
    )
    certified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("typed by"),
        help_text=_("The organiser who typed the certificate's digest."),
    )

    class Meta:
        verbose_name = _("station tally")
        verbose_name_plural = _("station tallies")

    def __str__(self):
        return f"{self.station}: {self.digest}"
