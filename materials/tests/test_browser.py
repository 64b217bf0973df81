"""The materials page in a real browser: axe finds nothing in Latvian or English, at phone
and desktop sizes, and the ZIP link downloads a ZIP."""

import pytest

from conftest import DESKTOP, PHONE


@pytest.mark.django_db(transaction=True)
def test_the_materials_page_passes_axe_in_both_languages(
    live_server, materials, browser_context_factory, assert_accessible
):
    for viewport in (PHONE, DESKTOP):
        page = browser_context_factory(viewport=viewport).new_page()
        for path, language, heading in (
            ("/materiali/", "lv", "Plakāti"),
            ("/en/materials/", "en", "Posters"),
        ):
            page.goto(live_server.url + path)
            assert page.locator("html").get_attribute("lang") == language
            assert page.get_by_role("heading", name=heading, exact=True).is_visible()
            assert_accessible(page)
    zip_url = page.get_by_role("link", name="Download ZIP").get_attribute("href")
    download = page.request.get(live_server.url + zip_url)
    assert download.ok and download.body().startswith(b"PK")
