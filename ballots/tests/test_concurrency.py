"""Racing tablets: twenty threads use one card at once, exactly one wins.

Each thread has its own connection and transaction. On SQLite the race runs in a separate
process on a database file (the suite's in-memory database cannot be shared like a file);
on PostgreSQL (DATABASE_URL) it runs right here.
"""

import json
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from django.db import connection, transaction

from ballots.models import Ballot
from ballots.services import BallotRefused, issue_ballots, use_ballot

from .factories import StationFactory

RACERS = 20


def test_twenty_racing_uses_on_a_sqlite_file_give_exactly_one_success(tmp_path):
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "campaign.settings.test",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'race.sqlite3'}",
    }
    finished = subprocess.run(  # noqa: S603 - our own interpreter and module
        [sys.executable, "-m", "ballots.tests.race"],
        cwd=Path(__file__).resolve().parents[2],
        env=environment,
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    result = json.loads(finished.stdout)
    assert result["outcomes"].count("used") == 1
    assert result["outcomes"].count("already_used") == RACERS - 1
    assert result["state"] == Ballot.State.USED


@pytest.mark.django_db(transaction=True)
def test_twenty_racing_uses_of_one_card_give_exactly_one_success():
    if connection.vendor == "sqlite":
        pytest.skip("SQLite: see the test above, which races on a database file")
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
