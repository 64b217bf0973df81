"""An organiser (the Organisers group) uploads the official precinct file in a real browser:
a wrong file comes back at once with its rows, a good one waits for the task worker, and the
page shows the import finish without a reload and without moving the keyboard focus."""

import pytest
from playwright.sync_api import expect

from django.urls import reverse

from base.tests.tasks import DATABASE_TASKS, run_worker
from conftest import sign_in_as_organiser
from results.models import PrecinctImport
from results.tests.factories import AdultElectionFactory

HEADER = "precinct_number,name,registered_voters,votes_cast\n"


def csv_file(text):
    return {"name": "iecirkni.csv", "mimeType": "text/csv", "buffer": text.encode()}


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_organiser_uploads_the_precinct_file_and_sees_the_import_finish(
    live_server, browser_context_factory, assert_accessible, signed_up_organiser, settings
):
    settings.TASKS = DATABASE_TASKS  # the import waits until this test runs the worker
    election = AdultElectionFactory(name="Pašvaldību vēlēšanas 2029")
    upload_url = f"{live_server.url}{reverse('results_import_precincts')}"
    page = browser_context_factory().new_page()
    sign_in_as_organiser(page, live_server)

    page.goto(upload_url)
    assert_accessible(page)
    page.select_option("#id_adult_election", str(election.pk))
    page.set_input_files("#id_file", csv_file(HEADER + "701,Skola,10,50\n702,,x,1\n"))
    page.get_by_role("button", name="Importēt").click()
    errors = page.get_by_role("alert")
    expect(errors).to_contain_text("2. rinda: nobalsojušo (50) ir vairāk")
    expect(errors).to_contain_text("3. rinda: trūkst iecirkņa nosaukuma")
    assert page.locator("#id_adult_election").input_value() == str(election.pk)
    assert_accessible(page)

    page.set_input_files(
        "#id_file", csv_file(HEADER + "701,Skola,1200,600\n702,Bibliotēka,900,300\n")
    )
    page.get_by_role("button", name="Importēt").click()
    record = PrecinctImport.objects.get()
    page.wait_for_url(f"{live_server.url}{reverse('results_precinct_import', args=[record.pk])}")
    status = page.locator("#precinct-import-status[role=status]")
    expect(status).to_contain_text("Gaida importēšanu")
    assert_accessible(page)
    another = page.get_by_role("link", name="Importēt citu failu")
    another.focus()

    run_worker()

    expect(status).to_contain_text("Importēti 2 iecirkņi", timeout=15_000)
    expect(status).to_contain_text("reģistrēto vēlētāju — 2100, nobalsojušo — 900")
    expect(another).to_be_focused()  # the refresh announced the news and moved nothing
    assert election.precincts.count() == 2
    assert_accessible(page)

    narrow = browser_context_factory(viewport={"width": 320, "height": 800}).new_page()
    sign_in_as_organiser(narrow, live_server)
    for url in (page.url, upload_url):
        narrow.goto(url)
        assert_accessible(narrow)
    narrow.goto(page.url)
    box = narrow.locator("#precinct-import-status").bounding_box()
    assert box is not None and box["x"] + box["width"] <= 320
