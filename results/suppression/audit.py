"""Small-count suppression, second step: an attacker's audit by linear programming.

The first step (rule.py) makes sure no single published sum has exactly one hidden member.
Sums combined can still give a hidden count away: in a table with its row, column and grand
totals, adding two rows and taking away two columns can leave one hidden cell alone. So the
audit plays the attacker. It takes every published figure and every sum between them, and
for each hidden figure asks a linear-programming solver (HiGHS, through SciPy) for the
smallest and the largest value it could have. Counts are whole and never negative; the
audit relaxes "whole" to "real", which can only widen what the attacker could learn on
paper, never narrow it, so a range the audit finds wide enough is wide enough.

A small count (below the threshold, above zero) whose range is narrower than the threshold
is protected by hiding one more figure beside it (the cheapest one in a sum with it that
widens the range enough), and the audit runs again, until every small count's range is at
least the threshold wide. Hiding more only ever widens ranges, so a count once found wide
enough is not checked again.

Only the small counts need the wide range: they are what could point at a child. A larger
figure hidden to protect them may be narrowed (an attacker may learn that a hidden 17 lies
between 15 and 20); whatever that tells is already inside the joint linear program that
decides each small count's range. Asking every hidden figure for a wide range instead hides
nearly everything: the demo election, with 3 small counts, lost 189 of its 226 figures.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Collection, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from types import ModuleType
from typing import TYPE_CHECKING, Any, Generic, TypeVar

if TYPE_CHECKING:
    import numpy as np

from results.suppression.rule import (
    DEFAULT_THRESHOLD,
    SumOf,
    hiding_cost,
    suppress_small_counts,
)

K = TypeVar("K", bound=Hashable)
# Solver round-off: a width this close to the threshold counts as reaching it.
TOLERANCE = 1e-6


def _solver() -> tuple[ModuleType, Any]:
    """numpy and scipy's HiGHS add tens of MB to every server process; only the audit of a
    publication needs them, computed once per publication (single flight), so they load then."""
    import numpy
    from scipy.optimize import linprog

    return numpy, linprog


@dataclass(frozen=True)
class Range:
    """What an attacker can know of one hidden figure: low ≤ value ≤ high."""

    low: float
    high: float  # math.inf when nothing bounds it from above

    @property
    def width(self) -> float:
        return self.high - self.low


class _Attacker(Generic[K]):
    """The linear programs of one set of hidden figures, split into independent groups
    (hidden figures that share no sum, directly or through others, are solved apart)."""

    def __init__(
        self, counts: Mapping[K, int], equations: Sequence[Sequence[K]], hidden: Collection[K]
    ) -> None:
        self.counts = counts
        parent: dict[K, K] = {key: key for key in hidden}

        def root(key: K) -> K:
            while parent[key] != key:
                parent[key] = parent[parent[key]]
                key = parent[key]
            return key

        self.equations = [members for members in equations if any(m in parent for m in members)]
        for members in self.equations:
            first, *others = [m for m in members if m in parent]
            for other in others:
                parent[root(other)] = root(first)
        self.group = {key: root(key) for key in hidden}
        self._programs: dict[K, tuple[list[K], np.ndarray, np.ndarray]] = {}

    def _program(self, key: K) -> tuple[list[K], np.ndarray, np.ndarray]:
        """The equality constraints A·x = b over one group's hidden figures x; every sum
        becomes total − parts = 0, with the published members moved to the right."""
        np, _linprog = _solver()
        group = self.group[key]
        if group not in self._programs:
            variables = sorted((k for k, g in self.group.items() if g == group), key=repr)
            index = {k: i for i, k in enumerate(variables)}
            rows, rhs = [], []
            for members in self.equations:
                if not any(self.group.get(m) == group for m in members):
                    continue
                row = np.zeros(len(variables))
                known = 0.0
                for position, member in enumerate(members):
                    sign = 1.0 if position == 0 else -1.0
                    if member in index:
                        row[index[member]] += sign
                    else:
                        known += sign * self.counts[member]
                rows.append(row)
                rhs.append(-known)
            matrix = np.array(rows) if rows else np.zeros((0, len(variables)))
            self._programs[group] = (variables, matrix, np.array(rhs))
        return self._programs[group]

    def _extreme(self, key: K, sign: float) -> float:
        variables, matrix, rhs = self._program(key)
        np, linprog = _solver()
        objective = np.zeros(len(variables))
        objective[variables.index(key)] = sign
        solution = linprog(
            objective,
            A_eq=matrix if len(rhs) else None,
            b_eq=rhs if len(rhs) else None,
            bounds=(0, None),
            method="highs",
        )
        if solution.status == 3:  # unbounded: only possible when maximising
            return math.inf
        if solution.status != 0:
            raise RuntimeError(f"suppression audit: the solver failed ({solution.message})")
        return float(sign * solution.fun)

    def range_of(self, key: K) -> Range:
        return Range(self._extreme(key, 1.0), self._extreme(key, -1.0))

    def is_wide(self, key: K, threshold: int) -> bool:
        """Whether the attacker's range for `key` is at least `threshold` wide; the largest
        value is asked first, since below the threshold it settles the answer alone."""
        high = self._extreme(key, -1.0)
        if high == math.inf:
            return True
        if high < threshold - TOLERANCE:
            return False
        return high - self._extreme(key, 1.0) >= threshold - TOLERANCE


def feasible_ranges(
    counts: Mapping[K, int], sums: Iterable[SumOf[K]], hidden: Collection[K]
) -> dict[K, Range]:
    """For every hidden figure, the smallest and largest value consistent with every
    published figure and sum (counts relaxed to non-negative reals)."""
    attacker = _Attacker(counts, [(total, *parts) for total, parts in sums], hidden)
    return {key: attacker.range_of(key) for key in hidden}


def audited_suppression(
    counts: Mapping[K, int],
    sums: Iterable[SumOf[K]],
    threshold: int = DEFAULT_THRESHOLD,
) -> set[K]:
    """The figures to hide: the single-sum rule first, then complementary figures until no
    small count's feasible range is narrower than `threshold`."""
    sums = list(sums)
    equations = [(total, *parts) for total, parts in sums]
    hidden = suppress_small_counts(counts, sums, threshold)
    cost = hiding_cost(counts, Counter(key for members in equations for key in members))
    containing: dict[K, list[Sequence[K]]] = {}
    for members in equations:
        for member in members:
            containing.setdefault(member, []).append(members)

    small = {key for key, value in counts.items() if 0 < value < threshold}
    wide: set[K] = set()
    while True:
        attacker = _Attacker(counts, equations, hidden)
        narrow = []
        for key in sorted(small - wide, key=cost):
            if attacker.is_wide(key, threshold):
                wide.add(key)
            else:
                narrow.append(key)
        if not narrow:
            return hidden
        added: set[K] = set()
        for key in narrow:
            # One more hidden figure per narrow one, in a sum with it; a narrow figure
            # whose sums already changed this round waits to be solved again.
            beside = {m for members in containing.get(key, []) for m in members}
            if beside & added:
                continue
            candidates = sorted(beside - hidden, key=cost) or sorted(
                _around(attacker, key) - hidden, key=cost
            )
            if candidates:
                added.add(_best_complement(counts, equations, hidden, key, candidates, threshold))
        if not added:
            # Every sum around the narrow figures is hidden whole: nothing left to hide.
            return hidden
        hidden |= added


def _around(attacker: _Attacker[K], key: K) -> set[K]:
    """Every figure in a sum with any hidden figure of `key`'s group."""
    group = attacker.group[key]
    return {
        member
        for members in attacker.equations
        if any(attacker.group.get(m) == group for m in members)
        for member in members
    }


def _best_complement(
    counts: Mapping[K, int],
    equations: Sequence[Sequence[K]],
    hidden: set[K],
    key: K,
    candidates: Sequence[K],
    threshold: int,
) -> K:
    """The cheapest candidate whose hiding makes `key` wide enough; failing that, the one
    that widens it most (hiding a figure that does not help would only hide more later)."""
    best, best_width = candidates[0], -1.0
    for candidate in candidates:
        found = _Attacker(counts, equations, hidden | {candidate}).range_of(key)
        if found.width >= threshold - TOLERANCE:
            return candidate
        if found.width > best_width + TOLERANCE:
            best, best_width = candidate, found.width
    return best
