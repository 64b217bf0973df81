"""Small-count suppression, first step: the rule for single sums.

A count below the threshold could point at one child ("the only 9-year-old in Karosta voted
for the skate park"), so public tables hide it. Hiding it alone is not enough: when the total
of its row or column is shown, the hidden number is the total minus the others. So every sum
the public can check is listed as an equation, and no equation may have exactly one hidden
member: when one does, the next smallest member is hidden too (the total only when nothing
else is left). The rule repeats until every equation has none or at least two hidden members.
That is necessary, not sufficient: sums combined can still pin a hidden count down, which
the audit (results/suppression/audit.py) checks next.
"""

from collections import Counter
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from typing import TypeVar

DEFAULT_THRESHOLD = 5

K = TypeVar("K", bound=Hashable)
R = TypeVar("R")
C = TypeVar("C")
# (total, parts): the published total equals the sum of the published parts.
SumOf = tuple[K, Sequence[K]]


def hiding_cost(
    counts: Mapping[K, int], equations_per_key: Mapping[K, int]
) -> Callable[[K], tuple[int, int, str]]:
    """The order in which figures are hidden to protect others: the smallest number first;
    among equals, one that appears in fewer sums (a cell rather than a total), then a stable
    order so the same data hides the same cells."""

    def cost(key: K) -> tuple[int, int, str]:
        return (counts[key], equations_per_key[key], repr(key))

    return cost


def suppress_small_counts(
    counts: Mapping[K, int],
    sums: Iterable[SumOf[K]],
    threshold: int = DEFAULT_THRESHOLD,
) -> set[K]:
    """The keys of `counts` to hide.

    `counts` maps every published number (cells and totals alike) to its value; `sums` lists
    `(total_key, part_keys)` meaning counts[total_key] == sum(counts[part] for part in parts).
    A total with a single part says the two numbers are the same figure shown twice.
    Zero is not a small count: it tells nothing about any one child.
    """
    equations = [(total, *parts) for total, parts in sums]
    equations_per_key = Counter(key for members in equations for key in members)
    hidden = {key for key, value in counts.items() if 0 < value < threshold}
    cost = hiding_cost(counts, equations_per_key)

    changed = True
    while changed:
        changed = False
        for members in equations:
            hidden_members = [key for key in members if key in hidden]
            if len(hidden_members) != 1:
                continue
            candidates = [key for key in members if key not in hidden]
            hidden.add(min(candidates, key=cost))
            changed = True
    return hidden


def table_sums(
    rows: Sequence[R],
    columns: Sequence[C],
    cell: Callable[[R, C], K],
    row_total: Callable[[R], K],
    column_total: Callable[[C], K],
    grand_total: K,
) -> list[SumOf[K]]:
    """The sums a two-way table publishes: each row and each column adds up to its total, and
    the row totals and the column totals each add up to the grand total."""
    sums: list[SumOf[K]] = [
        (row_total(row), [cell(row, column) for column in columns]) for row in rows
    ]
    sums += [(column_total(column), [cell(row, column) for row in rows]) for column in columns]
    sums.append((grand_total, [row_total(row) for row in rows]))
    sums.append((grand_total, [column_total(column) for column in columns]))
    return sums
