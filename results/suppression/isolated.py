"""The audit in a child process, so a web worker never loads NumPy and SciPy.

The solver's libraries stay in a worker's memory for good once imported (about 50 MB of
resident memory per worker, `bench/memory.py`), for an audit that runs once per publication
and set of counts (its outcome is cached, `results/selectors/public.py`). So the worker hands
the audit to a fresh interpreter (`python -m results.suppression.isolated`, JSON in and out)
that imports only this package, audits stand-ins for the figures and exits. A stand-in keeps
its figure's repr, which is how the audit breaks ties, so the same figures are hidden as
in-process.
"""

import json
import subprocess
import sys
from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from results.suppression.audit import audited_suppression
from results.suppression.rule import SumOf

K = TypeVar("K", bound=Hashable)
PROJECT_ROOT = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class _StandIn:
    text: str

    def __repr__(self) -> str:
        return self.text


def audit_by_text(task: dict[str, Any]) -> list[str]:
    """In the child: the audit on stand-ins; the hidden figures' reprs."""
    hidden = audited_suppression(
        {_StandIn(text): value for text, value in task["counts"]},
        [(_StandIn(total), [_StandIn(part) for part in parts]) for total, parts in task["sums"]],
        task["threshold"],
    )
    return sorted(stand_in.text for stand_in in hidden)


def audited_suppression_in_child(
    counts: Mapping[K, int], sums: Iterable[SumOf[K]], threshold: int
) -> set[K]:
    """`audited_suppression`, run in a fresh interpreter; every figure needs its own repr."""
    by_text = {repr(key): key for key in counts}
    if len(by_text) != len(counts):
        raise ValueError("Two figures share a repr: the child could not tell them apart.")
    task = {
        "counts": [(repr(key), value) for key, value in counts.items()],
        "sums": [(repr(total), [repr(part) for part in parts]) for total, parts in sums],
        "threshold": threshold,
    }
    child = subprocess.run(
        [sys.executable, "-m", "results.suppression.isolated"],
        input=json.dumps(task),
        capture_output=True,
        text=True,
        cwd=PROJECT_ROOT,
        check=True,
    )
    return {by_text[text] for text in json.loads(child.stdout)}


if __name__ == "__main__":
    print(json.dumps(audit_by_text(json.load(sys.stdin))))
