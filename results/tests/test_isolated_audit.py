"""The suppression audit in a child process hides exactly what it hides in-process."""

import pytest

from django.core.cache import cache

from results import selectors
from results.suppression.isolated import audited_suppression_in_child
from results.tests.factories import build_election, cast, paper


@pytest.mark.django_db
def test_the_child_process_hides_the_same_figures_as_the_worker(settings):
    election, (north, south), (young, old), question, (a, b) = build_election(published=True)
    cast(north, young, question, a, 20)
    cast(north, old, question, b, 3)
    cast(south, old, question, a, 15)
    paper(south, question, b, 2)
    counts, sums = selectors.election_figures(
        selectors.participation(election), selectors.election_results(election)
    )
    settings.RESULTS_AUDIT_IN_CHILD_PROCESS = False
    in_worker = selectors.hidden_figures(selectors.publication_of(election), counts, sums, 5)
    cache.clear()
    settings.RESULTS_AUDIT_IN_CHILD_PROCESS = True
    in_child = selectors.hidden_figures(selectors.publication_of(election), counts, sums, 5)
    assert any(0 < counts[figure] < 5 for figure in in_child)
    assert in_child == in_worker


class Twin:
    """Two different figures the child could not tell apart."""

    def __repr__(self):
        return "twin"


def test_figures_the_child_cannot_tell_apart_are_refused():
    first, second = Twin(), Twin()
    with pytest.raises(ValueError, match="repr"):
        audited_suppression_in_child({first: 1, second: 2}, [], 5)
