"""Property tests over everything one election publishes, without a database: random small
elections are tallied the way the selectors tally them, then attacked."""

from collections import Counter

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from results.selectors import (
    ABSTAIN,
    PAPER,
    TABLET,
    AnswerRow,
    Area,
    Breakdown,
    ElectionCount,
    QuestionCount,
    election_figures,
)
from results.suppression import audited_suppression
from results.tests.attacker import narrowed

THRESHOLD = 5


@st.composite
def small_elections(draw):
    """(participation, count): stations in districts, age bands, one question; tablet votes
    per station, band and answer, paper votes per station and answer, all small."""
    districts = draw(st.integers(1, 3))
    stations = [(s, 1 + s % districts) for s in range(draw(st.integers(districts, 4)))]
    bands = list(range(101, 101 + draw(st.integers(1, 3))))
    answers = [*range(201, 201 + draw(st.integers(1, 3))), ABSTAIN]
    votes = st.integers(0, 9)
    tablet = {(s, b, a): draw(votes) for s, _d in stations for b in bands for a in answers}
    paper = {(s, a): draw(st.integers(0, 4)) for s, _d in stations for a in answers}
    return _tally(stations, bands, answers, tablet, paper)


def _tally(stations, bands, answers, tablet, paper):
    district_of = dict(stations)
    by_district, by_band, paper_by_answer = Counter(), Counter(), Counter()
    for (s, b, a), n in tablet.items():
        by_district[(a, district_of[s])] += n
        by_band[(a, b)] += n
    for (s, a), n in paper.items():
        by_district[(a, district_of[s])] += n
        paper_by_answer[a] += n
    # Every ballot answers the question (abstaining is an answer): a station's paper
    # ballots are its paper answers.
    station_rows = []
    for s, d in stations:
        on_tablet = sum(n for (st_, _b, _a), n in tablet.items() if st_ == s)
        on_paper = sum(n for (st_, _a), n in paper.items() if st_ == s)
        station_rows.append(
            {
                "id": s,
                "district_id": d,
                TABLET: on_tablet,
                PAPER: on_paper,
                "total": on_tablet + on_paper,
            }
        )
    district_rows = []
    for d in sorted(set(district_of.values())):
        members = [row for row in station_rows if row["district_id"] == d]
        row = {
            "id": d,
            TABLET: sum(m[TABLET] for m in members),
            PAPER: sum(m[PAPER] for m in members),
        }
        row["total"] = row[TABLET] + row[PAPER]
        district_rows.append(row)
    taking_part = {
        "stations": station_rows,
        "districts": district_rows,
        "age_bands": [
            {"id": b, "votes": sum(n for (_s, b_, _a), n in tablet.items() if b_ == b)}
            for b in bands
        ],
        TABLET: sum(tablet.values()),
        PAPER: sum(paper.values()),
        "total": sum(tablet.values()) + sum(paper.values()),
    }
    question = QuestionCount(
        id=1,
        text="?",
        text_en="",
        offers_abstain=True,
        rows=tuple(AnswerRow(a, str(a), is_abstain=a == ABSTAIN) for a in answers),
        by_district=Breakdown(dict(by_district)),
        by_age_band=Breakdown(dict(by_band)),
        paper=dict(paper_by_answer),
    )
    count = ElectionCount(
        districts=tuple(Area(d["id"], str(d["id"])) for d in district_rows),
        age_bands=tuple(Area(b, str(b)) for b in bands),
        questions=(question,),
    )
    return taking_part, count


@settings(max_examples=40, deadline=None)
@given(election=small_elections())
def test_every_published_sum_holds(election):
    counts, sums = election_figures(*election)
    for total, parts in sums:
        assert counts[total] == sum(counts[part] for part in parts)


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(election=small_elections())
def test_an_attacker_with_every_published_figure_of_an_election_learns_no_small_count(
    election,
):
    counts, sums = election_figures(*election)
    hidden = audited_suppression(counts, sums, THRESHOLD)
    assert {key for key, value in counts.items() if 0 < value < THRESHOLD} <= hidden
    assert narrowed(counts, sums, hidden, THRESHOLD) == {}
