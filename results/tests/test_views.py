import csv
import datetime
import io
import json

import openpyxl
import pytest

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text

from home import demo as home_demo
from home.models import HomePage
from mock_elections.models import Election
from results.models import AdultTurnoutPage, CityFollowUp, ElectionResultsPage
from results.services import mark_results
from results.tests.factories import build_election, cast, paper
from voting.models import StationTablet

pytestmark = pytest.mark.django_db
HOUR = datetime.timedelta(hours=1)


def make_user(username, *permissions, staff=True):
    user = get_user_model().objects.create_user(username, password="x", is_staff=staff)
    group, _created = Group.objects.get_or_create(name=f"group-{username}")
    for codename in ("access_admin", *permissions):
        group.permissions.add(Permission.objects.get(codename=codename))
    user.groups.add(group)
    return user


@pytest.fixture
def organiser():
    return make_user("organisers", "change_election")


@pytest.fixture
def editor():
    return make_user("editor", "add_page", "change_page", "publish_page")


@pytest.fixture
def volunteer():
    return get_user_model().objects.create_user("volunteer", password="x")


@pytest.fixture
def election_with_votes():
    election, (north, south), (young, old), question, (a, b) = build_election(
        status=Election.Status.CLOSED, results_release_at=timezone.now() - HOUR
    )
    cast(north, young, question, a, 30)
    cast(south, old, question, b, 25)
    cast(south, young, question, None, 10)
    paper(north, question, a, 6)
    paper(north, question, b, 8)
    CityFollowUp.objects.create(
        question=question, text="Skeitparks uzbūvēts.", date=datetime.date(2025, 9, 1)
    )
    return election


@pytest.fixture
def results_page(home_page, election_with_votes):
    page = ElectionResultsPage(
        title="Bērnu vēlēšanu rezultāti", slug="rezultati", election=election_with_votes
    )
    home_page.add_child(instance=page)
    page.save_revision().publish()
    return page


def publish(election, release=None):
    Election.objects.filter(pk=election.pk).update(
        status=Election.Status.RESULTS_PUBLISHED,
        results_release_at=release or timezone.now() - HOUR,
    )
    election.refresh_from_db()


def open_data_urls(slug):
    return [
        reverse("results_api:open_data", args=[slug, "results", "csv"]),
        reverse("results_api:open_data", args=[slug, "participation", "csv"]),
        reverse("results_api:open_data", args=[slug, "results", "xlsx"]),
        reverse("results_api:open_data", args=[slug, "results", "json"]),
        reverse("results_api:election_report", args=[slug]),
    ]


@pytest.mark.parametrize("who", ["anonymous", "volunteer", "editor", "organiser"])
def test_nothing_of_the_count_shows_before_publication_for_anyone(
    client, results_page, election_with_votes, who, request
):
    if who != "anonymous":
        client.force_login(request.getfixturevalue(who))
    html = client.get(results_page.url).content.decode()
    assert "Rezultāti vēl nav publiski" in html
    assert "Skeitparks" not in html and "Atbilde" not in html
    for url in open_data_urls(election_with_votes.slug):
        assert client.get(url).status_code == 404, url


def test_published_results_show_page_downloads_and_follow_up(
    client, results_page, election_with_votes
):
    publish(election_with_votes)
    html = client.get(results_page.url).content.decode()
    assert "Provizoriski rezultāti" in html
    assert "Skeitparks uzbūvēts." in html and "Ko pilsēta izdarīja" in html
    assert "79" in html  # 30 + 25 + 10 tablet + 14 paper ballots

    mark_results(election_with_votes, is_final=True)
    assert "Galīgie rezultāti" in client.get(results_page.url).content.decode()

    slug = election_with_votes.slug
    rows = list(
        csv.DictReader(io.StringIO(client.get(open_data_urls(slug)[0]).content.decode("utf-8-sig")))
    )
    city = {row["option"]: row["votes"] for row in rows if row["area_type"] == "city"}
    assert sorted(city.values()) == ["10", "33", "36"]  # abstained, B (25 + 8), A (30 + 6)
    workbook = openpyxl.load_workbook(io.BytesIO(client.get(open_data_urls(slug)[2]).content))
    assert workbook.sheetnames == ["results", "participation"]
    document = json.loads(client.get(open_data_urls(slug)[3]).content)
    assert document["election"]["status"] == "final"
    report = json.loads(client.get(open_data_urls(slug)[4]).content)
    assert report["@type"] == "ElectionResults.ElectionReport"
    contest = report["Election"][0]["Contest"][0]
    assert contest["@type"] == "ElectionResults.BallotMeasureContest"
    assert contest["ElectionDistrictId"] == report["GpUnit"][0]["@id"] == "gpu-liepaja"
    assert {c["Undervotes"] for c in contest["OtherCounts"] if c["GpUnitId"] == "gpu-liepaja"} == {
        10
    }
    assert {unit["Type"] for unit in report["GpUnit"]} == {"city", "other", "polling-place"}
    assert all(
        s["@type"] == "ElectionResults.BallotMeasureSelection" for s in contest["ContestSelection"]
    )


def test_release_time_in_the_future_keeps_results_hidden_even_when_published(
    client, results_page, election_with_votes
):
    publish(election_with_votes, release=timezone.now() + HOUR)
    assert "Rezultāti vēl nav publiski" in client.get(results_page.url).content.decode()
    assert client.get(open_data_urls(election_with_votes.slug)[0]).status_code == 404


def test_rehearsal_results_never_show(client, election_with_votes):
    Election.objects.filter(pk=election_with_votes.pk).update(is_rehearsal=True)
    publish(election_with_votes)
    for url in open_data_urls(election_with_votes.slug):
        assert client.get(url).status_code == 404


def test_cached_not_yet_page_gives_way_to_results_as_soon_as_published(
    client, results_page, election_with_votes
):
    assert "Rezultāti vēl nav publiski" in client.get(results_page.url).content.decode()
    publish(election_with_votes)
    assert "Provizoriski rezultāti" in client.get(results_page.url).content.decode()


def test_cached_not_yet_page_expires_by_release_time(
    client, results_page, election_with_votes, monkeypatch
):
    # Published already, but the release time is 30 s away: "not yet" is cached ≤ 30 s.
    publish(election_with_votes, release=timezone.now() + datetime.timedelta(seconds=30))
    stored = {}
    original = cache.set

    def spy(key, value, timeout=None, **kwargs):
        stored[key] = timeout
        return original(key, value, timeout, **kwargs)

    monkeypatch.setattr(cache, "set", spy)
    client.get(results_page.url)
    page_timeouts = [timeout for key, timeout in stored.items() if key.startswith("results:page")]
    assert page_timeouts and all(timeout <= 30 for timeout in page_timeouts)


def test_public_counter_only_while_voting_and_only_totals(client, election_with_votes):
    slug = election_with_votes.slug
    assert client.get(reverse("results_api:counter_json", args=[slug])).status_code == 404
    Election.objects.filter(pk=election_with_votes.pk).update(
        status=Election.Status.OPEN, show_public_counter=True
    )
    assert client.get(reverse("results_api:counter_json", args=[slug])).json() == {
        "election": slug,
        "voted": 65,
    }
    html = client.get(reverse("results:counter", args=[slug])).content.decode()
    assert "65 bērni un jaunieši jau nobalsojuši" in html
    Election.objects.filter(pk=election_with_votes.pk).update(is_rehearsal=True)
    cache.clear()
    assert client.get(reverse("results:counter", args=[slug])).status_code == 404


def test_live_participation_report_for_organisers_only(
    client, election_with_votes, organiser, editor, volunteer
):
    north = election_with_votes.stations.order_by("district__sort_order").first()
    StationTablet.objects.create(
        station=north,
        label="Planšete 1",
        token_digest="a" * 64,
        last_sync_at=datetime.datetime(2025, 6, 7, 12, tzinfo=datetime.UTC),
        queued_votes_reported=3,
    )
    url = reverse("results_live_participation", args=[election_with_votes.pk])
    client.force_login(editor)
    refused = client.get(url)  # Wagtail turns "permission denied" into a trip to the dashboard
    assert (refused.status_code, refused.url) == (302, "/admin/")
    assert client.get(url + "?export=csv").status_code == 302
    client.force_login(volunteer)
    assert reverse("wagtailadmin_login") in client.get(url).url  # no admin access at all
    client.force_login(organiser)
    response = client.get(url)
    assert response.status_code == 200
    assert "data-refresh-seconds" in response.content.decode()
    export = client.get(url + "?export=csv")
    rows = list(csv.DictReader(io.StringIO(b"".join(export.streaming_content).decode())))
    assert list(rows[0]) == [
        "Apkaime",
        "Iecirknis",
        "Pieaugušo iecirknis",
        "Balsis planšetēs",
        "Papīra biļeteni",
        "Kopā",
        "Planšešu pēdējā sinhronizācija",
        "Balsis rindā planšetēs",
        "Nodrukātās kartītes",
        "Izmantotās kartītes",
        "Balsis ≠ izmantotās kartes",
    ]
    north = rows[0]
    assert (north["Balsis planšetēs"], north["Papīra biļeteni"], north["Kopā"]) == (
        "30",
        "14",
        "44",
    )
    assert north["Balsis rindā planšetēs"] == "3"
    assert north["Planšešu pēdējā sinhronizācija"].startswith("2025-06-07")
    assert client.get(url + "?export=xlsx").status_code == 200


def test_rehearsal_has_no_live_report(client, election_with_votes, organiser):
    Election.objects.filter(pk=election_with_votes.pk).update(is_rehearsal=True)
    client.force_login(organiser)
    assert (
        client.get(reverse("results_live_participation", args=[election_with_votes.pk])).status_code
        == 404
    )


class ResultsPageTreeTests(WagtailPageTestCase):
    def test_results_page_goes_anywhere(self):
        self.assertCanCreateAt(Page, ElectionResultsPage)
        self.assertCanCreateAt(ElectionResultsPage, ElectionResultsPage)
        self.assertCanCreateAt(Page, AdultTurnoutPage)

    def test_results_page_renders_previews_and_edits(self):
        home_demo.load(io.StringIO())
        election, *_ = build_election()
        home = HomePage.objects.get(locale__language_code="lv")
        page = home.add_child(
            instance=ElectionResultsPage(title="Rezultāti", slug="rez", election=election)
        )
        self.assertPageIsRenderable(page)
        form_data = {
            "title": "Rezultāti",
            "slug": "rez",
            "election": election.pk,
            "intro": rich_text("<p>Rezultāti.</p>"),
        }
        self.assertPageIsPreviewable(page, post_data=nested_form_data(form_data))

    def test_rehearsals_are_not_offered_as_election(self):
        field = ElectionResultsPage._meta.get_field("election")
        assert field.get_limit_choices_to() == {"is_rehearsal": False}


def test_admin_screens_open_and_a_refused_import_lists_rows_and_saves_nothing(client):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from results.tests.factories import AdultElectionFactory

    admin = get_user_model().objects.create_superuser("boss", password="x")
    client.force_login(admin)
    for name in [
        "results_status",
        "results_follow_ups",
        "results_adult_elections",
        "results_adult_precincts",
    ]:
        assert client.get(reverse(f"{name}:index")).status_code == 200, name
    adult = AdultElectionFactory()
    upload = SimpleUploadedFile(
        "iecirkni.csv",
        b"precinct_number,name,registered_voters,votes_cast\n701,A,10,50\n702,B,x,1\n",
    )
    response = client.post(
        reverse("results_import_precincts"), {"adult_election": adult.pk, "file": upload}
    )
    html = response.content.decode()
    assert "2. rinda: nobalsojušo (50) ir vairāk nekā reģistrēto vēlētāju (10)." in html
    assert "3. rinda" in html and "nekas netika importēts" in html
    assert not adult.precincts.exists()


def test_anonymous_readers_get_the_stored_page_without_touching_the_page_tree(
    client, results_page, election_with_votes, django_assert_max_num_queries, organiser
):
    publish(election_with_votes)
    first = client.get(results_page.url)
    with django_assert_max_num_queries(0):
        again = client.get(results_page.url)
    assert again.content == first.content and "public, max-age=" in again["Cache-Control"]
    assert again["X-Frame-Options"]
    client.force_login(organiser)  # signed in: always the full page
    with django_assert_max_num_queries(50) as counted:
        client.get(results_page.url)
    assert len(counted) > 0


def test_stored_not_yet_page_costs_one_query_and_ends_with_publication(
    client, results_page, election_with_votes, django_assert_max_num_queries
):
    client.get(results_page.url)
    with django_assert_max_num_queries(1):
        assert "Rezultāti vēl nav publiski" in client.get(results_page.url).content.decode()
    publish(election_with_votes)
    assert "Provizoriski rezultāti" in client.get(results_page.url).content.decode()


def test_results_page_shows_the_counter_while_voting_if_switched_on(
    client, results_page, election_with_votes
):
    Election.objects.filter(pk=election_with_votes.pk).update(
        status=Election.Status.OPEN, show_public_counter=True
    )
    html = client.get(results_page.url).content.decode()
    assert "65 bērni un jaunieši jau nobalsojuši" in html and "Atbilde" not in html
    Election.objects.filter(pk=election_with_votes.pk).update(show_public_counter=False)
    cache.clear()
    assert "jau nobalsojuši" not in client.get(results_page.url).content.decode()
