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
import sys
import tarfile
import tempfile
import time
from pathlib import Path

from bench.common import ROOT, gunicorn_server, production_env
from bench.tablets import drive, in_django_child, warm_up

BEFORE_BOX = os.environ.get("BENCH_BOX_BEFORE", "71d6f87")
PG_URL = os.environ.get("BENCH_BOX_PG", "postgres://postgres@127.0.0.1:5432/bench_ballot_box")
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


def sync_rate(label, checkout, database_url, sealed):
    """Votes per second 12 flat-out tablets get through the sync API of `checkout`."""
    env = production_env(database_url)
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "--noinput", "-v", "0"],
        cwd=checkout,
        env=env,
        check=True,
        timeout=900,
    )
    setup = json.loads(in_django_child(env, "prepare_data", cwd=checkout))
    if not sealed:
        setup.pop("box", None)
    with gunicorn_server(env, WORKERS, THREADS, cwd=checkout) as port:
        warm_up(port, setup["tablets"][0]["token"])
        figures = drive(port, setup, setup["tablets"])
    latencies, failures, elapsed = figures
    if failures:
        raise RuntimeError(f"{label}: {len(failures)} votes failed: {failures[0]}")
    rate = len(latencies) / elapsed
    print(f"{label:<22} {rate:6.1f} votes/s ({len(latencies)} votes)", flush=True)
    return rate


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
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "--noinput", "-v", "0"],
        cwd=ROOT,
        env=env,
        check=True,
        timeout=900,
    )
    figures = json.loads(in_django_child(env, "count_in_child", module="ballot_box"))
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


def fresh_postgres():
    try:
        postgres('DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        postgres('CREATE DATABASE "{name}"')
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
        for label, url_of in (
            ("SQLite", lambda name: f"sqlite:///{Path(folder) / name}.sqlite3"),
            ("PostgreSQL", lambda name: fresh_postgres()),
        ):
            first = url_of("plain")
            if first is None:
                continue
            plain = sync_rate(f"{label} previous", before, first, sealed=False)
            second = url_of("sealed")
            sealed = sync_rate(f"{label} sealed", ROOT, second, sealed=True)
            print(f"{label}: sealed / previous = {sealed / plain:.2f} (goal ≥ 0.80)", flush=True)
        count_rate("SQLite", f"sqlite:///{Path(folder) / 'count.sqlite3'}")
        url = fresh_postgres()
        if url:
            try:
                count_rate("PostgreSQL", url)
            finally:
                postgres('DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


if __name__ == "__main__":
    run()
