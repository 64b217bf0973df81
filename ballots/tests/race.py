"""Run by test_concurrency in a fresh process: twenty threads use one card on a SQLite file.

Prints the outcomes as JSON. A separate process because the test suite's SQLite database
lives in memory, which threads cannot share the way tablets share a real database file.
"""

import json
import sys
import threading

RACERS = 20


def race_to_use(station, code, racers=RACERS):
    """Let `racers` threads, each with its own connection, use one card at the same moment;
    return what each of them was told."""
    from django.db import connection, transaction

    from ballots.services import use_ballot
    from base.refusals import Refused

    outcomes = []
    start = threading.Barrier(racers)

    def race():
        start.wait()
        try:
            with transaction.atomic():
                use_ballot(station, code)
            outcomes.append("used")
        except Refused as refused:
            outcomes.append(refused.reason)
        finally:
            connection.close()

    threads = [threading.Thread(target=race) for _ in range(racers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return outcomes


def main():
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from ballots.models import Ballot
    from ballots.services import issue_ballots
    from ballots.tests.factories import StationFactory

    call_command("migrate", verbosity=0)
    station = StationFactory()
    code = issue_ballots(station, 1).codes()[0]
    connection.close()
    outcomes = race_to_use(station, code)
    json.dump({"outcomes": outcomes, "state": Ballot.objects.get().state}, sys.stdout)


if __name__ == "__main__":
    main()
