"""Results benchmark: counting 100,000 votes over 50 stations, and the published results page
under 50 concurrent readers on gunicorn.

Runs on a temporary SQLite file with the production settings module (secrets and hosts from
a throwaway environment), so nothing touches a real database. Prints figures; asserts nothing.
Targets: ≤ 300 ms cold, ≤ 10 ms cached, page ≥ 0.8× the static-file rate.
"""

import datetime
import http.client
import os
import random
import statistics
import subprocess
import sys
import tempfile
import threading
import time

from bench.common import ROOT, gunicorn_server, production_env

VOTES = 100_000
STATIONS = 50
READERS = 50
LOAD_SECONDS = 6

# Counting is measured on PostgreSQL too when it is reachable (production's database).
PG_URL = os.environ.get("BENCH_PG_URL", "postgres://postgres@127.0.0.1:5432/h_results_bench")


def _environment(workdir, database_url=None):
    return production_env(
        database_url or f"sqlite:///{workdir}/bench.sqlite3",
        STATIC_ROOT=f"{workdir}/static",
        MEDIA_ROOT=f"{workdir}/media",
    )


def _timed(function, repeat):
    timings = []
    for _ in range(repeat):
        started = time.perf_counter()
        function()
        timings.append((time.perf_counter() - started) * 1000)
    return statistics.median(timings)


def _fill(rng, votes=VOTES):
    """One published election: 50 stations in 10 districts, 4 age bands, 3 questions."""
    from django.utils import timezone

    from base.models import District
    from mock_elections.models import (
        AgeBand,
        BallotOption,
        BallotQuestion,
        Election,
        PollingStation,
    )
    from voting.models import PaperTally, Vote, VoteAnswer

    day = datetime.datetime(2025, 6, 7, 5, tzinfo=datetime.UTC)
    election = Election.objects.create(
        title="Bench",
        slug="bench",
        election_date=day.date(),
        voting_opens_at=day,
        voting_closes_at=day + datetime.timedelta(hours=14),
        results_release_at=timezone.now() - datetime.timedelta(hours=1),
        status=Election.Status.RESULTS_PUBLISHED,
    )
    districts = [
        District.objects.get_or_create(slug=f"bench-{n}", defaults={"name": f"Bench {n}"})[0]
        for n in range(10)
    ]
    stations = [
        PollingStation.objects.create(
            election=election,
            district=districts[n % 10],
            name=f"Station {n}",
            address="-",
            adult_precinct_number=str(700 + n),
            adult_precinct_name="-",
        )
        for n in range(STATIONS)
    ]
    bands = [
        AgeBand.objects.create(election=election, min_age=low, max_age=high, sort_order=index)
        for index, (low, high) in enumerate([(5, 8), (9, 12), (13, 15), (16, 17)])
    ]
    questions = []
    for n in range(3):
        question = BallotQuestion.objects.create(election=election, text=f"Q{n}", sort_order=n)
        options = [
            BallotOption.objects.create(question=question, label=f"O{k}", sort_order=k)
            for k in range(3)
        ]
        questions.append((question, options + [None]))
    cast = [
        Vote(
            election=election,
            station=rng.choice(stations),
            age_band=rng.choice(bands),
            cast_hour=day + datetime.timedelta(hours=rng.randrange(14)),
        )
        for _ in range(votes)
    ]
    Vote.objects.bulk_create(cast, batch_size=5000)
    VoteAnswer.objects.bulk_create(
        (
            VoteAnswer(vote=vote, question=question, option=rng.choice(options))
            for vote in cast
            for question, options in questions
        ),
        batch_size=5000,
    )
    for question, options in questions:
        for option in options:
            PaperTally.objects.create(
                station=stations[0], question=question, option=option, votes=3
            )
    _settle()
    return election


def _settle():
    """What a running database does by itself after a bulk load: SQLite checkpoints its
    write-ahead log, PostgreSQL's autovacuum analyses the new tables."""
    from django.db import connection

    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        elif connection.vendor == "postgresql":
            cursor.execute("VACUUM ANALYZE")


# The stack's own floor for counting: one raw GROUP BY of the same answers.
RAW_GROUP_BY = (
    "SELECT v.station_id, v.age_band_id, a.question_id, a.option_id, COUNT(*) "
    "FROM voting_voteanswer a JOIN voting_vote v ON v.id = a.vote_id "
    "WHERE v.election_id = %s GROUP BY 1, 2, 3, 4"
)


def raw_group_by(election_id):
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(RAW_GROUP_BY, [election_id])
        return cursor.fetchall()


def _count_figures(election):
    from django.core.cache import cache
    from django.db import connection

    from results.selectors import build_public_results, public_results, publication_of

    cold = _timed(lambda: build_public_results(publication_of(election)), 5)
    raw_ms = _timed(lambda: raw_group_by(election.pk), 5)
    cache.clear()
    public_results(publication_of(election))
    cached = _timed(lambda: public_results(publication_of(election)), 50)
    print(f"  {VOTES:,} votes × 3 questions over {STATIONS} stations ({connection.vendor})")
    print(f"  results + participation, cold (median of 5):   {cold:8.1f} ms  (target ≤ 300)")
    print(f"  results + participation, cached (median of 50): {cached:8.2f} ms  (target ≤ 10)")
    print(f"  one raw SQL GROUP BY of the same answers:       {raw_ms:8.1f} ms")


def _results_page(election):
    import io

    from base import demo as base_demo
    from home import demo as home_demo
    from home.models import HomePage
    from results.models import ElectionResultsPage

    base_demo.load(io.StringIO())
    home_demo.load(io.StringIO())
    home = HomePage.objects.get(locale__language_code="lv")
    page = home.add_child(
        instance=ElectionResultsPage(title="Rezultāti", slug="rezultati", election=election)
    )
    page.save_revision().publish()
    return "/rezultati/"


def _rate(port, path):
    """Requests per second from READERS keep-alive clients for LOAD_SECONDS (bounded)."""
    done, failures = [0] * READERS, [0] * READERS
    deadline = time.perf_counter() + LOAD_SECONDS

    def reader(index):
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        while time.perf_counter() < deadline:
            try:
                connection.request("GET", path, headers={"Host": "127.0.0.1"})
                response = connection.getresponse()
                response.read()
                if response.status == 200:
                    done[index] += 1
                else:
                    failures[index] += 1
            except (OSError, http.client.HTTPException):
                failures[index] += 1
                connection.close()
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        connection.close()

    threads = [threading.Thread(target=reader, args=(n,)) for n in range(READERS)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return sum(done) / (time.perf_counter() - started), sum(failures)


def _serve_and_measure(environment, page_path):
    from django.templatetags.static import static

    static_path = static("css/site.css")
    workers = max(2, os.cpu_count() or 2)
    with gunicorn_server(environment, workers, 4) as port:
        for _ in range(20):  # the first requests fill each worker's cache
            warm = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
            warm.request("GET", page_path)
            warm.getresponse().read()
            warm.close()
        page_rate, page_failures = _rate(port, page_path)
        static_rate, static_failures = _rate(port, static_path)
    print(
        f"  gunicorn {workers} workers × 4 threads, {READERS} concurrent readers, "
        f"{LOAD_SECONDS} s each"
    )
    print(f"  published results page: {page_rate:8.0f} req/s  ({page_failures} failed)")
    print(f"  static file (site.css): {static_rate:8.0f} req/s  ({static_failures} failed)")
    print(f"  page / static:          {page_rate / static_rate:8.2f}×  (target ≥ 0.8)")


def measure(workdir, serve=True):
    """Runs in its own process, whose settings are the production module on the temp DB."""
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    election = _fill(random.Random(7))
    _count_figures(election)
    if serve:
        call_command("collectstatic", verbosity=0, interactive=False)
        _serve_and_measure(_environment(workdir), _results_page(election))


def _fresh_postgres_database(url=PG_URL):
    """Drop and create the bench database; False when no PostgreSQL answers."""
    import psycopg

    name = url.rsplit("/", 1)[1]
    try:
        with psycopg.connect(url.rsplit("/", 1)[0] + "/postgres", autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
            admin.execute(f'CREATE DATABASE "{name}"')
    except psycopg.OperationalError:
        return False
    return True


def run():
    with tempfile.TemporaryDirectory(prefix="bench-results-") as workdir:
        subprocess.run(
            [sys.executable, "-c", f"from bench.results import measure; measure({workdir!r})"],
            cwd=ROOT,
            env=_environment(workdir),
            check=True,
        )
        if _fresh_postgres_database():
            subprocess.run(
                [
                    sys.executable,
                    "-c",
                    f"from bench.results import measure; measure({workdir!r}, serve=False)",
                ],
                cwd=ROOT,
                env=_environment(workdir, PG_URL),
                check=True,
            )
        else:
            print("  (no PostgreSQL at BENCH_PG_URL: counting measured on SQLite only)")


if __name__ == "__main__":
    run()
