"""What a vote leaves behind, and what runs the station tablets that take votes.

A Vote must never be linkable to the ballot card that unlocked it: it has no reference to the
ballot, a random (not sequential) identifier, and only the hour it was cast. The same holds
for everything stored beside it (ReceivedSubmission keeps the tablet's random id of the vote
for exactly-once sync, but no vote id and no code).
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Vote(models.Model):
    """One child's completed ballot from a station tablet."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    election = models.ForeignKey(
        "mock_elections.Election", on_delete=models.PROTECT, related_name="votes"
    )
    station = models.ForeignKey(
        "mock_elections.PollingStation", on_delete=models.PROTECT, related_name="votes"
    )
    age_band = models.ForeignKey(
        "mock_elections.AgeBand", on_delete=models.PROTECT, related_name="votes"
    )
    cast_hour = models.DateTimeField(
        _("hour cast"),
        help_text=_(
            "Truncated to the hour: enough for the participation curve, too coarse to link."
        ),
    )
    counted = models.BooleanField(
        _("counted"),
        default=True,
        help_text=_(
            "False while the vote is still sealed in the ballot box: it then has no answers and "
            "counts only for participation. Counting the station replaces it."
        ),
    )

    class Meta:
        verbose_name = _("vote")
        verbose_name_plural = _("votes")
        # Counting reads every vote of an election with its station, age band and hour: this
        # index alone answers that, without visiting the table.
        indexes = [
            models.Index(
                fields=["election", "station", "age_band", "cast_hour", "id"],
                name="vote_counting_idx",
            )
        ]

    def __str__(self):
        return f"{self.station} · {self.cast_hour:%Y-%m-%d %H}:00"


class VoteAnswer(models.Model):
    """The answer to one question on one vote; no option means the child abstained."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    vote = models.ForeignKey(Vote, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(
        "mock_elections.BallotQuestion", on_delete=models.PROTECT, related_name="+"
    )
    option = models.ForeignKey(
        "mock_elections.BallotOption",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["vote", "question"], name="one_answer_per_question")
        ]
        # Counting joins answers to votes and groups by option: covered by this index.
        indexes = [models.Index(fields=["vote", "question", "option"], name="answer_counting_idx")]

    def __str__(self):
        return f"{self.question_id}: {self.option_id or '-'}"


class PaperTally(models.Model):
    """Accepted paper-ballot counts for one station, question and option, entered after
    closing when tablets failed. No option means abstentions."""

    station = models.ForeignKey(
        "mock_elections.PollingStation", on_delete=models.PROTECT, related_name="paper_tallies"
    )
    question = models.ForeignKey(
        "mock_elections.BallotQuestion", on_delete=models.PROTECT, related_name="+"
    )
    option = models.ForeignKey(
        "mock_elections.BallotOption",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    votes = models.PositiveIntegerField(_("votes"))

    class Meta:
        verbose_name = _("paper tally")
        verbose_name_plural = _("paper tallies")

    def __str__(self):
        return f"{self.station} · {self.question_id}: {self.votes}"


# The sealed ballot box


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
    station = models.ForeignKey(
        "mock_elections.PollingStation",
        on_delete=models.PROTECT,
        related_name="+",
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


# Station tablets and their volunteers


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


# Exactly-once sync


class ReceivedSubmission(models.Model):
    """The tablet's random id of each vote it sent, so a retried or replayed sync never counts
    twice. It deliberately holds no vote id, no ballot code and only the hour it arrived."""

    client_id = models.UUIDField(
        _("client id"),
        primary_key=True,
        help_text=_("The random UUID the tablet gave the vote when it was cast."),
    )
    station = models.ForeignKey(
        "mock_elections.PollingStation",
        on_delete=models.CASCADE,
        related_name="+",
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


# Paper fallback


class PaperTallyEntry(models.Model):
    """One volunteer's count of paper ballots for one question and option. Two volunteers
    enter the whole station independently (rounds 1 and 2); only matching entries become the
    accepted PaperTally."""

    class Round(models.IntegerChoices):
        FIRST = 1, _("First volunteer")
        SECOND = 2, _("Second volunteer")

    station = models.ForeignKey(
        "mock_elections.PollingStation",
        on_delete=models.CASCADE,
        related_name="paper_tally_entries",
        verbose_name=_("station"),
        help_text=_("The station whose paper ballots were counted."),
    )
    question = models.ForeignKey(
        "mock_elections.BallotQuestion",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("question"),
        help_text=_("The question counted."),
    )
    option = models.ForeignKey(
        "mock_elections.BallotOption",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("option"),
        help_text=_("Empty means “I don't know” (abstentions)."),
    )
    votes = models.PositiveIntegerField(_("votes"), help_text=_("Paper ballots counted."))
    entry_round = models.PositiveSmallIntegerField(
        _("entry"), choices=Round.choices, help_text=_("Which of the two volunteers entered it.")
    )
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("entered by"),
        help_text=_("The volunteer who typed the count."),
    )
    entered_at = models.DateTimeField(
        _("entered at"), auto_now=True, help_text=_("When the count was last typed.")
    )

    class Meta:
        ordering = ["station", "entry_round", "question__sort_order", "option__sort_order"]
        verbose_name = _("paper tally entry")
        verbose_name_plural = _("paper tally entries")

    def __str__(self):
        return f"{self.station} · {self.entry_round} · {self.question_id}: {self.votes}"


class PaperTallyCorrection(models.Model):
    """The log of every change to a typed paper count: who, when, the old and the new value."""

    entry = models.ForeignKey(
        PaperTallyEntry,
        on_delete=models.CASCADE,
        related_name="corrections",
        verbose_name=_("entry"),
        help_text=_("The count that was changed."),
    )
    corrected_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("corrected by"),
        help_text=_("Who changed it."),
    )
    corrected_at = models.DateTimeField(
        _("corrected at"), auto_now_add=True, help_text=_("When it was changed.")
    )
    old_votes = models.PositiveIntegerField(_("old value"), help_text=_("The count before."))
    new_votes = models.PositiveIntegerField(_("new value"), help_text=_("The count after."))

    class Meta:
        ordering = ["-corrected_at"]
        verbose_name = _("paper tally correction")
        verbose_name_plural = _("paper tally corrections")

    def __str__(self):
        return f"{self.entry}: {self.old_votes} → {self.new_votes}"
