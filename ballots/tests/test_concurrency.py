"""Racing tablets: twenty threads use one card at once, exactly one wins.

Each thread has its own connection and transaction. On SQLite the race runs in a separate
process on a database file (the suite's in-memory database cannot be shared like a file);
on PostgreSQL (DATABASE_URL) it runs right here.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from django.db import connection

from ballots.models import Ballot
from ballots.services import issue_ballots, use_ballot

from .factories import StationFactory
from .race import RACERS, race_to_use


def test_twenty_racing_uses_on_a_sqlite_file_give_exactly_one_success(tmp_path):
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "campaign.settings.test",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'race.sqlite3'}",
    }
    finished = subprocess.run(
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
    outcomes = race_to_use(station, code)
    assert outcomes.count("used") == 1
    assert outcomes.count("already_used") == RACERS - 1
    assert Ballot.objects.get().state == Ballot.State.USED


@pytest.mark.django_db(transaction=True)
def test_use_ballot_outside_a_transaction_is_a_programming_error():
    code = issue_ballots(StationFactory(), 1).codes()[0]
    with pytest.raises(RuntimeError):
        use_ballot(None, code)
