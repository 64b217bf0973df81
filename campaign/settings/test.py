"""The test suite: fast hasher, plain static storage; the cache is Redis when REDIS_URL is
set (CI's PostgreSQL run, so the production cache backend is exercised), else memory.
Every test starts with an empty cache (conftest.py), so with Redis give the suite a
database of its own."""

import os
import tempfile
from pathlib import Path

from .base import *

DEBUG = False
SECRET_KEY = "test-only-key-with-enough-length-to-look-real-0123456789"  # noqa: S105
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
if REDIS_URL:
    CACHES["default"]["KEY_PREFIX"] = "tavabalss-test"
    # Each test empties the cache, and Redis empties a whole database: under pytest-xdist
    # every worker (gw0, gw1, …) takes the next database number after REDIS_URL's.
    worker = os.environ.get("PYTEST_XDIST_WORKER", "")
    if worker.startswith("gw"):
        head, _slash, number = REDIS_URL.rstrip("/").rpartition("/")
        if not number.isdigit():
            head, number = REDIS_URL.rstrip("/"), "0"
        CACHES["default"]["LOCATION"] = f"{head}/{int(number) + int(worker[2:])}"
MEDIA_ROOT = BASE_DIR / "media-test"
PRIVATE_ROOT = Path(tempfile.gettempdir()) / "tavabalss-test-private"
STORAGES["private"] = {
    "BACKEND": "django.core.files.storage.FileSystemStorage",
    "OPTIONS": {"location": PRIVATE_ROOT, "base_url": None},
}
# Tasks run at once, inside the test, unless a test chooses the database backend and a worker.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
WAGTAILADMIN_BASE_URL = "http://testserver"
SITE_URL = WAGTAILADMIN_BASE_URL
# SQLite tests use a file, not shared-cache memory, so tests with several threads (racing
# tablets) lock and wait like the real server. One file per test process (pytest-django adds
# the xdist worker's suffix), in the temp folder, so two runs never share one.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["TEST"] = {
        "NAME": str(Path(tempfile.gettempdir()) / f"tavabalss-test-{os.getpid()}.sqlite3")
    }
# One child process per audit would slow the suite; results/tests/test_isolated_audit.py
# runs the child on purpose.
RESULTS_AUDIT_IN_CHILD_PROCESS = False
# Tests publish results often; the one that tests the preparation turns it on.
RESULTS_PREPARED_ON_PUBLICATION = False
