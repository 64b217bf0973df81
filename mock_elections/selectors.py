"""Reads about an election that the tablets, the admin and the public pages share."""

from django.db.models import Prefetch, Q

from .models import BallotOption, BallotQuestion, EasyReadWording, QuestionProposal


def questions_for_age_band(election, age_band):
    """The questions a child of this age band is asked, in ballot order, with their options
    and easy-read wordings already loaded. A question with no bands chosen is asked of all."""
    asked = Q(age_bands__isnull=True) | Q(age_bands=age_band)
    matching_ids = BallotQuestion.objects.filter(asked, election=election).values("pk")
    return list(
        BallotQuestion.objects.filter(pk__in=matching_ids)
        .order_by("sort_order", "pk")
        .select_related("illustration")
        .prefetch_related(
            Prefetch(
                "options",
                queryset=BallotOption.objects.order_by("sort_order", "pk").select_related(
                    "picture"
                ),
            ),
            Prefetch("easy_read_wordings", queryset=EasyReadWording.objects.all()),
        )
    )


def question_text_for(question, age_band):
    """The easy-read wording when this band reads easy-read and one exists, else the question
    itself; English on English screens where given."""
    if age_band is not None and age_band.uses_easy_read:
        for wording in question.easy_read_wordings.all():
            if wording.age_band_id == age_band.pk:
                return wording.display_text
    return question.display_text


def proposals_on_ballot(election):
    """Proposals that became ballot questions, for the public page's feedback list."""
    return (
        QuestionProposal.objects.filter(election=election, status=QuestionProposal.Status.PROMOTED)
        .select_related("promoted_question")
        .order_by("promoted_question__sort_order", "pk")
    )


def election_overview(election):
    """What an organiser checks on election day: every station with its status, and the
    history of the election's own status."""
    return {
        "stations": list(
            election.stations.select_related("district").order_by("district__sort_order", "name")
        ),
        "transitions": list(election.transitions.select_related("user").order_by("at", "pk")),
    }
