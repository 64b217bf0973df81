"""The people around the election in a real browser, as the real roles (never superuser):
a volunteer signs up, an organiser fills the shifts, fixes a gap and prints a station
roster, e-mails arrive with their .ics, and a group's shortlist counts decide the ballot."""

from datetime import timedelta
from pathlib import Path

import pytest
from playwright.sync_api import expect

from django.core import mail
from django.utils import timezone

from conftest import sign_in_as_organiser
from mock_elections.models import BallotQuestion, QuestionProposal
from mock_elections.tests.factories import (
    ElectionFactory,
    PollingStationFactory,
    QuestionProposalFactory,
)
from people import shortlist, tasks
from people.models import Assignment, Volunteer

from .factories import ProposingGroupFactory, RosterFactory, ShiftFactory, VolunteerFactory, at
from .ics import parse_ics


@pytest.mark.django_db(transaction=True)
def test_a_volunteer_signs_up_in_latvian_and_english(live_server, page, assert_accessible):
    election = ElectionFactory(slug="berni-2025")
    RosterFactory(election=election)
    PollingStationFactory(election=election, name="Jūras stacija")
    url = f"{live_server.url}/bernu-velesanas/berni-2025/brivpratigie/"
    page.goto(url)
    assert page.locator("html").get_attribute("lang") == "lv"
    assert_accessible(page)

    page.get_by_label("Jūsu vārds").fill("Parauga Inese")
    page.get_by_label("E-pasts").fill("inese@example.org")
    page.get_by_label("jaunāks par 16").check()
    page.get_by_label("Piekrītu").check()
    page.get_by_role("button", name="Pieteikties").click()
    expect(page.get_by_role("alert")).to_contain_text("vismaz 16")
    assert page.get_by_label("Jūsu vārds").input_value() == "Parauga Inese"
    assert_accessible(page)

    page.get_by_label("18 vai vecāks").check()
    page.get_by_label("Jūras stacija").check()
    page.get_by_label("11:00").check()
    page.get_by_role("button", name="Pieteikties").click()
    expect(page.get_by_role("status")).to_contain_text("Paldies")
    volunteer = Volunteer.objects.get()
    assert volunteer.preferred_slots == [11]
    assert volunteer.preferred_stations.get().name == "Jūras stacija"

    page.goto(f"{live_server.url}/en/childrens-election/berni-2025/volunteers/")
    assert page.locator("html").get_attribute("lang") == "en"
    assert_accessible(page)
    page.get_by_label("Your name").fill("Inese P.")
    page.get_by_label("E-mail").fill("INESE@example.org")
    page.get_by_label("18 or older").check()
    page.get_by_label("I agree").check()
    page.get_by_role("button", name="Sign up").click()
    expect(page.get_by_role("status")).to_contain_text("already signed up")
    assert Volunteer.objects.get().name == "Inese P."

    for path in (
        "/bernu-velesanas/berni-2025/grupas/",
        "/en/childrens-election/berni-2025/groups/",
    ):
        page.goto(f"{live_server.url}{path}")
        assert_accessible(page)


@pytest.mark.django_db(transaction=True)
def test_organiser_fills_shifts_fixes_a_gap_by_hand_and_prints_the_roster(
    live_server, page, signed_up_organiser
):
    election = ElectionFactory()
    station = PollingStationFactory(election=election, name="Jūras stacija")
    morning = ShiftFactory(station=station, min_people=2, max_people=2)
    evening = ShiftFactory(station=station, starts_at=at(15), ends_at=at(20), min_people=2)
    for number in range(3):
        VolunteerFactory(
            election=election, name=f"Rīta Brīvprātīgais {number}", preferred_slots=[7]
        )
    VolunteerFactory(election=election, name="Vakara Ilze", preferred_slots=[11])
    sign_in_as_organiser(page, live_server)

    page.goto(f"{live_server.url}/admin/brivpratigie/{election.pk}/")
    page.get_by_role("button", name="Aizpildīt pēc vēlmēm").click()
    expect(page.get_by_text("Maiņās ielikti brīvprātīgie: 2.")).to_be_visible()
    assert morning.assignments.count() == 2 and not evening.assignments.exists()
    expect(page.locator(f"tr[data-shift='{evening.pk}'] .gap")).to_contain_text("2 cilvēki")

    # The gap, fixed by hand: the evening needs someone who did not ask for it.
    page.get_by_label("Brīvprātīgais", exact=True).select_option(label="Vakara Ilze")
    page.get_by_label("Maiņa", exact=True).select_option(value=str(evening.pk))
    page.get_by_label("Vadītājs", exact=True).check()
    page.get_by_role("button", name="Ielikt", exact=True).click()
    expect(page.get_by_text("Brīvprātīgais ielikts maiņā.")).to_be_visible()
    expect(page.locator(f"tr[data-shift='{evening.pk}'] .gap")).to_contain_text("1 cilvēks")
    # …and a refused one: the morning is full.
    page.get_by_label("Brīvprātīgais", exact=True).select_option(label="Rīta Brīvprātīgais 2")
    page.get_by_label("Maiņa", exact=True).select_option(value=str(morning.pk))
    page.get_by_role("button", name="Ielikt", exact=True).click()
    expect(
        page.get_by_text("Šajā maiņā jau ir lielākais atļautais cilvēku skaits.")
    ).to_be_visible()

    ilze = Assignment.objects.get(volunteer__name="Vakara Ilze")
    assert ilze.is_lead and ilze.confirmation_sent_at is not None
    confirmation = next(m for m in mail.outbox if m.to == [ilze.volunteer.email])
    event = parse_ics(confirmation.attachments[0][1])
    assert event["DTSTART"] == "20250607T120000Z" and event["SUMMARY"] == "Jūras stacija"

    with page.expect_download() as download:
        page.get_by_role("link", name="Drukāt iecirkņa sarakstu (PDF)").click()
    assert download.value.suggested_filename == f"roster-{station.pk}.pdf"
    assert Path(download.value.path()).read_bytes()[:5] == b"%PDF-"


@pytest.mark.django_db
def test_the_reminder_task_sends_each_volunteer_their_shift_as_ics():
    tomorrow = timezone.localdate() + timedelta(days=1)
    station = PollingStationFactory(name="Ezera stacija")
    shift = ShiftFactory(station=station, starts_at=at(7, tomorrow), ends_at=at(11, tomorrow))
    people = VolunteerFactory.create_batch(2, election=station.election)
    for volunteer in people:
        Assignment.objects.create(shift=shift, volunteer=volunteer)
    assert tasks.send_reminders.enqueue().return_value == 2
    assert sorted(m.to[0] for m in mail.outbox) == sorted(v.email for v in people)
    for message in mail.outbox:
        assert message.subject.startswith("Rīt:")
        event = parse_ics(message.attachments[0][1])
        assert event["DTSTART"].startswith(f"{tomorrow:%Y%m%d}")
        assert event["SUMMARY"] == "Ezera stacija"


@pytest.mark.django_db(transaction=True)
def test_a_groups_counts_decide_and_the_organiser_promotes_the_winners(
    live_server, page, browser_context_factory, signed_up_organiser, assert_accessible
):
    election = ElectionFactory(slug="berni-2025")
    parks, buses, holidays = (
        QuestionProposalFactory(election=election, question_text=text)
        for text in ("Ko ierīkot parkā?", "Kādā krāsā autobusi?", "Garāks brīvlaiks?")
    )
    shortlist.open_shortlist_round(election, [parks, buses, holidays])
    group = ProposingGroupFactory(election=election, name="Parauga 4.b klase", approximate_size=20)
    sign_in_as_organiser(page, live_server)
    page.goto(f"{live_server.url}/admin/brivpratigie/{election.pk}/shortlist/")
    form = page.locator(f"form[aria-labelledby='group-{group.pk}']")

    def enter(proposal, approvals, places):
        form.get_by_label(f"Izvēlējās: {proposal.question_text}").fill(str(approvals))
        for place, count in enumerate(places, start=1):
            form.get_by_label(f"{place}. vieta: {proposal.question_text}").fill(str(count))

    enter(parks, 25, [0, 0, 0])  # more than the class has
    form.get_by_role("button").click()
    expect(page.get_by_text("Skaitļos sanāk vairāk bērnu, nekā grupā ir (20).")).to_be_visible()
    form = page.locator(f"form[aria-labelledby='group-{group.pk}']")
    enter(parks, 18, [12, 6, 2])
    enter(buses, 11, [6, 8, 6])
    enter(holidays, 4, [2, 6, 12])
    form.get_by_role("button").click()
    expect(page.get_by_text("Grupas „Parauga 4.b klase” skaitļi saglabāti.")).to_be_visible()

    page.get_by_label("Cik no labākajiem ierosinājumiem iet biļetenā").fill("2")
    page.get_by_role("button", name="Ielikt labākos ierosinājumus biļetenā").click()
    expect(page.get_by_text("Biļetenam pievienoti jautājumi: 2.")).to_be_visible()
    assert sorted(BallotQuestion.objects.values_list("text", flat=True)) == sorted(
        ["Ko ierīkot parkā?", "Kādā krāsā autobusi?"]
    )
    holidays.refresh_from_db()
    assert holidays.status == QuestionProposal.Status.SHORTLISTED

    public = browser_context_factory().new_page()
    for path, heading in (
        ("/bernu-velesanas/berni-2025/ierosinajumi/", "Ko izvēlējās bērni"),
        ("/en/childrens-election/berni-2025/proposals/", "What the children chose"),
    ):
        public.goto(f"{live_server.url}{path}")
        outcome = public.get_by_role("region", name=heading)
        expect(outcome).to_contain_text("20")
        assert outcome.locator("li").first.inner_text().startswith("Ko ierīkot parkā?")
        assert_accessible(public)
