"""Twenty tablets send a vote with the same card at the same moment: one counts.

Each thread posts to the sync API with its own database connection and transaction, on the
SQLite test file (WAL) or on PostgreSQL when DATABASE_URL points there.
"""

import threading

import pytest

from django.db import connection
from django.test import Client

from ballots.models import Ballot
from voting.models import ReceivedSubmission, Vote

from .factories import open_station_set_up, vote_item

RACERS = 20


@pytest.mark.django_db(transaction=True)
def test_twenty_racing_requests_with_one_code_give_one_vote_and_nineteen_refusals():
    set_up = open_station_set_up(cards=1)
    payloads = [{"votes": [vote_item(set_up, set_up.codes[0])]} for _ in range(RACERS)]
    outcomes = []
    start = threading.Barrier(RACERS)

    def race(payload):
        try:
            start.wait()
            response = Client().post(
                "/api/tablet/sync/",
                payload,
                content_type="application/json",
                headers={"Authorization": f"Bearer {set_up.token}"},
            )
            result = response.json()["results"][0]
            outcomes.append((response.status_code, result["result"], result.get("reason")))
        finally:
            connection.close()

    threads = [threading.Thread(target=race, args=(payload,)) for payload in payloads]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert outcomes.count((200, "recorded", None)) == 1
    assert outcomes.count((200, "refused", "already_used")) == RACERS - 1
    assert Vote.objects.count() == 1
    assert ReceivedSubmission.objects.count() == 1
    assert Ballot.objects.get().state == Ballot.State.USED
