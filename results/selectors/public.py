"""What the public sees: the count with small counts (and what reveals them) hidden, only
after release, computed once per publication however many readers arrive at once."""

import datetime
import hashlib
import logging
import time
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.core.cache import cache

from mock_elections.selectors import (
    age_bands_youngest_first,
    ballot_questions,
    stations_by_district,
)
from results.selectors.counting import (
    AnswerRow,
    Area,
    ElectionCount,
    QuestionCount,
    election_results,
)
from results.selectors.figures import Counts, Figure, election_figures
from results.selectors.participation import participation
from results.selectors.publication import (
    ABSTAIN,
    FINAL_RESULTS_CACHE_SECONDS,
    PAPER,
    PRELIMINARY_RESULTS_CACHE_SECONDS,
    TABLET,
    Publication,
    is_public,
    small_count_threshold,
)
from results.selectors.tables import (
    AreaCount,
    BandCount,
    ElectionHeader,
    OptionResult,
    PublicParticipation,
    PublicQuestion,
    PublicResults,
    ResultsTable,
    Shown,
    TableColumn,
    TableRow,
)
from results.single_flight import compute_once
from results.suppression import SumOf, audited_suppression
from results.suppression.isolated import audited_suppression_in_child
from voting.selectors import station_digests

logger = logging.getLogger(__name__)
# The audit's outcome belongs to one publication and one set of counts; it outlives the
# results cache, so a results cache that expires does not run the audit again.
HIDDEN_CACHE_SECONDS = 24 * 60 * 60

ShownOf = Callable[[Figure], Shown]


def hidden_figures(
    publication: Publication, counts: Counts, sums: list[SumOf[Figure]], threshold: int
) -> set[Figure]:
    """The audited suppression of these figures, cached per publication and per counts."""
    digest = hashlib.sha256(
        repr(sorted((repr(k), v) for k, v in counts.items())).encode()
    ).hexdigest()[:32]
    key = f"results:hidden:{publication.version}:{digest}"
    hidden: set[Figure] | None = cache.get(key)
    if hidden is None:
        # In a child process unless the settings say otherwise (tests: no process per audit).
        audit = (
            audited_suppression_in_child
            if settings.RESULTS_AUDIT_IN_CHILD_PROCESS
            else audited_suppression
        )
        hidden = audit(counts, sums, threshold)
        cache.set(key, hidden, HIDDEN_CACHE_SECONDS)
    return hidden


def build_public_results(publication: Publication) -> PublicResults:
    """Results and participation with small counts (and what reveals them) hidden as None.
    Every surface (page, CSV, XLSX, JSON, NIST export, turnout comparison) reads this one
    object, so the same figures are hidden everywhere."""
    started = time.perf_counter()
    election = publication.election
    # Read once: participation, the count and the station digests share them.
    age_bands = age_bands_youngest_first(election)
    questions = ballot_questions(election)
    stations = stations_by_district(election)
    taking_part = participation(election, age_bands, stations)
    count = election_results(election, age_bands, questions, stations)
    counts, sums = election_figures(taking_part, count)
    threshold = small_count_threshold()
    hidden = hidden_figures(publication, counts, sums, threshold)

    def shown(figure: Figure) -> Shown:
        return None if figure in hidden else counts[figure]

    data = PublicResults(
        election=ElectionHeader(
            id=election.pk,
            slug=election.slug,
            title=election.title,
            title_en=election.title_en,
            election_date=election.election_date,
            is_final=publication.is_final,
        ),
        threshold=threshold,
        participation=_public_participation(taking_part, shown),
        questions=tuple(_public_question(question, count, shown) for question in count.questions),
        station_digests=tuple(station_digests(election, questions)),
    )
    logger.info(
        "results: computed the public results of election %s in %.0f ms",
        election.pk,
        (time.perf_counter() - started) * 1000,
    )
    return data


def _share(part: Shown, whole: Shown) -> float | None:
    if part is None or not whole:
        return None
    return round(100 * part / whole, 1)


def _public_participation(data: dict[str, Any], shown: ShownOf) -> PublicParticipation:
    def area(kind: str, row: dict[str, Any], **extra: str) -> AreaCount:
        return AreaCount(
            id=row["id"],
            name=row["name"],
            tablet=shown(Figure(kind, row["id"], TABLET)),
            paper=shown(Figure(kind, row["id"], PAPER)),
            total=shown(Figure(kind, row["id"], "total")),
            **extra,
        )

    return PublicParticipation(
        stations=tuple(
            area(
                "station",
                row,
                district=row["district"],
                adult_precinct_number=row["adult_precinct_number"],
            )
            for row in data["stations"]
        ),
        districts=tuple(area("district", row) for row in data["districts"]),
        age_bands=tuple(
            BandCount(band["id"], band["label"], shown(Figure("age band", band["id"])))
            for band in data["age_bands"]
        ),
        tablet=shown(Figure("city", column=TABLET)),
        paper=shown(Figure("city", column=PAPER)),
        total=shown(Figure("city", column="total")),
    )


def _table(
    question: QuestionCount,
    columns: list[TableColumn],
    cell_table: str,
    shown: ShownOf,
) -> ResultsTable:
    q = question.id

    def row(answer: AnswerRow) -> TableRow:
        return TableRow(
            key=answer.key,
            label=answer.label,
            label_en=answer.label_en,
            cells=tuple(shown(Figure(cell_table, answer.key, c.id, q)) for c in columns),
            total=shown(Figure("answer total", row=answer.key, question=q)),
            is_abstain=answer.is_abstain,
        )

    return ResultsTable(
        columns=tuple(columns),
        rows=tuple(row(answer) for answer in question.rows),
        total=shown(Figure("all answers", question=q)),
    )


def _columns(
    areas: tuple[Area, ...], total_table: str, q: int, shown: ShownOf
) -> list[TableColumn]:
    return [
        TableColumn(a.id, a.label, shown(Figure(total_table, column=a.id, question=q)))
        for a in areas
    ]


def _public_question(
    question: QuestionCount, count: ElectionCount, shown: ShownOf
) -> PublicQuestion:
    q = question.id
    valid = shown(Figure("valid answers", question=q))
    total = shown(Figure("all answers", question=q))
    abstentions = shown(Figure("answer total", row=ABSTAIN, question=q))
    paper = TableColumn(
        PAPER, "", shown(Figure("age band total", column=PAPER, question=q)), is_paper=True
    )
    return PublicQuestion(
        id=q,
        text=question.text,
        text_en=question.text_en,
        options=tuple(
            OptionResult(
                id=int(row.key),
                label=row.label,
                label_en=row.label_en,
                votes=shown(Figure("answer total", row=row.key, question=q)),
                percent=_share(shown(Figure("answer total", row=row.key, question=q)), valid),
            )
            for row in question.rows
            if not row.is_abstain
        ),
        abstentions=abstentions,
        abstention_percent=_share(abstentions, total),
        valid=valid,
        total=total,
        by_district=_table(
            question, _columns(count.districts, "district total", q, shown), "by district", shown
        ),
        by_age_band=_table(
            question,
            [*_columns(count.age_bands, "age band total", q, shown), paper],
            "by age band",
            shown,
        ),
    )


def _cache_seconds(data: PublicResults) -> int:
    if data.election.is_final:
        return FINAL_RESULTS_CACHE_SECONDS
    return PRELIMINARY_RESULTS_CACHE_SECONDS


def public_results(
    publication: Publication, now: datetime.datetime | None = None
) -> PublicResults | None:
    """The public results, or None before release. Cached under a key that changes with every
    publication change, so nothing stale or early is ever served from the cache. After a
    publication only one process computes them; readers arriving meanwhile wait briefly,
    then get the previous state, or None (the "not yet" page) when there is none."""
    if not is_public(publication.election, now):
        return None
    return compute_once(
        f"results:public:{publication.version}",
        lambda: build_public_results(publication),
        _cache_seconds,
        fallback_key=f"results:public:previous:{publication.election.pk}",
    )
