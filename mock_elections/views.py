"""Public pages of the children's election: proposing questions before it."""

import logging

from django_ratelimit.decorators import ratelimit

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from wagtail import hooks

from base.refusals import Refused

from . import selectors, services
from .forms import PROPOSAL_FIELDS, ProposalForm
from .models import Election

logger = logging.getLogger(__name__)


# A class or two per teacher, not a flood from one address (429 page: base/ratelimits.py).
@ratelimit(key="ip", rate="10/h", method="POST")
def propose_question(request, slug):
    """A teacher or youth worker proposes a question on the children's behalf; below the
    form, the proposals that made it onto the ballot show that proposing works."""
    election = get_object_or_404(Election, slug=slug, is_rehearsal=False)
    accepting = election.status == Election.Status.DRAFT
    form = ProposalForm(request.POST or None) if accepting else None
    if form is not None and request.method == "POST" and form.is_valid():
        try:
            services.submit_proposal(
                election, **{name: form.cleaned_data[name] for name in PROPOSAL_FIELDS}
            )
        except Refused as refusal:
            logger.info("Proposal for %s refused: %s", election.slug, refusal.reason)
            form.add_error(None, refusal.message)
        else:
            messages.success(
                request,
                _("Thank you! The organisers will read your proposal and may contact you."),
            )
            return redirect(request.path)
    return render(
        request,
        "mock_elections/propose_question.html",
        {
            "election": election,
            "form": form,
            "proposals_on_ballot": selectors.proposals_on_ballot(election),
            # Apps above this one add panels (e.g. the children's shortlist outcome) through
            # this hook, so this page never imports them.
            "extra_panels": [
                hook(request, election) for hook in hooks.get_hooks("proposal_page_panels")
            ],
        },
    )
