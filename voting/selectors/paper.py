"""The lines a paper count is typed for, and where the two volunteers' entries differ."""

from mock_elections.models import BallotOption, BallotQuestion, PollingStation

from ..models import PaperTallyEntry

PaperLine = tuple[BallotQuestion, BallotOption | None]


def paper_tally_lines(station: PollingStation) -> list[PaperLine]:
    """Every (question, option or None) a paper count is typed for: each option of each
    question of the station's election, and “I don't know” where offered."""
    lines: list[PaperLine] = []
    questions = BallotQuestion.objects.filter(election=station.election).prefetch_related("options")
    for question in questions.order_by("sort_order", "pk"):
        lines.extend((question, option) for option in question.options.all())
        if question.offers_abstain:
            lines.append((question, None))
    return lines


def paper_tally_differences(
    station: PollingStation,
) -> list[tuple[BallotQuestion, BallotOption | None, int | None, int | None]] | None:
    """Lines where the two entries differ, as (question, option, first, second); None while
    one of the entries is missing."""
    entries = {
        (entry.entry_round, entry.question_id, entry.option_id): entry.votes
        for entry in PaperTallyEntry.objects.filter(station=station)
    }
    rounds = {entry_round for entry_round, _q, _o in entries}
    if rounds != {1, 2}:
        return None
    return [
        (question, option, first, second)
        for question, option in paper_tally_lines(station)
        if (first := entries.get((1, question.pk, option.pk if option else None)))
        != (second := entries.get((2, question.pk, option.pk if option else None)))
    ]
