"""Release-hour rush benchmark: the moment results are published, 500 readers at once.

Two gunicorn servers share one PostgreSQL database and one Redis cache, as production's app
servers would. Readers first see "not yet"; then the results are published (the organisers'
service, in this process) and 500 concurrent keep-alive readers, split over both servers,
read the results page. Measured in the same run: requests per second against a static file
on the same servers, how many times the results were computed for the publication (counted
from the servers' own log lines), the first answer of each server after publication, and
errors. Loopback only; throwaway secrets; its own database and cache key prefix.
Goals: page ≥ 0.8× the static rate, 1 computation, 0 errors.
"""

import http.client
import os
import re
import subprocess
import sys
import tempfile
import threading
import time
from contextlib import ExitStack
from pathlib import Path

from bench.common import ROOT, gunicorn_server, production_env
from bench.results import _fresh_postgres_database, _results_page

PG_URL = os.environ.get("BENCH_RUSH_PG_URL", "postgres://postgres@127.0.0.1:5432/h_results_rush")
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/3")
SERVERS = 2
WORKERS, THREADS = 2, 8
READERS = 500
LOAD_SECONDS = 8
VOTES = 20_000
PUBLISHED_MARK = b"results-status"  # only the published results carry it


def _environment(workdir, prefix):
    """One cache key prefix for the whole run: both servers must share every key."""
    return production_env(
        PG_URL,
        REDIS_URL=REDIS_URL,
        CACHE_KEY_PREFIX=prefix,
        STATIC_ROOT=f"{workdir}/static",
        MEDIA_ROOT=f"{workdir}/media",
        LOG_LEVEL="INFO",
    )


def _get(port, path):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request("GET", path, headers={"Host": "127.0.0.1"})
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


def _load(ports, path, at_start=None):
    """READERS keep-alive readers, spread over the servers, for LOAD_SECONDS: requests per
    second, failures (errors or non-200), and answers that were not the published page.
    `at_start` runs once every reader is connected and waiting, just before they start."""
    done, failures, not_yet = [0] * READERS, [0] * READERS, [0] * READERS
    # When each reader first got the published page, to tell the rush from what follows.
    first_page_at = [None] * READERS
    start = threading.Barrier(READERS + 1)
    deadline = []

    def reader(index):
        port = ports[index % len(ports)]
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        start.wait()
        while time.perf_counter() < deadline[0]:
            try:
                connection.request("GET", path, headers={"Host": "127.0.0.1"})
                response = connection.getresponse()
                body = response.read()
                if response.status != 200:
                    failures[index] += 1
                    continue
                done[index] += 1
                if path.endswith("/") and PUBLISHED_MARK not in body:
                    not_yet[index] += 1
                elif first_page_at[index] is None:
                    first_page_at[index] = time.perf_counter()
            except (OSError, http.client.HTTPException):
                failures[index] += 1
                connection.close()
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        connection.close()

    threads = [threading.Thread(target=reader, args=(n,)) for n in range(READERS)]
    for thread in threads:
        thread.start()
    while start.n_waiting < READERS:
        time.sleep(0.01)
    if at_start is not None:
        at_start()
    deadline.append(time.perf_counter() + LOAD_SECONDS)
    started = time.perf_counter()
    start.wait()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    return {
        "rate": sum(done) / elapsed,
        "failures": sum(failures),
        "not_yet": sum(not_yet),
        # Seconds from the start until every reader had the published page.
        "all_served_after": max(t or deadline[0] for t in first_page_at) - started,
    }


def _computations(logs, election_pk):
    pattern = re.compile(rf"computed the public results of election {election_pk} in (\d+) ms")
    found = [int(m.group(1)) for log in logs for m in pattern.finditer(Path(log).read_text())]
    return found


def measure(workdir, prefix):
    """Runs in its own process, whose settings are the production module on the bench DB."""
    import random

    import django

    django.setup()
    from django.core.management import call_command
    from django.templatetags.static import static

    from bench.results import _fill
    from mock_elections.models import Election
    from mock_elections.services import publish_results

    call_command("migrate", verbosity=0)
    call_command("collectstatic", verbosity=0, interactive=False)
    election = _fill(random.Random(11), votes=VOTES)
    Election.objects.filter(pk=election.pk).update(status=Election.Status.CLOSED)
    election.refresh_from_db()
    page_path = _results_page(election)
    static_path = static("css/site.css")
    logs = [f"{workdir}/server-{n}.log" for n in range(SERVERS)]

    with ExitStack() as stack:
        ports = [
            stack.enter_context(
                gunicorn_server(_environment(workdir, prefix), WORKERS, THREADS, log_path=log)
            )
            for log in logs
        ]
        before = [_get(port, page_path) for port in ports]
        assert all(status == 200 and PUBLISHED_MARK not in body for status, body in before)
        # Every reader is connected and waiting when the results are published; they all
        # ask at once, on both servers.
        rush = _load(ports, page_path, at_start=lambda: publish_results(election, None))
        steady = _load(ports, page_path)
        after = [_get(port, page_path) for port in ports]
        sizes = [len(_get(ports[0], path)[1]) for path in (page_path, static_path)]
        static = _load(ports, static_path)
    computed = _computations(logs, election.pk)

    print(
        f"  {SERVERS} gunicorn servers × {WORKERS} workers × {THREADS} threads, shared "
        f"PostgreSQL and Redis; {VOTES:,} votes; {READERS} concurrent readers, "
        f"{LOAD_SECONDS} s each"
    )
    shows = ["results" if PUBLISHED_MARK in body else "not yet" for _status, body in after]
    print(f"  each server after the rush: {shows}")
    print(
        f"  results page, published as the readers start: {rush['rate']:6.0f} req/s  "
        f"({rush['failures']} failed, {rush['not_yet']} answered 'not yet' while counting; "
        f"every reader had the results {rush['all_served_after']:.1f} s after publication)"
    )
    print(
        f"  results page, the {LOAD_SECONDS} s after:              {steady['rate']:6.0f} req/s  "
        f"({steady['failures']} failed)"
    )
    print(
        f"  static file (site.css):                        {static['rate']:6.0f} req/s  "
        f"({static['failures']} failed)"
    )
    print(f"  response sizes: page {sizes[0]:,} bytes, static file {sizes[1]:,} bytes")
    print(
        f"  page / static: {rush['rate'] / static['rate']:.2f}× in the rush, "
        f"{steady['rate'] / static['rate']:.2f}× after it  (goal ≥ 0.8)"
    )
    print(f"  load average while measuring: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    print(f"  computations for the publication: {len(computed)} (goal 1), took {computed} ms")


def run():
    if not _fresh_postgres_database(PG_URL):
        print("  (no PostgreSQL at BENCH_RUSH_PG_URL: the rush needs it; skipped)")
        return
    prefix = f"bench-rush-{os.getpid()}-{time.time_ns()}"
    with tempfile.TemporaryDirectory(prefix="bench-rush-") as workdir:
        subprocess.run(
            [
                sys.executable,
                "-c",
                f"from bench.rush import measure; measure({workdir!r}, {prefix!r})",
            ],
            cwd=ROOT,
            env=_environment(workdir, prefix),
            check=True,
        )


if __name__ == "__main__":
    run()
