"""Worker memory over a long day: 10,000 mixed requests (home, stories, results, tablet
status) to ONE gunicorn worker with production settings, printing the worker's resident
memory (RSS) every 1,000 requests. Goal: ≤ 150 MB after 10,000 requests, and growth under
5 % over the last 5,000 (a leak shows as steady growth).

Runs on a temporary SQLite file with the demo content and the per-process memory cache, so
it never touches a developer's data. Requests go one after another (one worker, one
thread), which keeps the run to a few minutes.

    python -m bench memory
"""

import http.client
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from bench.common import ROOT, gunicorn_server, production_env

REQUESTS = 10_000
REPORT_EVERY = 1_000
GOAL_MB = 150
GOAL_GROWTH = 0.05


def prepare():
    """In a child process with the server's settings: demo content, static files, the task
    worker's work on them done (as `make run` and production run it beside the server: the
    share cards, the picture sizes of published pages) and one paired tablet; prints the
    addresses to fetch and the tablet's token as JSON."""
    from io import StringIO

    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("load_demo", stdout=StringIO())
    call_command("collectstatic", verbosity=0, interactive=False)
    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)

    from mock_elections.models import PollingStation
    from stories.models import StoryPage
    from voting import services

    stories = StoryPage.objects.live().order_by("path")
    station = PollingStation.objects.filter(election__slug="meginajums-2025").first()
    _pairing, code = services.create_pairing_code(station, by=None)
    _tablet, token = services.pair_tablet(code, "Atmiņas tests")
    paths = ["/", "/en/", "/stasti/", "/rezultati/"] + [story.url for story in stories[:20]]
    print(json.dumps({"paths": paths, "token": token}))


def _worker_pid(port):
    """The gunicorn worker serving `port`: the process started with it whose parent is the
    gunicorn master (the master's parent is this process). Call it after a request has been
    answered: the master listens before it forks its worker."""
    candidates = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            command = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode()
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        if f"127.0.0.1:{port}" in command and "gunicorn" in command:
            parent = int(stat.rsplit(")", 1)[1].split()[1])
            candidates.append((int(entry.name), parent))
    workers = [pid for pid, parent in candidates if parent != os.getpid()]
    if len(workers) != 1:
        raise RuntimeError(f"expected one gunicorn worker, found {candidates}")
    return workers[0]


def _rss_mb(pid):
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS")


def _get(port, path, headers):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request("GET", path, headers={"Host": "127.0.0.1", **headers})
        response = connection.getresponse()
        response.read()
        return response.status
    finally:
        connection.close()


def _drive(port, setup):
    tablet = {"Authorization": f"Bearer {setup['token']}"}
    requests = [(path, {}) for path in setup["paths"]] + [("/api/tablet/status/", tablet)] * 4
    _get(port, "/", {})  # answered only once the worker is up
    pid = _worker_pid(port)
    readings, failures = [], 0
    print(f"  {'requests':>9}  {'RSS MB':>7}", flush=True)
    for number in range(1, REQUESTS + 1):
        path, headers = requests[number % len(requests)]
        if _get(port, path, headers) != 200:
            failures += 1
        if number % REPORT_EVERY == 0:
            readings.append(_rss_mb(pid))
            print(f"  {number:>9,}  {readings[-1]:7.1f}", flush=True)
    return readings, failures


def run():
    with tempfile.TemporaryDirectory(prefix="bench-memory-") as workdir:
        env = production_env(
            f"sqlite:///{workdir}/bench.sqlite3",
            STATIC_ROOT=f"{workdir}/static",
            MEDIA_ROOT=f"{workdir}/media",
        )
        prepared = subprocess.run(
            [sys.executable, "-c", "from bench.memory import prepare; prepare()"],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=900,
            check=True,
        )
        setup = json.loads(prepared.stdout.strip().splitlines()[-1])
        with gunicorn_server(env, workers=1, threads=1) as port:
            readings, failures = _drive(port, setup)
    final, middle = readings[-1], readings[len(readings) // 2 - 1]
    growth = (final - middle) / middle
    print(f"  one gunicorn worker, 1 thread, {REQUESTS:,} requests, {failures} not 200")
    print(
        f"  RSS after {REQUESTS:,}: {final:.1f} MB  (goal ≤ {GOAL_MB}: "
        f"{'ok' if final <= GOAL_MB else 'MISSED'})"
    )
    print(
        f"  growth over the last {REQUESTS // 2:,}: {growth:+.1%}  (goal < {GOAL_GROWTH:.0%}: "
        f"{'ok' if growth < GOAL_GROWTH else 'MISSED'})"
    )


if __name__ == "__main__":
    run()
