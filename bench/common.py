"""What several benchmarks share: a production-settings server and its environment."""

import os
import socket
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def production_env(database_url, **overrides):
    """Production settings on a benchmark's own database, loopback only, no Redis; secrets are
    throwaway values that exist for the benchmark alone."""
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "campaign.settings.production",
        "DATABASE_URL": database_url,
        "SECRET_KEY": "bench-only-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz",
        "BALLOT_CODE_KEY": "bench-only-ballot-code-key-0123456789-abcdefghijklmnop",
        "BALLOT_BOX_KEY": "bench-only-ballot-box-key-0123456789-abcdefghijklmnopq",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "false",
        "SECURE_HSTS_SECONDS": "0",
        "REDIS_URL": "",
        "LOG_LEVEL": "WARNING",
        **overrides,
    }


def migrate(env, cwd=ROOT):
    """Bring the database `env` names (of the checkout at `cwd`) up to its migrations."""
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "--noinput", "-v", "0"],
        cwd=cwd,
        env=env,
        check=True,
        timeout=900,
    )


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def gunicorn_server(env, workers, threads, deadline=60, cwd=ROOT, log_path=None):
    """Run the production server (of the checkout at `cwd`) on a free loopback port; yield the
    port once it answers, stop the server afterwards. With `log_path`, its output (the
    application's log too) goes to that file."""
    port = free_port()
    log = open(log_path, "ab") if log_path else None  # noqa: SIM115 - closed below
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "campaign.wsgi",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(workers),
            "--threads",
            str(threads),
            "--log-level",
            "warning",
        ],
        cwd=cwd,
        env=env,
        stdout=log,
        stderr=log,
    )
    try:
        started = time.monotonic()
        while True:
            if server.poll() is not None:
                raise RuntimeError("gunicorn stopped before answering")
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=1):
                    break
            except OSError:
                if time.monotonic() - started > deadline:
                    raise RuntimeError("gunicorn did not start in time") from None
                time.sleep(0.2)
        yield port
    finally:
        server.terminate()
        server.wait(timeout=30)
        if log:
            log.close()


@contextmanager
def demo_site(prefix, workers, threads):
    """The demo content on the production server with the bench URLconf (which serves the
    uploaded images), in a temporary folder; yields (base URL, the demo's setup facts)."""
    import json

    with tempfile.TemporaryDirectory(prefix=prefix) as workdir:
        env = production_env(
            f"sqlite:///{workdir}/bench.sqlite3",
            STATIC_ROOT=f"{workdir}/static",
            MEDIA_ROOT=f"{workdir}/media",
            DJANGO_SETTINGS_MODULE="bench.settings",
        )
        prepared = subprocess.run(
            [sys.executable, "-c", "from bench.memory import prepare; prepare()"],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=1800,
        )
        if prepared.returncode:
            raise SystemExit(f"preparing the demo failed:\n{prepared.stderr[-3000:]}")
        setup = json.loads(prepared.stdout.strip().splitlines()[-1])
        with gunicorn_server(env, workers=workers, threads=threads) as port:
            yield f"http://localhost:{port}", setup


def demo_story_path(setup):
    return next(path for path in setup["paths"] if path.startswith("/stasti/") and path[8:])


def run_module_in_fresh_database(module):
    """Run `python -m <module>` against a throw-away SQLite file (or BENCH_DATABASE_URL), so
    a benchmark never touches the developer's database."""
    with tempfile.TemporaryDirectory() as folder:
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "campaign.settings.test",
            "DATABASE_URL": os.environ.get("BENCH_DATABASE_URL")
            or f"sqlite:///{folder}/bench.sqlite3",
            "BENCH_MEDIA_ROOT": folder,
        }
        subprocess.run([sys.executable, "-m", module], env=env, check=True)
