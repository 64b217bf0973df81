"""One station's results for the A4 sheet posted at the station and sent to the school or
centre that hosted it (M33).

When it is available (the decision)
-----------------------------------
Only once the station is counted (closed, no sealed vote left, its tally recorded) and
voting has ended for the whole election, so that no station's results hang on a door while
children elsewhere may still vote. It does *not* wait for the public release: like an adult
precinct's protocol, the sheet is posted at the station the evening it is counted, and only
organisers and desk volunteers (who already see the count) can download it. What it shows is
suppressed as the public results are, so posting it early reveals no small count.

What it hides
-------------
The same audited rule as the public results (``results.suppression``), applied to the public
figures and every station's sheet at once, with the sums that tie them (a district's cell is
the sum of its stations' cells): a count hidden on one sheet cannot be recovered from the
other sheets or, later, from the public district tables.
"""

import datetime
from dataclasses import dataclass

from django.db.models import Count, Sum
from django.utils import timezone
from django.utils.translation import gettext

from base.refusals import Refused
from mock_elections.models import Election, PollingStation
from mock_elections.selectors import age_bands_youngest_first, stations_by_district
from results.selectors.counting import ElectionCount, RowKey, election_results
from results.selectors.figures import Counts, Figure, election_figures
from results.selectors.participation import participation
from results.selectors.publication import ABSTAIN, PAPER, TABLET, small_count_threshold
from results.suppression import SumOf, audited_suppression
from voting.models import PaperTally, SealedVote, StationTally, VoteAnswer

Shown = int | None  # None: hidden


@dataclass(frozen=True)
class SheetAnswer:
    label: str
    label_en: str
    votes: Shown
    is_abstain: bool = False


@dataclass(frozen=True)
class SheetQuestion:
    text: str
    text_en: str
    answers: tuple[SheetAnswer, ...]
    total: Shown


@dataclass(frozen=True)
class StationSheet:
    station: PollingStation
    election: Election
    tablet: Shown
    paper: Shown
    total: Shown
    questions: tuple[SheetQuestion, ...]
    threshold: int
    counted_at: datetime.datetime


def check_sheet_available(station: PollingStation, now: datetime.datetime | None = None) -> None:
    """Refused until the station is counted and voting has ended everywhere."""
    now = now or timezone.now()
    counted = (
        station.status == PollingStation.Status.CLOSED
        and StationTally.objects.filter(station=station).exists()
        and not SealedVote.objects.filter(station=station).exists()
    )
    if not counted:
        raise Refused(
            "station_not_counted",
            gettext("The results sheet is ready once the station is closed and counted."),
        )
    election = station.election
    if election.status == Election.Status.OPEN and now < election.voting_closes_at:
        raise Refused(
            "voting_not_over",
            gettext(
                "The results sheet is ready once voting has ended at every station, so that "
                "no results are posted while children elsewhere still vote."
            ),
        )


def _station_answer(row: RowKey, station_id: int, question_id: int) -> Figure:
    return Figure("station answers", row, station_id, question_id)


def _station_total(station_id: int, question_id: int) -> Figure:
    return Figure("station answers total", column=station_id, question=question_id)


def _station_counts(election: Election) -> Counts:
    """Every station's votes per question and answer, tablet and paper together."""
    counts: Counts = {}
    tablet = (
        VoteAnswer.objects.filter(vote__election=election)
        .order_by()
        .values_list("question_id", "option_id", "vote__station_id")
        .annotate(n=Count("*"))
    )
    paper = (
        PaperTally.objects.filter(station__election=election)
        .order_by()
        .values_list("question_id", "option_id", "station_id")
        .annotate(n=Sum("votes"))
    )
    for question_id, option_id, station_id, n in [*tablet, *paper]:
        key = _station_answer(option_id or ABSTAIN, station_id, question_id)
        counts[key] = counts.get(key, 0) + n
    return counts


def _hidden(election: Election) -> tuple[ElectionCount, Counts, set[Figure]]:
    """The public figures and every station's sheet, suppressed together."""
    # Read once for participation and the count alike.
    age_bands = age_bands_youngest_first(election)
    in_district_order = stations_by_district(election)
    taking_part = participation(election, age_bands, in_district_order)
    count = election_results(election, age_bands, stations=in_district_order)
    counts, sums = election_figures(taking_part, count)
    per_station = _station_counts(election)
    stations = [(station.pk, station.district_id) for station in in_district_order]
    station_sums: list[SumOf[Figure]] = []
    for question in count.questions:
        q = question.id
        rows = [row.key for row in question.rows]
        for station_id, _district in stations:
            for row in rows:
                counts[_station_answer(row, station_id, q)] = per_station.get(
                    _station_answer(row, station_id, q), 0
                )
            counts[_station_total(station_id, q)] = sum(
                counts[_station_answer(row, station_id, q)] for row in rows
            )
            station_sums.append(
                (_station_total(station_id, q), [_station_answer(r, station_id, q) for r in rows])
            )
        for district in count.districts:
            members = [s for s, d in stations if d == district.id]
            for row in rows:
                station_sums.append(
                    (
                        Figure("by district", row, district.id, q),
                        [_station_answer(row, s, q) for s in members],
                    )
                )
    threshold = small_count_threshold()
    return count, counts, audited_suppression(counts, sums + station_sums, threshold)


def station_sheet(station: PollingStation, now: datetime.datetime | None = None) -> StationSheet:
    """The station's sheet with small counts (and what reveals them) hidden as None; Refused
    before it is available."""
    check_sheet_available(station, now)
    election = station.election
    count, counts, hidden = _hidden(election)

    def shown(figure: Figure) -> Shown:
        return None if figure in hidden else counts.get(figure, 0)

    questions = tuple(
        SheetQuestion(
            text=question.text,
            text_en=question.text_en,
            answers=tuple(
                SheetAnswer(
                    row.label,
                    row.label_en,
                    shown(_station_answer(row.key, station.pk, question.id)),
                    row.is_abstain,
                )
                for row in question.rows
                if not row.is_abstain or question.offers_abstain
            ),
            total=shown(_station_total(station.pk, question.id)),
        )
        for question in count.questions
    )
    tally = StationTally.objects.get(station=station)
    return StationSheet(
        station=station,
        election=election,
        tablet=shown(Figure("station", station.pk, TABLET)),
        paper=shown(Figure("station", station.pk, PAPER)),
        total=shown(Figure("station", station.pk, "total")),
        questions=questions,
        threshold=small_count_threshold(),
        counted_at=tally.recorded_at,
    )
