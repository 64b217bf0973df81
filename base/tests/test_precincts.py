"""The precinct finder and the calendar files, including what an attacker could type."""

import datetime
import re
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase

from base import demo_precincts
from base.calendar import CalendarEvent, calendar_file, fold_line
from base.models import District, Precinct
from base.precincts import find_precincts, fold
from base.tests.ics import parse_strict, unescape

RIGA = ZoneInfo("Europe/Riga")


@pytest.fixture
def precincts(db):
    for name in ["Vecliepāja", "Laumas", "Ziemeļu priekšpilsēta", "Karosta"]:
        District.objects.create(name=name, slug=fold(name).replace(" ", "-"))
    demo_precincts.load(type("Out", (), {"write": lambda self, text: None})())


def numbers(matches):
    return [match.precinct.number for match in matches]


def test_the_demo_covers_all_twelve_precincts_701_to_712(precincts):
    assert list(Precinct.objects.values_list("number", flat=True)) == [
        str(number) for number in range(701, 713)
    ]
    assert all(precinct.area_lines for precinct in Precinct.objects.all())


@pytest.mark.parametrize(
    "query, expected",
    [
        ("Ganību iela", ["705"]),
        ("Ganibu", ["705"]),  # no diacritics
        ("GANĪBU IELA 14", ["705"]),  # case and a house number
        ("vainodes", ["710"]),
        ("Laumas", ["710"]),  # the district
        ("710", ["710"]),  # the number
        ("Rožu iela 5/7", ["702"]),  # the address
        ("Klaipēdas iela", ["708", "709"]),  # a street split between precincts
    ],
)
def test_finder_matches_street_district_number_and_address(precincts, query, expected):
    assert numbers(find_precincts(query)) == expected


def test_finder_says_which_street_matched(precincts):
    (match,) = find_precincts("vainodes")
    assert match.matched_areas == ("Vaiņodes iela",)


@pytest.mark.parametrize("query", ["", "   ", "Mēness iela", "999"])
def test_finder_finds_nothing_for_blank_or_unknown(precincts, query):
    assert find_precincts(query) == []


class FinderAttackTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        District.objects.create(name="Laumas", slug="laumas")
        demo_precincts.load(type("Out", (), {"write": lambda self, text: None})())

    @settings(max_examples=80, deadline=None)
    @given(st.text(max_size=300))
    def test_any_text_answers_a_list_and_never_fails(self, query):
        matches = find_precincts(query)
        assert len(matches) <= Precinct.objects.count()

    @settings(max_examples=30, deadline=None)
    @given(
        st.sampled_from([line for row in demo_precincts.PRECINCTS for line in row[4]]),
        st.booleans(),
        st.integers(min_value=1, max_value=300),
    )
    def test_every_street_is_found_however_it_is_typed(self, line, shout, house):
        typed = fold(line) if not shout else line.upper()
        found = find_precincts(f"  {typed} {house} ")
        owners = [row[0] for row in demo_precincts.PRECINCTS if line in row[4]]
        assert set(owners) <= set(numbers(found))


# A content line as `escape_text` leaves it: no line break of its own to split on.
@given(
    st.text(
        alphabet=st.characters(blacklist_categories=["Cs"], blacklist_characters="\r\n"),
        max_size=400,
    )
)
def test_folding_keeps_every_character_and_no_piece_is_longer_than_75_octets(line):
    folded = fold_line(line)
    pieces = folded.split("\r\n")
    assert all(len(piece.encode()) <= 75 for piece in pieces)
    assert all(piece.startswith(" ") for piece in pieces[1:])
    assert folded.replace("\r\n ", "") == line


@given(st.text(alphabet=st.characters(blacklist_categories=["Cs"]), max_size=200))
def test_event_text_survives_any_characters(summary):
    opens = datetime.datetime(2029, 6, 2, 7, tzinfo=RIGA)
    text = calendar_file(
        CalendarEvent(
            uid="x@tavabalss",
            starts_at=opens,
            ends_at=opens + datetime.timedelta(hours=13),
            summary=summary,
            location="Vaiņodes iela 6, Liepāja; 2. stāvs",
        )
    )
    _calendar, event = parse_strict(text.encode())
    lines = summary.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    printable = "\n".join(re.sub(r"[\x00-\x08\x0a-\x1f\x7f]", "", line) for line in lines)
    assert unescape(event["SUMMARY"]) == printable
    assert unescape(event["LOCATION"]) == "Vaiņodes iela 6, Liepāja; 2. stāvs"
    assert event["DTSTART"] == "20290602T040000Z"
