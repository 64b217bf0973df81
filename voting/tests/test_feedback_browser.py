"""The smiley question on a real tablet: after the thank-you screen, three big faces a child
can tap (or skip, or leave), counted per station once enough answers are waiting."""

import pytest
from playwright.sync_api import expect

from conftest import TABLET
from voting import selectors

from .factories import open_station_set_up
from .test_browser import THANKS, pair_and_unlock

SCAN = "Parādi savu biļetena kartīti kamerai"
QUESTION = "Kā tev patika balsot?"


def vote(page, code):
    page.get_by_label("…vai ieraksti kodu no kartītes").fill(code)
    page.get_by_role("button", name="Turpināt").click()
    page.get_by_role("button", name="9–12 gadi").click()
    for _question in range(2):
        page.locator("#question-options .choice").first.click()
        page.get_by_role("button", name="Tālāk").click()
    page.get_by_role("button", name="Jā, šī ir mana balss").click()
    page.get_by_role("heading", name=THANKS).wait_for()
    page.get_by_role("heading", name=QUESTION).wait_for()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_children_answer_the_smiley_question_and_the_station_counts_it(
    live_server, browser_context_factory, assert_accessible
):
    set_up = open_station_set_up(cards=10)
    context = browser_context_factory(viewport=TABLET, has_touch=True)
    page = context.new_page()
    code = pair_and_unlock(page, live_server, set_up)
    page.get_by_label("Savienošanas kods").fill(code)
    page.get_by_label("Planšetes nosaukums").fill("Planšete 2")
    page.get_by_role("button", name="Savienot", exact=True).click()
    page.get_by_label("Iecirkņa PIN").fill("2025")
    page.get_by_role("button", name="Turpināt").click()
    page.get_by_role("button", name="Sākt balsošanu").click()
    page.get_by_role("heading", name=SCAN).wait_for()

    faces = ["Patika", "Patika", "Tā neko", "Nepatika", "Patika"]
    for number, face in enumerate(faces):
        vote(page, set_up.codes[number])
        if number == 0:
            assert_accessible(page)
            for button in page.locator("[data-face]").all():
                box = button.bounding_box()
                assert box["width"] >= 44 and box["height"] >= 44
        page.get_by_role("button", name=face, exact=True).click()
        page.get_by_role("heading", name=SCAN).wait_for()

    # A child may skip; another walks away and the tablet returns by itself.
    vote(page, set_up.codes[5])
    page.get_by_role("button", name="Izlaist").click()
    page.get_by_role("heading", name=SCAN).wait_for()
    vote(page, set_up.codes[6])
    page.get_by_role("heading", name=SCAN).wait_for(timeout=20_000)

    # Five answers make a batch; it goes with the next sync round (after the next vote).
    expect(page.locator("#sync-status")).to_contain_text("Visas balsis sinhronizētas")
    page.wait_for_function(
        """async () => {
            const db = await new Promise((resolve) => {
                const request = indexedDB.open("tavabalss-tablet");
                request.onsuccess = () => resolve(request.result);
            });
            const record = await new Promise((resolve) => {
                const get = db.transaction("meta").objectStore("meta").get("feedback");
                get.onsuccess = () => resolve(get.result);
            });
            db.close();
            return record && !record.outgoing && Object.keys(record.pending).length === 0;
        }""",
        polling=500,
        timeout=30_000,
    )
    counted = {face.face: face.count for face in selectors.station_feedback(set_up.station)}
    assert counted == {"happy": 3, "okay": 1, "sad": 1}
    context.close()
