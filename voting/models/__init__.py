"""The voting app's tables, one module per subject, re-exported here."""

from .ballot_box import BallotBox, SealedVote, SetAsideVote, StationTally
from .feedback import ReceivedFeedbackBatch, StationFeedback
from .paper import PaperTally, PaperTallyCorrection, PaperTallyEntry
from .tablets import (
    DuplicateOfflineUse,
    PairingCode,
    ReceivedSubmission,
    StationSettings,
    StationTablet,
)
from .votes import Vote, VoteAnswer

__all__ = [
    "BallotBox",
    "DuplicateOfflineUse",
    "PairingCode",
    "PaperTally",
    "PaperTallyCorrection",
    "PaperTallyEntry",
    "ReceivedFeedbackBatch",
    "ReceivedSubmission",
    "SealedVote",
    "SetAsideVote",
    "StationFeedback",
    "StationSettings",
    "StationTally",
    "StationTablet",
    "Vote",
    "VoteAnswer",
]
