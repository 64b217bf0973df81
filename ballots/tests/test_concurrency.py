"""Racing tablets: twenty threads use one card at once, exactly one wins.

Runs against the real database (SQLite file in WAL mode, or PostgreSQL via DATABASE_URL),
each thread with its own connection and transaction.
"""

import threading

import pytest

from django.db import connection, transaction

from ballots.models import Ballot
from ballots.services import BallotRefused, issue_ballots, use_ballot

from .factories import StationFactory

RACERS = 20


@pytest.mark.django_db(transaction=True)
def test_twenty_racing_uses_of_one_card_give_exactly_one_success():
    if connection.vendor == "sqlite" and connection.settings_dict["NAME"].startswith(
        ("file:memorydb", ":memory:")
    ):
        pytest.skip("needs a database shared between threads: run with DATABASE_URL (CI on PG)")
    station = StationFactory()
    code = issue_ballots(station, 1).codes()[0]
    outcomes = []
    start = threading.Barrier(RACERS)

    def race():
        start.wait()
        try:
            with transaction.atomic():
                use_ballot(station, code)
            outcomes.append("used")
        except BallotRefused as refused:
            outcomes.append(refused.reason)
        finally:
            connection.close()

    threads = [threading.Thread(target=race) for _ in range(RACERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert outcomes.count("used") == 1
    assert outcomes.count("already_used") == RACERS - 1
    assert Ballot.objects.get().state == Ballot.State.USED


@pytest.mark.django_db(transaction=True)
def test_use_ballot_outside_a_transaction_is_a_programming_error():
    code = issue_ballots(StationFactory(), 1).codes()[0]
    with pytest.raises(RuntimeError):
        use_ballot(None, code)
