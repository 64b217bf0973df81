"""The children's smiley answers: counted per station from batches, each batch once, never
beside a vote; every bad batch is a 4xx JSON answer that stores nothing; organisers see the
counts on the station desk."""

import json
import uuid

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from django.db import connection
from django.test import Client
from django.urls import reverse

from mock_elections.tests.factories import PollingStationFactory
from voting import selectors, services
from voting.models import ReceivedFeedbackBatch, StationFeedback

pytestmark = pytest.mark.django_db


def send(token, body):
    raw = body if isinstance(body, str) else json.dumps(body)
    return Client().post(
        "/api/tablet/feedback/",
        raw,
        content_type="application/json",
        headers={"Authorization": f"Bearer {token}"} if token else {},
    )


def counts(station):
    return {face.face: face.count for face in selectors.station_feedback(station)}


def test_a_batch_adds_to_its_station_counters_once(station_set_up):
    batch = {"batch": str(uuid.uuid4()), "counts": {"happy": 3, "okay": 1, "sad": 0}}
    first = send(station_set_up.token, batch)
    assert first.status_code == 200 and first.json() == {"result": "recorded"}
    assert send(station_set_up.token, batch).json() == {"result": "duplicate"}
    send(station_set_up.token, {"batch": str(uuid.uuid4()), "counts": {"happy": 1, "sad": 2}})
    assert counts(station_set_up.station) == {"happy": 4, "okay": 1, "sad": 2}


def test_counts_stay_with_their_own_station(station_set_up):
    other = PollingStationFactory(election=station_set_up.election)
    _pairing, code = services.create_pairing_code(other, by=station_set_up.organiser)
    _tablet, token = services.pair_tablet(code, "Planšete 9")
    send(token, {"batch": str(uuid.uuid4()), "counts": {"sad": 2}})
    assert counts(station_set_up.station) == {"happy": 0, "okay": 0, "sad": 0}
    assert counts(other)["sad"] == 2


@pytest.mark.parametrize(
    "body",
    [
        {"counts": {"happy": 1}},
        {"batch": "nav-uuid", "counts": {"happy": 1}},
        {"batch": str(uuid.uuid4())},
        {"batch": str(uuid.uuid4()), "counts": []},
        {"batch": str(uuid.uuid4()), "counts": {}},
        {"batch": str(uuid.uuid4()), "counts": {"happy": 0}},
        {"batch": str(uuid.uuid4()), "counts": {"angry": 1}},
        {"batch": str(uuid.uuid4()), "counts": {"happy": -1, "sad": 2}},
        {"batch": str(uuid.uuid4()), "counts": {"happy": True}},
        {"batch": str(uuid.uuid4()), "counts": {"happy": 1.5}},
        {"batch": str(uuid.uuid4()), "counts": {"happy": services.MAX_FEEDBACK_PER_BATCH + 1}},
        [1, 2],
        "null",
        '{"batch": "x", "counts": {"happy": 1e400}}',
        '{"batch": "x", "counts": {"happy": Infinity}}',
        "{",
    ],
)
def test_a_bad_batch_is_refused_as_json_and_counts_nothing(station_set_up, body):
    response = send(station_set_up.token, body)
    assert response.status_code == 400, response.content
    assert response.json()["error"] in {"invalid_payload", "malformed_json"}
    assert response.json()["message"]
    assert not StationFeedback.objects.exists()
    assert not ReceivedFeedbackBatch.objects.exists()


def test_only_a_paired_tablet_may_send(station_set_up):
    body = {"batch": str(uuid.uuid4()), "counts": {"happy": 1}}
    assert send(None, body).status_code == 401
    assert send("nav-tokens", body).json()["error"] == "not_paired"
    assert Client().get("/api/tablet/feedback/").status_code == 405
    assert not StationFeedback.objects.exists()


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    batches=st.lists(
        st.tuples(
            st.integers(min_value=0, max_value=3),  # which of four batch ids (retries)
            st.dictionaries(
                st.sampled_from(["happy", "okay", "sad"]),
                st.integers(min_value=0, max_value=50),
                min_size=1,
            ),
        ),
        max_size=12,
    )
)
def test_retries_in_any_order_count_each_batch_once(station_set_up, batches):
    """The attacker replays batches at will: each batch id adds its counts once, the first
    time it arrives with a valid body."""
    StationFeedback.objects.all().delete()
    ReceivedFeedbackBatch.objects.all().delete()
    ids = [str(uuid.uuid4()) for _ in range(4)]
    expected = {"happy": 0, "okay": 0, "sad": 0}
    seen = set()
    for which, faces in batches:
        response = send(station_set_up.token, {"batch": ids[which], "counts": faces})
        if sum(faces.values()) == 0:
            assert response.status_code == 400
            continue
        assert response.status_code == 200
        if which not in seen:
            seen.add(which)
            for face, number in faces.items():
                expected[face] += number
    assert counts(station_set_up.station) == expected


def test_no_stored_column_could_join_an_answer_to_a_vote_or_a_time():
    """Counters and batch ids only: no time, no card, no vote, no tablet."""
    for model in (StationFeedback, ReceivedFeedbackBatch):
        columns = {
            column.name
            for column in connection.introspection.get_table_description(
                connection.cursor(), model._meta.db_table
            )
        }
        assert columns <= {"id", "station_id", "face", "count", "batch_id"}, columns


def test_organisers_see_the_counts_on_the_station_desk(client, station_set_up, organiser):
    send(station_set_up.token, {"batch": str(uuid.uuid4()), "counts": {"happy": 7, "sad": 1}})
    client.force_login(organiser)
    response = client.get(reverse("voting_desk:desk", args=[station_set_up.station.pk]))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Kā bērniem patika balsot" in page
    assert '<th scope="row">Patika</th><td>7</td>' in page
    assert '<th scope="row">Nepatika</th><td>1</td>' in page
