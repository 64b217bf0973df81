"""The public site in a real browser: phone and tablet, both languages, axe-clean."""

import pytest

from conftest import PHONE, TABLET


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("viewport", [PHONE, TABLET], ids=["phone", "tablet"])
def test_home_page_switches_language_and_passes_axe(
    live_server, home_page, browser_context_factory, assert_accessible, viewport
):
    page = browser_context_factory(viewport=viewport, has_touch=True).new_page()
    page.goto(live_server.url + "/")
    assert page.locator("html").get_attribute("lang") == "lv"
    assert page.get_by_role("heading", level=1).inner_text() == "Liepāja ir Tava balss!"
    assert_accessible(page)

    page.get_by_role("navigation", name="Valoda").get_by_role("link", name="English").click()
    page.wait_for_url("**/en/")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.get_by_role("heading", level=1).inner_text() == "Liepāja is your voice!"
    assert_accessible(page)

    page.get_by_role("navigation", name="Language").get_by_role("link", name="Latviešu").click()
    page.wait_for_url(live_server.url + "/")
    assert page.locator("html").get_attribute("lang") == "lv"


@pytest.mark.django_db(transaction=True)
def test_skip_link_is_first_tab_stop_and_moves_focus_to_content(live_server, home_page, page):
    page.goto(live_server.url + "/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent.trim()")
    assert focused == "Pāriet uz saturu"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
