"""The public results pages in a real browser at phone, tablet and desktop widths, in both
languages: charts and the map render with their tables, nothing is wider than the screen,
and axe finds nothing with every rule on (best practices too). An organiser's uploaded
district outline becomes the map."""

import datetime
import json
from io import StringIO

import pytest

from django.urls import reverse
from django.utils import timezone, translation

from conftest import sign_in_as_organiser
from mock_elections import demo as mock_elections_demo
from mock_elections.models import Election
from results import demo
from results.tests.factories import build_election, cast
from results.tests.test_browser import published_page  # noqa: F401 - a fixture

WIDTHS = (320, 390, 768, 1280)
LANGUAGES = (("", "lv"), ("/en", "en"))


def outline(west, south):
    ring = [[west, south], [west + 0.04, south], [west + 0.04, south + 0.03], [west, south + 0.03]]
    return {"type": "Polygon", "coordinates": [[*ring, ring[0]]]}


def check_everywhere(browser_context_factory, axe, url, expect):
    """At every width and in both languages: `expect(page)` holds, the page is no wider than
    the screen, and axe (all rules, best practices included) finds no violation."""
    for width in WIDTHS:
        page = browser_context_factory(viewport={"width": width, "height": 900}).new_page()
        for prefix, language in LANGUAGES:
            page.goto(url(prefix))
            assert page.locator("html").get_attribute("lang") == language
            for details in page.locator("details").all():
                details.locator("summary").click()
            expect(page)
            scroll_width = page.evaluate("document.documentElement.scrollWidth")
            assert scroll_width <= width, f"{page.url} is {scroll_width} px wide at {width} px"
            violations = axe.run(page).response["violations"]
            assert not violations, f"{page.url} at {width} px: " + "; ".join(
                f"{v['id']} -> {[n['target'] for n in v['nodes']]}" for v in violations
            )


@pytest.mark.django_db(transaction=True)
def test_demo_turnout_charts_and_results_map_render_with_their_tables(
    live_server, home_page, browser_context_factory, axe
):
    mock_elections_demo.load(StringIO())
    demo.load(StringIO())

    def turnout(page):
        chart = page.locator("#turnout-chart-caption + svg[role=img]")
        assert chart.is_visible() and chart.locator("circle").count() == 24  # 12 × 2 dots
        assert chart.locator(".chart__goal").count() == 1
        assert page.locator(".turnout-table tbody tr").count() == 12
        # Designed station, with a children's station, without: both measures charted.
        assert page.locator("#groups-change-caption + svg .chart__bar").count() == 3
        assert page.locator("#groups-children-caption + svg .chart__bar").count() == 2
        assert page.locator(".results-beside table tbody tr").count() == 3
        assert page.locator(".results-caveat").is_visible()

    check_everywhere(
        browser_context_factory,
        axe,
        lambda prefix: f"{live_server.url}{prefix}/veletaju-aktivitate/",
        turnout,
    )

    def results(page):
        assert page.locator("#participation-map-caption + svg path.chart__area").count() == 10
        assert page.locator("#participation-map-caption ~ .chart__note").is_visible()  # schematic
        assert page.locator("#participation-districts").is_visible()  # the map's table
        assert page.locator("#across-years").is_visible()

    check_everywhere(
        browser_context_factory,
        axe,
        lambda prefix: f"{live_server.url}{prefix}/rezultati/",
        results,
    )


@pytest.mark.django_db(transaction=True)
def test_participation_counter_at_every_width(live_server, home_page, browser_context_factory, axe):
    election, (north, _south), (young, _old), question, (a, _b) = build_election(
        status=Election.Status.OPEN,
        show_public_counter=True,
        results_release_at=timezone.now() + datetime.timedelta(hours=5),
    )
    cast(north, young, question, a, 12)

    def expect(page):
        assert page.locator(".results-counter").is_visible()

    def address(prefix):
        """The counter's address in the prefix's language (English has its own words)."""
        with translation.override(dict(LANGUAGES)[prefix]):
            return live_server.url + reverse("results:counter", args=[election.slug])

    check_everywhere(browser_context_factory, axe, address, expect)


@pytest.mark.django_db(transaction=True)
def test_an_organiser_uploads_a_district_outline_and_the_map_draws_it(
    live_server,
    published_page,  # noqa: F811 - the fixture
    signed_up_organiser,
    browser_context_factory,
    assert_accessible,
    tmp_path,
):
    election = Election.objects.get(pk=published_page.election_id)
    district = election.stations.order_by("pk").first().district
    bad = tmp_path / "punkts.geojson"
    bad.write_text(json.dumps({"type": "Point", "coordinates": [21.0, 56.5]}))
    good = tmp_path / "apkaime.geojson"
    good.write_text(
        json.dumps({"type": "Feature", "properties": {}, "geometry": outline(21, 56.5)})
    )

    page = browser_context_factory().new_page()
    sign_in_as_organiser(page, live_server)
    page.goto(f"{live_server.url}/admin/districts/edit/{district.pk}/")
    page.set_input_files("input[name=boundary]", str(bad))
    # The refused form comes back at the same address: wait for that page, not the old one.
    with page.expect_navigation():
        page.locator("form:has(input[name=boundary]) button[type=submit]").first.click()
    assert page.get_by_text(
        "Tikai Polygon un MultiPolygon formas var būt apkaimes robeža."
    ).is_visible()
    assert_accessible(page)

    page.set_input_files("input[name=boundary]", str(good))
    page.locator("form:has(input[name=boundary]) button[type=submit]").first.click()
    page.wait_for_url(f"{live_server.url}/admin/districts/")
    district.refresh_from_db()
    assert district.boundary.name.endswith(".geojson")

    page.goto(f"{live_server.url}/rezultati/")
    area = page.locator("#participation-map-caption + svg path.chart__area")
    assert area.count() == 1 and area.is_visible()
    label = page.locator("#participation-map-caption + svg text.chart__area-label")
    assert label.count() == 1  # the name a word a line, then the count
    assert [t.text_content() for t in label.locator("tspan").all()][:-1] == district.name.split()
