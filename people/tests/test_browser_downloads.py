"""An organiser of the real Organisers group, signed in through the login form, asks for the
roster export in a real browser: the request only books it, the prepared-files page waits
for the task worker (run here, in this process) and offers the CSV when it is ready, telling
screen readers so without moving the focus."""

import csv
import io
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from base.tests.tasks import DATABASE_TASKS, run_worker
from conftest import DESKTOP, sign_in_as_organiser
from mock_elections.tests.factories import ElectionFactory, PollingStationFactory
from people.models import Assignment

from .factories import RosterFactory, ShiftFactory, VolunteerFactory


@pytest.mark.django_db(transaction=True)
def test_organiser_asks_for_the_roster_export_and_downloads_it_when_ready(
    live_server, browser_context_factory, signed_up_organiser, assert_accessible, settings
):
    settings.TASKS = DATABASE_TASKS  # the production backend: the file waits for the worker
    election = ElectionFactory(title="Bērnu vēlēšanas Liepājā", slug="berni-2025")
    RosterFactory(election=election)
    shift = ShiftFactory(station=PollingStationFactory(election=election, name="Jūras stacija"))
    for name in ("Parauga Inese", "Parauga Jānis"):
        volunteer = VolunteerFactory(election=election, name=name)
        Assignment.objects.create(shift=shift, volunteer=volunteer)
    page = browser_context_factory().new_page()
    sign_in_as_organiser(page, live_server)

    # Reached from the admin menu; nothing is prepared yet.
    page.get_by_role("link", name="Sagatavotie faili").click()
    expect(page.get_by_text("Jums nav sagatavotu failu.")).to_be_visible()

    page.goto(f"{live_server.url}/admin/brivpratigie/{election.pk}/")
    page.get_by_role("button", name="Eksportēt sarakstu (CSV)").click()
    expect(page).to_have_url(f"{live_server.url}/admin/sagatavotie-faili/")
    expect(page.get_by_text("Saraksta eksportu gatavo")).to_be_visible()
    row = page.get_by_role("row", name=re.compile("Brīvprātīgo saraksts \\(CSV\\)"))
    expect(row).to_contain_text("Bērnu vēlēšanas Liepājā")
    expect(row).to_contain_text("Gaida rindā")
    expect(row.get_by_role("link")).to_have_count(0)
    assert_accessible(page)
    page.set_viewport_size({"width": 320, "height": 800})
    assert_accessible(page)
    assert page.evaluate(
        "document.documentElement.scrollWidth <= document.documentElement.clientWidth"
    ), "the page is wider than a 320 px screen"
    page.set_viewport_size(DESKTOP)

    # The reader is somewhere else on the page while the worker makes the file.
    # (on the table's own scroll region, rendered by the server: the sidebar's links are drawn
    # again by its script while the page settles, which takes their focus on a busy machine)
    reading_place = page.get_by_role("region", name="Sagatavotie faili")
    reading_place.focus()
    run_worker()

    news = page.locator("[data-prepared-files-news]")
    expect(news).to_have_attribute("role", "status")
    expect(news).to_have_text(
        "„Brīvprātīgo saraksts (CSV): Bērnu vēlēšanas Liepājā” ir gatavs lejupielādei."
    )
    expect(row).to_contain_text("Gatavs")
    expect(reading_place).to_be_focused()  # the update moved nothing
    assert_accessible(page)

    with page.expect_download() as download:
        row.get_by_role("link", name=re.compile("Lejupielādēt")).click()
    assert download.value.suggested_filename == "roster-berni-2025.csv"
    rows = list(csv.reader(io.StringIO(Path(download.value.path()).read_text())))
    assert rows[0][:4] == ["station", "start", "end", "name"]
    assert sorted((row[0], row[3]) for row in rows[1:]) == [
        ("Jūras stacija", "Parauga Inese"),
        ("Jūras stacija", "Parauga Jānis"),
    ]
