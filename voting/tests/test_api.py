"""The tablet API: every bad input is a 4xx JSON answer with a message, and stores nothing."""

import datetime
import json

import pytest

from django.utils import timezone

from ballots.models import Ballot
from mock_elections import services as election_services
from mock_elections.models import Election
from voting import services
from voting.api import MAX_BODY_BYTES
from voting.models import ReceivedSubmission, StationTablet, Vote

from .factories import open_station_set_up, vote_item

pytestmark = pytest.mark.django_db


def post(client, path, data=None, token=None, pin=None, raw=None):
    headers = {}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    if pin:
        headers["X-Station-Pin"] = pin
    body = raw if raw is not None else json.dumps(data or {})
    return client.post(
        f"/api/tablet/{path}", body, content_type="application/json", headers=headers
    )


def assert_refused(response, status, error):
    assert response.status_code == status, response.content
    body = response.json()
    assert body["error"] == error
    assert body["message"]
    assert not Vote.objects.exists()
    assert not ReceivedSubmission.objects.exists()
    assert not Ballot.objects.filter(state=Ballot.State.USED).exists()


def test_pairing_through_the_api_returns_a_working_token(client, station_set_up):
    _pairing, code = services.create_pairing_code(station_set_up.station, by=None)
    response = post(client, "pair/", {"code": code, "label": "Planšete 2"})
    assert response.status_code == 201
    token = response.json()["token"]
    bundle = client.get("/api/tablet/bundle/", headers={"Authorization": f"Bearer {token}"})
    assert bundle.status_code == 200
    data = bundle.json()
    assert data["station"]["name"] == station_set_up.station.name
    young_questions = data["questions"][str(station_set_up.young.pk)]
    older_questions = data["questions"][str(station_set_up.older.pk)]
    assert len(young_questions) == 1 and len(older_questions) == 2
    assert set(young_questions[0]["text"]) == {"lv", "en"}
    assert len(data["offline_check"]["digests"]) == 10


def test_wrong_pairing_code_is_refused_in_latvian(client, station_set_up):
    response = post(client, "pair/", {"code": "NEPAREIZS"})
    assert response.status_code == 403
    assert "pārī" in response.json()["message"] or "kods" in response.json()["message"]


def test_sync_records_votes_and_a_replayed_request_counts_nothing(client, station_set_up):
    payload = {"votes": [vote_item(station_set_up, code) for code in station_set_up.codes[:3]]}
    first = post(client, "sync/", payload, token=station_set_up.token)
    assert first.status_code == 200
    assert [r["result"] for r in first.json()["results"]] == ["recorded"] * 3
    replay = post(client, "sync/", payload, token=station_set_up.token)
    assert [r["result"] for r in replay.json()["results"]] == ["duplicate"] * 3
    assert Vote.objects.count() == 3
    status = client.get(
        "/api/tablet/status/", headers={"Authorization": f"Bearer {station_set_up.token}"}
    )
    assert status.json()["total"] == 3


def test_check_answers_already_used_in_latvian(client, station_set_up):
    post(
        client,
        "sync/",
        {"votes": [vote_item(station_set_up, station_set_up.codes[0])]},
        token=station_set_up.token,
    )
    response = post(client, "check/", {"code": station_set_up.codes[0]}, token=station_set_up.token)
    assert response.status_code == 409
    assert response.json()["error"] == "already_used"
    assert "jau" in response.json()["message"]


@pytest.mark.parametrize(
    "raw", ["{votes: [", "[" * 100_000, b"\xff\xfe"], ids=["syntax", "deep", "bytes"]
)
def test_malformed_json_is_refused(client, station_set_up, raw):
    response = post(client, "sync/", raw=raw, token=station_set_up.token)
    assert_refused(response, 400, "malformed_json")


def test_oversized_payload_is_refused(client, station_set_up):
    raw = json.dumps({"votes": [], "padding": "x" * MAX_BODY_BYTES})
    assert_refused(
        post(client, "sync/", raw=raw, token=station_set_up.token), 413, "payload_too_large"
    )


def test_too_many_votes_are_refused(client, station_set_up):
    item = vote_item(station_set_up, station_set_up.codes[0])
    item = {key: item[key] for key in ("client_id", "code", "age_band", "sealed")}
    payload = {"votes": [item] * (services.MAX_VOTES_PER_SYNC + 1)}
    assert_refused(
        post(client, "sync/", payload, token=station_set_up.token), 413, "too_many_votes"
    )


def test_missing_votes_list_is_refused(client, station_set_up):
    assert_refused(
        post(client, "sync/", {"vote": 1}, token=station_set_up.token), 400, "invalid_payload"
    )
    assert_refused(
        post(client, "sync/", raw="[]", token=station_set_up.token), 400, "invalid_payload"
    )


def test_unknown_token_is_refused(client, station_set_up):
    payload = {"votes": [vote_item(station_set_up, station_set_up.codes[0])]}
    assert_refused(post(client, "sync/", payload, token="nezinams"), 401, "not_paired")
    assert_refused(post(client, "sync/", payload), 401, "not_paired")


def test_revoked_tablet_is_refused_at_once(client, station_set_up):
    services.revoke_tablet(StationTablet.objects.get(), by=None)
    payload = {"votes": [vote_item(station_set_up, station_set_up.codes[0])]}
    assert_refused(post(client, "sync/", payload, token=station_set_up.token), 401, "not_paired")


def test_a_tablet_revoked_while_voting_is_refused_at_its_next_vote(client, station_set_up):
    """The server remembers a voting tablet for a minute (`voting_tablet_for_token`); each
    vote still reads in its own transaction whether the tablet was revoked."""
    first = {"votes": [vote_item(station_set_up, station_set_up.codes[0])]}
    assert (
        post(client, "sync/", first, token=station_set_up.token).json()["results"][0]["result"]
        == "recorded"
    )
    services.revoke_tablet(StationTablet.objects.get(), by=None)
    second = {"votes": [vote_item(station_set_up, station_set_up.codes[1])]}
    response = post(client, "sync/", second, token=station_set_up.token)
    assert response.status_code == 401, response.content
    assert response.json()["error"] == "not_paired"
    assert Vote.objects.count() == 1
    assert Ballot.objects.filter(state=Ballot.State.USED).count() == 1


def test_a_tablet_met_before_its_station_opened_is_not_remembered_so(client, db):
    """A vote dated before the station opened is refused though the tablet synced before the
    opening: the process remembers a tablet only once its station's opening time is known."""
    set_up = open_station_set_up(open_station=False)
    early = {"votes": [vote_item(set_up, set_up.codes[0])]}
    refused = post(client, "sync/", early, token=set_up.token).json()["results"][0]
    assert refused["reason"] == "station_not_open"
    election_services.open_station(set_up.station, by=None)
    set_up.station.refresh_from_db()
    dated = set_up.station.opened_at - datetime.timedelta(hours=1)
    early = {"votes": [vote_item(set_up, set_up.codes[0], cast_at=dated)]}
    assert_refused(post(client, "sync/", early, token=set_up.token), 400, "invalid_vote")


def test_plain_answers_and_an_age_band_of_another_election_are_refused(client, station_set_up):
    other = open_station_set_up(cards=0, pin=None)
    item = vote_item(station_set_up, station_set_up.codes[0])
    item["answers"] = station_set_up.answers_for(station_set_up.older)
    response = post(client, "sync/", {"votes": [item]}, token=station_set_up.token)
    assert_refused(response, 400, "invalid_vote")
    assert response.json()["client_id"] == item["client_id"]

    item = vote_item(station_set_up, station_set_up.codes[0])
    item["age_band"] = other.older.pk
    assert_refused(
        post(client, "sync/", {"votes": [item]}, token=station_set_up.token), 400, "invalid_vote"
    )


def test_missing_age_band_is_refused(client, station_set_up):
    item = vote_item(station_set_up, station_set_up.codes[0])
    del item["age_band"]
    assert_refused(
        post(client, "sync/", {"votes": [item]}, token=station_set_up.token), 400, "invalid_vote"
    )


def test_volunteer_actions_need_the_pin(client, station_set_up):
    response = post(client, "close/", token=station_set_up.token, pin="0000")
    assert response.status_code == 403 and response.json()["error"] == "pin_wrong"
    assert post(client, "pin/", token=station_set_up.token, pin="2025").status_code == 200
    assert (
        post(client, "close/", token=station_set_up.token, pin="2025").json()["status"] == "closed"
    )
    certificate = post(client, "certificate/", token=station_set_up.token, pin="2025")
    assert certificate["Content-Type"] == "application/pdf"
    assert certificate.content.startswith(b"%PDF")


def test_wrong_method_is_a_4xx_not_a_500(client, station_set_up):
    response = client.get(
        "/api/tablet/sync/", headers={"Authorization": f"Bearer {station_set_up.token}"}
    )
    assert response.status_code == 405


def test_tablet_page_manifest_and_service_worker(client):
    page = client.get("/iecirknis/")
    assert page.status_code == 200
    assert "Savieno šo planšeti ar iecirkni" in page.content.decode()
    manifest = client.get("/iecirknis/manifest.webmanifest").json()
    assert manifest["start_url"] == "/iecirknis/"
    worker = client.get("/en/iecirknis/sw.js")
    assert worker["Content-Type"].startswith("application/javascript")
    assert "/en/iecirknis/" in worker.content.decode()


def test_tablet_page_in_english(client):
    page = client.get("/en/iecirknis/").content.decode()
    assert 'lang="en"' in page
    assert "Pair this tablet with a station" in page


def test_spoiling_a_ballot_needs_the_pin_and_a_reason(client, station_set_up):
    code = station_set_up.codes[0]
    no_pin = post(
        client, "spoil/", {"code": code, "reason": "Saplēsta"}, token=station_set_up.token
    )
    assert no_pin.status_code == 403
    no_reason = post(client, "spoil/", {"code": code}, token=station_set_up.token, pin="2025")
    assert no_reason.status_code == 400 and no_reason.json()["error"] == "reason_missing"
    spoiled = post(
        client,
        "spoil/",
        {"code": code, "reason": "Saplēsta"},
        token=station_set_up.token,
        pin="2025",
    )
    assert spoiled.status_code == 200
    assert Ballot.objects.filter(state=Ballot.State.SPOILED).count() == 1
    again = post(client, "check/", {"code": code}, token=station_set_up.token)
    assert again.status_code == 409 and again.json()["error"] == "spoiled"


def test_check_is_refused_while_the_station_is_paused(client, station_set_up):
    services.pause_station_from_tablet(station_set_up.tablet, "2025", True)
    response = post(client, "check/", {"code": station_set_up.codes[0]}, token=station_set_up.token)
    assert response.status_code == 409 and response.json()["error"] == "paused"


def test_check_after_the_closing_time_says_voting_has_ended_though_nobody_closed_it(
    client, station_set_up
):
    Election.objects.filter(pk=station_set_up.election.pk).update(
        voting_closes_at=timezone.now() - datetime.timedelta(minutes=1)
    )
    code = station_set_up.codes[0]
    response = post(client, "check/", {"code": code}, token=station_set_up.token)
    assert response.status_code == 409
    assert response.json() == {
        "error": "after_closing",
        "message": "Balsošana šajā iecirknī ir beigusies.",
    }
    assert Ballot.objects.filter(state=Ballot.State.PRINTED).count() == len(station_set_up.codes)


def test_absurd_numbers_are_ignored_or_refused_not_a_500(client, station_set_up):
    huge = 10**30
    headers = {"Authorization": f"Bearer {station_set_up.token}"}
    assert client.get(f"/api/tablet/status/?queued={huge}", headers=headers).status_code == 200
    item = vote_item(station_set_up, station_set_up.codes[0])
    response = post(client, "sync/", {"votes": [item], "queued": huge}, token=station_set_up.token)
    assert response.status_code == 200
    item = vote_item(station_set_up, station_set_up.codes[1])
    item["age_band"] = huge
    response = post(client, "sync/", {"votes": [item]}, token=station_set_up.token)
    assert response.status_code == 400 and response.json()["error"] == "invalid_vote"
