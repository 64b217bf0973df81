"""Open data across years (M42): every public children's election's participation and each
question's answers, as two CSV tables and one JSON document. Built from each election's
public, suppressed results (results.selectors.elections_across_years): a hidden count is an
empty cell with `suppressed` true, as in each election's own files (results/OPEN_DATA.md)."""

import csv
import io
import json
from collections.abc import Iterator, Sequence
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder

from results.open_data import SCHEMA_VERSION
from results.selectors import PublicResults

PARTICIPATION_COLUMNS = [
    "election",
    "year",
    "election_date",
    "status",
    "tablet_votes",
    "paper_ballots",
    "total",
    "suppressed",
]
ANSWER_COLUMNS = [
    "election",
    "year",
    "question_id",
    "question",
    "option_id",
    "option",
    "votes",
    "share_percent",
    "suppressed",
]


def _header(data: PublicResults) -> dict[str, Any]:
    return {
        "election": data.election.slug,
        "year": data.election.election_date.year,
        "election_date": data.election.election_date,
    }


def participation_rows(elections: Sequence[PublicResults]) -> Iterator[dict[str, Any]]:
    for data in elections:
        people = data.participation
        yield {
            **_header(data),
            "status": "final" if data.election.is_final else "preliminary",
            "tablet_votes": people.tablet,
            "paper_ballots": people.paper,
            "total": people.total,
            "suppressed": None in (people.tablet, people.paper, people.total),
        }


def answer_rows(elections: Sequence[PublicResults]) -> Iterator[dict[str, Any]]:
    for data in elections:
        for question in data.questions:
            for option in question.options:
                yield {
                    "election": data.election.slug,
                    "year": data.election.election_date.year,
                    "question_id": question.id,
                    "question": question.text,
                    "option_id": option.id,
                    "option": option.label,
                    "votes": option.votes,
                    "share_percent": option.percent,
                    "suppressed": option.votes is None,
                }


def as_csv(rows: Iterator[dict[str, Any]], columns: list[str]) -> bytes:
    """UTF-8 with a byte order mark, so spreadsheet programs read Latvian letters."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({key: "" if value is None else value for key, value in row.items()})
    return ("\ufeff" + buffer.getvalue()).encode()


def as_json(elections: Sequence[PublicResults]) -> bytes:
    document = {
        "schema_version": SCHEMA_VERSION,
        "elections": [
            {
                **row,
                "title": data.election.title,
                "title_en": data.election.title_en,
                "answers": list(answer_rows([data])),
            }
            for data, row in zip(elections, participation_rows(elections), strict=True)
        ],
    }
    return json.dumps(document, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2).encode()
