"""Participation: votes per station, district, age band and hour. Organisers see it live
(with tablets and ballot cards beside it); the public sees it suppressed after publication.

Every count is one GROUP BY in the database; Python only adds up the grouped rows."""

from collections import Counter
from collections.abc import Sequence
from typing import Any

from django.db.models import Count, Max, Sum
from django.utils import timezone

from mock_elections.models import AgeBand, Election, PollingStation
from mock_elections.selectors import age_bands_youngest_first, stations_by_district
from results.selectors.publication import PAPER, TABLET
from voting.models import PaperTally, StationTablet, Vote
from voting.selectors import election_accounting

# A station, district or age band row: organisers' admin report adds its own columns to it.
Row = dict[str, Any]


def _paper_ballots_per_station(election: Election) -> dict[int, int]:
    """Every paper ballot answers every question (abstaining counts as an answer), so a
    station's paper ballots are its largest per-question tally."""
    ballots: dict[int, int] = {}
    rows = (
        PaperTally.objects.filter(station__election=election)
        .order_by()
        .values_list("station_id", "question_id")
        .annotate(votes=Sum("votes"))
    )
    for station_id, _question_id, votes in rows:
        ballots[station_id] = max(ballots.get(station_id, 0), votes)
    return ballots


def participation(
    election: Election,
    age_bands: Sequence[AgeBand] | None = None,
    stations: Sequence[PollingStation] | None = None,
) -> dict[str, Any]:
    """Votes per station, district, age band and hour; tablet votes and paper ballots apart.
    `age_bands` (youngest first) and `stations` (with districts, in district order): the
    election's, when the caller has read them already."""
    # One pass over the votes gives stations, age bands and hours alike.
    tablet: Counter[int] = Counter()
    by_band: Counter[int] = Counter()
    by_hour: Counter[Any] = Counter()
    grouped = (
        Vote.objects.filter(election=election)
        .order_by()
        .values_list("station_id", "age_band_id", "cast_hour")
        .annotate(n=Count("*"))
    )
    for station_id, band_id, hour, n in grouped:
        tablet[station_id] += n
        by_band[band_id] += n
        by_hour[hour] += n
    paper = _paper_ballots_per_station(election)

    if stations is None:
        stations = stations_by_district(election)
    station_rows: list[Row] = []
    districts: dict[int, Row] = {}
    for station in stations:
        row: Row = {
            "id": station.pk,
            "name": station.name,
            "district_id": station.district_id,
            "district": station.district.name,
            "adult_precinct_number": station.adult_precinct_number,
            TABLET: tablet.get(station.pk, 0),
            PAPER: paper.get(station.pk, 0),
        }
        row["total"] = row[TABLET] + row[PAPER]
        station_rows.append(row)
        district = districts.setdefault(
            station.district_id,
            {"id": station.district_id, "name": station.district.name, TABLET: 0, PAPER: 0},
        )
        district[TABLET] += row[TABLET]
        district[PAPER] += row[PAPER]
    for district in districts.values():
        district["total"] = district[TABLET] + district[PAPER]

    if age_bands is None:
        age_bands = age_bands_youngest_first(election)
    tablet_total = sum(row[TABLET] for row in station_rows)
    paper_total = sum(row[PAPER] for row in station_rows)
    return {
        "stations": station_rows,
        "districts": list(districts.values()),
        "age_bands": [
            {"id": band.pk, "label": str(band), "votes": by_band.get(band.pk, 0)}
            for band in age_bands
        ],
        "hours": [
            {"hour": timezone.localtime(hour).strftime("%H:00"), "starts_at": hour, "votes": n}
            for hour, n in sorted(by_hour.items())
        ],
        TABLET: tablet_total,
        PAPER: paper_total,
        "total": tablet_total + paper_total,
    }


def live_participation(election: Election) -> dict[str, Any]:
    """Participation for organisers, each station also with its tablets (last sync, votes
    still queued on them) and its ballot cards (printed, used, and whether they match)."""
    figures = participation(election)
    tablets: dict[int, dict[str, Any]] = {
        row["station_id"]: dict(row)
        for row in StationTablet.objects.filter(station__election=election, revoked_at=None)
        .order_by()
        .values("station_id")
        .annotate(last_sync_at=Max("last_sync_at"), queued=Sum("queued_votes_reported"))
    }
    cards = {row["station"].pk: row for row in election_accounting(election)["stations"]}
    for station in figures["stations"]:
        tablet = tablets.get(station["id"], {})
        card = cards[station["id"]]
        station.update(
            last_sync_at=tablet.get("last_sync_at"),
            queued_votes=tablet.get("queued", 0),
            cards_printed=card["printed"],
            cards_used=card["used"],
            cards_mismatch=card["mismatch"],
        )
    return figures
