"""Every number one election publishes, each with an address (`Figure`), and the sums that tie
them together: what suppression and its audit work on."""

from dataclasses import dataclass
from typing import Any

from results.selectors.counting import ColumnKey, ElectionCount, QuestionCount, RowKey
from results.selectors.publication import ABSTAIN, PAPER, TABLET
from results.suppression import SumOf, table_sums

ParticipationKind = str  # TABLET, PAPER or "total"


@dataclass(frozen=True)
class Figure:
    """The address of one published number: its table, row and column, and for a question's
    tables the question. Participation tables: "station", "district", "age band", "city".
    A question's: "by district" and "by age band" cells, "answer total" per row, "district
    total" and "age band total" per column, "all answers" and "valid answers"."""

    table: str
    row: int | str = ""
    column: int | str = ""
    question: int = 0


Counts = dict[Figure, int]


def participation_figures(data: dict[str, Any]) -> tuple[Counts, list[SumOf[Figure]]]:
    """Every participation number the public sees, with the sums that tie them together."""
    counts: Counts = {}
    sums: list[SumOf[Figure]] = []
    for station in data["stations"]:
        for kind in (TABLET, PAPER, "total"):
            counts[Figure("station", station["id"], kind)] = station[kind]
        sums.append(
            (
                Figure("station", station["id"], "total"),
                [Figure("station", station["id"], TABLET), Figure("station", station["id"], PAPER)],
            )
        )
    for district in data["districts"]:
        members = [s["id"] for s in data["stations"] if s["district_id"] == district["id"]]
        for kind in (TABLET, PAPER, "total"):
            counts[Figure("district", district["id"], kind)] = district[kind]
            sums.append(
                (
                    Figure("district", district["id"], kind),
                    [Figure("station", s, kind) for s in members],
                )
            )
    for band in data["age_bands"]:
        counts[Figure("age band", band["id"])] = band["votes"]
    for kind in (TABLET, PAPER, "total"):
        counts[Figure("city", column=kind)] = data[kind]
        sums.append(
            (
                Figure("city", column=kind),
                [Figure("district", d["id"], kind) for d in data["districts"]],
            )
        )
    sums += table_sums(
        rows=[d["id"] for d in data["districts"]],
        columns=[TABLET, PAPER],
        cell=lambda district, kind: Figure("district", district, kind),
        row_total=lambda district: Figure("district", district, "total"),
        column_total=lambda kind: Figure("city", column=kind),
        grand_total=Figure("city", column="total"),
    )
    sums.append(
        (
            Figure("city", column=TABLET),
            [Figure("age band", band["id"]) for band in data["age_bands"]],
        )
    )
    return counts, sums


def question_figures(
    question: QuestionCount, count: ElectionCount
) -> tuple[Counts, list[SumOf[Figure]]]:
    """Every number of one question's public tables, with the sums between them: answers by
    district, answers by age band (with paper as its own column), and their totals."""
    q = question.id
    row_keys: list[RowKey] = [row.key for row in question.rows]
    district_ids: list[ColumnKey] = [d.id for d in count.districts]
    band_columns: list[ColumnKey] = [b.id for b in count.age_bands] + [PAPER]

    def district_cell(row: RowKey, district: ColumnKey) -> Figure:
        return Figure("by district", row, district, q)

    def band_cell(row: RowKey, column: ColumnKey) -> Figure:
        return Figure("by age band", row, column, q)

    def answer_total(row: RowKey) -> Figure:
        return Figure("answer total", row=row, question=q)

    all_answers, valid = Figure("all answers", question=q), Figure("valid answers", question=q)
    counts: Counts = {}
    for row in row_keys:
        for district in district_ids:
            counts[district_cell(row, district)] = question.by_district.votes(row, district)
        for band in band_columns[:-1]:
            counts[band_cell(row, band)] = question.by_age_band.votes(row, band)
        counts[band_cell(row, PAPER)] = question.paper.get(row, 0)
        counts[answer_total(row)] = sum(counts[district_cell(row, d)] for d in district_ids)
    for district in district_ids:
        counts[Figure("district total", column=district, question=q)] = sum(
            counts[district_cell(row, district)] for row in row_keys
        )
    for column in band_columns:
        counts[Figure("age band total", column=column, question=q)] = sum(
            counts[band_cell(row, column)] for row in row_keys
        )
    counts[all_answers] = sum(counts[answer_total(row)] for row in row_keys)
    # The share of each option among answers that chose one: "valid" = all − abstentions.
    counts[valid] = counts[all_answers] - counts[answer_total(ABSTAIN)]

    sums = table_sums(
        row_keys,
        district_ids,
        district_cell,
        answer_total,
        lambda district: Figure("district total", column=district, question=q),
        all_answers,
    )
    sums += table_sums(
        row_keys,
        band_columns,
        band_cell,
        answer_total,
        lambda column: Figure("age band total", column=column, question=q),
        all_answers,
    )
    options = [row for row in row_keys if row != ABSTAIN]
    sums.append((valid, [answer_total(row) for row in options]))
    sums.append((all_answers, [valid, answer_total(ABSTAIN)]))
    return counts, sums


def election_figures(
    taking_part: dict[str, Any], count: ElectionCount
) -> tuple[Counts, list[SumOf[Figure]]]:
    """Every number the election publishes (page, files, exports alike) and every sum
    between them, including where one number is shown twice."""
    counts, sums = participation_figures(taking_part)
    pairs: list[tuple[Figure, Figure]] = []
    for question in count.questions:
        question_counts, question_sums = question_figures(question, count)
        counts.update(question_counts)
        sums += question_sums
        q = question.id
        pairs += [
            (Figure("district total", column=d.id, question=q), Figure("district", d.id, "total"))
            for d in count.districts
        ]
        pairs += [
            (Figure("age band total", column=b.id, question=q), Figure("age band", b.id))
            for b in count.age_bands
        ]
        pairs += [
            (Figure("age band total", column=PAPER, question=q), Figure("city", column=PAPER)),
            (Figure("all answers", question=q), Figure("city", column="total")),
        ]
    # Where a question's total and a participation figure are the same number (everyone was
    # asked), they are one figure shown twice: hide both or neither.
    sums += [(a, [b]) for a, b in pairs if counts[a] == counts[b]]
    return counts, sums
