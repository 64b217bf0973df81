"""The way to the polling station in a real browser: the finder, the calendar file, the
share button's copy-link fallback, and every axe rule (best practices included) with no
sideways scrolling, from 320 px phones to desktops, in Latvian and English."""

import pytest

from base.tests.ics import parse_strict, unescape
from conftest import DESKTOP, PHONE, TABLET

NARROW = {"width": 320, "height": 640}
PAGES = ["/", "/ka-balsot/", "/ka-balsot/?iela=Ganibu", "/en/", "/en/how-to-vote/"]


@pytest.fixture
def assert_every_axe_rule(axe):
    """axe-core with all its rules, best practices included (the shared fixture runs only
    the WCAG tags)."""

    def check(page):
        violations = axe.run(page).response["violations"]
        details = [
            f"{violation['id']}: {violation['help']} -> "
            + "; ".join(node["target"][0] for node in violation["nodes"] if node["target"])
            for violation in violations
        ]
        assert not violations, f"axe on {page.url}:\n" + "\n".join(details)

    return check


def assert_no_sideways_scrolling(page):
    widths = page.evaluate(
        "[document.documentElement.scrollWidth, document.documentElement.clientWidth]"
    )
    assert widths[0] <= widths[1], f"{page.url} is {widths[0]} px wide in {widths[1]} px"


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize(
    "viewport", [NARROW, PHONE, TABLET, DESKTOP], ids=["320", "390", "768", "1280"]
)
def test_home_and_how_to_vote_pass_every_axe_rule_and_fit(
    live_server, home_page, browser_context_factory, assert_every_axe_rule, viewport
):
    page = browser_context_factory(viewport=viewport).new_page()
    for address in PAGES:
        page.goto(live_server.url + address)
        assert_every_axe_rule(page)
        assert_no_sideways_scrolling(page)


@pytest.mark.django_db(transaction=True)
def test_home_button_leads_to_the_finder_which_finds_a_street_of_710(
    live_server, home_page, browser_context_factory
):
    page = browser_context_factory(viewport=NARROW).new_page()
    page.goto(live_server.url + "/")
    page.get_by_role("link", name="Kur un kā balsot").first.click()
    page.wait_for_url("**/ka-balsot/")
    page.get_by_label("Tava iela, apkaime vai iecirkņa numurs").fill("vainodes")
    page.keyboard.press("Enter")
    page.wait_for_url("**/ka-balsot/?iela=vainodes#finder-results")
    results = page.locator("#finder-results")
    assert "Iecirknis Nr. 710: Laumu vidusskola" in results.inner_text()
    assert "Vaiņodes iela" in results.inner_text()
    assert page.get_by_label("Tava iela, apkaime vai iecirkņa numurs").input_value() == "vainodes"


@pytest.mark.django_db(transaction=True)
def test_calendar_file_of_precinct_710_downloads_and_parses(live_server, home_page, page):
    page.goto(live_server.url + "/ka-balsot/?iela=710")
    link = page.locator("#finder-results").get_by_role(
        "link", name="Pievienot kalendāram vēlēšanu dienu iecirknī Nr. 710"
    )
    with page.expect_download() as download_info:
        link.click()
    download = download_info.value
    assert download.suggested_filename == "velesanas-710.ics"
    with open(download.path(), "rb") as downloaded:
        _calendar, event = parse_strict(downloaded.read())
    assert unescape(event["LOCATION"]) == "Laumu vidusskola, Vaiņodes iela 6, Liepāja"


@pytest.mark.django_db(transaction=True)
def test_share_without_web_share_copies_the_link_and_says_so(
    live_server, home_page, browser_context_factory
):
    context = browser_context_factory(viewport=PHONE)
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server.url)
    # A browser without the Web Share API (most desktops).
    context.add_init_script(
        "Object.defineProperty(Navigator.prototype, 'share', {value: undefined});"
    )
    page = context.new_page()
    page.goto(live_server.url + "/")
    status = page.locator(".hero [data-share-status]")
    assert status.get_attribute("aria-live") == "polite" and status.inner_text() == ""
    page.locator(".hero").get_by_role("button", name="Kopēt saiti").click()
    page.wait_for_function("document.querySelector('.hero [data-share-status]').textContent")
    assert status.inner_text() == "Saite nokopēta"
    # The page's canonical address (the site's configured host), as search engines see it.
    canonical = page.locator("link[rel=canonical]").get_attribute("href")
    assert canonical.endswith("/") and page.evaluate("navigator.clipboard.readText()") == canonical


@pytest.mark.django_db(transaction=True)
def test_share_uses_the_web_share_api_where_there_is_one(
    live_server, home_page, browser_context_factory
):
    context = browser_context_factory(viewport=PHONE, has_touch=True)
    context.add_init_script(
        "window.__shared = null; Object.defineProperty(Navigator.prototype, 'share', "
        "{value: function (data) { window.__shared = data; return Promise.resolve(); }});"
    )
    page = context.new_page()
    page.goto(live_server.url + "/en/how-to-vote/")
    page.get_by_role("button", name="Share").click()
    shared = page.evaluate("window.__shared")
    canonical = page.locator("link[rel=canonical]").get_attribute("href")
    assert canonical.endswith("/en/how-to-vote/")
    assert shared == {"title": "Where and how to vote", "url": canonical}


@pytest.mark.django_db(transaction=True)
def test_ticking_countdown_keeps_latvian_and_english_plurals(
    live_server, home_page, browser_context_factory
):
    import datetime

    from django.utils import timezone

    from base.models import SiteSettings

    SiteSettings.objects.update(
        election_at=timezone.now() + datetime.timedelta(days=21, hours=1, minutes=30)
    )
    page = browser_context_factory(viewport=PHONE).new_page()
    page.goto(live_server.url + "/")
    figures = page.locator(".hero .countdown__figures")
    assert figures.inner_text().split() == ["21", "diena", "1", "stunda"]
    page.goto(live_server.url + "/en/")
    assert figures.inner_text().split() == ["21", "days", "1", "hour"]
    SiteSettings.objects.update(
        election_at=timezone.now() + datetime.timedelta(days=913, hours=11, minutes=30)
    )
    page.goto(live_server.url + "/?fresh")
    assert figures.inner_text().split() == ["913", "dienas", "11", "stundas"]
