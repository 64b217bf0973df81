"""`make bench`: run every benchmark module in this folder and print its figures.

Each module `bench/<topic>.py` exposes `run()`, which prints its own figures. Run one alone
with `python -m bench <topic>`.
"""

import importlib
import pkgutil
import sys
from pathlib import Path

# Helpers of the benchmarks, not benchmarks: shared code, the bench-only settings and URLs.
NOT_BENCHMARKS = {"common", "settings", "urls"}


def main(selected):
    names = sorted(
        module.name
        for module in pkgutil.iter_modules([str(Path(__file__).parent)])
        if not module.name.startswith("_") and module.name not in NOT_BENCHMARKS
    )
    for name in selected or names:
        print(f"\n=== bench/{name}.py", flush=True)
        importlib.import_module(f"bench.{name}").run()


if __name__ == "__main__":
    main(sys.argv[1:])
