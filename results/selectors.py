"""Reading the count: participation and results of a children's election, what of it the public
may see and when, and the adult turnout comparison.

Every count is one GROUP BY in the database (`values(...).annotate(...)`); Python only adds up
the grouped rows (a few hundred at most), never individual votes.
"""

from collections import Counter

from django.conf import settings
from django.core.cache import cache
from django.db.models import Count, Max, Sum
from django.utils import timezone

from mock_elections.models import Election
from results.models import ResultsStatus
from results.suppression import DEFAULT_THRESHOLD, suppress_small_counts, table_sums
from voting.models import PaperTally, StationTablet, Vote, VoteAnswer
from voting.selectors import election_accounting

ABSTAIN = "abstain"
PAPER = "paper"
TABLET = "tablet"
# Published results rarely change; preliminary ones may (paper ballots, corrections).
FINAL_RESULTS_CACHE_SECONDS = 10 * 60
PRELIMINARY_RESULTS_CACHE_SECONDS = 60
# "Not yet published" may be cached, but never past the release time nor for over a minute.
NOT_YET_CACHE_SECONDS = 60


def small_count_threshold():
    """Counts below this are hidden in public output (setting RESULTS_SMALL_COUNT_THRESHOLD)."""
    return getattr(settings, "RESULTS_SMALL_COUNT_THRESHOLD", DEFAULT_THRESHOLD)


# --- Who may see what, when ---------------------------------------------------------------


def is_public(election, now=None):
    """Results are public once organisers published them and the release time has come.
    A rehearsal never is."""
    now = now or timezone.now()
    return (
        election.status == Election.Status.RESULTS_PUBLISHED
        and not election.is_rehearsal
        and now >= election.results_release_at
    )


def shows_public_counter(election):
    """The "N children have voted" counter: only while voting, only if organisers want it,
    never for a rehearsal."""
    return (
        election.show_public_counter
        and not election.is_rehearsal
        and election.status == Election.Status.OPEN
    )


def public_counter_total(election):
    return Vote.objects.filter(election=election).count()


def not_yet_cache_seconds(election, now=None):
    """How long a "results not yet public" answer may be cached: until the release time, and
    never over a minute, so publishing shows within a minute at the latest."""
    now = now or timezone.now()
    until_release = int((election.results_release_at - now).total_seconds())
    return max(1, min(NOT_YET_CACHE_SECONDS, until_release))


def results_status(election):
    return ResultsStatus.objects.filter(election=election).first()


def results_version(election):
    """Everything that changes what the public sees, for cache keys: publication status, the
    release time, the preliminary/final label and when it last changed, the threshold."""
    status = results_status(election)
    marker = f"{status.is_final:d}-{status.updated_at.timestamp():.0f}" if status else "none"
    release = f"{election.results_release_at.timestamp():.0f}"
    return f"{election.pk}:{election.status}:{release}:{marker}:{small_count_threshold()}"


# --- Participation (organisers see it live; the public after publication) -----------------


def _paper_ballots_per_station(election):
    """Every paper ballot answers every question (abstaining counts as an answer), so a
    station's paper ballots are its largest per-question tally."""
    ballots = {}
    rows = (
        PaperTally.objects.filter(station__election=election)
        .order_by()
        .values_list("station_id", "question_id")
        .annotate(votes=Sum("votes"))
    )
    for station_id, _question_id, votes in rows:
        ballots[station_id] = max(ballots.get(station_id, 0), votes)
    return ballots


def participation(election):
    """Votes per station, district, age band and hour; tablet votes and paper ballots apart."""
    # One pass over the votes gives stations, age bands and hours alike.
    tablet, by_band, by_hour = Counter(), Counter(), Counter()
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

    stations, districts = [], {}
    for station in election.stations.select_related("district").order_by(
        "district__sort_order", "district__name", "name"
    ):
        row = {
            "id": station.pk,
            "name": station.name,
            "district_id": station.district_id,
            "district": station.district.name,
            "adult_precinct_number": station.adult_precinct_number,
            TABLET: tablet.get(station.pk, 0),
            PAPER: paper.get(station.pk, 0),
        }
        row["total"] = row[TABLET] + row[PAPER]
        stations.append(row)
        district = districts.setdefault(
            station.district_id,
            {"id": station.district_id, "name": station.district.name, TABLET: 0, PAPER: 0},
        )
        district[TABLET] += row[TABLET]
        district[PAPER] += row[PAPER]
    for district in districts.values():
        district["total"] = district[TABLET] + district[PAPER]

    tablet_total = sum(row[TABLET] for row in stations)
    paper_total = sum(row[PAPER] for row in stations)
    return {
        "stations": stations,
        "districts": list(districts.values()),
        "age_bands": [
            {"id": band.pk, "label": str(band), "votes": by_band.get(band.pk, 0)}
            for band in election.age_bands.order_by("min_age")
        ],
        "hours": [
            {"hour": timezone.localtime(hour).strftime("%H:00"), "starts_at": hour, "votes": n}
            for hour, n in sorted(by_hour.items())
        ],
        TABLET: tablet_total,
        PAPER: paper_total,
        "total": tablet_total + paper_total,
    }


def live_participation(election):
    """Participation for organisers, each station also with its tablets (last sync, votes
    still queued on them) and its ballot cards (printed, used, and whether they match)."""
    figures = participation(election)
    tablets = {
        row["station_id"]: row
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


# --- Results ----------------------------------------------------------------------------


def election_results(election):
    """Per question: every option's (and the abstentions') tablet votes by district and age
    band, and paper votes by district (paper ballots carry no age band)."""
    district_of_station = dict(election.stations.values_list("pk", "district_id"))
    districts = list(
        election.stations.order_by("district__sort_order", "district__name")
        .values_list("district_id", "district__name")
        .distinct()
    )
    age_bands = [(band.pk, str(band)) for band in election.age_bands.order_by("min_age")]

    questions = {}
    for question in election.questions.prefetch_related("options").order_by("sort_order", "pk"):
        rows = [
            {"key": option.pk, "label": option.label, "label_en": option.label_en}
            for option in question.options.all()
        ]
        rows.append({"key": ABSTAIN, "label": "", "label_en": "", "is_abstain": True})
        questions[question.pk] = {
            "id": question.pk,
            "text": question.text,
            "text_en": question.text_en,
            "offers_abstain": question.offers_abstain,
            "rows": rows,
            "by_district": {},  # (row key, district id) -> votes, tablet and paper together
            "by_age_band": {},  # (row key, age band id) -> tablet votes
            "paper": {},  # row key -> paper votes
        }

    tablet_rows = (
        VoteAnswer.objects.filter(vote__election=election)
        .order_by()
        .values_list("question_id", "option_id", "vote__station_id", "vote__age_band_id")
        .annotate(n=Count("*"))
    )
    for question_id, option_id, station_id, band_id, n in tablet_rows:
        question = questions[question_id]
        row = option_id or ABSTAIN
        district_key = (row, district_of_station[station_id])
        question["by_district"][district_key] = question["by_district"].get(district_key, 0) + n
        band_key = (row, band_id)
        question["by_age_band"][band_key] = question["by_age_band"].get(band_key, 0) + n

    paper_rows = (
        PaperTally.objects.filter(station__election=election)
        .order_by()
        .values_list("question_id", "option_id", "station_id")
        .annotate(n=Sum("votes"))
    )
    for question_id, option_id, station_id, n in paper_rows:
        question = questions[question_id]
        row = option_id or ABSTAIN
        district_key = (row, district_of_station[station_id])
        question["by_district"][district_key] = question["by_district"].get(district_key, 0) + n
        question["paper"][row] = question["paper"].get(row, 0) + n

    return {
        "districts": [{"id": pk, "name": name} for pk, name in districts],
        "age_bands": [{"id": pk, "label": label} for pk, label in age_bands],
        "questions": list(questions.values()),
    }


# --- What the public sees: suppressed, and only after release -------------------------------


def _participation_counts(data):
    """Every participation number the public sees, with the sums that tie them together."""
    counts, sums = {}, []
    for station in data["stations"]:
        for kind in (TABLET, PAPER, "total"):
            counts[("station", station["id"], kind)] = station[kind]
        sums.append(
            (
                ("station", station["id"], "total"),
                [("station", station["id"], TABLET), ("station", station["id"], PAPER)],
            )
        )
    for district in data["districts"]:
        members = [s["id"] for s in data["stations"] if s["district_id"] == district["id"]]
        for kind in (TABLET, PAPER, "total"):
            counts[("district", district["id"], kind)] = district[kind]
            sums.append(
                (("district", district["id"], kind), [("station", s, kind) for s in members])
            )
    for band in data["age_bands"]:
        counts[("band", band["id"])] = band["votes"]
    for kind in (TABLET, PAPER, "total"):
        counts[("city", kind)] = data[kind]
        sums.append((("city", kind), [("district", d["id"], kind) for d in data["districts"]]))
    sums += table_sums(
        rows=[d["id"] for d in data["districts"]],
        columns=[TABLET, PAPER],
        cell=lambda district, kind: ("district", district, kind),
        row_total=lambda district: ("district", district, "total"),
        column_total=lambda kind: ("city", kind),
        grand_total=("city", "total"),
    )
    sums.append((("city", TABLET), [("band", band["id"]) for band in data["age_bands"]]))
    return counts, sums


def _question_counts(question, districts, age_bands):
    """Every number of one question's public tables, with the sums between them: options by
    district, options by age band (with paper as its own column), and their totals."""
    q = question["id"]
    row_keys = [row["key"] for row in question["rows"]]
    district_ids = [d["id"] for d in districts]
    band_columns = [b["id"] for b in age_bands] + [PAPER]

    def district_cell(row, district):
        return (q, "d", row, district)

    def band_cell(row, column):
        return (q, "a", row, column)

    counts = {}
    for row in row_keys:
        for district in district_ids:
            counts[district_cell(row, district)] = question["by_district"].get((row, district), 0)
        for band in band_columns[:-1]:
            counts[band_cell(row, band)] = question["by_age_band"].get((row, band), 0)
        counts[band_cell(row, PAPER)] = question["paper"].get(row, 0)
        counts[(q, "row", row)] = sum(
            counts[district_cell(row, district)] for district in district_ids
        )
    for district in district_ids:
        counts[(q, "district", district)] = sum(
            counts[district_cell(row, district)] for row in row_keys
        )
    for column in band_columns:
        counts[(q, "band", column)] = sum(counts[band_cell(row, column)] for row in row_keys)
    counts[(q, "all")] = sum(counts[(q, "row", row)] for row in row_keys)
    # The share of each option among answers that chose one: "valid" = all − abstentions.
    counts[(q, "valid")] = counts[(q, "all")] - counts[(q, "row", ABSTAIN)]

    sums = table_sums(
        row_keys,
        district_ids,
        district_cell,
        lambda row: (q, "row", row),
        lambda district: (q, "district", district),
        (q, "all"),
    )
    sums += table_sums(
        row_keys,
        band_columns,
        band_cell,
        lambda row: (q, "row", row),
        lambda column: (q, "band", column),
        (q, "all"),
    )
    options = [row for row in row_keys if row != ABSTAIN]
    sums.append(((q, "valid"), [(q, "row", row) for row in options]))
    sums.append(((q, "all"), [(q, "valid"), (q, "row", ABSTAIN)]))
    return counts, sums


def _same_figure_sums(counts, pairs):
    """Where a question's total and a participation figure are the same number (everyone was
    asked), they are one figure shown twice: hide both or neither."""
    return [(a, [b]) for a, b in pairs if counts[a] == counts[b]]


def build_public_results(election):
    """Results and participation with small counts (and what reveals them) hidden as None."""
    taking_part = participation(election)
    results = election_results(election)
    counts, sums = _participation_counts(taking_part)
    pairs = []
    for question in results["questions"]:
        question_counts, question_sums = _question_counts(
            question, results["districts"], results["age_bands"]
        )
        counts.update(question_counts)
        sums += question_sums
        q = question["id"]
        pairs += [
            ((q, "district", d["id"]), ("district", d["id"], "total")) for d in results["districts"]
        ]
        pairs += [((q, "band", b["id"]), ("band", b["id"])) for b in results["age_bands"]]
        pairs += [((q, "band", PAPER), ("city", PAPER)), ((q, "all"), ("city", "total"))]
    sums += _same_figure_sums(counts, pairs)
    hidden = suppress_small_counts(counts, sums, small_count_threshold())

    def shown(key):
        return None if key in hidden else counts[key]

    status = results_status(election)
    return {
        "election": {
            "id": election.pk,
            "slug": election.slug,
            "title": election.title,
            "title_en": election.title_en,
            "election_date": election.election_date,
            "is_final": bool(status and status.is_final),
        },
        "threshold": small_count_threshold(),
        "participation": _public_participation(taking_part, shown),
        "questions": [
            _public_question(question, results, shown) for question in results["questions"]
        ],
        "districts": results["districts"],
        "age_bands": results["age_bands"],
    }


def _share(part, whole):
    if part is None or not whole:
        return None
    return round(100 * part / whole, 1)


def _public_participation(data, shown):
    def area(kind, pk, extra):
        return {
            **extra,
            TABLET: shown((kind, pk, TABLET)),
            PAPER: shown((kind, pk, PAPER)),
            "total": shown((kind, pk, "total")),
        }

    return {
        "stations": [
            area(
                "station",
                row["id"],
                {
                    "id": row["id"],
                    "name": row["name"],
                    "district": row["district"],
                    "adult_precinct_number": row["adult_precinct_number"],
                },
            )
            for row in data["stations"]
        ],
        "districts": [
            area("district", row["id"], {"id": row["id"], "name": row["name"]})
            for row in data["districts"]
        ],
        "age_bands": [
            {"id": band["id"], "label": band["label"], "votes": shown(("band", band["id"]))}
            for band in data["age_bands"]
        ],
        TABLET: shown(("city", TABLET)),
        PAPER: shown(("city", PAPER)),
        "total": shown(("city", "total")),
    }


def _public_question(question, results, shown):
    q = question["id"]
    valid = shown((q, "valid"))
    total = shown((q, "all"))

    def table(columns, cell_kind, column_kind):
        return {
            "columns": [
                {**column, "total": shown((q, column_kind, column["id"]))} for column in columns
            ],
            "rows": [
                {
                    **row,
                    "cells": [
                        shown((q, cell_kind, row["key"], column["id"])) for column in columns
                    ],
                    "total": shown((q, "row", row["key"])),
                }
                for row in question["rows"]
            ],
            "total": total,
        }

    options = [
        {
            "id": row["key"],
            "label": row["label"],
            "label_en": row["label_en"],
            "votes": shown((q, "row", row["key"])),
            "percent": _share(shown((q, "row", row["key"])), valid),
        }
        for row in question["rows"]
        if row["key"] != ABSTAIN
    ]
    return {
        "id": q,
        "text": question["text"],
        "text_en": question["text_en"],
        "options": options,
        "abstentions": shown((q, "row", ABSTAIN)),
        "abstention_percent": _share(shown((q, "row", ABSTAIN)), total),
        "valid": valid,
        "total": total,
        "by_district": table(results["districts"], "d", "district"),
        "by_age_band": table(
            [{"id": b["id"], "label": b["label"]} for b in results["age_bands"]]
            + [{"id": PAPER, "label": "", "is_paper": True}],
            "a",
            "band",
        ),
    }


def public_results(election, now=None):
    """The public results, or None before release. Cached under a key that changes with every
    publication change, so nothing stale or early is ever served from the cache."""
    if not is_public(election, now):
        return None
    key = f"results:public:{results_version(election)}"
    data = cache.get(key)
    if data is None:
        data = build_public_results(election)
        seconds = (
            FINAL_RESULTS_CACHE_SECONDS
            if data["election"]["is_final"]
            else PRELIMINARY_RESULTS_CACHE_SECONDS
        )
        cache.set(key, data, seconds)
    return data


# --- Adult turnout -----------------------------------------------------------------------


def _precinct_sort_key(number):
    return (0, int(number), "") if number.isdigit() else (1, 0, number)


def _city_turnout(adult_election):
    totals = adult_election.precincts.aggregate(
        registered=Sum("registered_voters"), votes=Sum("votes_cast")
    )
    if not totals["registered"]:
        return None
    return round(100 * totals["votes"] / totals["registered"], 2)


def turnout_comparison(baseline, campaign, children_election=None, goal_points=10.0, now=None):
    """Per precinct: turnout in both elections and the change in points; the city totals
    against the goal; which precincts had a children's station beside them and, once the
    children's results are public, how many children voted there."""
    before = {p.precinct_number: p for p in baseline.precincts.all()}
    after = {p.precinct_number: p for p in campaign.precincts.all()}

    stations, children_votes = {}, {}
    if children_election is not None:
        for station in children_election.stations.all():
            stations[station.adult_precinct_number] = station.name
        published = public_results(children_election, now)
        if published is not None:
            for row in published["participation"]["stations"]:
                children_votes[row["adult_precinct_number"]] = row["total"]

    rows = []
    for number in sorted(before.keys() | after.keys(), key=_precinct_sort_key):
        old, new = before.get(number), after.get(number)
        old_percent = round(old.turnout_percent, 2) if old else None
        new_percent = round(new.turnout_percent, 2) if new else None
        rows.append(
            {
                "number": number,
                "name": (new or old).name,
                "baseline_percent": old_percent,
                "campaign_percent": new_percent,
                "change_points": (round(new_percent - old_percent, 2) if old and new else None),
                "voters_ratio": (
                    round(new.votes_cast / old.votes_cast, 2)
                    if old and new and old.votes_cast
                    else None
                ),
                "is_specially_designed": bool(
                    (new and new.is_specially_designed) or (old and old.is_specially_designed)
                ),
                "children_station": stations.get(number),
                "children_votes": children_votes.get(number),
            }
        )

    baseline_city = _city_turnout(baseline)
    campaign_city = _city_turnout(campaign)
    goal = round(baseline_city + goal_points, 2) if baseline_city is not None else None
    return {
        "baseline": baseline,
        "campaign": campaign,
        "rows": rows,
        "baseline_city": baseline_city,
        "campaign_city": campaign_city,
        "change_points": (
            round(campaign_city - baseline_city, 2)
            if baseline_city is not None and campaign_city is not None
            else None
        ),
        "goal_points": goal_points,
        "goal": goal,
        "goal_met": goal is not None and campaign_city is not None and campaign_city >= goal,
        "children_results_public": bool(children_votes),
    }
