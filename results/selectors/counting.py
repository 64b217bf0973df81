"""The count itself: every question's votes per answer, by district and by age band, before
anything is hidden. Organisers' and the public's views are both built from it."""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from django.db.models import Count, Sum

from mock_elections.models import AgeBand, BallotQuestion, Election, PollingStation
from mock_elections.selectors import (
    age_bands_youngest_first,
    ballot_questions,
    stations_by_district,
)
from results.selectors.publication import ABSTAIN
from voting.models import PaperTally, VoteAnswer

# An answer row is an option's id, or ABSTAIN; a column a district's or age band's id, or PAPER.
RowKey = int | str
ColumnKey = int | str


@dataclass(frozen=True)
class Area:
    """A district or an age band: a column of the breakdowns."""

    id: int
    label: str


@dataclass(frozen=True)
class AnswerRow:
    """One answer a question offers: an option, or abstaining ("I don't know")."""

    key: RowKey
    label: str
    label_en: str = ""
    is_abstain: bool = False


@dataclass(frozen=True)
class Breakdown:
    """Votes of one question per answer and column."""

    cells: Mapping[tuple[RowKey, ColumnKey], int] = field(default_factory=dict)

    def votes(self, row: RowKey, column: ColumnKey) -> int:
        return self.cells.get((row, column), 0)


@dataclass(frozen=True)
class QuestionCount:
    """One question's count: tablet and paper votes together by district, tablet votes by
    age band, and paper votes per answer (paper ballots carry no age band)."""

    id: int
    text: str
    text_en: str
    offers_abstain: bool
    rows: tuple[AnswerRow, ...]
    by_district: Breakdown
    by_age_band: Breakdown
    paper: Mapping[RowKey, int]


@dataclass(frozen=True)
class ElectionCount:
    districts: tuple[Area, ...]
    age_bands: tuple[Area, ...]
    questions: tuple[QuestionCount, ...]


def _add(cells: dict[tuple[RowKey, ColumnKey], int], key: tuple[RowKey, ColumnKey], n: int) -> None:
    cells[key] = cells.get(key, 0) + n


def election_results(
    election: Election,
    age_bands: Sequence[AgeBand] | None = None,
    questions: Sequence[BallotQuestion] | None = None,
    stations: Sequence[PollingStation] | None = None,
) -> ElectionCount:
    """Per question: every option's (and the abstentions') tablet votes by district and age
    band, and paper votes by district (paper ballots carry no age band). `age_bands`
    (youngest first), `questions` (in ballot order, options loaded) and `stations` (with
    districts, in district order): the election's, when the caller has read them already."""
    if stations is None:
        stations = stations_by_district(election)
    district_of_station = {station.pk: station.district_id for station in stations}
    # The stations come in district order: each district where its first station is.
    districts = tuple(
        Area(pk, name)
        for pk, name in dict.fromkeys(
            (station.district_id, station.district.name) for station in stations
        )
    )
    if age_bands is None:
        age_bands = age_bands_youngest_first(election)
    if questions is None:
        questions = ballot_questions(election)

    by_district: dict[int, dict[tuple[RowKey, ColumnKey], int]] = {}
    by_band: dict[int, dict[tuple[RowKey, ColumnKey], int]] = {}
    paper: dict[int, dict[RowKey, int]] = {}
    for question in questions:
        by_district[question.pk], by_band[question.pk], paper[question.pk] = {}, {}, {}

    tablet_rows = (
        VoteAnswer.objects.filter(vote__election=election)
        .order_by()
        .values_list("question_id", "option_id", "vote__station_id", "vote__age_band_id")
        .annotate(n=Count("*"))
    )
    for question_id, option_id, station_id, band_id, n in tablet_rows:
        row = option_id or ABSTAIN
        _add(by_district[question_id], (row, district_of_station[station_id]), n)
        _add(by_band[question_id], (row, band_id), n)

    paper_rows = (
        PaperTally.objects.filter(station__election=election)
        .order_by()
        .values_list("question_id", "option_id", "station_id")
        .annotate(n=Sum("votes"))
    )
    for question_id, option_id, station_id, n in paper_rows:
        row = option_id or ABSTAIN
        _add(by_district[question_id], (row, district_of_station[station_id]), n)
        paper[question_id][row] = paper[question_id].get(row, 0) + n

    return ElectionCount(
        districts=districts,
        age_bands=tuple(Area(band.pk, str(band)) for band in age_bands),
        questions=tuple(
            QuestionCount(
                id=question.pk,
                text=question.text,
                text_en=question.text_en,
                offers_abstain=question.offers_abstain,
                rows=(
                    *(
                        AnswerRow(option.pk, option.label, option.label_en)
                        for option in question.options.all()
                    ),
                    AnswerRow(ABSTAIN, "", is_abstain=True),
                ),
                by_district=Breakdown(by_district[question.pk]),
                by_age_band=Breakdown(by_band[question.pk]),
                paper=paper[question.pk],
            )
            for question in questions
        ),
    )
