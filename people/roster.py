"""What organisers and volunteers do with the roster: sign up, place on shifts, tick
attendance, give a station account, and forget personal data when the time comes.

Every refusal is a `Refused` with a Latvian message; nothing is saved when one is raised.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from django.contrib.auth.models import Group, User
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.crypto import get_random_string
from django.utils.translation import gettext as _

from base.refusals import Refused
from mock_elections.models import Election, PollingStation
from mock_elections.roles import VOLUNTEERS

from . import tasks
from .counting import Candidate, OpenShift, Placement, overlaps, plan_fill
from .models import Assignment, Roster, Shift, Volunteer


@dataclass(frozen=True)
class SignUp:
    volunteer: Volunteer
    merged: bool


def roster_for(election: Election) -> Roster:
    roster, _created = Roster.objects.get_or_create(election=election)
    return roster


def sign_up_address() -> str | None:
    """The public volunteer sign-up of the next election whose sign-up is open, else None
    (the menu and footer link it while it is)."""
    slug = (
        Roster.objects.filter(sign_up_open=True, election__is_rehearsal=False)
        .order_by("election__election_date", "pk")
        .values_list("election__slug", flat=True)
        .first()
    )
    return reverse("people:sign_up", args=[slug]) if slug else None


def slot_of(shift: Shift) -> int:
    """A time slot is named by the hour the shift starts, in Riga time."""
    return timezone.localtime(shift.starts_at).hour


@transaction.atomic
def sign_up(
    election: Election,
    *,
    name: str,
    email: str,
    phone: str,
    age_group: str,
    parent_consent: bool,
    consent: bool,
    stations: Iterable[PollingStation] = (),
    slots: Sequence[int] = (),
) -> SignUp:
    """A volunteer signs up. The same e-mail or phone for the same election updates the
    earlier sign-up instead of making a second person."""
    roster = roster_for(election)
    if not roster.sign_up_open:
        raise Refused("sign_up_closed", _("Volunteer sign-up for this election is closed."))
    if age_group == Volunteer.AgeGroup.UNDER_16:
        raise Refused(
            "too_young",
            _(
                "Thank you for wanting to help! Volunteers must be at least 16. "
                "Come and vote at a children's station instead."
            ),
        )
    if age_group not in (Volunteer.AgeGroup.TEEN, Volunteer.AgeGroup.ADULT):
        raise Refused("age_group", _("Choose an age group."))
    if age_group == Volunteer.AgeGroup.TEEN and not parent_consent:
        raise Refused("parent_consent", _("Volunteers aged 16–17 need a parent's consent."))
    if not consent:
        raise Refused("consent", _("We need your consent to store your sign-up."))
    if not email and not phone:
        raise Refused("contact", _("Give an e-mail address or a phone number."))
    now = timezone.now()
    earlier = _same_person(election, email, phone)
    volunteer = earlier or Volunteer(election=election)
    volunteer.name, volunteer.age_group, volunteer.consent_at = name, age_group, now
    volunteer.email = email or volunteer.email
    volunteer.phone = phone or volunteer.phone
    volunteer.parent_consent_at = now if age_group == Volunteer.AgeGroup.TEEN else None
    volunteer.preferred_slots = sorted(set(slots))
    volunteer.save()
    volunteer.preferred_stations.set([s for s in stations if s.election_id == election.pk])
    return SignUp(volunteer, merged=earlier is not None)


def _same_person(election: Election, email: str, phone: str) -> Volunteer | None:
    candidates = Volunteer.objects.filter(election=election, anonymised_at__isnull=True)
    if email:
        found = candidates.filter(email__iexact=email).first()
        if found:
            return found
    if phone:
        key = _phone_key(phone)
        for volunteer in candidates.exclude(phone=""):
            if _phone_key(volunteer.phone) == key:
                return volunteer
    return None


def _phone_key(phone: str) -> str:
    """Latvian numbers have 8 digits; "+371 2612 3456" and "26123456" are one phone."""
    return "".join(ch for ch in phone if ch.isdigit())[-8:]


def check_placement(volunteer: Volunteer, shift: Shift) -> None:
    """Refuse a placement that breaks a rule; the caller holds the shift's lock."""
    if volunteer.election_id != shift.station.election_id:
        raise Refused("other_election", _("This volunteer signed up for another election."))
    if not volunteer.may_serve:
        raise Refused(
            "no_parent_consent",
            _("%(name)s is under 18 and has no parent's consent recorded.")
            % {"name": volunteer.name},
        )
    if shift.assignments.count() >= shift.max_people:
        raise Refused("shift_full", _("This shift already has its maximum number of people."))
    interval = (shift.starts_at, shift.ends_at)
    for other in Shift.objects.filter(assignments__volunteer=volunteer):
        if overlaps(interval, (other.starts_at, other.ends_at)):
            raise Refused(
                "double_booked",
                _("%(name)s already works at that time: %(shift)s.")
                % {"name": volunteer.name, "shift": other},
            )


def _after_commit_confirm(assignments: Sequence[Assignment]) -> None:
    """The e-mails go after the commit, in the background: a mail failure never loses
    the assignment."""
    ids = [assignment.pk for assignment in assignments]
    if ids:
        transaction.on_commit(lambda: tasks.send_confirmations.enqueue(ids))


@transaction.atomic
def assign(volunteer: Volunteer, shift: Shift, *, is_lead: bool = False) -> Assignment:
    """An organiser places a volunteer on a shift by hand."""
    shift = Shift.objects.select_for_update().select_related("station").get(pk=shift.pk)
    # Locking the person too: two organisers placing them at once cannot double-book them.
    volunteer = Volunteer.objects.select_for_update().get(pk=volunteer.pk)
    check_placement(volunteer, shift)
    if is_lead:
        shift.assignments.update(is_lead=False)
    try:
        with transaction.atomic():
            assignment = Assignment.objects.create(
                shift=shift, volunteer=volunteer, is_lead=is_lead
            )
    except IntegrityError as error:
        raise Refused("double_booked", _("This volunteer is already on this shift.")) from error
    _after_commit_confirm([assignment])
    return assignment


@transaction.atomic
def unassign(assignment: Assignment) -> None:
    assignment.delete()


@transaction.atomic
def fill_from_preferences(election: Election, *, notify: bool = True) -> list[Assignment]:
    """One action: place volunteers on the election's shifts by their preferences. Each
    placed volunteer gets a confirmation e-mail unless `notify` is off (the demo)."""
    shifts = list(
        Shift.objects.select_for_update()
        .filter(station__election=election)
        .select_related("station")
        .order_by("starts_at", "pk")
    )
    assignments = Assignment.objects.filter(shift__station__election=election)
    filled: dict[int, int] = {}
    leads: set[int] = set()
    busy: dict[int, list[tuple[datetime, datetime]]] = {}
    for shift_id, volunteer_id, is_lead, start, end in assignments.values_list(
        "shift_id", "volunteer_id", "is_lead", "shift__starts_at", "shift__ends_at"
    ):
        filled[shift_id] = filled.get(shift_id, 0) + 1
        if is_lead:
            leads.add(shift_id)
        busy.setdefault(volunteer_id, []).append((start, end))
    preferred: dict[int, set[int]] = {}
    through = Volunteer.preferred_stations.through.objects.filter(volunteer__election=election)
    for volunteer_id, station_id in through.values_list("volunteer_id", "pollingstation_id"):
        preferred.setdefault(volunteer_id, set()).add(station_id)
    candidates = [
        Candidate(
            id=volunteer.pk,
            may_serve=volunteer.may_serve,
            stations=frozenset(preferred.get(volunteer.pk, ())),
            slots=frozenset(volunteer.preferred_slots or ()),
            busy=list(busy.get(volunteer.pk, [])),
        )
        for volunteer in Volunteer.objects.filter(election=election, anonymised_at__isnull=True)
    ]
    open_shifts = [
        OpenShift(
            id=s.pk,
            station_id=s.station_id,
            starts_at=s.starts_at,
            ends_at=s.ends_at,
            min_people=s.min_people,
            max_people=s.max_people,
            filled=filled.get(s.pk, 0),
            has_lead=s.pk in leads,
            needs_lead=s.needs_lead,
        )
        for s in shifts
    ]
    plan: list[Placement] = plan_fill(open_shifts, candidates, {s.pk: slot_of(s) for s in shifts})
    created = Assignment.objects.bulk_create(
        Assignment(shift_id=p.shift_id, volunteer_id=p.volunteer_id, is_lead=p.is_lead)
        for p in plan
    )
    if notify:
        _after_commit_confirm(created)
    return created


def tick_attendance(assignment: Assignment, attended: bool) -> Assignment:
    assignment.attended = attended
    assignment.save(update_fields=["attended"])
    return assignment


@transaction.atomic
def give_station_account(volunteer: Volunteer) -> tuple[User, str]:
    """Make (or reuse) a login in the Volunteers group for an assigned volunteer. Returns the
    account and a one-time password to hand over (empty when the account existed). The
    account runs the desk of every station the volunteer has a shift at (asked again, it
    adds stations of newer shifts); organisers change that in each station's form."""
    if not volunteer.assignments.exists():
        raise Refused("not_assigned", _("Place the volunteer on a shift first."))
    if volunteer.account is not None:
        _give_shift_stations(volunteer, volunteer.account)
        return volunteer.account, ""
    password = get_random_string(12)
    base = f"brivpr-{volunteer.election_id}-{volunteer.pk}"
    account = User.objects.create_user(
        base, email=volunteer.email, password=password, first_name=volunteer.name[:150]
    )
    account.groups.add(Group.objects.get_or_create(name=VOLUNTEERS)[0])
    volunteer.account = account
    volunteer.save(update_fields=["account"])
    _give_shift_stations(volunteer, account)
    return account, password


def _give_shift_stations(volunteer: Volunteer, account: User) -> None:
    for station in PollingStation.objects.filter(shifts__assignments__volunteer=volunteer):
        station.desk_volunteers.add(account)
