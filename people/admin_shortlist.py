"""The organiser's shortlist round screen: open the round, enter each group's counts as the
group reports them, see the combined outcome, promote the top with one action."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from base.refusals import Refused
from mock_elections.models import Election, QuestionProposal

from . import shortlist
from .admin_views import organisers_only
from .models import ProposingGroup, ShortlistRound
from .shortlist import ProposalCounts


def _number(request: HttpRequest, name: str) -> int:
    value = request.POST.get(name, "").strip()
    return int(value) if value.isdigit() else 0


@organisers_only
def round_page(request: HttpRequest, pk: int) -> HttpResponse:
    election = get_object_or_404(Election, pk=pk)
    shortlist_round = ShortlistRound.objects.filter(election=election).first()
    context = {"election": election, "round": shortlist_round}
    if shortlist_round is None:
        context["proposals"] = election.proposals.exclude(
            status__in=[QuestionProposal.Status.DECLINED, QuestionProposal.Status.PROMOTED]
        )
    else:
        proposals = list(shortlist_round.proposals.order_by("pk"))
        context.update(
            proposals=proposals,
            places=range(1, len(proposals) + 1),
            groups=ProposingGroup.objects.filter(election=election),
            outcome=shortlist.shortlist_outcome(shortlist_round),
        )
    return render(request, "people/admin/shortlist.html", context)


@require_POST
@organisers_only
def open_round(request: HttpRequest, pk: int) -> HttpResponse:
    election = get_object_or_404(Election, pk=pk)
    chosen = election.proposals.filter(pk__in=request.POST.getlist("proposals"))
    try:
        shortlist.open_shortlist_round(election, list(chosen))
    except Refused as refusal:
        messages.error(request, refusal.message)
    else:
        messages.success(request, _("The shortlist round is open."))
    return redirect("people_admin:shortlist", pk)


@require_POST
@organisers_only
def record_counts(request: HttpRequest, pk: int, group_pk: int) -> HttpResponse:
    shortlist_round = get_object_or_404(ShortlistRound, election_id=pk)
    group = get_object_or_404(ProposingGroup, pk=group_pk, election_id=pk)
    proposals = list(shortlist_round.proposals.order_by("pk"))
    counts = {
        p.pk: ProposalCounts(
            _number(request, f"approvals-{p.pk}"),
            [_number(request, f"place-{p.pk}-{n}") for n in range(1, len(proposals) + 1)],
        )
        for p in proposals
    }
    try:
        shortlist.record_group_counts(shortlist_round, group, counts)
    except Refused as refusal:
        messages.error(request, refusal.message)
    else:
        messages.success(request, _("Counts saved for %(group)s.") % {"group": group.name})
    return redirect("people_admin:shortlist", pk)


@require_POST
@organisers_only
def promote(request: HttpRequest, pk: int) -> HttpResponse:
    shortlist_round = get_object_or_404(ShortlistRound, election_id=pk)
    try:
        questions = shortlist.promote_top(
            shortlist_round, _number(request, "how_many"), request.user
        )
    except Refused as refusal:
        messages.error(request, refusal.message)
    else:
        messages.success(
            request, _("%(count)s questions added to the ballot.") % {"count": len(questions)}
        )
    return redirect("people_admin:shortlist", pk)


@require_POST
@organisers_only
def follow_up(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        shortlist.tell_proposers(get_object_or_404(Election, pk=pk))
    except Refused as refusal:
        messages.error(request, refusal.message)
    else:
        messages.success(request, _("The groups are being told what became of their questions."))
    return redirect("people_admin:shortlist", pk)
