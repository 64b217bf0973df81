"""The tablets that run a station, their pairing codes and shared settings, and what makes
a synced vote count exactly once."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class StationTablet(models.Model):
    """A tablet paired with one station. It holds a long-lived token that can do nothing but
    run that station; only a hash of the token is stored, so a database copy cannot drive it."""

    station = models.ForeignKey(
        "mock_elections.PollingStation",
        on_delete=models.CASCADE,
        related_name="tablets",
        verbose_name=_("station"),
        help_text=_("The only station this tablet may run."),
    )
    label = models.CharField(
        _("label"), max_length=60, help_text=_("E.g. “Planšete 1”, as written on its sticker.")
    )
    token_digest = models.CharField(
        _("token hash"),
        max_length=64,
        unique=True,
        editable=False,
        help_text=_("SHA-256 of the tablet's token; the token itself is never stored."),
    )
    paired_at = models.DateTimeField(
        _("paired at"), auto_now_add=True, help_text=_("When the pairing code was used.")
    )
    last_seen_at = models.DateTimeField(
        _("last seen"), null=True, blank=True, help_text=_("Its last request of any kind.")
    )
    last_sync_at = models.DateTimeField(
        _("last sync"), null=True, blank=True, help_text=_("Its last batch of votes.")
    )
    queued_votes_reported = models.PositiveIntegerField(
        _("votes waiting on the tablet"),
        default=0,
        help_text=_("How many votes the tablet said were still waiting to sync."),
    )
    revoked_at = models.DateTimeField(
        _("revoked at"),
        null=True,
        blank=True,
        help_text=_("Once revoked the tablet is refused at once; pair it again to reuse it."),
    )

    class Meta:
        ordering = ["station", "label"]
        verbose_name = _("station tablet")
        verbose_name_plural = _("station tablets")

    def __str__(self):
        return f"{self.station} · {self.label}"


class PairingCode(models.Model):
    """A short one-time code an organiser shows in the admin and a volunteer types (or scans)
    on a new tablet. Only its hash is kept; it expires within minutes."""

    station = models.ForeignKey(
        "mock_elections.PollingStation",
        on_delete=models.CASCADE,
        related_name="pairing_codes",
        verbose_name=_("station"),
        help_text=_("The station the tablet will be paired with."),
    )
    code_digest = models.CharField(
        _("code hash"),
        max_length=64,
        unique=True,
        editable=False,
        help_text=_("SHA-256 of the code; the code itself is shown once and never stored."),
    )
    created_at = models.DateTimeField(
        _("created at"), auto_now_add=True, help_text=_("When the organiser made it.")
    )
    expires_at = models.DateTimeField(
        _("expires at"), help_text=_("The code is refused after this moment.")
    )
    used_at = models.DateTimeField(
        _("used at"), null=True, blank=True, help_text=_("A code pairs one tablet only.")
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("created by"),
        help_text=_("The organiser who made the code."),
    )

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("pairing code")
        verbose_name_plural = _("pairing codes")

    def __str__(self):
        return f"{self.station} · {self.created_at:%Y-%m-%d %H:%M}"


class StationSettings(models.Model):
    """What the tablets of one station share beyond the election's own data: the volunteers'
    PIN (hashed like a password) and whether voting is paused for a moment."""

    station = models.OneToOneField(
        "mock_elections.PollingStation",
        on_delete=models.CASCADE,
        related_name="tablet_settings",
        verbose_name=_("station"),
        help_text=_("One settings row per station."),
    )
    pin_hash = models.CharField(
        _("PIN hash"),
        max_length=200,
        blank=True,
        editable=False,
        help_text=_("The volunteers' PIN, hashed; set it in the admin."),
    )
    pin_changed_at = models.DateTimeField(
        _("PIN changed at"), null=True, blank=True, help_text=_("When the PIN was last set.")
    )
    paused_at = models.DateTimeField(
        _("paused since"),
        null=True,
        blank=True,
        help_text=_("While set, the tablets show a pause screen and accept no new ballots."),
    )
    counting_reopened_at = models.DateTimeField(
        _("counting reopened at"),
        null=True,
        blank=True,
        help_text=_("Set when an organiser reopened paper counting after results were published."),
    )

    class Meta:
        verbose_name = _("station tablet settings")
        verbose_name_plural = _("station tablet settings")

    def __str__(self):
        return str(self.station)


class ReceivedSubmission(models.Model):
    """The tablet's random id of each vote it sent, so a retried or replayed sync never counts
    twice. It deliberately holds no vote id, no ballot code and only the hour it arrived."""

    client_id = models.UUIDField(
        _("client id"),
        primary_key=True,
        help_text=_("The random UUID the tablet gave the vote when it was cast."),
    )
    # Not indexed: nothing reads these by station (only deleting a station removes them), and
    # an index would be one more page written at every vote.
    station = models.ForeignKey(
        "mock_elections.PollingStation",
        on_delete=models.CASCADE,
        related_name="+",
        db_index=False,
        verbose_name=_("station"),
        help_text=_("The station whose tablet sent it."),
    )
    received_hour = models.DateTimeField(
        _("hour received"), help_text=_("Truncated to the hour, like the vote's own time.")
    )

    class Meta:
        verbose_name = _("received submission")
        verbose_name_plural = _("received submissions")

    def __str__(self):
        return str(self.client_id)


class DuplicateOfflineUse(models.Model):
    """A ballot code that two tablets of the same station both accepted while offline. The
    vote is counted once; this row explains the difference in the station's accounting."""

    station = models.ForeignKey(
        "mock_elections.PollingStation",
        on_delete=models.CASCADE,
        related_name="duplicate_offline_uses",
        verbose_name=_("station"),
        help_text=_("The station whose tablets both took the code."),
    )
    noticed_hour = models.DateTimeField(
        _("hour noticed"), help_text=_("When the second copy arrived, to the hour.")
    )

    class Meta:
        ordering = ["station", "noticed_hour"]
        verbose_name = _("code used twice offline")
        verbose_name_plural = _("codes used twice offline")

    def __str__(self):
        return f"{self.station} · {self.noticed_hour:%Y-%m-%d %H}:00"
