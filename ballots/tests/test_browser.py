"""Ballot cards in a real browser: a phone scanning a card, an organiser printing a batch."""

import pytest
from playwright.sync_api import expect

from ballots.models import BallotBatch
from ballots.services import issue_ballots
from conftest import PHONE

from .factories import StationFactory


@pytest.mark.django_db(transaction=True)
def test_phone_scan_page_says_valid_or_why_not_in_both_languages_and_passes_axe(
    live_server, browser_context_factory, assert_accessible
):
    station = StationFactory(name="Ezerkrasta bērnu iecirknis")
    code = issue_ballots(station, 1).codes()[0]
    page = browser_context_factory(viewport=PHONE, has_touch=True).new_page()

    page.goto(f"{live_server.url}/b/1/{code}")
    assert page.locator("html").get_attribute("lang") == "lv"
    assert page.get_by_role("heading", level=2).inner_text().endswith("Kartīte ir derīga")
    assert "Ezerkrasta bērnu iecirknis" in page.locator("main").inner_text()
    assert page.get_by_role("button").count() == 0  # nothing here lets anyone vote
    assert_accessible(page)

    page.get_by_role("link", name="English").click()
    page.wait_for_url(f"**/en/b/1/{code}")
    assert page.get_by_role("heading", level=2).inner_text().endswith("This card is valid")
    assert_accessible(page)

    page.goto(f"{live_server.url}/b/1/{code[:-1]}Z0")
    assert "Šo kartīti nevar izmantot" in page.get_by_role("heading", level=2).inner_text()
    assert "par garu" in page.locator("main").inner_text()
    assert_accessible(page)


@pytest.mark.django_db(transaction=True)
def test_organiser_issues_a_batch_and_is_told_what_is_wrong_first(
    live_server, page, django_user_model
):
    station = StationFactory(name="Laumu bērnu iecirknis")
    django_user_model.objects.create_superuser("organiser", "o@example.invalid", "parole-123")
    page.goto(f"{live_server.url}/admin/login/")
    page.locator("#id_username").fill("organiser")
    page.locator("#id_password").fill("parole-123")
    page.locator("form [type=submit]").click()
    page.wait_for_url("**/admin/")
    page.goto(f"{live_server.url}/admin/ballots/batches/new/")
    page.get_by_label("Polling station").or_(page.get_by_label("Iecirknis")).select_option(
        str(station.pk)
    )
    page.get_by_label("Kartīšu skaits").fill("0")
    page.get_by_role("button", name="Izsniegt partiju").click()
    expect(page.get_by_text("Partijā jābūt vismaz vienai kartītei.")).to_be_visible()
    assert not BallotBatch.objects.exists()

    page.get_by_label("Kartīšu skaits").fill("40")
    page.get_by_role("button", name="Izsniegt partiju").click()
    page.wait_for_url("**/admin/ballots/batches/")
    # The station shows with its election: every election has its own "Laumu bērnu iecirknis".
    assert (
        f"Laumu bērnu iecirknis · {station.election}, partija 1"
        in page.locator("main").inner_text()
    )
    assert BallotBatch.objects.get().ballots.count() == 40
    with page.expect_download() as download:
        page.get_by_role("link", name="Lejupielādēt PDF").click()
    assert download.value.suggested_filename.endswith(".pdf")
