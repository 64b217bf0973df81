"""No crafted request to the tablet API answers 5xx or stores anything.

Hypothesis sends every endpoint JSON of every shape (huge and non-finite numbers, NUL and
other control characters, deep nesting), raw bytes that are not JSON, and odd query strings.
Bounded to a few dozen examples per endpoint so CI stays fast.
"""

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from django.test import Client

from ballots.models import Ballot
from voting.models import (
    PairingCode,
    ReceivedFeedbackBatch,
    ReceivedSubmission,
    SealedVote,
    StationFeedback,
    StationSettings,
    StationTablet,
    Vote,
)

from .factories import vote_item

pytestmark = pytest.mark.django_db

POST_ENDPOINTS = [
    "pair", "check", "sync", "feedback", "pin", "open", "pause", "close", "spoil", "certificate"
]  # fmt: skip
GET_ENDPOINTS = ["bundle", "status"]
EXAMPLES = 60
# Each endpoint's attack: bounded, and run inside one test's database state.
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

text = st.text(alphabet=st.characters(codec="utf-8"), max_size=30) | st.sampled_from(
    ["\x00", "a\x00b", "²", "١٢", "Infinity", "NaN", "1e400", "-1", "0001-01-01T00:00:00+14:00"]
)
scalars = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**30), max_value=10**30)
    | st.floats(allow_nan=True, allow_infinity=True)
    | text
)
json_values = st.recursive(
    scalars,
    lambda children: st.lists(children, max_size=4)
    | st.dictionaries(
        st.sampled_from(
            ["votes", "code", "label", "reason", "paused", "queued", "client_id", "age_band",
             "cast_at", "sealed", "answers", "question", "option", "v", "epk", "iv", "ct",
             "batch", "counts", "happy", "okay", "sad"]
        ) | text,
        children,
        max_size=6,
    ),
    max_leaves=20,
)  # fmt: skip
raw_bodies = st.one_of(
    json_values.map(lambda value: json.dumps(value, allow_nan=True)),
    st.binary(max_size=64).map(lambda data: data.decode("latin-1")),
    st.sampled_from(['{"queued": Infinity}', '{"votes": [{"age_band": 1e400}]}', "[" * 5000]),
)


def stored_state():
    return (
        Vote.objects.count(),
        ReceivedSubmission.objects.count(),
        SealedVote.objects.count(),
        StationFeedback.objects.count(),
        ReceivedFeedbackBatch.objects.count(),
        StationTablet.objects.count(),
        PairingCode.objects.filter(used_at__isnull=False).count(),
        Ballot.objects.exclude(state=Ballot.State.PRINTED).count(),
        list(StationSettings.objects.values_list("paused_at", "pin_hash")),
    )


@pytest.mark.parametrize("endpoint", POST_ENDPOINTS)
def test_no_posted_body_gets_a_5xx_or_stores_anything(station_set_up, endpoint):
    client = Client()
    before = stored_state()

    @FUZZ
    @given(body=raw_bodies, pin=text)
    def attack(body, pin):
        headers = {"Authorization": f"Bearer {station_set_up.token}"}
        if "\x00" not in pin and pin.isprintable() and pin != "2025":
            headers["X-Station-Pin"] = pin
        response = client.post(
            f"/api/tablet/{endpoint}/", body, content_type="application/json", headers=headers
        )
        assert response.status_code < 500, (body, response.content)
        if response.status_code >= 400:
            assert response.json()["error"]

    attack()
    assert stored_state() == before


@pytest.mark.parametrize("endpoint", GET_ENDPOINTS)
def test_no_query_string_gets_a_5xx(station_set_up, endpoint):
    client = Client()
    before = stored_state()

    @FUZZ
    @given(queued=text)
    def attack(queued):
        response = client.get(
            f"/api/tablet/{endpoint}/",
            {"queued": queued},
            headers={"Authorization": f"Bearer {station_set_up.token}"},
        )
        assert response.status_code < 500, (queued, response.content)

    attack()
    assert stored_state()[:-1] == before[:-1]


raw_numbers = st.sampled_from(["1e400", "-1e400", "Infinity", "-Infinity", "NaN", "1E999", "-0"])


@FUZZ
@given(
    field=st.sampled_from(["age_band", "queued", "client_id", "code", "cast_at", "offline", "v"]),
    value=raw_numbers | json_values.map(json.dumps),
)
def test_one_odd_field_in_an_otherwise_good_sync_is_4xx_or_ignored(station_set_up, field, value):
    """A well-formed vote with one field replaced by an odd value, spliced in as raw JSON text
    (1e400 and Infinity are numbers Python's parser would take)."""
    item = vote_item(station_set_up, station_set_up.codes[0])
    payload = {"votes": [item], "queued": 1}
    if field == "queued":
        payload["queued"] = "__ODD__"
    elif field == "v":
        item["sealed"]["v"] = "__ODD__"
    else:
        item[field] = "__ODD__"
    body = json.dumps(payload).replace('"__ODD__"', value)
    response = Client().post(
        "/api/tablet/sync/",
        body,
        content_type="application/json",
        headers={"Authorization": f"Bearer {station_set_up.token}"},
    )
    assert response.status_code < 500, (body, response.content)
    if response.status_code >= 400:
        assert response.json()["error"] and not SealedVote.objects.exists()
    Vote.objects.all().delete()
    SealedVote.objects.all().delete()
    ReceivedSubmission.objects.all().delete()
    Ballot.objects.update(state=Ballot.State.PRINTED)
