"""Issue 15: every public page type is reachable by following links from each language's
home page, and each language's pages speak only that language."""

import pytest

from tests.crawl import crawl, expected_types, load_demo_with_everything_open


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
