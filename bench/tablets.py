"""Station tablets under load: 12 simulated tablets (6 stations × 2) post votes to the sync
API of the production server (gunicorn, production settings) on 127.0.0.1, first on a temp
SQLite file, then on PostgreSQL. Printed beside each: the database's raw insert-and-commit
rate, the ceiling for one-vote-per-commit work. Target: p95 ≤ 50 ms.

The limit a vote request is measured against: 12 clients flat out on `/bench/insert/`, a view
that writes one row and commits (`bench/urls.py`, routed only by `bench/settings.py`), served
by the same gunicorn in the same run, in turns with the flat-out votes (4 rounds of each).
Goal: vote requests per second ÷ insert-view requests per second ≥ 0.5 with 12 flat-out
tablets. Every vote is sealed before the clock starts, as a tablet seals it when the child
confirms; the insert-view clients' bodies are ready beforehand too.

`python -m bench tablets`. PostgreSQL comes from BENCH_TABLETS_PG (default
postgres://postgres@127.0.0.1:5432/bench_tablets); the database is created and dropped here.
"""

import http.client
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from datetime import UTC, datetime
from pathlib import Path

from bench.common import ROOT, gunicorn_server, migrate, production_env
from voting.sealing import from_b64url, seal_ballot

STATIONS = 6
TABLETS_PER_STATION = 2
VOTES_PER_TABLET = 300
PACED_VOTES = 20
# Flat-out votes and insert-view requests take turns, round after round, so a change in the
# machine's load (the load generator shares its cores) weighs on both alike.
ROUNDS = 4
# A paced tablet sends a vote every half second: 24 votes/s from 12 tablets, hundreds of
# times the real rate (Liepāja: ~1,400 votes over 13 hours at 6 stations).
PACE_SECONDS = 0.5
RAW_INSERTS = 500
SOLO_VOTES = 40
WARM_UP_REQUESTS = 5
WORKERS = 2
THREADS = 4
PG_URL = os.environ.get("BENCH_TABLETS_PG", "postgres://postgres@127.0.0.1:5432/bench_tablets")


INSERT_VIEW_GOAL = 0.5


def server_env(database_url):
    """Production settings with the bench-only URLconf, which adds the minimal insert view."""
    return production_env(database_url, DJANGO_SETTINGS_MODULE="bench.settings")


def create_insert_table():
    """In the child process: the table the minimal insert view writes to."""
    from bench.urls import create_table

    create_table()


def in_django_child(env, function_name, cwd=ROOT, module="tablets", timeout=600):
    """Run one function of a bench module (of the checkout at `cwd`) in a child process with
    Django set up (the server's settings and database); return what it printed."""
    script = (
        f"import django; django.setup(); from bench import {module}; {module}.{function_name}()"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    if result.returncode:
        raise RuntimeError(result.stderr[-3000:])
    return result.stdout


def prepare_data():
    """In the child process (Django set up): an open election, 6 open stations, printed
    cards and 12 paired tablets; prints what the simulated tablets need as JSON."""
    import datetime

    from django.utils import timezone

    from ballots.services import issue_ballots
    from base.models import District
    from mock_elections import services as election_services
    from mock_elections.models import (
        AgeBand,
        BallotOption,
        BallotQuestion,
        Election,
        PollingStation,
    )
    from voting import services
    from voting.sealing import b64url

    now = timezone.now()
    election = Election.objects.create(
        title="Slodzes tests",
        slug="slodzes-tests",
        election_date=now.date(),
        voting_opens_at=now - datetime.timedelta(hours=1),
        voting_closes_at=now + datetime.timedelta(hours=6),
        results_release_at=now + datetime.timedelta(hours=7),
    )
    band = AgeBand.objects.create(election=election, min_age=9, max_age=12, sort_order=0)
    answers = []
    for number in range(3):
        question = BallotQuestion.objects.create(
            election=election, text=f"Jautājums {number}?", sort_order=number
        )
        options = [
            BallotOption.objects.create(question=question, label=f"Atbilde {n}", sort_order=n)
            for n in range(3)
        ]
        answers.append({"question": question.pk, "option": options[number % 3].pk})
    tablets = []
    for number in range(STATIONS):
        district, _created = District.objects.get_or_create(
            slug=f"rajons-{number}", defaults={"name": f"Rajons {number}"}
        )
        election.districts.add(district)
        station = PollingStation.objects.create(
            election=election,
            district=district,
            name=f"Iecirknis {number}",
            address="Parauga iela 1",
            adult_precinct_number=str(number),
            adult_precinct_name="Parauga skola",
        )
        codes = issue_ballots(station, TABLETS_PER_STATION * VOTES_PER_TABLET).codes()
        for tablet_number in range(TABLETS_PER_STATION):
            _pairing, code = services.create_pairing_code(station, by=None)
            _tablet, token = services.pair_tablet(code, f"Planšete {tablet_number}")
            tablets.append({"token": token, "codes": codes[tablet_number::TABLETS_PER_STATION]})
    election_services.open_election(election, by=None)
    for station in election.stations.all():
        election_services.open_station(station)
    box = services.ensure_ballot_box(election)
    public_key = b64url(bytes(box.public_key))
    print(
        json.dumps({"age_band": band.pk, "answers": answers, "tablets": tablets, "box": public_key})
    )


def raw_insert_rate():
    """In the child process: one-row insert-and-commit transactions per second, the floor
    under any vote (which is one such transaction with a few more rows)."""
    from django.db import connection, transaction

    with connection.cursor() as cursor:
        cursor.execute("CREATE TABLE bench_raw_insert (id varchar(36) PRIMARY KEY, hour timestamp)")
    started = time.perf_counter()
    for _ in range(RAW_INSERTS):
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(
                "INSERT INTO bench_raw_insert VALUES (%s, %s)",
                [str(uuid.uuid4()), datetime(2025, 6, 7, 12, tzinfo=UTC)],
            )
    elapsed = time.perf_counter() - started
    with connection.cursor() as cursor:
        cursor.execute("DROP TABLE bench_raw_insert")
    print(RAW_INSERTS / elapsed)


def ballot_fields(setup):
    """What each vote carries of the ballot: sealed to the box as a tablet does the moment
    the child confirms (not timed: it happens before the sync), or, for a server from before
    the ballot box (`bench/ballot_box.py` compares the two), the plain answers."""
    if setup.get("box") is None:
        return lambda: {"answers": setup["answers"]}
    public_key = from_b64url(setup["box"])
    return lambda: {"sealed": seal_ballot(public_key, setup["age_band"], setup["answers"])}


def vote_payload(code, setup, make_ballot):
    """One sync request holding one vote of card `code`, as a tablet builds it the moment the
    child confirms (sealed, with its client id and time), not at sync."""
    return {
        "votes": [
            {
                "client_id": str(uuid.uuid4()),
                "code": code,
                "age_band": setup["age_band"],
                **make_ballot(),
                "cast_at": datetime.now(UTC).isoformat(),
                "offline": False,
            }
        ],
        "queued": 1,
    }


def vote_bodies(tablet, setup):
    """The sync requests one tablet will send, one vote each."""
    make_ballot = ballot_fields(setup)
    return [json.dumps(vote_payload(code, setup, make_ballot)) for code in tablet["codes"]]


def simulate_tablet(port, tablet, bodies, latencies, failures, pace=0.0, delay=0.0):
    """One tablet voting child after child, each vote synced on its own (online mode); with
    `pace`, the next vote starts no sooner than `pace` seconds after the last one did, and
    `delay` staggers the first vote (children at twelve tablets don't finish in step)."""
    time.sleep(delay)
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    headers = {"Authorization": f"Bearer {tablet['token']}", "Content-Type": "application/json"}
    for body in bodies:
        started = time.perf_counter()
        connection.request("POST", "/api/tablet/sync/", body=body, headers=headers)
        response = connection.getresponse()
        data = response.read()
        took = time.perf_counter() - started
        latencies.append(took)
        time.sleep(max(0.0, pace - took))
        if response.status != 200 or b'"result": "recorded"' not in data:
            failures.append((response.status, data[:200]))
    connection.close()


def measure(label, database_url):
    env = server_env(database_url)
    migrate(env)
    raw_rate = float(in_django_child(env, "raw_insert_rate"))
    in_django_child(env, "create_insert_table")
    setup = json.loads(in_django_child(env, "prepare_data"))
    with gunicorn_server(env, WORKERS, THREADS) as port:
        warm_up(port, setup["tablets"][0]["token"])
        # One tablet alone first: the server's own time per vote, with no queue in front.
        tablets = setup["tablets"]
        alone = {**tablets[0], "codes": tablets[0]["codes"][:SOLO_VOTES]}
        paced = [{**tablet, "codes": tablet["codes"][-PACED_VOTES:]} for tablet in tablets]
        flat_out = [
            {**tablet, "codes": tablet["codes"][SOLO_VOTES if index == 0 else 0 : -PACED_VOTES]}
            for index, tablet in enumerate(tablets)
        ]
        report(f"{label}, 1 tablet", drive(port, setup, [alone]), raw_rate)
        report(f"{label}, 12 paced tablets", drive(port, setup, paced, pace=PACE_SECONDS), raw_rate)
        vote_rounds, insert_rounds = [], []
        for number in range(ROUNDS):
            this_round = [
                {**tablet, "codes": tablet["codes"][number::ROUNDS]} for tablet in flat_out
            ]
            vote_rounds.append(drive(port, setup, this_round))
            per_client = len(vote_rounds[-1][0]) // len(flat_out)
            insert_rounds.append(drive_inserts(port, len(flat_out), per_client))
        votes, inserts = together(vote_rounds), together(insert_rounds)
        report(f"{label}, 12 flat-out tablets", votes, raw_rate)
        report(f"{label}, 12 insert-view clients", inserts, raw_rate, unit="rows")
        ratio = rate(votes) / rate(inserts)
        verdict = "ok" if ratio >= INSERT_VIEW_GOAL else "MISSED"
        each_round = " ".join(
            f"{rate(vote_round) / rate(insert_round):.2f}"
            for vote_round, insert_round in zip(vote_rounds, insert_rounds, strict=True)
        )
        print(
            f"{'':36} votes/s ÷ insert-view requests/s, 12 flat-out: {ratio:4.2f}  "
            f"(goal ≥ {INSERT_VIEW_GOAL}: {verdict}; {ROUNDS} rounds, each: {each_round})",
            flush=True,
        )


def rate(figures):
    latencies, _failures, elapsed = figures
    return len(latencies) / elapsed


def together(rounds):
    """The figures of several rounds as one run: every request, every failure, all the time."""
    return (
        [latency for latencies, _failures, _elapsed in rounds for latency in latencies],
        [failure for _latencies, failures, _elapsed in rounds for failure in failures],
        sum(elapsed for _latencies, _failures, elapsed in rounds),
    )


def warm_up(port, token):
    """Every worker loads its URLs, templates and connections before anything is timed."""

    def ask():
        # A worker's first requests load everything; on a busy machine that takes a while.
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=180)
        for _ in range(WARM_UP_REQUESTS):
            connection.request(
                "GET", "/api/tablet/status/", headers={"Authorization": f"Bearer {token}"}
            )
            connection.getresponse().read()
        connection.close()

    threads = [threading.Thread(target=ask) for _ in range(WORKERS * THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


def insert_client(port, count, latencies, failures):
    """One client of the minimal insert view, each request sent the moment the last returns."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    headers = {"Content-Type": "application/json"}
    body = json.dumps({"votes": [{"client_id": str(uuid.uuid4())}], "queued": 1})
    for _ in range(count):
        started = time.perf_counter()
        connection.request("POST", "/bench/insert/", body=body, headers=headers)
        response = connection.getresponse()
        response.read()
        latencies.append(time.perf_counter() - started)
        if response.status != 200:
            failures.append((response.status, b""))
    connection.close()


def drive_inserts(port, clients, count):
    """`clients` clients at once on the minimal insert view, `count` requests each."""
    latencies, failures = [], []
    threads = [
        threading.Thread(target=insert_client, args=(port, count, latencies, failures))
        for _ in range(clients)
    ]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return latencies, failures, time.perf_counter() - started


def drive(port, setup, tablets, pace=0.0):
    """All `tablets` vote at once, each on its own connection; returns the figures. Every
    vote is sealed before the clock starts: sealing is the tablet's work, not the server's,
    and the insert-view clients' bodies are ready beforehand too."""
    latencies, failures = [], []
    threads = [
        threading.Thread(
            target=simulate_tablet,
            args=(port, tablet, vote_bodies(tablet, setup), latencies, failures, pace),
            kwargs={"delay": pace * index / len(tablets)},
        )
        for index, tablet in enumerate(tablets)
    ]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return latencies, failures, time.perf_counter() - started


def report(label, figures, raw_rate, unit="votes"):
    latencies, failures, elapsed = figures
    cut = statistics.quantiles(latencies, n=100)
    print(
        f"{label:<36} {len(latencies) / elapsed:6.1f} {unit}/s  "
        f"p50 {cut[49] * 1000:6.1f} ms  p95 {cut[94] * 1000:6.1f} ms  "
        f"({len(latencies)} {unit}, {len(failures)} failed)  raw insert+commit {raw_rate:6.0f}/s",
        flush=True,
    )
    if failures:
        print(f"{'':36} first failure: {failures[0]}")


def postgres_admin(statement):
    import psycopg

    base, name = PG_URL.rsplit("/", 1)
    with psycopg.connect(base + "/postgres", autocommit=True, connect_timeout=3) as connection:
        connection.execute(statement.format(name=name))


def run():
    print(
        f"{STATIONS * TABLETS_PER_STATION} tablets ({STATIONS} stations × "
        f"{TABLETS_PER_STATION}), one vote per request; gunicorn {WORKERS} workers × "
        f"{THREADS} threads, production settings, 127.0.0.1, load generator on the same cores.\n"
        f"'1': one tablet alone; '12 paced': every tablet votes every {PACE_SECONDS} s; "
        f"'12 flat-out': every tablet sends its next vote the moment the last one returns."
    )
    with tempfile.TemporaryDirectory() as folder:
        measure("SQLite", f"sqlite:///{Path(folder) / 'bench.sqlite3'}")
    try:
        postgres_admin('DROP DATABASE IF EXISTS "{name}"')
        postgres_admin('CREATE DATABASE "{name}"')
    except Exception as error:
        print(f"PostgreSQL  skipped: {error}")
        return
    try:
        measure("PostgreSQL", PG_URL)
    finally:
        postgres_admin('DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    print("target: p95 ≤ 50 ms")


if __name__ == "__main__":
    run()
