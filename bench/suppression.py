"""Suppression benchmark: the single-sum rule and the attacker's audit (linear programming)
for everything one election publishes, 50 stations × 10 districts × 4 age bands × 3
questions (3 options and abstaining each), against the raw GROUP BY of the same votes.

Three elections: a large one (few small counts) down to a very small one (many small counts,
where the audit has most to do). Runs on a temporary SQLite file with the production settings module
and throwaway secrets. Prints figures; asserts nothing.
"""

import random
import statistics
import subprocess
import sys
import tempfile
import time

from bench.common import ROOT
from bench.results import _environment, _fill, raw_group_by

SIZES = (100_000, 2_000, 300)
REPEAT = 3


def _median_ms(function, repeat=REPEAT):
    timings, result = [], None
    for _ in range(repeat):
        started = time.perf_counter()
        result = function()
        timings.append((time.perf_counter() - started) * 1000)
    return statistics.median(timings), result


def _measure_one(votes, slug):

    from results.selectors import election_figures, election_results, participation
    from results.suppression import audited_suppression, suppress_small_counts

    election = _fill(random.Random(votes), votes=votes)
    election.slug = slug
    election.save(update_fields=["slug"])
    raw_ms, _rows = _median_ms(lambda: raw_group_by(election.pk))
    counts, sums = election_figures(participation(election), election_results(election))
    figures_ms, _figures = _median_ms(
        lambda: election_figures(participation(election), election_results(election))
    )
    rule_ms, first = _median_ms(lambda: suppress_small_counts(counts, sums, 5))
    audit_ms, hidden = _median_ms(lambda: audited_suppression(counts, sums, 5))
    small = sum(1 for value in counts.values() if 0 < value < 5)
    print(f"  {votes:,} votes: {len(counts)} published figures, {len(sums)} sums")
    print(f"    small counts: {small}; hidden by the rule: {len(first)}", end="")
    print(f"; after the audit: {len(hidden)}")
    print(f"    raw GROUP BY of the answers (median of {REPEAT}):   {raw_ms:8.1f} ms")
    print(f"    counting every published figure:             {figures_ms:8.1f} ms")
    print(f"    single-sum rule:                             {rule_ms:8.1f} ms")
    print(f"    rule + LP audit:                             {audit_ms:8.1f} ms")
    print(
        f"    figures + rule + audit / raw GROUP BY:       {(figures_ms + audit_ms) / raw_ms:8.1f}×"
    )


def measure():
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    for votes in SIZES:
        _measure_one(votes, f"bench-{votes}")


def run():
    with tempfile.TemporaryDirectory(prefix="bench-suppression-") as workdir:
        subprocess.run(
            [sys.executable, "-c", "from bench.suppression import measure; measure()"],
            cwd=ROOT,
            env=_environment(workdir),
            check=True,
        )


if __name__ == "__main__":
    run()
