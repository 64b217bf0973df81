"""The vote's hand-written statements (`base/raw_sql.py`) against the ORM they stand in for:
the same objects read, the same rows written, on SQLite and PostgreSQL alike (CI runs both)."""

import datetime
import uuid

import pytest

from django.utils import timezone

from base import raw_sql
from mock_elections.models import Election, PollingStation
from voting.models import ReceivedSubmission, StationTablet, Vote
from voting.selectors import tablet_for_token
from voting.services import votes

pytestmark = pytest.mark.django_db


def field_values(instance):
    return {field.attname: getattr(instance, field.attname) for field in instance._meta.fields}


def test_the_tablet_read_by_hand_is_the_tablet_the_orm_reads(station_set_up):
    station = station_set_up.station
    station.closed_at = timezone.now()  # every kind of value filled: times, texts, numbers
    station.save()
    read = tablet_for_token(station_set_up.token)
    orm = StationTablet.objects.select_related("station__election").get(pk=station_set_up.tablet.pk)
    assert field_values(read) == field_values(orm)
    assert field_values(read.station) == field_values(orm.station)
    assert field_values(read.station.election) == field_values(orm.station.election)
    assert read.station.election.status == Election.Status.OPEN
    assert isinstance(read.station.opened_at, datetime.datetime)
    assert timezone.is_aware(read.station.opened_at)


def test_a_revoked_or_unknown_token_reads_no_tablet(station_set_up):
    assert tablet_for_token("no such token") is None
    StationTablet.objects.filter(pk=station_set_up.tablet.pk).update(revoked_at=timezone.now())
    assert tablet_for_token(station_set_up.token) is None


def test_a_row_inserted_by_hand_reads_back_as_the_orm_writes_it(station_set_up):
    station = station_set_up.station
    hour = timezone.now().replace(minute=0, second=0, microsecond=0)
    raw_sql.execute(
        *raw_sql.insert_statement(
            Vote,
            election_id=station.election_id,
            station_id=station.pk,
            age_band_id=station_set_up.young.pk,
            cast_hour=hour,
        )
    )
    vote = Vote.objects.get()
    assert isinstance(vote.id, uuid.UUID)  # the field's default
    assert vote.counted is True  # the field's default
    assert vote.cast_hour == hour


def test_an_unknown_field_is_refused_before_anything_is_written(station_set_up):
    with pytest.raises(TypeError, match="no field colour"):
        raw_sql.insert_statement(
            ReceivedSubmission,
            client_id=uuid.uuid4(),
            station_id=station_set_up.station.pk,
            received_hour=timezone.now(),
            colour="red",
        )
    assert not ReceivedSubmission.objects.exists()


def test_the_station_state_is_read_fresh_as_it_is_stored(station_set_up):
    station, tablet = station_set_up.station, station_set_up.tablet
    now = timezone.now()
    votes.refuse_if_not_accepting(tablet, now)  # open: no refusal
    PollingStation.objects.filter(pk=station.pk).update(closed_at=now - datetime.timedelta(1))
    with pytest.raises(votes.Refused) as refusal:
        votes.refuse_if_not_accepting(tablet, now)
    assert refusal.value.reason == "after_closing"
