"""Who did it: every station action is in Wagtail's audit log with its user, and the
application log says why a request was refused without a ballot code or an answer."""

import json
import logging

import pytest

from django.db.models import Q

from wagtail.models import ModelLogEntry

from base.refusals import Refused
from mock_elections import services as election_services
from mock_elections.models import Election
from results.models import ResultsStatus
from results.services import mark_results
from voting import selectors, services
from voting.models import StationTablet

from .factories import close_and_count, organiser, vote_item

pytestmark = pytest.mark.django_db


def logged_user(action):
    return ModelLogEntry.objects.get(action=action).user


@pytest.fixture
def desk(client, station_set_up):
    client.force_login(station_set_up.organiser)
    return f"/admin/station-tablets/{station_set_up.station.pk}/"


def test_pairing_code_and_pairing_are_logged_with_the_organiser(client, desk, station_set_up):
    ModelLogEntry.objects.all().delete()
    client.post(desk + "pairing-code/")
    assert logged_user("voting.pairing_code") == station_set_up.organiser
    _pairing, code = services.create_pairing_code(
        station_set_up.station, by=station_set_up.organiser
    )
    services.pair_tablet(code, "Planšete 2")
    assert logged_user("voting.pair") == station_set_up.organiser


def test_revoking_a_tablet_is_logged_with_its_user(client, desk, station_set_up):
    tablet = StationTablet.objects.get()
    client.post(desk + f"tablets/{tablet.pk}/revoke/")
    assert logged_user("voting.revoke") == station_set_up.organiser


def test_setting_the_pin_is_logged_with_its_user(client, desk, station_set_up):
    ModelLogEntry.objects.filter(action="voting.set_pin").delete()
    client.post(desk + "pin/", {"pin": "4321", "pin_again": "4321"})
    assert logged_user("voting.set_pin") == station_set_up.organiser


def paper_counts(station, value):
    return {
        (question.pk, option.pk if option else None): value
        for question, option in selectors.paper_tally_lines(station)
    }


def test_paper_counts_entered_and_corrected_are_logged_with_each_volunteer(station_set_up):
    station = station_set_up.station
    election_services.close_station(station)
    second = organiser("otrs-brivpratigais")
    services.enter_paper_tally(station, 1, paper_counts(station, 1), by=station_set_up.organiser)
    services.enter_paper_tally(station, 2, paper_counts(station, 2), by=second)
    services.enter_paper_tally(station, 2, paper_counts(station, 1), by=second)
    entries = ModelLogEntry.objects.filter(action="voting.paper_counts").order_by("timestamp", "pk")
    assert [entry.user for entry in entries] == [station_set_up.organiser, second, second]
    assert entries.last().data["corrected"] == len(paper_counts(station, 0))


def test_counting_and_the_certificate_check_are_logged_with_the_organiser(
    client, desk, station_set_up
):
    services.sync_votes(
        station_set_up.tablet, {"votes": [vote_item(station_set_up, station_set_up.codes[0])]}
    )
    election_services.close_station(station_set_up.station)
    client.post(desk + "count/")
    assert logged_user("voting.count") == station_set_up.organiser
    digest = selectors.station_tally_digest(station_set_up.station)
    client.post(desk + "digest/", {"digest": digest})
    assert logged_user("voting.certify_digest") == station_set_up.organiser


def test_closed_means_closed_until_counting_is_reopened_which_is_logged(
    client, desk, station_set_up
):
    station = station_set_up.station
    close_and_count(station_set_up)
    Election.objects.filter(pk=station.election_id).update(status=Election.Status.RESULTS_PUBLISHED)
    station.refresh_from_db()
    mark_results(station.election, is_final=True, by=station_set_up.organiser)
    counts = paper_counts(station, 1)
    with pytest.raises(Refused) as refused:
        services.enter_paper_tally(station, 1, counts, by=station_set_up.organiser)
    assert refused.value.reason == "results_published"
    page = client.get(desk).content.decode()
    assert "Atsākt skaitīšanu" in page
    client.post(desk + "reopen/")
    assert logged_user("voting.reopen_counting") == station_set_up.organiser
    # Published results are preliminary again, and say who made them so.
    assert not ResultsStatus.objects.get(election=station.election).is_final
    assert logged_user("results.marked_preliminary") == station_set_up.organiser
    services.enter_paper_tally(station, 1, counts, by=station_set_up.organiser)


def test_the_organiser_sees_the_actions_in_the_site_history(client, desk, station_set_up):
    tablet = StationTablet.objects.get()
    client.post(desk + f"tablets/{tablet.pk}/revoke/")
    page = client.get("/admin/reports/site-history/").content.decode()
    assert "Atsaukt planšeti" in page


def test_refusals_are_logged_without_codes_or_answers(client, station_set_up, caplog):
    caplog.set_level(logging.DEBUG)
    headers = {"Authorization": f"Bearer {station_set_up.token}"}
    code = station_set_up.codes[0]
    items = [vote_item(station_set_up, code), vote_item(station_set_up, code)]
    response = client.post(
        "/api/tablet/sync/",
        json.dumps({"votes": items}),
        content_type="application/json",
        headers=headers,
    )
    assert [r["result"] for r in response.json()["results"]] == ["recorded", "refused"]
    client.post(
        "/api/tablet/check/",
        json.dumps({"code": code}),
        content_type="application/json",
        headers=headers,
    )
    bad = vote_item(station_set_up, station_set_up.codes[1])
    bad["answers"] = station_set_up.answers_for(station_set_up.older)
    client.post(
        "/api/tablet/sync/",
        json.dumps({"votes": [bad]}),
        content_type="application/json",
        headers=headers,
    )
    text = caplog.text
    assert "already_used" in text and "invalid_vote" in text
    secrets = {code, code.replace("-", ""), station_set_up.codes[1], json.dumps(bad["answers"])}
    secrets |= {bad["sealed"]["ct"], items[0]["sealed"]["ct"]}
    assert not any(secret in text for secret in secrets)
    assert not ModelLogEntry.objects.filter(Q(data__icontains=code)).exists()
