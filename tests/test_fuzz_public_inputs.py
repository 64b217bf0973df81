"""No 5xx from input: every public form, filter and address parameter, fed what an outsider
would send (NUL, huge numbers, markup, wrong types, any Unicode), answers below 500 and
stores nothing, except the one proposal a valid form submits. Bounded for CI: a few dozen
examples per endpoint, on SQLite and PostgreSQL alike."""

import datetime
import io
from urllib.parse import quote

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from django.apps import apps
from django.core.cache import cache
from django.db import transaction
from django.utils import timezone

from base.tests.factories import DistrictFactory
from mock_elections.models import Election, QuestionProposal
from mock_elections.tests.factories import ElectionFactory
from results.models import AdultTurnoutPage, ElectionResultsPage
from results.tests.factories import AdultElectionFactory, PrecinctFactory, build_election, cast
from stories.tests.factories import StoryIndexPageFactory, StoryPageFactory

pytestmark = [
    pytest.mark.django_db,
    # Cached pages are keyed by their address; odd addresses only warn about memcached,
    # which this site does not use.
    pytest.mark.filterwarnings("ignore::django.core.cache.CacheKeyWarning"),
]

# Derandomised: CI runs the same examples every time, so a failure is never a fluke.
FUZZ = settings(
    max_examples=40,
    derandomize=True,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
NASTY = [
    "",
    "\x00",
    "%00",
    "a\x00b",
    "Infinity",
    "-Infinity",
    "NaN",
    "1e400",
    "-1",
    "0",
    "²",
    "٣",
    "9" * 40,
    "../../etc/passwd",
    "<script>alert(1)</script>",
    "' OR 1=1 --",
    "A&B <para",
    "ā" * 3000,
    "🗳️",
    "\u202e",
    "\r\nSet-Cookie: x=1",
]
# Any text a browser can send: every code point but lone surrogates, and the nasty ones.
text = st.one_of(
    st.sampled_from(NASTY),
    st.text(st.characters(blacklist_categories=("Cs",)), max_size=60),
)
PARAMETERS = ["q", "lapa", "rajons", "tema", "p", "x"]
params = st.fixed_dictionaries({}, optional=dict.fromkeys(PARAMETERS, text))


def stored_rows():
    """How many rows every table holds (sessions aside: a visit may start one)."""
    return {
        model._meta.label: model._default_manager.count()
        for model in apps.get_models()
        if model._meta.label != "sessions.Session"
    }


@pytest.fixture
def public_site(client, home_page):
    """The public pages with something in them: stories, an election taking proposals, a
    published results page and an adult turnout comparison, each seen once already: the
    first visit makes the resized hero pictures (renditions), as on the live site."""
    district = DistrictFactory(name="Karosta", slug="karosta")
    index = StoryIndexPageFactory(parent=home_page)
    index.save_revision().publish()
    story = StoryPageFactory(parent=index, district=district)
    story.save_revision().publish()
    proposals = ElectionFactory(status=Election.Status.DRAFT)
    election, stations, bands, question, options = build_election(
        status=Election.Status.RESULTS_PUBLISHED,
        results_release_at=timezone.now() - datetime.timedelta(hours=1),
    )
    cast(stations[0], bands[0], question, options[0], 12)
    results = ElectionResultsPage(title="Rezultāti", slug="rezultati", election=election)
    home_page.add_child(instance=results)
    results.save_revision().publish()
    baseline, campaign = AdultElectionFactory(), AdultElectionFactory()
    for adult in (baseline, campaign):
        PrecinctFactory(adult_election=adult, precinct_number="701")
    turnout = AdultTurnoutPage(
        title="Aktivitāte",
        slug="aktivitate",
        baseline_election=baseline,
        campaign_election=campaign,
        children_election=election,
    )
    home_page.add_child(instance=turnout)
    turnout.save_revision().publish()
    pages = ["/", "/en/", index.url, story.url, results.url, turnout.url]
    for path in pages:
        answered_below_500(client.get(path))
    cache.clear()
    return {
        "pages": pages,
        "story": story,
        "proposals": proposals,
        "election": election,
    }


@pytest.fixture
def unchanged():
    """Fails the test if any table gained or lost a row while it ran."""
    before = stored_rows()
    yield
    assert stored_rows() == before


def answered_below_500(response):
    assert response.status_code < 500, response.status_code
    return response


@pytest.mark.parametrize("path", ["/meklet/", "/stasti/", "/rezultati/", "/aktivitate/", "/"])
def test_every_filter_takes_each_nasty_value(client, public_site, unchanged, path):
    failing = set()
    for value in NASTY:
        cache.clear()
        try:
            with transaction.atomic():  # a database error must not end the test's transaction
                answered_below_500(client.get(path, dict.fromkeys(PARAMETERS, value)))
        except Exception:
            failing.add(value)
    assert failing == set()


def test_search_and_story_filters_take_any_parameters(client, public_site, unchanged):
    @FUZZ
    @given(path=st.sampled_from(["/meklet/", "/en/search/", public_site["pages"][2]]), query=params)
    def run(path, query):
        cache.clear()  # rate limits and cached pages must not hide what the view does
        answered_below_500(client.get(path, query))

    run()


def test_every_public_page_takes_any_parameters(client, public_site, unchanged):
    @FUZZ
    @given(path=st.sampled_from(public_site["pages"]), query=params)
    def run(path, query):
        cache.clear()
        answered_below_500(client.get(path, query))

    run()


def test_ballot_check_page_takes_any_code(client, public_site, unchanged):
    @FUZZ
    @given(version=st.integers(min_value=0, max_value=10**30), code=text)
    def run(version, code):
        cache.clear()
        answered_below_500(client.get(f"/b/{version}/{quote(code, safe='')}"))

    run()


def test_results_files_and_counters_take_any_address(client, public_site, unchanged):
    slug = public_site["election"].slug
    story = public_site["story"].pk

    @FUZZ
    @given(
        address=st.sampled_from(
            [
                "/open-data/{}/results.csv",
                "/open-data/{}/participation.json",
                "/open-data/{}/nist-err.json",
                "/api/results/{}/counter.json",
                "/dalibas-skaititajs/{}/",
                f"/stasti/{story}/karte-{{}}.png",
                "/stasti/{}/plakats.pdf",
                f"/open-data/{slug}/results.{{}}",
            ]
        ),
        value=st.one_of(text, st.just(slug), st.integers(-(10**20), 10**20).map(str)),
        query=params,
    )
    def run(address, value, query):
        cache.clear()
        answered_below_500(client.get(address.format(quote(value, safe="")), query))

    run()


def test_language_switch_takes_any_input(client, public_site, unchanged):
    @FUZZ
    @given(language=text, next_url=text)
    def run(language, next_url):
        answered_below_500(client.post("/i18n/setlang/", {"language": language, "next": next_url}))

    run()


PROPOSAL_FIELDS = ["question_text", "reason", "group_name", "contact_name", "contact_email"]


def test_proposal_form_takes_any_input_and_stores_only_what_it_accepts(client, public_site):
    url = f"/bernu-velesanas/{public_site['proposals'].slug}/ierosinajumi/"
    fields = st.fixed_dictionaries(
        {},
        optional={
            **{name: text for name in PROPOSAL_FIELDS},
            "consent": st.sampled_from(["on", "", "\x00", "0", "Infinity"]),
            "csrfmiddlewaretoken": text,
        },
    )

    @FUZZ
    @given(data=fields, valid_email=st.booleans())
    def run(data, valid_email):
        cache.clear()
        if valid_email:
            data = {**data, "contact_email": "skolotaja@example.org"}
        before = QuestionProposal.objects.count()
        response = answered_below_500(client.post(url, data))
        if response.status_code == 302:
            stored = QuestionProposal.objects.latest("pk")
            assert stored.question_text == data["question_text"].strip()
            assert QuestionProposal.objects.count() == before + 1
        else:
            assert QuestionProposal.objects.count() == before

    run()


def test_proposal_form_with_an_upload_instead_of_text(client, public_site):
    url = f"/bernu-velesanas/{public_site['proposals'].slug}/ierosinajumi/"
    upload = io.BytesIO(b"\x00\xff" * 100)
    upload.name = "fails.bin"
    answered_below_500(client.post(url, {"question_text": upload, "consent": "on"}))
    assert not QuestionProposal.objects.exists()
