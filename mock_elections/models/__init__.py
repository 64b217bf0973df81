"""The shape of a children's election: who votes where, on what.

Lifecycle rules (what may change when, who may open or close) live in services.py; these
models only describe the data.
"""

from .ballot import BallotOption, BallotQuestion, EasyReadWording
from .election import AgeBand, Election, PollingStation
from .history import ElectionTransition, QuestionProposal

__all__ = [
    "AgeBand",
    "BallotOption",
    "BallotQuestion",
    "EasyReadWording",
    "Election",
    "ElectionTransition",
    "PollingStation",
    "QuestionProposal",
]
