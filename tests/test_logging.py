"""What the running site writes to its log: refusals and errors are there, ballot codes and
answers are not, whichever way the code came (a scanned card, the tablet API, an error)."""

import io
import json
import logging

import pytest

from django.db import transaction

from ballots.codes import format_code
from ballots.services import use_ballot
from base.redaction import RedactBallotCodes
from voting.tests.factories import open_station_set_up

pytestmark = pytest.mark.django_db


@pytest.fixture
def log_output():
    """Everything the configured console handler writes during the test."""
    handlers = [
        handler
        for handler in logging.getLogger().handlers
        if any(isinstance(item, RedactBallotCodes) for item in handler.filters)
    ]
    assert handlers, "LOGGING must give the root logger the redacting console handler"
    buffer = io.StringIO()
    previous = [handler.setStream(buffer) for handler in handlers]
    yield buffer
    for handler, stream in zip(handlers, previous, strict=True):
        handler.setStream(stream)


def written_forms(code):
    return [code, format_code(code), format_code(code).lower(), format_code(code)[:-2]]


def test_refused_cards_are_logged_with_the_reason_and_without_the_code(client, log_output):
    set_up = open_station_set_up(cards=2)
    used, fresh = set_up.codes
    with transaction.atomic():
        use_ballot(set_up.station, used)
    typo = format_code(fresh)[:-1] + ("Z" if fresh[-1] != "Z" else "Y")

    assert client.get(f"/b/1/{used}").status_code == 200
    assert client.get(f"/b/1/{typo}").status_code == 200
    tablet = {"Authorization": f"Bearer {set_up.token}"}
    check = client.post(
        "/api/tablet/check/", json.dumps({"code": used}), "application/json", headers=tablet
    )
    assert check.status_code == 409
    output = log_output.getvalue()
    assert "Card check refused: already_used" in output
    assert "Card check refused: invalid" in output
    for code in [used, fresh]:
        for written in written_forms(code):
            assert written not in output
    assert typo not in output


def test_an_error_that_names_a_code_is_logged_without_it(log_output):
    code = open_station_set_up(cards=1).codes[0]
    logging.getLogger("django.request").error("Internal Server Error: /b/1/%s", code)
    try:
        raise ValueError(f"card {format_code(code)} could not be read")
    except ValueError:
        logging.getLogger("voting").exception("Sync failed for %s", code.lower())
    output = log_output.getvalue()
    assert "Internal Server Error: /b/1/[kods]" in output
    assert "Sync failed for" in output and "ValueError: card [kods] could not be read" in output
    for written in written_forms(code):
        assert written not in output and written.lower() not in output
