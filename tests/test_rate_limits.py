"""Rate limits: the proposal form, the ballot check page and tablet pairing stop an address
that hammers them with a clear message and status 429 (a page, or JSON for the tablet API),
store nothing more, and leave every other address alone."""

import json

import pytest

from ballots.services import issue_ballots
from ballots.tests.factories import StationFactory
from mock_elections.models import QuestionProposal
from mock_elections.tests.factories import ElectionFactory
from voting import services as voting_services
from voting.models import StationTablet

pytestmark = pytest.mark.django_db

PROPOSAL = {
    "question_text": "Vai skolas pagalmā vajag vairāk šūpoļu?",
    "group_name": "Parauga pamatskolas 3.a klase",
    "contact_name": "Skolotāja Parauga",
    "contact_email": "skolotaja@example.org",
    "consent": "on",
}
LATVIAN_MESSAGE = "Pārāk daudz mēģinājumu"
ENGLISH_MESSAGE = "Too many attempts"
ELSEWHERE = {"REMOTE_ADDR": "192.0.2.77"}


def test_proposal_form_takes_ten_proposals_an_hour_from_one_address(client):
    election = ElectionFactory()
    url = f"/bernu-velesanas/{election.slug}/ierosinajumi/"
    for _ in range(10):
        assert client.post(url, PROPOSAL).status_code == 302
    refused = client.post(url, PROPOSAL)
    assert refused.status_code == 429
    assert LATVIAN_MESSAGE in refused.content.decode()
    assert refused["Retry-After"]
    assert QuestionProposal.objects.count() == 10
    # Reading the page is not limited, and a school elsewhere can still propose.
    assert client.get(url).status_code == 200
    assert client.post(url, PROPOSAL, **ELSEWHERE).status_code == 302
    assert QuestionProposal.objects.count() == 11


def test_ballot_check_page_stops_an_address_guessing_codes(client):
    codes = issue_ballots(StationFactory(), 1).codes()
    for number in range(30):
        assert client.get(f"/b/1/0000-0000-{number:04d}-0").status_code == 200
    refused = client.get(f"/b/1/{codes[0]}")
    assert refused.status_code == 429
    assert LATVIAN_MESSAGE in refused.content.decode()
    assert ENGLISH_MESSAGE in client.get(f"/en/b/1/{codes[0]}").content.decode()
    assert client.get(f"/b/1/{codes[0]}", **ELSEWHERE).status_code == 200


def pair(client, code, **extra):
    return client.post(
        "/api/tablet/pair/",
        json.dumps({"code": code, "label": "Planšete"}),
        content_type="application/json",
        **extra,
    )


def test_pairing_stops_an_address_guessing_codes_with_a_json_429(client):
    station = StationFactory()
    _pairing, code = voting_services.create_pairing_code(station, by=None)
    for _ in range(10):
        assert pair(client, "NEPAREIZS").status_code == 403
    refused = pair(client, code)
    assert refused.status_code == 429
    assert refused.json()["error"] == "too_many_requests"
    assert LATVIAN_MESSAGE in refused.json()["message"]
    english = pair(client, code, headers={"Accept-Language": "en"})
    assert ENGLISH_MESSAGE in english.json()["message"]
    assert not StationTablet.objects.exists()
    assert pair(client, code, **ELSEWHERE).status_code == 201


def test_behind_the_load_balancer_each_client_counts_on_its_own(client, settings):
    """The balancer appends the real address; what a client puts before it changes nothing."""
    settings.TRUSTED_PROXY_COUNT = 1
    balancer = {"REMOTE_ADDR": "10.0.0.1"}
    for number in range(10):
        forged = f"203.0.113.{number}, 198.51.100.1"
        response = pair(client, "NEPAREIZS", HTTP_X_FORWARDED_FOR=forged, **balancer)
        assert response.status_code == 403
    forged_again = pair(
        client, "NEPAREIZS", HTTP_X_FORWARDED_FOR="1.2.3.4, 198.51.100.1", **balancer
    )
    assert forged_again.status_code == 429
    other_client = pair(client, "NEPAREIZS", HTTP_X_FORWARDED_FOR="198.51.100.2", **balancer)
    assert other_client.status_code == 403
