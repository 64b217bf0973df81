"""A vote costs a fixed handful of SQL statements, the same for every vote of a batch: pinned,
so a lookup repeated per vote (or per answer) shows up as a failing count."""

import json

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from base import raw_sql

from .factories import vote_item

pytestmark = pytest.mark.django_db

# Per vote: the client id, the station's state read inside the vote's transaction, the card
# spent by one conditional UPDATE, the participation vote and the sealed ballot.
PER_VOTE = 5
# Per request, once the tablet has synced: nothing. The server process remembers the tablet
# for its token (`voting_tablet_for_token`), and its note of waiting votes and last sync is
# written only when it changed, at most every few seconds.
PER_REQUEST = 0


def sync_queries(client, set_up, codes):
    """The queries sent to the database by one sync of a vote per code, without the
    savepoints that only the test's surrounding transaction adds (in production each vote is
    its own commit)."""
    body = json.dumps({"votes": [vote_item(set_up, code) for code in codes], "queued": 0})
    with CaptureQueriesContext(connection) as captured:
        response = client.post(
            "/api/tablet/sync/",
            body,
            content_type="application/json",
            headers={"Authorization": f"Bearer {set_up.token}"},
        )
    assert response.status_code == 200, response.content
    assert {result["result"] for result in response.json()["results"]} == {"recorded"}
    return [
        query["sql"]
        for query in captured.captured_queries
        if not query["sql"].startswith(("SAVEPOINT", "RELEASE SAVEPOINT"))
    ]


def sync_statements(client, set_up, codes):
    """The SQL statements of one sync of a vote per code. On PostgreSQL a vote's statements
    go as one query of prepared statements (`base/raw_sql.py`): they are counted one by one
    all the same, each written out as the SQL it runs."""
    return [
        raw_sql.written_out(statement)
        for query in sync_queries(client, set_up, codes)
        for statement in query.split("; ")
    ]


@pytest.mark.parametrize("batch", [1, 7])
def test_each_vote_of_a_batch_costs_the_same_few_statements(client, station_set_up, batch):
    sync_statements(client, station_set_up, station_set_up.codes[:1])  # warms the rules cache
    statements = sync_statements(client, station_set_up, station_set_up.codes[1 : 1 + batch])
    assert len(statements) == PER_REQUEST + PER_VOTE * batch, "\n\n".join(statements)
    # Only the vote's own writes and its station check repeat, once per vote; nothing is
    # looked up again per vote, nor the tablet per request.
    reads = [sql for sql in statements if sql.startswith("SELECT")]
    assert len(reads) == batch, "\n\n".join(reads)


def test_a_vote_is_one_round_trip_to_postgresql(client, station_set_up):
    """Round trips, not statements, bound a vote's rate on PostgreSQL (`bench/tablets.py`):
    there the vote's five statements travel as one query; SQLite, in process, runs them one
    by one."""
    sync_queries(client, station_set_up, station_set_up.codes[:1])  # warms the rules cache
    queries = sync_queries(client, station_set_up, station_set_up.codes[1:4])
    per_vote = 1 if connection.vendor == "postgresql" else PER_VOTE
    assert len(queries) == PER_REQUEST + per_vote * 3, "\n\n".join(queries)


def test_on_postgresql_a_vote_runs_statements_prepared_once_per_connection(client, station_set_up):
    """The first vote on a connection prepares the vote's statements; every later vote only
    runs them. SQLite sends the statements themselves."""
    first = sync_queries(client, station_set_up, station_set_up.codes[:1])
    later = sync_queries(client, station_set_up, station_set_up.codes[1:3])
    if connection.vendor != "postgresql":
        assert not [sql for sql in first + later if "PREPARE" in sql or "EXECUTE" in sql]
        return
    assert not [sql for sql in later if "PREPARE" in sql], "\n\n".join(later)
    sent = [statement for query in later for statement in query.split("; ")]
    assert len(sent) == 2 * PER_VOTE
    assert all(statement.startswith("EXECUTE raw_sql_") for statement in sent), sent
