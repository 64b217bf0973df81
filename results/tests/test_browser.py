"""The published results page in a real browser: phone and desktop, Latvian and English,
axe-clean; the downloads open and parse."""

import csv
import datetime
import io
import json

import openpyxl
import pytest

from django.utils import timezone

from conftest import DESKTOP, PHONE
from mock_elections.models import Election
from results.models import CityFollowUp, ElectionResultsPage
from results.services import mark_results
from results.tests.factories import build_election, cast, paper


@pytest.fixture
def published_page(home_page):
    election, (north, south), (young, old), question, (a, b) = build_election(
        status=Election.Status.RESULTS_PUBLISHED,
        results_release_at=timezone.now() - datetime.timedelta(hours=1),
    )
    cast(north, young, question, a, 40)
    cast(south, old, question, b, 30)
    cast(south, young, question, None, 3)
    paper(north, question, a, 6)
    mark_results(election, is_final=False)
    CityFollowUp.objects.create(
        question=question,
        text="Parks atvērts.",
        text_en="The park opened.",
        date=datetime.date(2025, 9, 1),
    )
    page = ElectionResultsPage(title="Rezultāti", slug="rezultati", election=election)
    home_page.add_child(instance=page)
    page.save_revision().publish()
    english = page.copy_for_translation(home_page.get_translations().get().locale)
    english.title = "Results"
    english.save_revision().publish()
    return page


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_results_page_in_both_languages_passes_axe(
    live_server, published_page, browser_context_factory, assert_accessible, viewport
):
    page = browser_context_factory(viewport=viewport).new_page()
    page.goto(live_server.url + "/rezultati/")
    assert page.get_by_text("Provizoriski rezultāti").is_visible()
    assert page.get_by_role("heading", name="Ko pilsēta izdarīja").is_visible()
    assert page.get_by_role("button", name="Drukāt rezultātus").is_visible()
    page.get_by_text("Pa apkaimēm").first.click()
    assert_accessible(page)

    page.goto(live_server.url + "/en/rezultati/")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.get_by_text("Preliminary results").is_visible()
    assert page.get_by_text("The park opened.").is_visible()
    assert_accessible(page)


@pytest.mark.django_db(transaction=True)
def test_downloads_open_and_parse(live_server, published_page, page):
    page.goto(live_server.url + "/rezultati/")
    files = {}
    for name in [
        "Rezultāti (CSV)",
        "Rezultāti un dalība (XLSX)",
        "Rezultāti un dalība (JSON)",
        "Vēlēšanu rezultātu formāts NIST SP 1500-100 (JSON)",
    ]:
        with page.expect_download() as download:
            page.get_by_role("link", name=name).click()
        with open(download.value.path(), "rb") as handle:
            files[name] = handle.read()

    rows = list(csv.DictReader(io.StringIO(files["Rezultāti (CSV)"].decode("utf-8-sig"))))
    assert {row["area_type"] for row in rows} == {"city", "district", "age_band", "paper"}
    workbook = openpyxl.load_workbook(io.BytesIO(files["Rezultāti un dalība (XLSX)"]))
    assert workbook["participation"].max_row > 1
    assert json.loads(files["Rezultāti un dalība (JSON)"])["election"]["status"] == "preliminary"
    report = json.loads(files["Vēlēšanu rezultātu formāts NIST SP 1500-100 (JSON)"])
    assert report["@type"] == "ElectionResults.ElectionReport"


@pytest.mark.django_db(transaction=True)
def test_turnout_comparison_page_passes_axe(
    live_server, home_page, browser_context_factory, assert_accessible
):
    from io import StringIO

    from results import demo

    demo.load(StringIO())
    page = browser_context_factory(viewport=PHONE).new_page()
    page.goto(live_server.url + "/veletaju-aktivitate/")
    assert page.get_by_text("mērķis sasniegts").is_visible()
    assert_accessible(page)
