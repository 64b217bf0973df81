"""Children's elections across years (M42) on the results page and in open data, and the
district map beside participation."""

import csv
import datetime
import io
import json

import pytest

from django.core.files.base import ContentFile
from django.urls import reverse

from mock_elections.models import Election
from results import selectors
from results.models import ElectionResultsPage
from results.tests.factories import build_election, cast
from results.tests.test_views import publish

pytestmark = pytest.mark.django_db


def _election(year, votes, **fields):
    election, (north, south), (young, _old), question, (a, b) = build_election(
        status=Election.Status.CLOSED,
        election_date=datetime.date(year, 6, 7),
        **fields,
    )
    cast(north, young, question, a, votes[0])
    cast(south, young, question, b, votes[1])
    return election


@pytest.fixture
def two_years(settings):
    settings.RESULTS_SMALL_COUNT_THRESHOLD = 5
    older = _election(2021, (20, 3))  # 3 is small: hidden, and what reveals it
    newer = _election(2025, (30, 25))
    rehearsal = _election(2024, (40, 40), is_rehearsal=True)
    unpublished = _election(2023, (40, 40))
    for election in (older, newer, rehearsal):
        publish(election)
    return older, newer, rehearsal, unpublished


def test_only_public_elections_oldest_first(two_years):
    older, newer, _rehearsal, _unpublished = two_years
    found = selectors.elections_across_years(selectors.public_elections())
    assert [data.election.slug for data in found] == [older.slug, newer.slug]
    assert found[1].participation.total == 55


def test_the_version_changes_when_another_election_is_published(two_years):
    *_published, unpublished = two_years
    before = selectors.across_years_version(selectors.public_elections())
    publish(unpublished)
    assert selectors.across_years_version(selectors.public_elections()) != before


def test_open_data_across_years_hides_what_each_election_hides(client, two_years):
    older, newer, *_ = two_years
    response = client.get(reverse("results_api:across_years_table", args=["participation"]))
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    # Each election's own suppression decides: here it hides the older city total too.
    shown = [
        selectors.public_results(selectors.publication_of(e)).participation.total
        for e in (older, newer)
    ]
    assert shown == [None, 55]
    assert [(row["election"], row["year"], row["total"], row["suppressed"]) for row in rows] == [
        (older.slug, "2021", "", "True"),
        (newer.slug, "2025", "55", "False"),
    ]
    response = client.get(reverse("results_api:across_years_table", args=["answers"]))
    answers = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    small = [row for row in answers if row["election"] == older.slug]
    assert {(row["votes"], row["suppressed"]) for row in small} == {("", "True")}
    assert "3" not in {row["votes"] for row in answers}

    document = json.loads(client.get(reverse("results_api:across_years")).content)
    assert [e["election"] for e in document["elections"]] == [older.slug, newer.slug]
    assert document["elections"][1]["answers"][0]["votes"] == 30


def test_the_results_page_shows_every_year_and_the_map_from_an_outline(
    client, home_page, two_years
):
    _older, newer, *_ = two_years
    district = newer.stations.order_by("pk").first().district
    outline = {
        "type": "Polygon",
        "coordinates": [[[21.0, 56.5], [21.05, 56.5], [21.05, 56.53], [21.0, 56.5]]],
    }
    district.boundary.save("apkaime.geojson", ContentFile(json.dumps(outline).encode()))
    page = ElectionResultsPage(title="Rezultāti", slug="rezultati", election=newer)
    home_page.add_child(instance=page)
    page.save_revision().publish()

    html = client.get(page.url).content.decode()
    assert "Bērnu vēlēšanas pa gadiem" in html
    assert "7.06.2021." in html and "7.06.2025." in html
    assert 'id="participation-map"' not in html  # ids belong to the caption, not the figure
    assert 'aria-labelledby="participation-map-caption participation-map-desc"' in html
    assert html.count('<path class="chart__area"') == 1
    # The other district has no outline: it is named under the map and stays in the table.
    other = newer.stations.order_by("pk").last().district
    assert f"Kartē nav (vēl nav kontūras): {other.name}." in html
    assert "Shematiskas kontūras" not in html  # a real upload is not called schematic
