"""The lines a paper count is typed for, and where the two volunteers' entries differ."""

from collections.abc import Iterable

from mock_elections.models import BallotOption, BallotQuestion, PollingStation
from mock_elections.selectors import ballot_questions

from ..models import PaperTallyEntry

PaperLine = tuple[BallotQuestion, BallotOption | None]


def paper_lines(questions: Iterable[BallotQuestion]) -> list[PaperLine]:
    """Every (question, option or None) a paper count of these questions (in ballot order,
    options loaded) is typed for: each option, and “I don't know” where offered."""
    lines: list[PaperLine] = []
    for question in questions:
        lines.extend((question, option) for option in question.options.all())
        if question.offers_abstain:
            lines.append((question, None))
    return lines


def paper_tally_lines(station: PollingStation) -> list[PaperLine]:
    """The lines a station's paper count is typed for: its election's questions'."""
    return paper_lines(ballot_questions(station.election))


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
