import io

import pytest

from base import demo as base_demo
from mock_elections import demo as election_demo
from mock_elections.models import QuestionProposal
from people import demo, shortlist
from people.models import Assignment, ShortlistRound, Volunteer


@pytest.mark.django_db
def test_demo_seeds_volunteers_shifts_and_a_finished_round_and_can_run_twice():
    base_demo.load(io.StringIO())
    election_demo.load(io.StringIO())
    demo.load(io.StringIO())
    demo.load(io.StringIO())
    assert Volunteer.objects.count() == 250
    assert all("parauga dati" in name for name in Volunteer.objects.values_list("name", flat=True))
    placed = Assignment.objects.select_related("volunteer")
    assert placed.count() > 100
    assert all(a.volunteer.may_serve for a in placed)
    shortlist_round = ShortlistRound.objects.get()
    outcome = shortlist.shortlist_outcome(shortlist_round)
    assert outcome.groups == 8
    assert {row.proposal.status for row in outcome.rows[:3]} == {QuestionProposal.Status.PROMOTED}
