"""Search words with bytes no search can hold get a clear 400 in Latvian, never a 500."""

import pytest

from base.models import ContentPage

NUL_ERROR = "Nulles rakstzīmes nav atļautas."


@pytest.fixture
def content_page(home_page):
    page = home_page.add_child(instance=ContentPage(title="Par Ilzes ielu", slug="par"))
    page.save_revision().publish()
    return page


@pytest.mark.django_db
@pytest.mark.parametrize("query", ["\x00", "balsot\x00", "\x00" * 5])
def test_search_with_a_nul_byte_is_refused_with_a_message(client, home_page, query):
    response = client.get("/meklet/", {"q": query})
    assert response.status_code == 400
    html = response.content.decode()
    assert NUL_ERROR in html and 'role="alert"' in html
    assert "\x00" not in html
    if query.startswith("balsot"):
        assert 'value="balsot"' in html  # the words typed stay in the box


@pytest.mark.django_db
def test_search_still_finds_pages(client, content_page):
    response = client.get("/meklet/", {"q": "Ilzes"})
    assert response.status_code == 200 and "Par Ilzes ielu" in response.content.decode()
