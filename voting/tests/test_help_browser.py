"""The help in the tablet's volunteer menu, in a real Chromium at tablet size with touch."""

import pytest

from conftest import TABLET

from .factories import open_station_set_up
from .test_browser import pair_and_unlock


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_the_volunteer_menu_shows_what_to_do_if_and_who_to_call(
    live_server, browser_context_factory, assert_accessible
):
    set_up = open_station_set_up(cards=0)
    set_up.station.help_contact_name = "Anna Bērziņa"
    set_up.station.organiser_phone = "+371 20000000"
    set_up.station.save()
    page = browser_context_factory(viewport=TABLET, has_touch=True).new_page()
    code = pair_and_unlock(page, live_server, set_up)
    page.get_by_label("Savienošanas kods").fill(code)
    page.get_by_label("Planšetes nosaukums").fill("Planšete 2")
    page.get_by_role("button", name="Savienot", exact=True).click()
    page.get_by_role("heading", name="Tikai brīvprātīgajiem").wait_for()
    page.get_by_label("Iecirkņa PIN").fill("2025")
    page.get_by_role("button", name="Turpināt").click()
    page.get_by_role("heading", name="Brīvprātīgo izvēlne").wait_for()

    page.get_by_role("button", name="Ko darīt, ja…").click()
    page.get_by_role("heading", name="Ko darīt, ja…").wait_for()
    page.get_by_text("PIN turētājs: Anna Bērziņa").wait_for()
    phone = page.get_by_role("link", name="+371 20000000")
    assert phone.get_attribute("href") == "tel:+37120000000"
    situation = page.get_by_text("Nav tīkla")
    box = situation.bounding_box()
    assert box["height"] >= 44  # a touch target
    situation.tap()
    page.get_by_text("Turpiniet balsošanu").wait_for()
    assert_accessible(page)
    page.get_by_role("button", name="Atpakaļ uz brīvprātīgo izvēlni").click()
    page.get_by_role("heading", name="Brīvprātīgo izvēlne").wait_for()
