"""Small-count suppression for public figures: the single-sum rule (rule.py), then the
linear-programming audit that plays the attacker (audit.py)."""

from results.suppression.audit import Range, audited_suppression, feasible_ranges
from results.suppression.rule import (
    DEFAULT_THRESHOLD,
    SumOf,
    hiding_cost,
    suppress_small_counts,
    table_sums,
)

__all__ = [
    "DEFAULT_THRESHOLD",
    "Range",
    "SumOf",
    "audited_suppression",
    "feasible_ranges",
    "hiding_cost",
    "suppress_small_counts",
    "table_sums",
]
