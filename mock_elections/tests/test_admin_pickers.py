"""Small admin fixes: age-band pickers list only the chosen election's bands, a slug left empty
is made from the name, and a station is always shown with its election."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from base.models import District
from base.slugs import free_slug
from base.tests.factories import DistrictFactory
from mock_elections.models import BallotQuestion, Election

from .factories import AgeBandFactory, PollingStationFactory
from .test_admin import election_data, question_data

pytestmark = pytest.mark.django_db


def band_choices(html, band):
    return f"{band.election.title} · {band}" in html


def test_editing_a_question_lists_only_its_own_elections_bands(organiser_client):
    mine = AgeBandFactory(election__title="Rudens vēlēšanas", min_age=9, max_age=12)
    other = AgeBandFactory(election__title="Pavasara vēlēšanas", min_age=9, max_age=12)
    question = BallotQuestion.objects.create(election=mine.election, text="Vai?")
    html = organiser_client.get(f"/admin/ballot_questions/edit/{question.pk}/").content.decode()
    assert band_choices(html, mine)
    assert not band_choices(html, other)


def test_a_new_question_lists_the_bands_of_the_election_asked_for(organiser_client):
    mine = AgeBandFactory(min_age=5, max_age=8)
    other = AgeBandFactory(min_age=5, max_age=8)
    html = organiser_client.get(
        f"/admin/ballot_questions/new/?election={mine.election.pk}"
    ).content.decode()
    assert band_choices(html, mine) and not band_choices(html, other)


def test_without_a_chosen_election_only_draft_elections_bands_are_listed(organiser_client):
    draft = AgeBandFactory()
    published = AgeBandFactory(election__status=Election.Status.RESULTS_PUBLISHED)
    html = organiser_client.get("/admin/ballot_questions/new/").content.decode()
    assert band_choices(html, draft) and not band_choices(html, published)


def test_a_question_sent_back_with_an_error_keeps_its_elections_bands(organiser_client):
    mine = AgeBandFactory()
    other = AgeBandFactory()
    response = organiser_client.post(
        "/admin/ballot_questions/new/",
        question_data(mine.election, text="", age_bands=[mine.pk]),
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert band_choices(html, mine) and not band_choices(html, other)


# Slugs


def test_a_new_district_gets_its_slug_from_its_name(organiser_client):
    DistrictFactory(name="Jaunliepāja", slug="jaunliepaja")
    response = organiser_client.post(
        "/admin/districts/new/", {"name": "Jaunliepāja ", "slug": "", "sort_order": 3}
    )
    assert response.status_code == 200  # the name is taken: the form says so…
    assert District.objects.count() == 1
    response = organiser_client.post(
        "/admin/districts/new/", {"name": "Ezerkrasts Ķīķi", "slug": "", "sort_order": 3}
    )
    assert response.status_code == 302
    assert District.objects.get(name="Ezerkrasts Ķīķi").slug == "ezerkrasts-kiki"


def test_a_slug_taken_by_another_row_is_numbered(organiser_client):
    DistrictFactory(name="Citi", slug="karosta")
    response = organiser_client.post(
        "/admin/districts/new/", {"name": "Karosta", "slug": "", "sort_order": 1}
    )
    assert response.status_code == 302
    assert District.objects.get(name="Karosta").slug == "karosta-2"


def test_a_typed_slug_is_kept(organiser_client):
    organiser_client.post(
        "/admin/districts/new/", {"name": "Vecliepāja", "slug": "centrs", "sort_order": 1}
    )
    assert District.objects.get(name="Vecliepāja").slug == "centrs"


def test_the_district_and_election_forms_fill_the_slug_while_the_name_is_typed(
    organiser_client,
):
    forms = [("/admin/districts/new/", "name"), ("/admin/children_elections/new/", "title")]
    for url, source in forms:
        html = organiser_client.get(url).content.decode()
        assert 'data-controller="w-slug"' in html
        assert f'id="id_{source}"' in html and "w-sync" in html


def test_a_new_election_gets_its_slug_from_its_title(organiser_client):
    district = DistrictFactory()
    data = election_data(districts=[district.pk], slug="", title="Rudens bērnu vēlēšanas 2026")
    response = organiser_client.post("/admin/children_elections/new/", data)
    assert response.status_code == 302
    assert Election.objects.get().slug == "rudens-bernu-velesanas-2026"


@given(
    slug=st.text(alphabet="ab-", min_size=1, max_size=12),
    taken=st.sets(st.text(alphabet="ab-0123456789", max_size=14), max_size=30),
    max_length=st.integers(min_value=4, max_value=14),
)
def test_free_slug_never_returns_a_taken_or_too_long_slug(slug, taken, max_length):
    result = free_slug(slug, taken.__contains__, max_length)
    assert result not in taken
    assert len(result) <= max_length


# Stations with their election


def test_stations_of_two_elections_are_told_apart_everywhere(organiser_client):
    spring = PollingStationFactory(name="Karostas bibliotēka", election__title="Pavasaris")
    autumn = PollingStationFactory(name="Karostas bibliotēka", election__title="Rudens")
    assert str(spring) != str(autumn)
    assert str(spring) == "Karostas bibliotēka · Pavasaris"
    html = organiser_client.get("/admin/ballots/batches/new/").content.decode()
    assert "Karostas bibliotēka · Pavasaris" in html and "Karostas bibliotēka · Rudens" in html
