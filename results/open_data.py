"""Open data: published results and participation as tables (CSV, XLSX, JSON) built with
pandas, and as a NIST SP 1500-100 v2 Election Results Reporting (ERR) report.

Built only from the public, suppressed figures: a hidden count is an empty cell with
`suppressed` true, never the number. No personal data exists in these figures. The schema is
described in results/OPEN_DATA.md.
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from types import ModuleType
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd

from django.core.serializers.json import DjangoJSONEncoder
from django.utils import timezone

from results.selectors import (
    PAPER,
    TABLET,
    AreaCount,
    PublicParticipation,
    PublicQuestion,
    PublicResults,
)

SCHEMA_VERSION = "1.0"
RESULTS_COLUMNS = [
    "election",
    "question_id",
    "question",
    "option_id",
    "option",
    "is_abstention",
    "area_type",
    "area_id",
    "area",
    "votes",
    "suppressed",
]
PARTICIPATION_COLUMNS = [
    "election",
    "area_type",
    "area_id",
    "area",
    "district",
    "adult_precinct_number",
    "tablet_votes",
    "paper_ballots",
    "total",
    "suppressed",
]


def _result_rows(data: PublicResults) -> Iterator[dict[str, Any]]:
    slug = data.election.slug
    for question in data.questions:
        for area_type, table in (
            ("district", question.by_district),
            ("age_band", question.by_age_band),
        ):
            for row in table.rows:
                base = {
                    "election": slug,
                    "question_id": question.id,
                    "question": question.text,
                    "option_id": None if row.is_abstain else row.key,
                    "option": row.label,
                    "is_abstention": row.is_abstain,
                }
                if area_type == "district":
                    yield {
                        **base,
                        "area_type": "city",
                        "area_id": None,
                        "area": "Liepāja",
                        "votes": row.total,
                        "suppressed": row.total is None,
                    }
                for column, votes in zip(table.columns, row.cells, strict=True):
                    yield {
                        **base,
                        "area_type": "paper" if column.is_paper else area_type,
                        "area_id": None if column.is_paper else column.id,
                        "area": "" if column.is_paper else column.label,
                        "votes": votes,
                        "suppressed": votes is None,
                    }


def _participation_rows(data: PublicResults) -> Iterator[dict[str, Any]]:
    slug = data.election.slug
    people = data.participation

    def row(
        area_type: str,
        area_id: int | None,
        area: str,
        source: AreaCount | PublicParticipation,
        district: str = "",
        precinct: str = "",
    ) -> dict[str, Any]:
        return {
            "election": slug,
            "area_type": area_type,
            "area_id": area_id,
            "area": area,
            "district": district,
            "adult_precinct_number": precinct,
            "tablet_votes": source.tablet,
            "paper_ballots": source.paper,
            "total": source.total,
            "suppressed": None in (source.tablet, source.paper, source.total),
        }

    yield row("city", None, "Liepāja", people)
    for district in people.districts:
        yield row("district", district.id, district.name, district)
    for station in people.stations:
        yield row(
            "station",
            station.id,
            station.name,
            station,
            station.district,
            station.adult_precinct_number,
        )
    for band in people.age_bands:
        yield {
            "election": slug,
            "area_type": "age_band",
            "area_id": band.id,
            "area": band.label,
            "district": "",
            "adult_precinct_number": "",
            "tablet_votes": band.votes,
            "paper_ballots": None,
            "total": band.votes,
            "suppressed": band.votes is None,
        }


def _pandas() -> ModuleType:
    """pandas (with numpy) adds about 48 MB to every server process; only the open-data
    downloads need it, so it is loaded on the first download, not at start-up."""
    import pandas

    return pandas


def results_frame(data: PublicResults) -> pd.DataFrame:
    frame = _pandas().DataFrame(list(_result_rows(data)), columns=RESULTS_COLUMNS)
    return frame.astype({"votes": "Int64", "question_id": "Int64", "option_id": "Int64"})


def participation_frame(data: PublicResults) -> pd.DataFrame:
    frame = _pandas().DataFrame(list(_participation_rows(data)), columns=PARTICIPATION_COLUMNS)
    return frame.astype(
        {"area_id": "Int64", "tablet_votes": "Int64", "paper_ballots": "Int64", "total": "Int64"}
    )


def frame_for(data: PublicResults, dataset: str) -> pd.DataFrame:
    return results_frame(data) if dataset == "results" else participation_frame(data)


def as_csv(frame: pd.DataFrame) -> bytes:
    return frame.to_csv(index=False).encode("utf-8-sig")


def as_xlsx(frames: dict[str, pd.DataFrame]) -> bytes:
    buffer = io.BytesIO()
    with _pandas().ExcelWriter(buffer, engine="openpyxl") as writer:
        for sheet, frame in frames.items():
            frame.to_excel(writer, sheet_name=sheet, index=False)
    return buffer.getvalue()


def as_json(data: PublicResults) -> bytes:
    """Both tables as records, with the election's header and the schema version."""

    def records(frame: pd.DataFrame) -> Any:
        return json.loads(frame.to_json(orient="records", force_ascii=False))

    document = {
        "schema_version": SCHEMA_VERSION,
        "election": {
            "slug": data.election.slug,
            "title": data.election.title,
            "title_en": data.election.title_en,
            "election_date": data.election.election_date,
            "status": "final" if data.election.is_final else "preliminary",
            "small_count_threshold": data.threshold,
        },
        "station_digests": [
            {"station_id": item.station_id, "station": item.station_name, "digest": item.digest}
            for item in data.station_digests
        ],
        "results": records(results_frame(data)),
        "participation": records(participation_frame(data)),
    }
    return json.dumps(document, cls=DjangoJSONEncoder, ensure_ascii=False, indent=1).encode()


# --- NIST SP 1500-100 v2 Election Results Reporting ---------------------------------------
# Property names follow the published v2 JSON schema (usnistgov/ElectionResultsReporting,
# branch version2, NIST_V2_election_results_reporting.json).


def _text(latvian: str, english: str = "") -> dict[str, Any]:
    strings = [{"@type": "ElectionResults.LanguageString", "Language": "lv", "Content": latvian}]
    if english:
        strings.append(
            {"@type": "ElectionResults.LanguageString", "Language": "en", "Content": english}
        )
    return {"@type": "ElectionResults.InternationalizedText", "Text": strings}


CITY_ID = "gpu-liepaja"


def _district_id(pk: int | str) -> str:
    return f"gpu-district-{pk}"


def _station_id(pk: int) -> str:
    return f"gpu-station-{pk}"


def _vote_count(gp_unit: str, count: int | None) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "@type": "ElectionResults.VoteCounts",
        "GpUnitId": gp_unit,
        "Type": "total",
    }
    # Count is required by the schema; a hidden count says so instead of giving the number.
    entry["Count"] = 0 if count is None else count
    if count is None:
        entry["IsSuppressedForPrivacy"] = True
    return entry


def _ballot_counts(gp_unit: str, source: AreaCount | PublicParticipation) -> list[dict[str, Any]]:
    """Tablet votes and paper ballots cast in one reporting unit."""
    counts = []
    for kind, cast in ((TABLET, source.tablet), (PAPER, source.paper)):
        entry: dict[str, Any] = {
            "@type": "ElectionResults.BallotCounts",
            "GpUnitId": gp_unit,
            "Type": "other",
            "OtherType": f"{kind}-ballots",
        }
        if cast is None:
            entry["IsSuppressedForPrivacy"] = True
        else:
            entry["BallotsCast"] = cast
        counts.append(entry)
    return counts


def _reporting_unit(
    unit_id: str,
    name: str,
    unit_type: str,
    source: AreaCount | PublicParticipation,
    composing: list[str] | None = None,
    other_type: str | None = None,
) -> dict[str, Any]:
    unit: dict[str, Any] = {
        "@type": "ElectionResults.ReportingUnit",
        "@id": unit_id,
        "Name": _text(name),
        "Type": unit_type,
    }
    if other_type:
        unit["OtherType"] = other_type
    if composing is not None:
        unit["ComposingGpUnitIds"] = composing
    if source.total is not None:
        unit["VotersParticipated"] = source.total
    return unit


def _areas(data: PublicResults) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """(GpUnits, BallotCounts): Liepāja → districts → stations."""
    people = data.participation
    district_of = {d.name: d.id for d in people.districts}
    stations_by_district: dict[int, list[AreaCount]] = {}
    for station in people.stations:
        stations_by_district.setdefault(district_of[station.district], []).append(station)

    units = [
        _reporting_unit(
            CITY_ID,
            "Liepāja",
            "city",
            people,
            composing=[_district_id(d.id) for d in people.districts],
        )
    ]
    ballots = _ballot_counts(CITY_ID, people)
    for district in people.districts:
        unit_id = _district_id(district.id)
        members = stations_by_district.get(district.id, [])
        units.append(
            _reporting_unit(
                unit_id,
                district.name,
                "other",
                district,
                composing=[_station_id(s.id) for s in members],
                other_type="district",
            )
        )
        ballots += _ballot_counts(unit_id, district)
    for station in people.stations:
        unit_id = _station_id(station.id)
        units.append(_reporting_unit(unit_id, station.name, "polling-place", station))
        ballots += _ballot_counts(unit_id, station)
    return units, ballots


def _contest(question: PublicQuestion, sequence: int) -> dict[str, Any]:
    table = question.by_district
    areas = [CITY_ID] + [_district_id(column.id) for column in table.columns]
    selections = []
    for order, row in enumerate(r for r in table.rows if not r.is_abstain):
        counts = [row.total, *row.cells]
        selections.append(
            {
                "@type": "ElectionResults.BallotMeasureSelection",
                "@id": f"selection-{row.key}",
                "SequenceOrder": order + 1,
                "Selection": _text(row.label, row.label_en),
                "VoteCounts": [
                    _vote_count(area, count) for area, count in zip(areas, counts, strict=True)
                ],
            }
        )
    abstain = next(r for r in table.rows if r.is_abstain)
    # Choosing "I don't know" leaves the question unanswered: an undervote. OtherCounts has no
    # privacy flag, so a hidden abstention count is left out.
    undervotes = [
        {"@type": "ElectionResults.OtherCounts", "GpUnitId": area, "Undervotes": count}
        for area, count in zip(areas, [abstain.total, *abstain.cells], strict=True)
        if count is not None
    ]
    return {
        "@type": "ElectionResults.BallotMeasureContest",
        "@id": f"contest-{question.id}",
        "Name": question.text,
        "FullText": _text(question.text, question.text_en),
        "ElectionDistrictId": CITY_ID,
        "SequenceOrder": sequence,
        "Type": "other",
        "OtherType": "children-mock-election-question",
        "ContestSelection": selections,
        "OtherCounts": undervotes,
    }


def as_election_report(data: PublicResults) -> bytes:
    """The results as an ERR ElectionReport: GpUnits city → districts → stations, one
    BallotMeasureContest per question, one BallotMeasureSelection per option."""
    election = data.election
    units, ballots = _areas(data)
    report = {
        "@type": "ElectionResults.ElectionReport",
        "Format": "summary-contest",
        "GeneratedDate": timezone.now().replace(microsecond=0).isoformat(),
        "Issuer": "Liepāja ir Tava balss!",
        "IssuerAbbreviation": "LTB",
        "VendorApplicationId": f"liepaja-tava-balss open data {SCHEMA_VERSION}",
        "SequenceStart": 1,
        "SequenceEnd": 1,
        "Status": "certified" if election.is_final else "unofficial-complete",
        "Notes": (
            "Children's and youth mock election. Counts below "
            f"{data.threshold} and the counts that would reveal them are suppressed "
            "(IsSuppressedForPrivacy)."
        ),
        "GpUnit": units,
        "Election": [
            {
                "@type": "ElectionResults.Election",
                "Name": _text(election.title, election.title_en),
                "StartDate": election.election_date.isoformat(),
                "EndDate": election.election_date.isoformat(),
                "Type": "other",
                "OtherType": "children-mock-election",
                "ElectionScopeId": CITY_ID,
                "BallotCounts": ballots,
                "Contest": [
                    _contest(question, sequence)
                    for sequence, question in enumerate(data.questions, start=1)
                ],
            }
        ],
    }
    return json.dumps(report, ensure_ascii=False, indent=1).encode()
