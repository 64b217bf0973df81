"""Only Organisers see the roster; their screens, PDFs and export work; public pages too.
The export and the certificates are made in the background and offered when ready."""

import csv
import io

import pypdfium2
import pytest

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.test import Client

from base.models import PreparedFile
from mock_elections.roles import ORGANISERS, VOLUNTEERS, sync_roles
from mock_elections.tests.factories import ElectionFactory, PollingStationFactory
from people.models import Assignment, Volunteer
from people.roles import grant_organisers

from .factories import RosterFactory, ShiftFactory, VolunteerFactory, at

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    sync_roles(apps)
    grant_organisers(apps)
    election = ElectionFactory()
    RosterFactory(election=election)
    station = PollingStationFactory(election=election, name="Jūras stacija")
    shift = ShiftFactory(station=station)
    lead = VolunteerFactory(election=election, name="Vadītāja Ilze", phone="+371 2911 1111")
    helper = VolunteerFactory(election=election, name="Palīgs Jānis", phone="+371 2922 2222")
    Assignment.objects.create(shift=shift, volunteer=lead, is_lead=True)
    Assignment.objects.create(shift=shift, volunteer=helper)
    return {"election": election, "station": station, "volunteer": lead}


def logged_in(client, group):
    user = get_user_model().objects.create_user(group.lower(), password="x")
    user.groups.add(Group.objects.get_or_create(name=group)[0])
    client.force_login(user)
    return client


SCREENS = [
    "/admin/brivpratigie/",
    "/admin/brivpratigie/{election}/",
    "/admin/brivpratigie/{election}/shortlist/",
    "/admin/brivpratigie/station/{station}/",
    "/admin/brivpratigie/station/{station}/roster.pdf",
    "/admin/volunteers/",
    "/admin/shifts/",
]


@pytest.mark.parametrize("url", SCREENS)
@pytest.mark.parametrize("group", ["Editors", "Moderators", VOLUNTEERS, ORGANISERS])
def test_only_organisers_see_the_roster(client, world, group, url):
    response = logged_in(client, group).get(url.format(**{k: v.pk for k, v in world.items()}))
    if group == ORGANISERS:
        assert response.status_code == 200
    else:
        assert response.status_code in (302, 403)


def pdf_text(content: bytes) -> str:
    document = pypdfium2.PdfDocument(io.BytesIO(content))
    return "\n".join(page.get_textpage().get_text_range() for page in document)


def test_station_roster_prints_the_leads_phone_only(client, world):
    response = logged_in(client, ORGANISERS).get(
        f"/admin/brivpratigie/station/{world['station'].pk}/roster.pdf"
    )
    text = pdf_text(response.content)
    assert "Jūras stacija" in text and "Palīgs Jānis" in text and "Vadītāja Ilze" in text
    assert "2911 1111" in text
    assert "2922" not in text


DOWNLOADS = [
    "/admin/brivpratigie/{election}/export/",
    "/admin/brivpratigie/{election}/certificates/",
]


@pytest.mark.parametrize("url", DOWNLOADS)
@pytest.mark.parametrize("group", ["Editors", "Moderators", VOLUNTEERS])
def test_only_organisers_ask_for_the_roster_files(client, world, group, url):
    response = logged_in(client, group).post(url.format(election=world["election"].pk))
    assert response.status_code in (302, 403)
    assert not PreparedFile.objects.exists()


def prepared_download(client, url: str) -> tuple[str, bytes, str]:
    """Ask for a file as the board's button does, then download it from the prepared-files
    page it leads to (the test backend has already made it): (message, content, name)."""
    page = client.post(url, follow=True)
    assert page.redirect_chain[-1][0] == "/admin/sagatavotie-faili/"
    prepared = PreparedFile.objects.get()
    html = page.content.decode()
    link = f"/admin/sagatavotie-faili/{prepared.pk}/lejupieladet/"
    assert link in html
    response = client.get(link)
    return html, b"".join(response.streaming_content), response["Content-Disposition"]


def test_certificates_give_station_and_hours(client, world):
    html, content, name = prepared_download(
        logged_in(client, ORGANISERS), f"/admin/brivpratigie/{world['election'].pk}/certificates/"
    )
    assert "Pateicības rakstus gatavo" in html
    assert name == 'attachment; filename="paldies.pdf"'
    text = pdf_text(content)
    assert text.count("Paldies!") == 2
    assert "Jūras stacija" in text and "4" in text
    assert PreparedFile.objects.get().total == 2  # volunteers


def test_roster_export_has_one_row_per_placement(client, world):
    election = world["election"]
    html, content, name = prepared_download(
        logged_in(client, ORGANISERS), f"/admin/brivpratigie/{election.pk}/export/"
    )
    assert "Saraksta eksportu gatavo" in html
    assert name == f'attachment; filename="roster-{election.slug}.csv"'
    rows = list(csv.reader(io.StringIO(content.decode())))
    assert rows[0] == ["station", "start", "end", "name", "e-mail", "phone", "lead", "attended"]
    assert [(row[0], row[3], row[5], row[6]) for row in rows[1:]] == [
        ("Jūras stacija", "Vadītāja Ilze", "+371 2911 1111", "yes"),
        ("Jūras stacija", "Palīgs Jānis", "+371 2922 2222", ""),
    ]
    prepared = PreparedFile.objects.get()
    assert (prepared.done, prepared.total) == (2, 2)  # placements


def test_only_the_organiser_who_asked_downloads_and_only_while_an_organiser(client, world):
    asker = logged_in(client, ORGANISERS)
    asker.post(f"/admin/brivpratigie/{world['election'].pk}/export/")
    link = f"/admin/sagatavotie-faili/{PreparedFile.objects.get().pk}/lejupieladet/"

    other = get_user_model().objects.create_user("cits-organizators", password="x")
    other.groups.add(Group.objects.get(name=ORGANISERS))
    other_client = Client()
    other_client.force_login(other)
    assert other_client.get(link).status_code == 404

    user = get_user_model().objects.get(username="organisers")
    user.groups.set([Group.objects.get(name="Editors")])  # moved to another role
    refused = asker.get(link, follow=True)
    assert refused.redirect_chain == [("/admin/", 302)]
    assert "Jums vairs nav tiesību uz šo failu." in refused.content.decode()


def test_attendance_ticks_are_saved(client, world):
    lead = Assignment.objects.get(is_lead=True)
    logged_in(client, ORGANISERS).post(
        f"/admin/brivpratigie/station/{world['station'].pk}/", {"attended": [str(lead.pk)]}
    )
    assert list(Assignment.objects.filter(attended=True)) == [lead]


def test_refused_placement_is_shown_and_saves_nothing(client, world):
    teen = VolunteerFactory(election=world["election"], age_group=Volunteer.AgeGroup.TEEN)
    shift = ShiftFactory(station=world["station"], starts_at=at(12), ends_at=at(14))
    response = logged_in(client, ORGANISERS).post(
        f"/admin/brivpratigie/{world['election'].pk}/assign/",
        {"volunteer": teen.pk, "shift": shift.pk},
        follow=True,
    )
    assert "vecāka" in response.content.decode()
    assert not shift.assignments.exists()


@pytest.mark.parametrize(
    "address",
    ["/bernu-velesanas/{slug}/brivpratigie/", "/en/childrens-election/{slug}/volunteers/"],
)
def test_sign_up_page_in_both_languages_keeps_input_on_error(client, world, address):
    url = address.format(slug=world["election"].slug)
    assert client.get(url).status_code == 200
    response = client.post(
        url,
        {
            "name": "Mazā Marta",
            "email": "marta@example.org",
            "age_group": "under16",
            "consent": "on",
        },
    )
    page = response.content.decode()
    assert "Mazā Marta" in page
    assert ("at least 16" in page) if url.startswith("/en/") else ("vismaz 16" in page)
    assert not Volunteer.objects.filter(name="Mazā Marta").exists()


def test_sign_up_page_is_missing_while_closed(client):
    election = RosterFactory(sign_up_open=False).election
    assert client.get(f"/bernu-velesanas/{election.slug}/brivpratigie/").status_code == 404


def test_shift_form_refuses_an_end_before_the_start_and_keeps_the_input(client, world):
    response = logged_in(client, ORGANISERS).post(
        "/admin/shifts/new/",
        {
            "station": world["station"].pk,
            "starts_at": "2025-06-07 15:00",
            "ends_at": "2025-06-07 11:00",
            "min_people": 2,
            "max_people": 1,
        },
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "Maiņa beidzas pēc tam, kad tā sākas." in page
    assert "Lielākais skaits nevar būt mazāks par mazāko." in page
    assert world["station"].shifts.count() == 1


def test_organisers_cannot_add_a_volunteer_without_their_consent(client, world):
    assert logged_in(client, ORGANISERS).get("/admin/volunteers/new/").status_code in (302, 403)


def test_organiser_messages_one_shift_or_the_whole_station(client, world):
    other = ShiftFactory(station=world["station"], starts_at=at(12), ends_at=at(14))
    late = VolunteerFactory(election=world["election"], email="velais@example.org")
    Assignment.objects.create(shift=other, volunteer=late)
    url = f"/admin/brivpratigie/station/{world['station'].pk}/message/"
    organiser = logged_in(client, ORGANISERS)
    organiser.post(url, {"shift": other.pk, "subject": "Kafija", "body": "Būs kafija."})
    assert [m.to for m in mail.outbox] == [["velais@example.org"]]
    organiser.post(url, {"subject": "Paldies", "body": "Paldies visiem!"})
    assert len(mail.outbox) == 1 + 3


def test_a_group_registers_on_the_public_page_without_any_child_data(client, world):
    url = f"/bernu-velesanas/{world['election'].slug}/grupas/"
    details = {
        "name": "Parauga 2.a klase",
        "contact_name": "Skolotāja",
        "contact_email": "skolotaja@example.org",
        "approximate_size": "22",
        "youngest_age": "8",
        "oldest_age": "9",
    }
    refused = client.post(url, details)
    assert "Parauga 2.a klase" in refused.content.decode()  # consent missing: input kept
    assert client.post(url, {**details, "consent": "on"}).status_code == 302
    group = world["election"].proposing_groups.get()
    assert (group.approximate_size, group.youngest_age, group.oldest_age) == (22, 8, 9)
