"""The admin screens: rules refused with a Latvian message and nothing saved, the lifecycle
actions with their confirmation page, bulk station actions and promoting a proposal."""

import pytest

from django.contrib.messages import get_messages

from wagtail.test.utils.form_data import inline_formset, nested_form_data

from base.tests.factories import DistrictFactory
from mock_elections import services
from mock_elections.models import (
    AgeBand,
    BallotQuestion,
    Election,
    PollingStation,
    QuestionProposal,
)

from .factories import (
    AgeBandFactory,
    BallotOptionFactory,
    ElectionFactory,
    PollingStationFactory,
    QuestionProposalFactory,
    ready_election,
)

pytestmark = pytest.mark.django_db


def messages_of(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


def set_status(election, status):
    Election.objects.filter(pk=election.pk).update(status=status)
    election.refresh_from_db()
    return election


def election_data(election=None, bands=(), **overrides):
    data = {
        "title": "Bērnu vēlēšanas",
        "title_en": "",
        "slug": election.slug if election else "jaunas-velesanas",
        "election_date": "2025-06-07",
        "voting_opens_at": "2025-06-07 07:00",
        "voting_closes_at": "2025-06-07 20:00",
        "results_release_at": "2025-06-07 20:30",
        "districts": [d.pk for d in election.districts.all()] if election else [],
        "age_bands": inline_formset(list(bands), initial=sum("id" in row for row in bands)),
    }
    data.update(overrides)
    districts = data.pop("districts")
    return {**nested_form_data(data), "districts": districts}


def band_rows(election):
    return [
        {"id": band.pk, "min_age": band.min_age, "max_age": band.max_age, "uses_easy_read": ""}
        for band in election.age_bands.all()
    ]


# Elections


def test_new_election_gets_default_age_bands(organiser_client):
    district = DistrictFactory()
    response = organiser_client.post(
        "/admin/children_elections/new/", election_data(districts=[district.pk])
    )
    assert response.status_code == 302
    election = Election.objects.get(slug="jaunas-velesanas")
    assert [str(band) for band in election.age_bands.all()] == ["5–8", "9–12", "13–15", "16–17"]


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"voting_closes_at": "2025-06-07 06:00"}, "Balsošanai jāslēdzas pēc tās sākuma."),
        ({"results_release_at": "2025-06-07 19:00"}, "Rezultātus nevar publiskot pirms"),
    ],
)
def test_election_with_bad_window_is_refused(organiser_client, overrides, message):
    response = organiser_client.post("/admin/children_elections/new/", election_data(**overrides))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Election.objects.exists()


def test_age_bands_editable_in_draft_frozen_once_open(organiser_client):
    election = ElectionFactory(districts=[DistrictFactory()])
    AgeBandFactory(election=election, min_age=9, max_age=12)
    rows = band_rows(election)
    rows[0]["max_age"] = 11
    url = f"/admin/children_elections/edit/{election.pk}/"
    assert organiser_client.post(url, election_data(election, rows)).status_code == 302
    assert AgeBand.objects.get().max_age == 11

    set_status(election, Election.Status.OPEN)
    rows[0]["max_age"] = 13
    response = organiser_client.post(url, election_data(election, rows))
    assert response.status_code == 200
    assert "vairs nevar mainīt" in response.content.decode()
    assert AgeBand.objects.get().max_age == 11
    # Other fields of an open election (a typo in the title) may still change.
    rows[0]["max_age"] = 11
    response = organiser_client.post(url, election_data(election, rows, title="Labots"))
    assert response.status_code == 302
    assert Election.objects.get().title == "Labots"


def test_age_bands_must_not_overlap_or_run_backwards(organiser_client):
    rows = [
        {"min_age": 5, "max_age": 8, "uses_easy_read": "on"},
        {"min_age": 7, "max_age": 12, "uses_easy_read": ""},
    ]
    district = DistrictFactory()
    data = election_data(bands=rows, districts=[district.pk])
    response = organiser_client.post("/admin/children_elections/new/", data)
    assert response.status_code == 200
    assert "Vecuma grupas pārklājas" in response.content.decode()
    rows = [{"min_age": 9, "max_age": 6, "uses_easy_read": ""}]
    data = election_data(bands=rows, districts=[district.pk])
    response = organiser_client.post("/admin/children_elections/new/", data)
    assert "nevar būt lielāks" in response.content.decode()
    assert not Election.objects.exists()


def test_removing_a_district_that_has_a_station_is_refused(organiser_client):
    station = PollingStationFactory(district=DistrictFactory(name="Karosta"))
    election = station.election
    other = DistrictFactory(name="Tosmare")
    response = organiser_client.post(
        f"/admin/children_elections/edit/{election.pk}/",
        election_data(election, districts=[other.pk]),
    )
    assert response.status_code == 200
    assert "atrodas apkaimē Karosta" in response.content.decode()
    assert election.districts.count() == 1


# Stations


def station_data(election, district, **overrides):
    data = {
        "election": election.pk,
        "district": district.pk,
        "name": "Tosmares bērnu iecirknis",
        "address": "Meža iela 20",
        "opening_hours": "7:00–20:00",
        "adult_precinct_number": "706",
        "adult_precinct_name": "Tosmares sporta centrs",
        "theme_primary_colour": "#1e6b2e",
        "theme_accent_colour": "#b5e48c",
    }
    data.update(overrides)
    return data


def test_station_in_election_district_is_saved(organiser_client):
    district = DistrictFactory()
    election = ElectionFactory(districts=[district])
    response = organiser_client.post(
        "/admin/children_stations/new/", station_data(election, district)
    )
    assert response.status_code == 302
    assert PollingStation.objects.get().district == district


@pytest.mark.parametrize(
    ("field", "typed", "message"),
    [
        ("theme_primary_colour", "#fff", "sešus heksadecimālos ciparus"),
        ("theme_primary_colour", "#7fb3e0", "Izvēlieties tumšāku krāsu"),
        ("theme_accent_colour", "#333333", "Izvēlieties gaišāku krāsu"),
    ],
)
def test_a_station_colour_that_would_print_badly_is_refused(
    organiser_client, field, typed, message
):
    district = DistrictFactory()
    election = ElectionFactory(districts=[district])
    response = organiser_client.post(
        "/admin/children_stations/new/",
        station_data(election, district, **{field: typed}, name="Ezerkrasta iecirknis"),
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert message in page and "Ezerkrasta iecirknis" in page
    assert not PollingStation.objects.exists()


def test_station_outside_election_districts_is_refused(organiser_client):
    election = ElectionFactory(districts=[DistrictFactory(name="Karosta")])
    response = organiser_client.post(
        "/admin/children_stations/new/", station_data(election, DistrictFactory(name="Tosmare"))
    )
    assert response.status_code == 200
    assert "Tosmare nav šo vēlēšanu apkaime." in response.content.decode()
    assert not PollingStation.objects.exists()


# Questions


def question_data(election, options=("Jā", "Nē"), **overrides):
    data = {
        "election": election.pk,
        "sort_order": 0,
        "text": "Vai parkā vajag strūklaku?",
        "text_en": "",
        "proposed_by": "",
        "offers_abstain": "on",
        "age_bands": [],
        "options": inline_formset([{"label": label, "label_en": ""} for label in options]),
        "easy_read_wordings": inline_formset([]),
    }
    data.update(overrides)
    age_bands = data.pop("age_bands")
    return {**nested_form_data(data), "age_bands": age_bands}


def test_question_with_options_is_created_in_draft(organiser_client):
    election = ElectionFactory()
    response = organiser_client.post("/admin/ballot_questions/new/", question_data(election))
    assert response.status_code == 302
    question = BallotQuestion.objects.get()
    assert [option.label for option in question.options.all()] == ["Jā", "Nē"]


def test_question_with_an_easy_read_wording_is_saved(organiser_client):
    election = ElectionFactory()
    band = AgeBandFactory(election=election, min_age=5, max_age=8, uses_easy_read=True)
    wording = {"age_band": band.pk, "text": "Vai parkā vajag ūdens strūklaku?", "text_en": ""}
    response = organiser_client.post(
        "/admin/ballot_questions/new/",
        question_data(election, easy_read_wordings=inline_formset([wording])),
    )
    assert response.status_code == 302
    question = BallotQuestion.objects.get()
    assert [w.text for w in question.easy_read_wordings.all()] == [wording["text"]]


def test_a_bad_easy_read_wording_is_an_error_that_keeps_everything_typed(organiser_client):
    election = ElectionFactory()
    band = AgeBandFactory(election=election, min_age=5, max_age=8, uses_easy_read=True)
    wording = {"age_band": band.pk, "text": "", "text_en": "Is a fountain needed?"}
    response = organiser_client.post(
        "/admin/ballot_questions/new/",
        question_data(
            election,
            text="Vai mums vajag jaunu strūklaku?",
            easy_read_wordings=inline_formset([wording]),
        ),
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "Vai mums vajag jaunu strūklaku?" in page and "Is a fountain needed?" in page
    assert "Šis lauks ir nepieciešams" in page
    assert not BallotQuestion.objects.exists()


@pytest.mark.parametrize("status", ["open", "closed", "published"])
def test_question_cannot_be_added_to_an_open_or_later_election(organiser_client, status):
    election = set_status(ElectionFactory(), status)
    response = organiser_client.post("/admin/ballot_questions/new/", question_data(election))
    assert response.status_code == 200
    assert "vairs nevar mainīt" in response.content.decode()
    assert not BallotQuestion.objects.exists()


def test_question_and_options_of_open_election_cannot_change(organiser_client):
    election = ready_election()
    question = election.questions.get()
    set_status(election, Election.Status.OPEN)
    response = organiser_client.post(
        f"/admin/ballot_questions/edit/{question.pk}/",
        question_data(election, options=("Vienmēr", "Nekad"), text="Mainīts?"),
    )
    assert response.status_code == 200
    assert "vairs nevar mainīt" in response.content.decode()
    question.refresh_from_db()
    assert question.text != "Mainīts?"
    assert "Vienmēr" not in [option.label for option in question.options.all()]


@pytest.mark.parametrize("what", ["election", "station", "question"])
def test_only_a_draft_elections_things_can_be_deleted(organiser_client, what):
    election = ready_election()
    objects = {
        "election": ("children_elections", election),
        "station": ("children_stations", election.stations.get()),
        "question": ("ballot_questions", election.questions.get()),
    }
    namespace, target = objects[what]
    set_status(election, Election.Status.OPEN)
    response = organiser_client.post(f"/admin/{namespace}/delete/{target.pk}/")
    assert response.status_code == 302
    assert any("neko no tām nevar dzēst" in message for message in messages_of(response))
    assert type(target).objects.filter(pk=target.pk).exists()

    set_status(election, Election.Status.DRAFT)
    organiser_client.post(f"/admin/{namespace}/delete/{target.pk}/")
    assert not type(target).objects.filter(pk=target.pk).exists()


def test_age_band_of_another_election_is_refused(organiser_client):
    election = ElectionFactory()
    foreign_band = AgeBandFactory()
    response = organiser_client.post(
        "/admin/ballot_questions/new/", question_data(election, age_bands=[foreign_band.pk])
    )
    assert response.status_code == 200
    assert "nav neviena no pieejamajām izvēlēm" in response.content.decode()
    assert not BallotQuestion.objects.exists()


# Lifecycle actions


def test_lifecycle_actions_ask_first_then_act_and_show_the_audit_trail(organiser_client):
    election = ready_election()
    base = f"/admin/children_elections/action/{election.pk}"
    confirmation = organiser_client.get(f"{base}/open/").content.decode()
    assert "Jā, atvērt vēlēšanas" in confirmation
    assert Election.objects.get().status == Election.Status.DRAFT  # GET changes nothing

    response = organiser_client.post(f"{base}/open/")
    assert response.url == f"/admin/children_elections/overview/{election.pk}/"
    assert "Vēlēšanas ir atvērtas." in messages_of(response)
    response = organiser_client.post(f"{base}/close/")
    assert "Vēlēšanas ir slēgtas." in messages_of(response)
    response = organiser_client.post(f"{base}/publish/")
    assert "Rezultāti ir publicēti." in messages_of(response)
    assert Election.objects.get().status == Election.Status.RESULTS_PUBLISHED

    overview = organiser_client.get(response.url).content.decode()
    audit = overview.split("data-audit-trail")[1]
    assert audit.count("organisers") == 3
    for status in ["Melnraksts", "Atvērtas", "Slēgtas", "Rezultāti publicēti"]:
        assert status in audit


def test_refused_action_shows_the_rule_and_changes_nothing(organiser_client):
    election = ElectionFactory()
    response = organiser_client.post(f"/admin/children_elections/action/{election.pk}/open/")
    assert "Pirms vēlēšanu atvēršanas pievienojiet vismaz vienu iecirkni." in messages_of(response)
    assert Election.objects.get().status == Election.Status.DRAFT
    assert not election.transitions.exists()


def test_overview_shows_a_change_made_by_no_one_in_particular(organiser_client):
    election = ready_election()
    services.open_election(election, by=None)  # e.g. the demo loader
    response = organiser_client.get(f"/admin/children_elections/overview/{election.pk}/")
    assert response.status_code == 200
    assert "Atvērtas" in response.content.decode().split("data-audit-trail")[1]


def test_unknown_action_goes_back_to_the_overview(organiser_client):
    election = ElectionFactory()
    response = organiser_client.post(f"/admin/children_elections/action/{election.pk}/delete/")
    assert response.url == f"/admin/children_elections/overview/{election.pk}/"
    assert Election.objects.get().status == Election.Status.DRAFT


def test_overview_offers_only_the_next_step(organiser_client):
    election = ready_election()
    html = organiser_client.get(f"/admin/children_elections/overview/{election.pk}/").content
    assert b"/open/" in html and b"/close/" not in html and b"/publish/" not in html
    html = html.decode()
    assert "(2 atbilžu varianti)" in html
    assert f"/bernu-velesanas/{election.slug}/ierosinajumi/" in html


def test_bulk_open_and_close_stations(organiser_client):
    election = set_status(ElectionFactory(), Election.Status.OPEN)
    first, second = PollingStationFactory.create_batch(2, election=election)
    url = f"/admin/children_elections/stations/{election.pk}/"
    response = organiser_client.post(url, {"stations": [first.pk, second.pk], "action": "open"})
    assert PollingStation.objects.filter(status="open").count() == 2
    assert any(message.startswith("Izdarīts:") for message in messages_of(response))

    response = organiser_client.post(url, {"stations": [first.pk], "action": "close"})
    assert PollingStation.objects.get(pk=first.pk).status == "closed"
    response = organiser_client.post(url, {"stations": [first.pk], "action": "close"})
    assert any("nevar slēgt" in message for message in messages_of(response))

    response = organiser_client.post(url, {"action": "open"})
    assert any("Atzīmējiet vismaz vienu iecirkni" in m for m in messages_of(response))


def test_bulk_action_ignores_stations_of_other_elections(organiser_client):
    election = set_status(ElectionFactory(), Election.Status.OPEN)
    stranger = PollingStationFactory(election=set_status(ElectionFactory(), "open"))
    organiser_client.post(
        f"/admin/children_elections/stations/{election.pk}/",
        {"stations": [stranger.pk], "action": "open"},
    )
    assert PollingStation.objects.get(pk=stranger.pk).status == "not_opened"


# Proposals


def test_promote_proposal_from_admin_sends_organiser_to_the_new_question(organiser_client):
    proposal = QuestionProposalFactory()
    url = f"/admin/question_proposals/action/{proposal.pk}/promote/"
    assert "Jā, izveidot biļetena jautājumu" in organiser_client.get(url).content.decode()
    response = organiser_client.post(url)
    question = BallotQuestion.objects.get()
    assert response.url == f"/admin/ballot_questions/edit/{question.pk}/"
    assert question.text == proposal.question_text
    assert QuestionProposal.objects.get().status == QuestionProposal.Status.PROMOTED
    response = organiser_client.post(url)
    assert "Šis ierosinājums jau ir biļetenā." in messages_of(response)
    assert BallotQuestion.objects.count() == 1


def test_shortlist_and_decline_from_admin(organiser_client):
    proposal = QuestionProposalFactory()
    organiser_client.post(f"/admin/question_proposals/action/{proposal.pk}/shortlist/")
    assert QuestionProposal.objects.get().status == "shortlisted"
    organiser_client.post(f"/admin/question_proposals/action/{proposal.pk}/decline/")
    assert QuestionProposal.objects.get().status == "declined"


def test_lists_filter_search_and_export(organiser_client):
    election = ready_election(title="Meklējamās vēlēšanas")
    BallotOptionFactory(question=election.questions.get())
    html = organiser_client.get("/admin/children_elections/?q=Meklējamās").content.decode()
    assert "Meklējamās vēlēšanas" in html
    response = organiser_client.get(f"/admin/children_stations/?election={election.pk}&export=csv")
    assert response.status_code == 200
    assert election.stations.get().name in b"".join(response.streaming_content).decode()


def test_district_with_a_station_cannot_be_deleted(organiser_client):
    """Wagtail's reference index usually refuses first; if it has not indexed the station
    yet, the delete view says why itself. Either way the organiser is sent back."""
    station = PollingStationFactory()
    response = organiser_client.post(f"/admin/districts/delete/{station.district.pk}/")
    assert response.status_code == 302
    assert PollingStation.objects.filter(district=station.district).exists()


def test_age_band_choices_name_their_election(organiser_client):
    band = AgeBandFactory(election__title="Pavasara vēlēšanas", min_age=5, max_age=8)
    html = organiser_client.get("/admin/ballot_questions/new/").content.decode()
    assert html.count("Pavasara vēlēšanas · 5–8") >= 2  # the bands asked, and easy-read rows
    assert f'value="{band.pk}"' in html
