"""Groups that choose the questions: registration, the shortlist round over the proposals
the organiser accepted, each group's counts, the combined outcome and promoting the top."""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from base.refusals import Refused
from mock_elections import services as election_services
from mock_elections.models import BallotQuestion, Election, QuestionProposal

from . import tasks
from .counting import combine, count_problem
from .models import GroupCount, ProposingGroup, ShortlistRound

YOUNGEST, OLDEST = 5, 18


@dataclass(frozen=True)
class ProposalCounts:
    approvals: int
    rank_counts: Sequence[int]


@dataclass(frozen=True)
class OutcomeRow:
    proposal: QuestionProposal
    approvals: int
    borda: int


@dataclass(frozen=True)
class ShortlistOutcome:
    rows: list[OutcomeRow]
    groups: int
    children: int


def register_group(
    election: Election,
    *,
    name: str,
    contact_name: str,
    contact_email: str,
    approximate_size: int,
    youngest_age: int,
    oldest_age: int,
    consent: bool,
) -> ProposingGroup:
    if not consent:
        raise Refused("consent", _("We need the adult contact's consent to store the group."))
    if approximate_size < 1:
        raise Refused("size", _("A group has at least one child."))
    if not YOUNGEST <= youngest_age <= oldest_age <= OLDEST:
        raise Refused(
            "age_band",
            _("The age band must lie between %(low)s and %(high)s, youngest first.")
            % {"low": YOUNGEST, "high": OLDEST},
        )
    group = ProposingGroup.objects.create(
        election=election,
        name=name,
        contact_name=contact_name,
        contact_email=contact_email,
        approximate_size=approximate_size,
        youngest_age=youngest_age,
        oldest_age=oldest_age,
        consent_at=timezone.now(),
    )
    group.proposals.set(election.proposals.filter(contact_email__iexact=contact_email))
    return group


@transaction.atomic
def open_shortlist_round(
    election: Election, proposals: Sequence[QuestionProposal]
) -> ShortlistRound:
    """The organiser puts the proposals they accept to the children."""
    if ShortlistRound.objects.filter(election=election).exists():
        raise Refused("round_exists", _("This election already has a shortlist round."))
    chosen = [p for p in proposals if p.election_id == election.pk]
    if len(chosen) < 2:
        raise Refused("too_few", _("Choose at least two proposals for the children to compare."))
    for proposal in chosen:
        election_services.shortlist_proposal(proposal)
    shortlist_round = ShortlistRound.objects.create(election=election)
    shortlist_round.proposals.set(chosen)
    return shortlist_round


@transaction.atomic
def record_group_counts(
    shortlist_round: ShortlistRound,
    group: ProposingGroup,
    counts: Mapping[int, ProposalCounts],
) -> list[GroupCount]:
    """A group's result: for each shortlisted proposal, how many children chose it and how
    many put it first, second, … Counts beyond the group's size are refused."""
    if shortlist_round.finished_at is not None:
        raise Refused("round_finished", _("The shortlist round is finished."))
    if group.election_id != shortlist_round.election_id:
        raise Refused("other_election", _("This group belongs to another election."))
    proposal_ids = set(shortlist_round.proposals.values_list("pk", flat=True))
    if set(counts) - proposal_ids:
        raise Refused("not_shortlisted", _("Counts may be given only for shortlisted proposals."))
    problem = count_problem(
        group.approximate_size,
        [c.approvals for c in counts.values()],
        [list(c.rank_counts) for c in counts.values()],
    )
    if problem:
        raise Refused(
            "counts_exceed_group",
            _("The counts add up to more children than the group has (%(size)s).")
            % {"size": group.approximate_size},
            problem=problem,
        )
    GroupCount.objects.filter(round=shortlist_round, group=group).delete()
    return GroupCount.objects.bulk_create(
        GroupCount(
            round=shortlist_round,
            group=group,
            proposal_id=proposal_id,
            approvals=value.approvals,
            rank_counts=list(value.rank_counts)[: len(proposal_ids)],
        )
        for proposal_id, value in counts.items()
    )


def shortlist_outcome(shortlist_round: ShortlistRound) -> ShortlistOutcome:
    proposals = {p.pk: p for p in shortlist_round.proposals.select_related("promoted_question")}
    approvals: dict[int, int] = {}
    ranks: dict[int, list[int]] = {}
    groups: dict[int, int] = {}
    for count in shortlist_round.counts.select_related("group"):
        approvals[count.proposal_id] = approvals.get(count.proposal_id, 0) + count.approvals
        total = ranks.setdefault(count.proposal_id, [])
        for place, value in enumerate(count.rank_counts):
            if place == len(total):
                total.append(0)
            total[place] += value
        groups[count.group_id] = count.group.approximate_size
    rows = [
        OutcomeRow(proposals[o.proposal_id], o.approvals, o.borda)
        for o in combine(sorted(proposals), approvals, ranks)
    ]
    return ShortlistOutcome(rows, len(groups), sum(groups.values()))


@transaction.atomic
def promote_top(shortlist_round: ShortlistRound, how_many: int, by: User) -> list[BallotQuestion]:
    """One action: the top proposals become ballot questions, and the round is finished."""
    if how_many < 1:
        raise Refused("how_many", _("Promote at least one proposal."))
    outcome = shortlist_outcome(shortlist_round)
    if outcome.groups == 0:
        raise Refused("no_counts", _("No group has recorded its counts yet."))
    questions = [
        election_services.promote_proposal(row.proposal, by)
        for row in outcome.rows[:how_many]
        if row.proposal.status != QuestionProposal.Status.PROMOTED
    ]
    shortlist_round.finished_at = timezone.now()
    shortlist_round.save(update_fields=["finished_at"])
    return questions


def tell_proposers(election: Election) -> None:
    """Queue the follow-up e-mails; only once the results are public."""
    if election.status != Election.Status.RESULTS_PUBLISHED:
        raise Refused("not_published", _("Tell the groups once the results are published."))
    tasks.tell_proposers.enqueue(election.pk)
