"""An attacker for the tests, written apart from results/suppression/audit.py so that a bug in
the audit's own arithmetic cannot hide itself: every figure is a variable, published ones
pinned to their value, hidden ones free but never negative, every published sum an equation."""

import math

import numpy as np
from scipy.optimize import linprog


def narrowest_ranges(counts, sums, hidden):
    """{hidden key: (smallest, largest)} an attacker can prove from everything published."""
    keys = sorted(counts, key=repr)
    index = {key: i for i, key in enumerate(keys)}
    matrix = np.zeros((len(sums), len(keys)))
    for row, (total, parts) in enumerate(sums):
        matrix[row, index[total]] += 1
        for part in parts:
            matrix[row, index[part]] -= 1
    bounds = [(0, None) if key in hidden else (counts[key], counts[key]) for key in keys]
    ranges = {}
    for key in hidden:
        found = []
        for sign in (1, -1):
            objective = np.zeros(len(keys))
            objective[index[key]] = sign
            solution = linprog(
                objective,
                A_eq=matrix if len(sums) else None,
                b_eq=np.zeros(len(sums)) if len(sums) else None,
                bounds=bounds,
                method="highs",
            )
            assert solution.status in (0, 3), solution.message
            found.append(math.inf if solution.status == 3 else sign * solution.fun)
        ranges[key] = tuple(found)
    return ranges


def narrowed(counts, sums, hidden, threshold):
    """The small counts (0 < count < threshold) the attacker pins to a range narrower than the
    threshold; a small count left published counts as pinned."""
    small = {key for key, value in counts.items() if 0 < value < threshold}
    found = {key: (counts[key], counts[key]) for key in small - set(hidden)}
    ranges = narrowest_ranges(counts, sums, hidden)
    found.update(
        (key, ranges[key])
        for key in small & set(hidden)
        if ranges[key][1] - ranges[key][0] < threshold - 1e-6
    )
    return found
