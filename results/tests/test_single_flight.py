"""The release-hour rush: one computation however many readers miss the cache at once."""

import threading

import pytest

from django.core.cache import cache

from results import single_flight

READERS = 12


def test_many_readers_at_once_compute_once_and_all_get_the_answer(monkeypatch):
    computations = []
    waiting = threading.Semaphore(0)
    everyone_waits = threading.Event()
    real_pause = single_flight.pause

    def pause():
        waiting.release()
        real_pause()

    monkeypatch.setattr(single_flight, "pause", pause)

    def compute():
        computations.append(threading.get_ident())
        # Finish only once every other reader is waiting, so the race really happens.
        for _ in range(READERS - 1):
            waiting.acquire(timeout=30)
        everyone_waits.set()
        return {"votes": 42}

    start = threading.Barrier(READERS)
    answers = [None] * READERS

    def reader(index):
        start.wait()
        answers[index] = single_flight.compute_once(
            "rush:test", compute, lambda value: 60, fallback_key="rush:previous"
        )

    threads = [threading.Thread(target=reader, args=(n,)) for n in range(READERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert everyone_waits.is_set()
    assert len(computations) == 1
    assert answers == [{"votes": 42}] * READERS
    assert cache.get("rush:previous") == {"votes": 42}
    assert cache.get("rush:test:computing") is None


def test_a_reader_who_cannot_wait_longer_gets_the_previous_state_never_a_second_count(
    monkeypatch,
):
    monkeypatch.setattr(single_flight, "WAIT_SECONDS", 0)
    cache.set("rush:previous", {"votes": 40})
    cache.add("rush:test:computing", "someone-else", 60)

    def compute():
        pytest.fail("computed while another process holds the lock")

    assert single_flight.compute_once("rush:test", compute, lambda v: 60, "rush:previous") == {
        "votes": 40
    }
    cache.delete("rush:previous")
    assert single_flight.compute_once("rush:test", compute, lambda v: 60, "rush:previous") is None


def test_a_failed_computation_frees_the_lock_for_the_next_reader():
    def broken():
        raise RuntimeError("database gone")

    with pytest.raises(RuntimeError):
        single_flight.compute_once("rush:test", broken, lambda v: 60)
    assert single_flight.compute_once("rush:test", lambda: 7, lambda v: 60) == 7
