"""Issue 15: every public page type is reachable by following links from each language's
home page, and each language's pages speak only that language."""

import pytest

from tests.crawl import (
    crawl,
    expected_types,
    load_demo_with_everything_open,
    ui_phrases,
    visible_text,
)


@pytest.fixture
def demo_site(db):
    load_demo_with_everything_open()


@pytest.mark.parametrize("language", ["lv", "en"])
def test_a_visitor_reaches_every_public_page_type_by_links(client, demo_site, language):
    found = crawl(client, language)
    unreached = expected_types(language) - set(found.types)
    assert not unreached, f"not reachable by links from the {language} home page: {unreached}"
    # Addresses under /en/ read English: no Latvian slug left in an English page's path.
    if language == "en":
        latvian = [
            address
            for address in found.pages
            if any(
                word in address for word in ("rezultati", "meklet", "stasti", "bernu", "veletaju")
            )
        ]
        assert not latvian, latvian


@pytest.mark.parametrize("language", ["lv", "en"])
def test_each_language_pages_show_no_ui_string_of_the_other(client, demo_site, language):
    """Latvian catalogue translations must not show on English pages, nor the English
    originals on Latvian ones (user content aside: only the catalogues' phrases count)."""
    found = crawl(client, language)
    foreign = ui_phrases(language)
    leaks = {}
    for address, html in found.pages.items():
        text = visible_text(html)
        seen = sorted(phrase for phrase in foreign if phrase in text)
        if seen:
            leaks[address] = seen
    assert not leaks, "\n".join(f"{address}: {phrases}" for address, phrases in leaks.items())


def test_the_phrase_lists_hold_the_catalogues_ui_strings():
    """The language test is only as good as its lists: they must hold what the layout says."""
    assert {"Pāriet uz saturu", "Visas lapas"} <= ui_phrases("en")
    assert {"Skip to content", "All pages"} <= ui_phrases("lv")
    assert "Meklēt" not in ui_phrases("en")  # one word: could be anyone's name or a number
