"""Sample people for the demo election: about 250 invented volunteers (first name and an
initial, never a real person) over the 6 stations × 3 shifts, and 8 groups whose finished
shortlist round put the three promoted demo proposals on the ballot."""

import datetime
from itertools import cycle, islice

from django.utils import timezone, translation

from home.models import HomePage
from mock_elections.demo import ELECTION_DAY, ELECTION_SLUG, PROPOSALS_SENT_AT
from mock_elections.models import Election, QuestionProposal

from . import roster
from .feedback_page import DEFAULT_PRIVACY_NOTE, FeedbackFormField, FeedbackFormPage
from .models import GroupCount, ProposingGroup, Roster, Shift, ShortlistRound, Volunteer

VOLUNTEERS = 250
SHIFT_HOURS = [(7, 11), (11, 15), (15, 20)]
FIRST_NAMES = [
    *("Agnese", "Aiga", "Aivars", "Alise", "Andris", "Anete", "Artūrs", "Baiba", "Dace"),
    *("Dainis", "Edgars", "Elīna", "Ēriks", "Gatis", "Guna", "Ieva", "Ilze", "Inese", "Jānis"),
    *("Kaspars", "Kristīne", "Laila", "Laura", "Līga", "Linda", "Mārtiņš", "Māra", "Normunds"),
    *("Oskars", "Rūta", "Sandra", "Sanita", "Toms", "Uldis", "Vija", "Zane", "Zigmārs"),
]
INITIALS = "ABDĒGKLMPRSTVZ"
# (group, about how many children, youngest age, oldest age)
GROUPS = [
    ("Vecliepājas sākumskolas 3.a klase", 24, 9, 10),
    ("Karostas jauniešu centrs", 15, 13, 17),
    ("Tosmares pamatskolas 5.b klase", 26, 11, 12),
    ("Ezerkrasta vidusskolas 6.c klase", 22, 12, 13),
    ("Jaunliepājas bērnu studija", 12, 6, 9),
    ("Zaļās birzs pulciņš „Pētnieki”", 10, 8, 11),
    ("Ziemeļu priekšpilsētas jauniešu klubs", 18, 14, 17),
    ("Dienvidrietumu bērnu bibliotēkas lasītāji", 14, 7, 10),
]


def riga(hour: int) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(ELECTION_DAY, datetime.time(hour)))


def load(stdout) -> None:
    load_feedback_page(stdout)
    election = Election.objects.filter(slug=ELECTION_SLUG).first()
    if election is None:
        stdout.write("  no demo election: skipped")
        return
    # The demo election lies in the past; a long retention keeps its sample people shown.
    Roster.objects.update_or_create(
        election=election,
        defaults={
            "sign_up_open": False,
            "retention_days": 3650,
            "organiser_phone": "+371 2000 0000",
        },
    )
    stations = list(election.stations.order_by("pk"))
    for station in stations:
        for start, end in SHIFT_HOURS:
            Shift.objects.update_or_create(
                station=station,
                starts_at=riga(start),
                defaults={"ends_at": riga(end), "min_people": 6, "max_people": 10},
            )
    load_volunteers(election, stations)
    if not Shift.objects.filter(station__election=election, assignments__isnull=False).exists():
        roster.fill_from_preferences(election, notify=False)
    load_groups(election)
    stdout.write(
        f"  {election.volunteers.count()} volunteers, "
        f"{Shift.objects.filter(station__election=election).count()} shifts, "
        f"{election.proposing_groups.count()} groups"
    )


def load_volunteers(election: Election, stations: list) -> None:
    names = islice(cycle(FIRST_NAMES), VOLUNTEERS)
    for number, first in enumerate(names, start=1):
        volunteer, _created = Volunteer.objects.update_or_create(
            election=election,
            email=f"brivpratigais-{number:03d}@example.org",
            defaults={
                "name": f"{first} {INITIALS[number % len(INITIALS)]}. (parauga dati)",
                "phone": f"+371 2000 {number:04d}",
                "age_group": (
                    Volunteer.AgeGroup.TEEN if number % 10 == 0 else Volunteer.AgeGroup.ADULT
                ),
                # every tenth is 16–17; most have a parent's consent, a few not yet
                "parent_consent_at": PROPOSALS_SENT_AT if number % 30 else None,
                "consent_at": PROPOSALS_SENT_AT,
                "preferred_slots": [SHIFT_HOURS[number % 3][0]] if number % 4 else [],
            },
        )
        if number % 5:
            volunteer.preferred_stations.set([stations[number % len(stations)]])


def load_groups(election: Election) -> None:
    proposals = list(election.proposals.order_by("pk"))
    shortlist_round, _created = ShortlistRound.objects.update_or_create(
        election=election, defaults={"finished_at": timezone.now()}
    )
    shortlist_round.proposals.set(proposals)
    promoted = [p.status == QuestionProposal.Status.PROMOTED for p in proposals]
    for index, (name, size, youngest, oldest) in enumerate(GROUPS):
        group, _created = ProposingGroup.objects.update_or_create(
            election=election,
            name=f"{name} (parauga dati)",
            defaults={
                "contact_name": "Parauga skolotāja",
                "contact_email": f"grupa-{index + 1}@example.org",
                "approximate_size": size,
                "youngest_age": youngest,
                "oldest_age": oldest,
                "consent_at": PROPOSALS_SENT_AT,
            },
        )
        GroupCount.objects.filter(round=shortlist_round, group=group).delete()
        # The promoted proposals win: most children choose and rank them first.
        ranked = sorted(range(len(proposals)), key=lambda i: (not promoted[i], (i + index) % 5))
        for place, position in enumerate(ranked):
            places = [0] * len(proposals)
            places[place] = size
            GroupCount.objects.create(
                round=shortlist_round,
                group=group,
                proposal=proposals[position],
                approvals=size * (len(proposals) - place) // len(proposals),
                rank_counts=places,
            )


FEEDBACK_SLUG = "atsauksmes"
FEEDBACK_QUESTIONS = [
    # label, field type, required, choices
    ("Kāda bija tava loma?", "radio", True, "Brīvprātīgais\nOrganizators"),
    ("Kā tev patika vēlēšanu diena?", "dropdown", True, "Ļoti patika\nPatika\nTā neko\nNepatika"),
    ("Kas izdevās labi?", "multiline", False, ""),
    ("Kas nākamreiz jādara citādi?", "multiline", True, ""),
]


def load_feedback_page(stdout) -> None:
    """The after-election feedback form under the home page, with its sample questions."""
    home = HomePage.objects.filter(locale__language_code="lv").first()
    if home is None:
        stdout.write("  no home page: feedback form skipped")
        return
    page = FeedbackFormPage.objects.child_of(home).filter(slug=FEEDBACK_SLUG).first()
    # The page is in the Latvian tree: its note in Latvian whatever language the loader runs in.
    with translation.override("lv"):
        privacy_note = str(DEFAULT_PRIVACY_NOTE)
    if page is None:
        page = home.add_child(
            instance=FeedbackFormPage(
                title="Atsauksmes pēc vēlēšanām",
                slug=FEEDBACK_SLUG,
                intro="<p>Brīvprātīgie un organizatori: pastāstiet, kā gāja vēlēšanu dienā.</p>",
                thank_you_text="<p>Paldies! Tava atsauksme ir saņemta.</p>",
                show_in_menus=False,
            )
        )
    page.privacy_note = privacy_note
    page.form_fields.all().delete()
    for order, (label, field_type, required, choices) in enumerate(FEEDBACK_QUESTIONS):
        FeedbackFormField.objects.create(
            page=page,
            sort_order=order,
            label=label,
            field_type=field_type,
            required=required,
            choices=choices,
        )
    page.save_revision().publish()
    stdout.write(f"  feedback form at {page.url_path} with {len(FEEDBACK_QUESTIONS)} questions")
