"""The sealed ballot box under load.

1. Sync throughput, sealed votes against the previous shape (plain answers) in the same run:
   the server of the commit before the ballot box (`BEFORE_BOX`, exported with `git archive`)
   and today's server, each driven flat-out by 12 simulated tablets on its own fresh database.
   Goal: sealed ≥ 0.8 × previous.
2. Counting 100,000 sealed votes over 50 stations: the time `count_station` takes for all of
   them, the tables rebuilt (VACUUM) after each station.

`python -m bench ballot_box`. PostgreSQL from BENCH_BOX_PG (default
postgres://postgres@127.0.0.1:5432/bench_ballot_box) when it answers, else SQLite only.
"""

import datetime
import io
import json
import os
import subprocess
import tarfile
import tempfile
import time
from pathlib import Path

from bench.common import ROOT, gunicorn_server, migrate, production_env
from bench.tablets import drive, in_django_child, warm_up

BEFORE_BOX = os.environ.get("BENCH_BOX_BEFORE", "71d6f87")
PG_URL = os.environ.get("BENCH_BOX_PG", "postgres://postgres@127.0.0.1:5432/bench_ballot_box")
PG_SEALED = PG_URL.rsplit("/", 1)[1] + "_sealed"
PG_SEALED_URL = PG_URL.rsplit("/", 1)[0] + "/" + PG_SEALED
ROUNDS = 4
# Sealing 100,000 ballots as tablets do (one ECDH each), then opening them, takes minutes.
COUNT_TIMEOUT = 3 * 60 * 60
COUNT_STATIONS = 50
COUNT_VOTES = 100_000
WORKERS = 2
THREADS = 4


def export_checkout(commit, folder):
    """The project as it was at `commit`, beside this one (the same virtualenv)."""
    archive = subprocess.run(
        ["git", "archive", "--format=tar", commit], cwd=ROOT, capture_output=True, check=True
    ).stdout
    path = Path(folder) / "before"
    path.mkdir()
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(path, filter="data")
    return path


def prepared(checkout, database_url):
    """Migrate `checkout`'s database and make the election, stations, cards and tablets."""
    env = production_env(database_url)
    migrate(env, cwd=checkout)
    return env, json.loads(in_django_child(env, "prepare_data", cwd=checkout))


def rounds_of(setup, rounds):
    """The tablets' cards cut into `rounds` equal slices, one per round."""
    size = len(setup["tablets"][0]["codes"]) // rounds
    return [
        [
            {**tablet, "codes": tablet["codes"][i * size : (i + 1) * size]}
            for tablet in setup["tablets"]
        ]
        for i in range(rounds)
    ]


def compare_sync(label, before, before_url, after_url):
    """Votes per second 12 flat-out tablets get through the previous server (plain answers)
    and this one (sealed ballots), both running, driven in alternating rounds so that other
    load on the machine falls on both alike."""
    env_before, setup_before = prepared(before, before_url)
    env_after, setup_after = prepared(ROOT, after_url)
    setup_before.pop("box", None)
    totals = {"previous": [0, 0.0], "sealed": [0, 0.0]}
    with (
        gunicorn_server(env_before, WORKERS, THREADS, cwd=before) as port_before,
        gunicorn_server(env_after, WORKERS, THREADS) as port_after,
    ):
        warm_up(port_before, setup_before["tablets"][0]["token"])
        warm_up(port_after, setup_after["tablets"][0]["token"])
        runs = zip(rounds_of(setup_before, ROUNDS), rounds_of(setup_after, ROUNDS), strict=True)
        for tablets_before, tablets_after in runs:
            for name, port, setup, tablets in (
                ("previous", port_before, setup_before, tablets_before),
                ("sealed", port_after, setup_after, tablets_after),
            ):
                latencies, failures, elapsed = drive(port, setup, tablets)
                if failures:
                    raise RuntimeError(f"{label} {name}: {len(failures)} failed: {failures[0]}")
                totals[name][0] += len(latencies)
                totals[name][1] += elapsed
    rates = {name: votes / seconds for name, (votes, seconds) in totals.items()}
    for name, rate in rates.items():
        print(f"{label + ' ' + name:<22} {rate:6.1f} votes/s ({totals[name][0]} votes)")
    print(
        f"{label}: sealed / previous = {rates['sealed'] / rates['previous']:.2f} (goal ≥ 0.80)",
        flush=True,
    )


def count_in_child():
    """In the child process (Django set up): 50 closed stations holding 100,000 sealed votes
    between them (sealed as tablets seal them, not timed), then every station counted."""
    from django.utils import timezone

    from base.models import District
    from mock_elections.models import (
        AgeBand,
        BallotOption,
        BallotQuestion,
        Election,
        PollingStation,
    )
    from voting import services
    from voting.models import SealedVote, Vote
    from voting.sealing import seal_ballot, sealed_parts

    now = timezone.now()
    hour = now.replace(minute=0, second=0, microsecond=0)
    election = Election.objects.create(
        title="Skaitīšanas tests",
        slug="skaitisanas-tests",
        election_date=now.date(),
        voting_opens_at=now - datetime.timedelta(hours=3),
        voting_closes_at=now - datetime.timedelta(hours=1),
        results_release_at=now + datetime.timedelta(hours=1),
        status=Election.Status.CLOSED,
    )
    band = AgeBand.objects.create(election=election, min_age=9, max_age=12, sort_order=0)
    questions = []
    for number in range(3):
        question = BallotQuestion.objects.create(
            election=election, text=f"Jautājums {number}?", sort_order=number
        )
        options = [
            BallotOption.objects.create(question=question, label=f"Atbilde {n}", sort_order=n)
            for n in range(3)
        ]
        questions.append((question.pk, [option.pk for option in options]))
    public_key = bytes(services.ensure_ballot_box(election).public_key)
    district, _created = District.objects.get_or_create(
        slug="skaitisanas-rajons", defaults={"name": "Skaitīšanas rajons"}
    )
    stations = [
        PollingStation.objects.create(
            election=election,
            district=district,
            name=f"Iecirknis {number}",
            address="Parauga iela 1",
            adult_precinct_number=str(number),
            adult_precinct_name="Parauga skola",
            status=PollingStation.Status.CLOSED,
            opened_at=now - datetime.timedelta(hours=3),
            closed_at=now - datetime.timedelta(hours=1),
        )
        for number in range(COUNT_STATIONS)
    ]
    started = time.perf_counter()
    per_station = COUNT_VOTES // COUNT_STATIONS
    for station in stations:
        sealed, votes = [], []
        for index in range(per_station):
            answers = [
                {"question": question, "option": options[(index + shift) % 3]}
                for shift, (question, options) in enumerate(questions)
            ]
            epk, iv, ct = sealed_parts(seal_ballot(public_key, band.pk, answers))
            sealed.append(SealedVote(station=station, cast_hour=hour, epk=epk, iv=iv, ct=ct))
            votes.append(
                Vote(
                    election=election, station=station, age_band=band, cast_hour=hour, counted=False
                )
            )
        SealedVote.objects.bulk_create(sealed, batch_size=1000)
        Vote.objects.bulk_create(votes, batch_size=1000)
    sealing = time.perf_counter() - started

    started = time.perf_counter()
    counted = sum(services.count_station(station, by=None).counted for station in stations)
    counting = time.perf_counter() - started
    assert counted == per_station * COUNT_STATIONS
    print(json.dumps({"sealing": sealing, "counting": counting, "counted": counted}))


def count_rate(label, database_url):
    env = production_env(database_url)
    migrate(env)
    figures = json.loads(
        in_django_child(env, "count_in_child", module="ballot_box", timeout=COUNT_TIMEOUT)
    )
    print(
        f"{label + ' counting':<22} {figures['counted']:,} sealed votes over {COUNT_STATIONS} "
        f"stations: {figures['counting']:.1f} s ({figures['counted'] / figures['counting']:,.0f} "
        f"votes/s, VACUUM after each station); sealing them as tablets do took "
        f"{figures['sealing']:.1f} s (not part of the count)",
        flush=True,
    )


def postgres(statement):
    import psycopg

    base, name = PG_URL.rsplit("/", 1)
    with psycopg.connect(base + "/postgres", autocommit=True, connect_timeout=3) as connection:
        connection.execute(statement.format(name=name))


def drop_postgres():
    for name in ("{name}", PG_SEALED):
        postgres(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def fresh_postgres():
    try:
        for name in ("{name}", PG_SEALED):
            postgres(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            postgres(f'CREATE DATABASE "{name}"')
    except Exception as error:  # any failure means "no PostgreSQL here"
        print(f"PostgreSQL skipped: {error}")
        return None
    return PG_URL


def run():
    print(
        f"12 tablets flat-out, one vote per request, gunicorn {WORKERS} workers × {THREADS} "
        f"threads, production settings; previous shape = the server of {BEFORE_BOX} with plain "
        "answers; sealed = this server with sealed ballots (sealed before timing)."
    )
    with tempfile.TemporaryDirectory() as folder:
        before = export_checkout(BEFORE_BOX, folder)
        sqlite = Path(folder)
        compare_sync(
            "SQLite", before, f"sqlite:///{sqlite / 'a.db'}", f"sqlite:///{sqlite / 'b.db'}"
        )
        if fresh_postgres():
            try:
                compare_sync("PostgreSQL", before, PG_URL, PG_SEALED_URL)
            finally:
                drop_postgres()
        count_rate("SQLite", f"sqlite:///{sqlite / 'count.db'}")
        if fresh_postgres():
            try:
                count_rate("PostgreSQL", PG_URL)
            finally:
                drop_postgres()


if __name__ == "__main__":
    run()
