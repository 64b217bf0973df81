"""Reads of the voting app, one module per subject, all re-exported here so callers write
`from voting import selectors` or `from voting.selectors import station_counter`.

- tablets: tokens, the offline bundle, the live counter;
- paper, closing: paper count lines and the closing summary;
- accounting: cards against votes;
- counting: sealed votes still waiting, votes set aside, tally digests;
- desk: who may run which station's desk, and what they may do there;
- feedback: the children's smiley answers per station.
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
from .desk import (
    DeskRights,
    desk_rights,
    is_station_only,
    may_run_station,
    runs_every_station,
    stations_user_may_run,
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
    voting_tablet_for_token,
)

__all__ = [
    "ACCOUNTING_NUMBERS",
    "BallotRules",
    "DeskRights",
    "FaceCount",
    "PaperLine",
    "StationDigest",
    "ballot_rules",
    "canonical_tally",
    "closing_summary",
    "desk_rights",
    "digest",
    "election_accounting",
    "is_station_only",
    "may_run_station",
    "normalise_digest",
    "paper_tally_differences",
    "paper_tally_lines",
    "runs_every_station",
    "set_aside_votes",
    "station_accounting",
    "station_bundle",
    "station_counter",
    "station_digests",
    "station_feedback",
    "station_tally_digest",
    "stations_user_may_run",
    "stations_with_uncounted_votes",
    "tablet_for_token",
    "voting_tablet_for_token",
    "tally_digest",
    "uncounted_votes",
    "with_accounting",
]
