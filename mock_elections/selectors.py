"""Reads about an election that the tablets, the admin and the public pages share."""

from dataclasses import dataclass

from django.db.models import Count, Prefetch, Q, QuerySet
from django.urls import reverse

from .models import (
    AgeBand,
    BallotOption,
    BallotQuestion,
    EasyReadWording,
    Election,
    ElectionTransition,
    PollingStation,
    QuestionProposal,
)


def stations_by_district(election: Election) -> list[PollingStation]:
    """The election's stations with their districts, in district order, then by name."""
    return list(
        election.stations.select_related("district").order_by(
            "district__sort_order", "district__name", "name"
        )
    )


def age_bands_youngest_first(election: Election) -> list[AgeBand]:
    return list(election.age_bands.order_by("min_age"))


def ballot_questions(election: Election) -> list[BallotQuestion]:
    """Every question of the election in ballot order, with its options already loaded."""
    return list(election.questions.prefetch_related("options").order_by("sort_order", "pk"))


def questions_for_age_band(election: Election, age_band: AgeBand) -> list[BallotQuestion]:
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


def question_text_for(question: BallotQuestion, age_band: AgeBand | None) -> str:
    """The easy-read wording when this band reads easy-read and one exists, else the question
    itself; English on English screens where given."""
    if age_band is not None and age_band.uses_easy_read:
        for wording in question.easy_read_wordings.all():
            if wording.age_band_id == age_band.pk:
                return wording.display_text
    return question.display_text


def proposals_on_ballot(election: Election) -> QuerySet[QuestionProposal]:
    """Proposals that became ballot questions, for the public page's feedback list."""
    return (
        QuestionProposal.objects.filter(election=election, status=QuestionProposal.Status.PROMOTED)
        .select_related("promoted_question")
        .order_by("promoted_question__sort_order", "pk")
    )


def proposal_form_address() -> str | None:
    """The public proposal form of the next election still taking proposals (a draft that is
    not a rehearsal, as `views.propose_question` accepts), or None when none is."""
    slug = (
        Election.objects.filter(status=Election.Status.DRAFT, is_rehearsal=False)
        .order_by("election_date", "pk")
        .values_list("slug", flat=True)
        .first()
    )
    return reverse("mock_elections:propose_question", args=[slug]) if slug else None


@dataclass(frozen=True)
class ElectionOverview:
    """What an organiser checks before and on election day: every station with its status,
    the questions with how many options each has, and the history of the election's status."""

    stations: list[PollingStation]
    questions: list[BallotQuestion]  # each annotated with option_count
    transitions: list[ElectionTransition]


def election_overview(election: Election) -> ElectionOverview:
    return ElectionOverview(
        stations=list(
            election.stations.select_related("district").order_by("district__sort_order", "name")
        ),
        questions=list(
            election.questions.annotate(option_count=Count("options")).order_by("sort_order", "pk")
        ),
        transitions=list(election.transitions.select_related("user").order_by("at", "pk")),
    )
