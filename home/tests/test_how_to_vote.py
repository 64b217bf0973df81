"""The how-to-vote page, its precinct finder, the election-day calendar file and the home
page's way there, in Latvian and English."""

import datetime
from io import StringIO
from zoneinfo import ZoneInfo

import pytest

from django.utils import timezone, translation

from wagtail.test.utils import WagtailPageTestCase

from base import demo as base_demo
from base.models import SiteSettings
from base.tests.ics import parse_strict, unescape
from home import demo as home_demo
from home.countdown import countdown
from home.models import HomePage, HowToVotePage

RIGA = ZoneInfo("Europe/Riga")


def campaign():
    return SiteSettings.objects.get()


@pytest.mark.django_db
def test_how_to_vote_page_finds_a_street_of_precinct_710_without_script(client, home_page):
    response = client.get("/ka-balsot/", {"iela": "vainodes"})
    html = response.content.decode()
    assert response.status_code == 200
    results = html[html.index('id="finder-results"') :]
    assert "Iecirknis Nr. 710" in results.split("</ul>")[0]
    assert "Vaiņodes iela" in results.split("</ul>")[0]
    assert 'value="vainodes"' in html  # what was typed stays in the box


@pytest.mark.django_db
def test_finder_says_so_in_latvian_when_nothing_matches(client, home_page):
    html = client.get("/ka-balsot/", {"iela": "Mēness iela"}).content.decode()
    assert "0 iecirkņu" in html or "Neviens iecirknis neatbilst" in html
    assert 'value="Mēness iela"' in html
    assert 'href="https://www.cvk.lv/"' in html


@pytest.mark.django_db
def test_how_to_vote_lists_all_twelve_precincts_in_both_languages(client, home_page):
    lv = client.get("/ka-balsot/").content.decode()
    en = client.get("/en/how-to-vote/").content.decode()
    for number in range(701, 713):
        assert f"Iecirknis Nr. {number}" in lv
        assert f"Polling station no. {number}" in en
    assert "Visi 12 Liepājas iecirkņi" in lv
    assert "All 12 polling stations in Liepāja" in en
    assert "Derīgu pasi vai personas apliecību" in lv and "valid passport" in en


@pytest.mark.django_db
def test_home_hero_has_the_main_button_the_picture_and_the_actions(client, home_page):
    html = client.get("/").content.decode()
    assert 'href="/ka-balsot/"' in html and "Kur un kā balsot" in html
    assert 'class="hero__image"' in html and "srcset=" in html
    assert 'alt="Krāsaini kubi kopā veido māju: katrs kubs ir viena balss"' in html
    assert 'href="/velesanu-diena.ics"' in html and "Pievienot kalendāram" in html
    assert "data-share-button" in html and 'data-copied="Saite nokopēta"' in html
    en = client.get("/en/").content.decode()
    assert 'href="/en/how-to-vote/"' in en and "Where and how to vote" in en
    assert 'alt="Coloured cubes together build a house: each cube is one vote"' in en


@pytest.mark.django_db
def test_where_and_when_to_vote_covers_all_twelve_precincts(client, home_page):
    html = client.get("/").content.decode()
    section = html[html.index('class="where-to-vote"') :]
    for number in ("701", "708", "709", "710", "711", "712"):
        assert f"Iecirknis Nr. {number}" in section
    assert 'href="/ka-balsot/#finder"' in section


@pytest.mark.django_db
def test_key_figures_speak_to_voters(client, home_page):
    html = client.get("/").content.decode()
    assert "43,5 %" in html and "liepājnieku balsoja 2025. gadā" in html
    assert "iecirkņi pilsētā" in html
    assert "07:00–20:00" in html


@pytest.mark.django_db
def test_election_day_calendar_parses_and_names_the_precinct(client, home_page):
    response = client.get("/velesanu-diena.ics", {"iecirknis": "710"})
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    _calendar, event = parse_strict(response.content)
    opens = campaign().election_at
    assert event["DTSTART"] == opens.astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")
    closes = datetime.datetime.strptime(event["DTEND"], "%Y%m%dT%H%M%SZ").replace(
        tzinfo=datetime.UTC
    )
    assert timezone.localtime(closes).time() == datetime.time(20)
    assert unescape(event["LOCATION"]) == "Laumu vidusskola, Vaiņodes iela 6, Liepāja"
    assert "710" in unescape(event["SUMMARY"])
    assert event["URL"].endswith("/ka-balsot/")


@pytest.mark.django_db
def test_election_day_calendar_in_english_without_a_precinct(client, home_page):
    response = client.get("/en/velesanu-diena.ics")
    _calendar, event = parse_strict(response.content)
    assert unescape(event["SUMMARY"]) == "Municipal election: go and vote"
    assert "LOCATION" not in event
    assert event["URL"].endswith("/en/how-to-vote/")


@pytest.mark.django_db
@pytest.mark.parametrize("query", ["?iecirknis=999", "?iecirknis=%00", "?iecirknis=" + "7" * 500])
def test_calendar_for_an_unknown_precinct_is_not_found(client, home_page, query):
    assert client.get("/velesanu-diena.ics" + query).status_code == 404


@pytest.mark.django_db
def test_calendar_before_the_day_is_announced_is_not_found(client, home_page):
    SiteSettings.objects.update(election_at=None)
    assert client.get("/velesanu-diena.ics").status_code == 404
    assert "Kur un kā balsot" in client.get("/").content.decode()


@pytest.mark.django_db
def test_demo_timeline_counts_down_to_june_2029_after_2025(home_page):
    opens = timezone.localtime(campaign().election_at)
    assert opens > timezone.now()
    assert (opens.year - 2025) % 4 == 0 and opens.month == 6 and opens.weekday() == 5
    assert opens.day <= 7 and opens.time() == datetime.time(7)
    assert campaign().previous_election_year == 2025


def test_next_municipal_election_is_the_first_saturday_of_june_every_four_years():
    assert base_demo.next_municipal_election(datetime.date(2026, 12, 2)) == datetime.datetime(
        2029, 6, 2, 7, tzinfo=RIGA
    )
    assert base_demo.next_municipal_election(datetime.date(2025, 6, 1)).date() == (
        datetime.date(2025, 6, 7)
    )
    assert base_demo.next_municipal_election(datetime.date(2029, 6, 2)).date() == (
        datetime.date(2033, 6, 4)
    )


@pytest.mark.parametrize(
    "language, left, words",
    [
        ("lv", datetime.timedelta(days=21, hours=1), ("diena", "stunda")),
        ("lv", datetime.timedelta(days=2, hours=5), ("dienas", "stundas")),
        ("lv", datetime.timedelta(days=11, hours=0), ("dienas", "stundu")),
        ("en", datetime.timedelta(days=21, hours=1), ("days", "hour")),
        ("en", datetime.timedelta(days=1, hours=2), ("day", "hours")),
    ],
)
def test_countdown_words_agree_with_their_numbers(language, left, words):
    now = datetime.datetime(2029, 5, 1, 12, tzinfo=RIGA)
    with translation.override(language):
        left_now = countdown(now + left + datetime.timedelta(minutes=5), now)
    assert (left_now.day_word, left_now.hour_word) == words


@pytest.mark.django_db
def test_countdown_renders_singular_forms_and_script_forms(client, home_page):
    SiteSettings.objects.update(
        election_at=timezone.now() + datetime.timedelta(days=21, hours=1, minutes=30)
    )
    html = client.get("/").content.decode()
    assert '>21</span> <span class="countdown__label"' in html
    assert ">diena</span>" in html and ">stunda</span>" in html
    assert "&quot;zero&quot;: &quot;dienas&quot;" in html  # 10-20, 30, …: as the server says
    en = client.get("/en/").content.decode()
    assert ">days</span>" in en and ">hour</span>" in en


@pytest.mark.django_db
def test_childrens_election_page_says_where_when_and_which_ages(client, home_page):
    html = client.get("/bernu-velesanas/").content.decode()
    assert "example.com" not in html
    assert "no 5 līdz 17 gadiem" in html
    assert "Nr. 702" in html and "7:00 līdz 20:00" in html
    assert 'href="/ka-balsot/"' in html


class HowToVotePageTreeTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        base_demo.load(StringIO())
        home_demo.load(StringIO())
        cls.page = HowToVotePage.objects.get(locale__language_code="lv")

    def test_created_only_under_the_home_page_once(self):
        self.assertAllowedParentPageTypes(HowToVotePage, {HomePage})
        self.assertAllowedSubpageTypes(HowToVotePage, set())
        self.assertFalse(HowToVotePage.can_create_at(self.page.get_parent()))

    def test_renders_and_previews(self):
        self.assertPageIsRenderable(self.page)
        self.assertPageIsRenderable(self.page, query_data={"iela": "Ganibu"})
        self.assertPageIsPreviewable(self.page)
