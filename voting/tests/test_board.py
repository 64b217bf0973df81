"""The organisers' election-day board on the dashboard: every station of the open elections,
and what needs attention (a silent tablet, a long queue, a station not opened in time, paper
counts that differ). Read as the Organisers group; other roles do not get it."""

import datetime

import pytest

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone

from mock_elections.models import PollingStation
from voting.models import StationTablet
from voting.selectors.board import election_day_board

from .factories import open_station_set_up

pytestmark = pytest.mark.django_db


def member_of(group):
    user = get_user_model().objects.create_user(f"{group.lower()}-1", password="x")
    user.groups.add(Group.objects.get(name=group))
    return user


def alerts_of(board_line):
    return " ".join(board_line.alerts)


def test_a_tablet_silent_for_more_than_ten_minutes_at_an_open_station_is_an_alert():
    set_up = open_station_set_up()
    StationTablet.objects.filter(pk=set_up.tablet.pk).update(
        last_seen_at=timezone.now() - datetime.timedelta(minutes=11), queued_votes_reported=25
    )
    [board] = election_day_board()
    [line] = board.stations
    assert "Planšete 1" in alerts_of(line) and "10" in alerts_of(line)
    assert "25" in alerts_of(line)
    assert board.alert_count == 2


def test_a_tablet_heard_from_recently_raises_nothing():
    set_up = open_station_set_up()
    StationTablet.objects.filter(pk=set_up.tablet.pk).update(last_seen_at=timezone.now())
    [board] = election_day_board()
    assert board.stations[0].alerts == []


def test_a_station_not_opened_after_voting_began_is_an_alert():
    set_up = open_station_set_up(open_station=False)
    assert set_up.station.status == PollingStation.Status.NOT_OPENED
    [board] = election_day_board()
    assert "Nav atvērts" in alerts_of(board.stations[0]) or "opening time" in alerts_of(
        board.stations[0]
    )


def test_the_organisers_dashboard_shows_the_board_in_latvian_with_links_to_each_desk(client):
    set_up = open_station_set_up()
    StationTablet.objects.filter(pk=set_up.tablet.pk).update(
        last_seen_at=timezone.now() - datetime.timedelta(minutes=30)
    )
    client.force_login(member_of("Organisers"))
    page = client.get("/admin/", HTTP_ACCEPT_LANGUAGE="lv").content.decode()
    assert "Vēlēšanu diena: visi iecirkņi" in page
    assert f"/admin/station-tablets/{set_up.station.pk}/" in page
    assert "klusē ilgāk par 10 minūtēm" in page


@pytest.mark.parametrize("group", ["Editors", "Moderators"])
def test_the_communications_team_does_not_get_the_board(client, group):
    open_station_set_up()
    client.force_login(member_of(group))
    page = client.get("/admin/").content.decode()
    assert "election-day-board" not in page
