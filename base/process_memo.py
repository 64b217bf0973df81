"""What one server process remembers for a short while, for the request sent flat out (a
tablet's vote): no lookup in the database and no round trip to the shared cache for what does
not change from one vote to the next. Each memo's user says why its staleness is safe there."""

import time
from collections.abc import Hashable
from typing import Any, Generic, TypeVar

Value = TypeVar("Value")

_every_memo: list["ProcessMemo[Any]"] = []


class ProcessMemo(Generic[Value]):
    """Values kept by this process for `seconds` each; at most `max_entries` of them (then it
    starts again from nothing), so keys a client makes up cannot grow it without end."""

    def __init__(self, seconds: float, max_entries: int = 1_000) -> None:
        self.seconds = seconds
        self.max_entries = max_entries
        self._entries: dict[Hashable, tuple[float, Value]] = {}
        _every_memo.append(self)

    def get(self, key: Hashable) -> Value | None:
        entry = self._entries.get(key)
        if entry is None or entry[0] <= time.monotonic():
            return None
        return entry[1]

    def put(self, key: Hashable, value: Value) -> None:
        if len(self._entries) >= self.max_entries:
            self._entries.clear()
        self._entries[key] = (time.monotonic() + self.seconds, value)

    def clear(self) -> None:
        self._entries.clear()


def forget_everything() -> None:
    """Every memo of this process emptied: tests start from nothing, as rows get the same ids
    again in the next test."""
    for memo in _every_memo:
        memo.clear()
