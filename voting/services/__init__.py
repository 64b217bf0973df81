"""What happens at a children's station, as plain functions the tablet API and the admin call.
One module per part of the day; everything is re-exported here so callers write
`from voting import services`.

- pairing: pairing codes, tablets paired and revoked, tablets seen;
- pin: the volunteers' PIN;
- station: opening, pausing, closing and spoiling from a tablet;
- votes: sealed votes synced exactly once;
- feedback: the children's smiley answers, counted per station;
- ballot_box, content, counting: the sealed ballot box and counting it;
- paper: the paper fallback, typed twice;
- tallies: station tally digests recorded, certified and verified.
"""

from .ballot_box import box_private_key, close_ballot_box, ensure_ballot_box
from .common import CLOCK_TOLERANCE, MAX_QUEUED_REPORTED, as_int, hour_of, not_paired
from .content import check_ballot_content
from .counting import CountOutcome, clean_vote_tables, count_station
from .feedback import FACES, MAX_FEEDBACK_PER_BATCH, check_feedback_shape, record_feedback
from .pairing import (
    PAIRING_ALPHABET,
    PAIRING_CODE_LENGTH,
    PAIRING_CODE_LIFETIME,
    create_pairing_code,
    normalise_pairing_code,
    note_tablet_seen,
    pair_tablet,
    queued_count,
    revoke_tablet,
)
from .paper import (
    MAX_PAPER_COUNT,
    accept_paper_tallies,
    enter_paper_tally,
    refuse_if_results_published,
    reopen_counting,
)
from .pin import (
    PIN_ATTEMPTS,
    PIN_LOCKOUT,
    PIN_MAX_LENGTH,
    PIN_MIN_LENGTH,
    check_station_pin,
    set_station_pin,
    station_settings,
)
from .station import (
    close_station_from_tablet,
    open_station_from_tablet,
    pause_station_from_tablet,
    set_paused,
    spoil_ballot_from_tablet,
)
from .tallies import (
    TallyCheck,
    certify_digest,
    check_tally,
    record_election_tallies,
    record_tally,
    verify_election_tallies,
)
from .votes import (
    MAX_VOTES_PER_SYNC,
    CheckedVote,
    check_vote_shape,
    parse_moment,
    record_vote,
    refuse_card_if_not_accepting,
    sync_votes,
)

__all__ = [
    "CLOCK_TOLERANCE",
    "FACES",
    "MAX_FEEDBACK_PER_BATCH",
    "MAX_PAPER_COUNT",
    "MAX_QUEUED_REPORTED",
    "MAX_VOTES_PER_SYNC",
    "PAIRING_ALPHABET",
    "PAIRING_CODE_LENGTH",
    "PAIRING_CODE_LIFETIME",
    "PIN_ATTEMPTS",
    "PIN_LOCKOUT",
    "PIN_MAX_LENGTH",
    "PIN_MIN_LENGTH",
    "CheckedVote",
    "CountOutcome",
    "accept_paper_tallies",
    "as_int",
    "box_private_key",
    "check_ballot_content",
    "check_feedback_shape",
    "check_station_pin",
    "check_vote_shape",
    "clean_vote_tables",
    "close_ballot_box",
    "close_station_from_tablet",
    "count_station",
    "create_pairing_code",
    "ensure_ballot_box",
    "enter_paper_tally",
    "hour_of",
    "normalise_pairing_code",
    "note_tablet_seen",
    "open_station_from_tablet",
    "pair_tablet",
    "parse_moment",
    "pause_station_from_tablet",
    "queued_count",
    "record_feedback",
    "not_paired",
    "record_vote",
    "refuse_card_if_not_accepting",
    "refuse_if_results_published",
    "reopen_counting",
    "revoke_tablet",
    "set_paused",
    "set_station_pin",
    "spoil_ballot_from_tablet",
    "station_settings",
    "sync_votes",
    "TallyCheck",
    "certify_digest",
    "check_tally",
    "record_election_tallies",
    "record_tally",
    "verify_election_tallies",
]
