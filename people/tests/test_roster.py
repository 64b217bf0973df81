"""Sign-up, placing and the refusals of the roster, against the database."""

import pytest

from base.refusals import Refused
from mock_elections.tests.factories import ElectionFactory, PollingStationFactory
from people import roster
from people.models import Assignment, Volunteer

from .factories import RosterFactory, ShiftFactory, VolunteerFactory, at

pytestmark = pytest.mark.django_db


def sign(election, **overrides):
    details = dict(
        name="Parauga Anna",
        email="anna@example.org",
        phone="",
        age_group=Volunteer.AgeGroup.ADULT,
        parent_consent=False,
        consent=True,
    )
    details.update(overrides)
    return roster.sign_up(election, **details)


def test_sign_up_stores_consent_and_preferences():
    election = RosterFactory().election
    station = PollingStationFactory(election=election)
    outcome = sign(election, stations=[station], slots=[11, 7])
    volunteer = outcome.volunteer
    assert not outcome.merged
    assert volunteer.consent_at is not None
    assert list(volunteer.preferred_stations.all()) == [station]
    assert volunteer.preferred_slots == [7, 11]


@pytest.mark.parametrize(
    "overrides, reason",
    [
        ({"age_group": Volunteer.AgeGroup.UNDER_16}, "too_young"),
        ({"age_group": Volunteer.AgeGroup.TEEN}, "parent_consent"),
        ({"consent": False}, "consent"),
        ({"email": "", "phone": ""}, "contact"),
    ],
)
def test_sign_up_refusals_save_nothing(overrides, reason):
    election = RosterFactory().election
    with pytest.raises(Refused) as refusal:
        sign(election, **overrides)
    assert refusal.value.reason == reason
    assert not Volunteer.objects.exists()


def test_sign_up_is_refused_when_closed():
    election = RosterFactory(sign_up_open=False).election
    with pytest.raises(Refused, match="slēgta") as refusal:
        sign(election)
    assert refusal.value.reason == "sign_up_closed"


def test_teen_with_parent_consent_may_serve():
    election = RosterFactory().election
    volunteer = sign(election, age_group=Volunteer.AgeGroup.TEEN, parent_consent=True).volunteer
    assert volunteer.parent_consent_at is not None
    assert volunteer.may_serve


def test_same_email_or_phone_merges_into_one_volunteer():
    election = RosterFactory().election
    first = sign(election, phone="+371 2612 3456").volunteer
    again = sign(election, name="Anna P.", email="ANNA@example.org")
    by_phone = sign(election, name="Anna P.", email="", phone="26123456")
    assert again.merged and by_phone.merged
    assert Volunteer.objects.get() == first
    assert Volunteer.objects.get().name == "Anna P."
    other_election = RosterFactory().election
    assert not sign(other_election).merged


def test_assign_refuses_double_booking_full_shift_and_missing_consent():
    election = ElectionFactory()
    station = PollingStationFactory(election=election)
    morning = ShiftFactory(station=station, max_people=1)
    overlapping = ShiftFactory(
        station=PollingStationFactory(election=election), starts_at=at(9), ends_at=at(13)
    )
    anna, juris = VolunteerFactory.create_batch(2, election=election)
    roster.assign(anna, morning)
    with pytest.raises(Refused) as double:
        roster.assign(anna, overlapping)
    assert double.value.reason == "double_booked"
    with pytest.raises(Refused) as full:
        roster.assign(juris, morning)
    assert full.value.reason == "shift_full"
    teen = VolunteerFactory(election=election, age_group=Volunteer.AgeGroup.TEEN)
    with pytest.raises(Refused) as consent:
        roster.assign(teen, overlapping)
    assert consent.value.reason == "no_parent_consent"
    assert "nav" in consent.value.message or "consent" in consent.value.message
    assert Assignment.objects.count() == 1


def test_fill_from_preferences_respects_preferences_and_limits():
    election = ElectionFactory()
    north, south = PollingStationFactory.create_batch(2, election=election)
    shifts = [
        ShiftFactory(station=station, starts_at=at(h), ends_at=at(h + 4), min_people=1)
        for station in (north, south)
        for h in (7, 11)
    ]
    wants_north = VolunteerFactory.create_batch(4, election=election)
    for volunteer in wants_north:
        volunteer.preferred_stations.set([north])
    morning_only = VolunteerFactory(election=election, preferred_slots=[7])
    placed = roster.fill_from_preferences(election)
    assert placed
    for assignment in Assignment.objects.select_related("shift"):
        assert assignment.shift.assignments.count() <= assignment.shift.max_people
        if assignment.volunteer in wants_north:
            assert assignment.shift.station == north
    assert set(
        Assignment.objects.filter(volunteer=morning_only).values_list("shift__starts_at", flat=True)
    ) <= {at(7)}
    # every shift with a lead requirement got exactly one lead
    for shift in shifts:
        if shift.assignments.exists():
            assert shift.assignments.filter(is_lead=True).count() == 1
    # running it again places nobody twice
    roster.fill_from_preferences(election)
    assert Assignment.objects.values("shift", "volunteer").distinct().count() == (
        Assignment.objects.count()
    )


def test_station_account_is_a_volunteers_login():
    election = ElectionFactory()
    volunteer = VolunteerFactory(election=election)
    with pytest.raises(Refused):
        roster.give_station_account(volunteer)
    first, later = PollingStationFactory.create_batch(2, election=election)
    roster.assign(volunteer, ShiftFactory(station=first))
    account, password = roster.give_station_account(volunteer)
    assert password and account.check_password(password)
    assert list(account.groups.values_list("name", flat=True)) == ["Volunteers"]
    assert not account.is_staff and not account.user_permissions.exists()
    # The account runs the desk of the stations of its shifts, newer shifts' too.
    assert list(account.desk_stations.all()) == [first]
    roster.assign(volunteer, ShiftFactory(station=later, starts_at=at(14)))
    assert roster.give_station_account(volunteer) == (account, "")
    assert set(account.desk_stations.all()) == {first, later}
