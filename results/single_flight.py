"""One computation per cache key across every process and server sharing the cache.

On results night thousands of readers arrive the moment results are published, and every
one of them misses the cache at once. Only the reader that wins `cache.add` of the key's lock
(atomic in Redis and in the local-memory cache alike) computes; the others wait briefly for
its answer, and if it takes longer they get the fallback (the previous state, or nothing:
"not yet"), never a second computation. Nothing is held in the process: the lock, the answer
and the fallback live in the shared cache, so every app server sees the same.
"""

import time
import uuid
from collections.abc import Callable
from typing import TypeVar

from django.core.cache import cache

T = TypeVar("T")
# A crashed computation frees its lock after this long; a real one takes well under it.
LOCK_SECONDS = 60
WAIT_SECONDS = 5.0
POLL_SECONDS = 0.05


def pause() -> None:
    """One short wait between looks at the cache (a hook point for tests)."""
    time.sleep(POLL_SECONDS)


def compute_once(
    key: str,
    compute: Callable[[], T | None],
    seconds: Callable[[T], int],
    fallback_key: str | None = None,
    fallback_seconds: int = 24 * 60 * 60,
) -> T | None:
    """The cached value at `key`, computed by one caller only when it is missing and then
    kept for `seconds(value)` (a computation that gives None is not kept). Callers
    that lose the race wait up to WAIT_SECONDS, then get the value at `fallback_key` (kept
    from an earlier computation) or None."""
    value: T | None = cache.get(key)
    if value is not None:
        return value
    lock_key = f"{key}:computing"
    token = uuid.uuid4().hex
    if cache.add(lock_key, token, LOCK_SECONDS):
        try:
            # The previous holder may have stored the value and let go of the lock between
            # our first look and our taking the lock: look again before computing.
            value = cache.get(key)
            if value is not None:
                return value
            value = compute()
            if value is not None:
                cache.set(key, value, seconds(value))
                if fallback_key is not None:
                    cache.set(fallback_key, value, fallback_seconds)
        finally:
            # Only our own lock: one that timed out and was taken over stays with its owner.
            if cache.get(lock_key) == token:
                cache.delete(lock_key)
        return value
    deadline = time.monotonic() + WAIT_SECONDS
    while time.monotonic() < deadline:
        pause()
        value = cache.get(key)
        if value is not None:
            return value
    return cache.get(fallback_key) if fallback_key is not None else None
