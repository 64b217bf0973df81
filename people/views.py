"""Public pages: volunteer sign-up and group registration, per election, in lv and en."""

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from base.refusals import Refused
from mock_elections.models import Election

from . import roster, shortlist
from .forms import GroupForm, SignUpForm
from .models import ShortlistRound


def sign_up(request: HttpRequest, slug: str) -> HttpResponse:
    election = get_object_or_404(Election, slug=slug, is_rehearsal=False)
    if not roster.roster_for(election).sign_up_open:
        raise Http404("sign-up closed")
    form = SignUpForm(election, request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            outcome = roster.sign_up(election, **form.cleaned_data)
        except Refused as refusal:
            form.add_error(None, refusal.message)
        else:
            messages.success(
                request,
                _("You had already signed up with these details; we updated your sign-up.")
                if outcome.merged
                else _("Thank you for signing up! The organisers will send you your shift."),
            )
            return redirect(request.path)
    return render(request, "people/sign_up.html", {"election": election, "form": form})


def register_group(request: HttpRequest, slug: str) -> HttpResponse:
    election = get_object_or_404(Election, slug=slug, is_rehearsal=False)
    form = GroupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            shortlist.register_group(election, **form.cleaned_data)
        except Refused as refusal:
            form.add_error(None, refusal.message)
        else:
            messages.success(request, _("Thank you! Your group is registered."))
            return redirect(request.path)
    return render(request, "people/register_group.html", {"election": election, "form": form})


def proposal_page_outcome(request: HttpRequest, election: Election) -> str:
    """The panel the public proposal page shows once the children's round is finished."""
    shortlist_round = ShortlistRound.objects.filter(
        election=election, finished_at__isnull=False
    ).first()
    if shortlist_round is None:
        return ""
    return render_to_string(
        "people/shortlist_outcome_panel.html",
        {"outcome": shortlist.shortlist_outcome(shortlist_round)},
        request=request,
    )
