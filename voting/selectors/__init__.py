"""Reads of the voting app, one module per subject, all re-exported here so callers write
`from voting import selectors` or `from voting.selectors import station_counter`.

- tablets: tokens, the offline bundle, the live counter;
- paper, closing: paper count lines and the closing summary;
- accounting: cards against votes;
- feedback: the children's smiley answers per station;
- counting: sealed votes still waiting, votes set aside, tally digests.
"""

from .accounting import (
    ACCOUNTING_NUMBERS,
    election_accounting,
    station_accounting,
    with_accounting,
)
from .closing import closing_summary
from .counting import (
    StationDigest,
    canonical_tally,
    normalise_digest,
    set_aside_votes,
    station_digests,
    station_tally_digest,
    stations_with_uncounted_votes,
    tally_digest,
    uncounted_votes,
)
from .feedback import FaceCount, station_feedback
from .paper import PaperLine, paper_tally_differences, paper_tally_lines
from .tablets import (
    BallotRules,
    ballot_rules,
    digest,
    station_bundle,
    station_counter,
    tablet_for_token,
)

__all__ = [
    "ACCOUNTING_NUMBERS",
    "BallotRules",
    "FaceCount",
    "PaperLine",
    "StationDigest",
    "ballot_rules",
    "canonical_tally",
    "closing_summary",
    "digest",
    "election_accounting",
    "normalise_digest",
    "paper_tally_differences",
    "paper_tally_lines",
    "set_aside_votes",
    "station_accounting",
    "station_bundle",
    "station_counter",
    "station_digests",
    "station_feedback",
    "station_tally_digest",
    "stations_with_uncounted_votes",
    "tablet_for_token",
    "tally_digest",
    "uncounted_votes",
    "with_accounting",
]
