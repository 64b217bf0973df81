"""Groups, the shortlist round, promoting the winners, the public outcome and follow-up."""

import pytest

from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse

from base.refusals import Refused
from mock_elections.models import Election, QuestionProposal
from mock_elections.tests.factories import ElectionFactory, QuestionProposalFactory
from people import shortlist
from people.shortlist import ProposalCounts

from .factories import ProposingGroupFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def open_round():
    election = ElectionFactory()
    proposals = QuestionProposalFactory.create_batch(3, election=election)
    return shortlist.open_shortlist_round(election, proposals), proposals


def test_register_group_asks_no_child_data_and_checks_the_band():
    election = ElectionFactory()
    proposal = QuestionProposalFactory(election=election, contact_email="klase@example.org")
    details = dict(
        name="4.b",
        contact_name="Skolotāja",
        contact_email="klase@example.org",
        approximate_size=24,
        youngest_age=9,
        oldest_age=10,
        consent=True,
    )
    group = shortlist.register_group(election, **details)
    assert list(group.proposals.all()) == [proposal]
    with pytest.raises(Refused, match="Vecuma grupai") as refusal:
        shortlist.register_group(election, **{**details, "youngest_age": 11})
    assert refusal.value.reason == "age_band"
    with pytest.raises(Refused):
        shortlist.register_group(election, **{**details, "consent": False})


def test_counts_beyond_the_group_size_are_refused_and_nothing_is_saved(open_round):
    shortlist_round, proposals = open_round
    group = ProposingGroupFactory(election=shortlist_round.election, approximate_size=10)
    with pytest.raises(Refused) as refusal:
        shortlist.record_group_counts(
            shortlist_round, group, {proposals[0].pk: ProposalCounts(11, [0, 0, 0])}
        )
    assert refusal.value.reason == "counts_exceed_group"
    with pytest.raises(Refused):
        shortlist.record_group_counts(
            shortlist_round,
            group,
            {p.pk: ProposalCounts(1, [6, 0, 0]) for p in proposals[:2]},  # 12 first places
        )
    assert not shortlist_round.counts.exists()


def test_outcome_combines_groups_and_promote_top_puts_winners_on_the_ballot(open_round):
    shortlist_round, (a, b, c) = open_round
    first = ProposingGroupFactory(election=shortlist_round.election, approximate_size=10)
    second = ProposingGroupFactory(election=shortlist_round.election, approximate_size=6)
    shortlist.record_group_counts(
        shortlist_round,
        first,
        {
            a.pk: ProposalCounts(3, [1, 4, 5]),
            b.pk: ProposalCounts(8, [7, 2, 1]),
            c.pk: ProposalCounts(5, [2, 4, 4]),
        },
    )
    shortlist.record_group_counts(
        shortlist_round, second, {a.pk: ProposalCounts(6, [6, 0, 0]), c.pk: ProposalCounts(1, [])}
    )
    outcome = shortlist.shortlist_outcome(shortlist_round)
    assert (outcome.groups, outcome.children) == (2, 16)
    # a: 3 + 6 approvals, first places 1 + 6 (2 points each), second places 4 (1 point each)
    assert [(r.proposal, r.approvals, r.borda) for r in outcome.rows] == [
        (a, 9, 7 * 2 + 4),
        (b, 8, 7 * 2 + 2),
        (c, 6, 2 * 2 + 4),
    ]
    organiser = get_user_model().objects.create_user("org")
    questions = shortlist.promote_top(shortlist_round, 2, organiser)
    assert [q.text for q in questions] == [a.question_text, b.question_text]
    c.refresh_from_db()
    assert c.status == QuestionProposal.Status.SHORTLISTED
    shortlist_round.refresh_from_db()
    assert shortlist_round.finished_at is not None
    with pytest.raises(Refused):
        shortlist.record_group_counts(shortlist_round, first, {})


def test_public_proposal_page_shows_the_childrens_choice(client, open_round):
    shortlist_round, (a, b, c) = open_round
    group = ProposingGroupFactory(election=shortlist_round.election, approximate_size=12)
    shortlist.record_group_counts(shortlist_round, group, {a.pk: ProposalCounts(12, [12, 0, 0])})
    url = reverse("mock_elections:propose_question", args=[shortlist_round.election.slug])
    assert "shortlist-heading" not in client.get(url).content.decode()
    shortlist.promote_top(shortlist_round, 1, get_user_model().objects.create_user("org"))
    page = client.get(url).content.decode()
    assert "shortlist-heading" in page and a.question_text in page


def test_groups_hear_what_became_of_their_question_only_after_publication(open_round):
    shortlist_round, proposals = open_round
    election = shortlist_round.election
    with pytest.raises(Refused):
        shortlist.tell_proposers(election)
    Election.objects.filter(pk=election.pk).update(status=Election.Status.RESULTS_PUBLISHED)
    election.refresh_from_db()
    shortlist.tell_proposers(election)
    assert len(mail.outbox) == 3
    assert {p.question_text for p in proposals} == {
        m.body.split("„")[1].split("”")[0] for m in mail.outbox
    }
