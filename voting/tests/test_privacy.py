"""Nothing stored for a vote lets anyone pair it with the ballot code that unlocked it."""

import uuid

import pytest

from django.db import connection

from ballots.codes import code_digest, normalise_code
from ballots.models import Ballot
from voting import services
from voting.models import ReceivedSubmission, SealedVote, Vote, VoteAnswer

from .factories import vote_item

pytestmark = pytest.mark.django_db

# Every column the tables involved hold; a new column must pass this review.
EXPECTED_COLUMNS = {
    Vote: {"id", "election_id", "station_id", "age_band_id", "cast_hour", "counted"},
    SealedVote: {"id", "station_id", "cast_hour", "epk", "iv", "ct"},
    VoteAnswer: {"id", "vote_id", "question_id", "option_id"},
    ReceivedSubmission: {"client_id", "station_id", "received_hour"},
    Ballot: {
        "id",
        "batch_id",
        "station_id",
        "serial",
        "code_digest",
        "state",
        "spoil_reason",
        "spoiled_by_id",
        "is_rehearsal",
    },
}


def table_columns(model):
    with connection.cursor() as cursor:
        return {
            column.name
            for column in connection.introspection.get_table_description(
                cursor, model._meta.db_table
            )
        }


def row_values(model, **filters):
    return [
        {key: str(value) for key, value in row.items()}
        for row in model.objects.filter(**filters).values()
    ]


def test_stored_columns_are_only_the_reviewed_ones():
    for model, expected in EXPECTED_COLUMNS.items():
        assert table_columns(model) == expected, model


def test_nothing_stored_for_a_vote_pairs_it_with_its_code(station_set_up):
    first_code, second_code = station_set_up.codes[:2]
    items = [vote_item(station_set_up, first_code), vote_item(station_set_up, second_code)]
    results = services.sync_votes(station_set_up.tablet, {"votes": items})
    assert [result["result"] for result in results] == ["recorded", "recorded"]

    ballots = Ballot.objects.filter(state=Ballot.State.USED)
    codes = {normalise_code(code) for code in (first_code, second_code)}
    long_secrets = codes | {code_digest(code) for code in codes}
    long_secrets |= {ballot.code_digest for ballot in ballots}
    vote_rows = row_values(Vote) + row_values(VoteAnswer) + row_values(ReceivedSubmission)
    for row in vote_rows:
        for value in row.values():
            assert not any(secret in value for secret in long_secrets), (row, value)
        # No column is a reference to a card either.
        assert not {key for key in row if "ballot" in key or "batch" in key or "serial" in key}

    # The vote rows differ only by their random ids: same station, band and hour.
    votes = list(Vote.objects.values("election", "station", "age_band", "cast_hour"))
    assert votes[0] == votes[1]
    assert all(
        uuid.UUID(str(vote_id)).version == 4
        for vote_id in Vote.objects.values_list("pk", flat=True)
    )
    assert all(
        submission.received_hour.minute == 0 and submission.received_hour.second == 0
        for submission in ReceivedSubmission.objects.all()
    )
    # The used cards differ only by what was printed on them; no time, no vote, no tablet.
    used = [
        {key: value for key, value in row.items() if key not in {"id", "serial", "code_digest"}}
        for row in ballots.values()
    ]
    assert used[0] == used[1]
    vote_ids = {str(pk) for pk in Vote.objects.values_list("pk", flat=True)}
    client_ids = {item["client_id"] for item in items}
    for row in row_values(Ballot):
        assert not (set(row.values()) & (vote_ids | client_ids))
