"""Organisers and teachers in a real browser: setting up and running an election in the
admin, proposing a question on the public page and promoting it."""

import re

import pytest
from playwright.sync_api import expect

from wagtail.models import Collection

from base.tests.factories import DistrictFactory
from conftest import sign_in_as_organiser
from mock_elections.demo import demo_image
from mock_elections.models import BallotQuestion, Election, QuestionProposal

from .factories import ElectionFactory


def save(page):
    """Wagtail's own button: "Create" on a new object (not translated yet), "Saglabāt" after."""
    page.get_by_role("button", name=re.compile(r"^(Izveidot|Saglabāt)$")).click()


def choose_image(page, row_selector, title):
    page.locator(f"{row_selector} [data-chooser-action-choose]").click()
    page.locator(".modal-content").get_by_role("link", name=title).click()
    page.locator(".modal-content").wait_for(state="detached")


@pytest.mark.django_db(transaction=True)
def test_organiser_sets_up_opens_and_closes_an_election(
    live_server, page, signed_up_organiser, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    karosta, tosmare = DistrictFactory(name="Karosta"), DistrictFactory(name="Tosmare")
    root = Collection.get_first_root_node()
    for label, colour, shape in [("Jā", "#1e6b2e", "tick"), ("Nē", "#a00018", "cross")]:
        demo_image(root, f"Attēls {label}", label, colour, shape)
    sign_in_as_organiser(page, live_server)

    # The election
    page.goto(f"{live_server.url}/admin/children_elections/new/")
    page.fill("#id_title", "Pārlūka vēlēšanas")
    page.fill("#id_slug", "parluka-velesanas")
    page.fill("#id_election_date", "2025-06-07")
    page.fill("#id_voting_opens_at", "2025-06-07 07:00")
    page.fill("#id_voting_closes_at", "2025-06-07 20:00")
    page.fill("#id_results_release_at", "2025-06-07 20:30")
    page.keyboard.press("Escape")
    page.get_by_label("Karosta").check()
    page.get_by_label("Tosmare").check()
    save(page)
    page.wait_for_url(f"{live_server.url}/admin/children_elections/")
    election = Election.objects.get(slug="parluka-velesanas")

    # Two stations, one in each district
    for district, name, number in [
        (karosta, "Karostas iecirknis", "704"),
        (tosmare, "Tosmares iecirknis", "706"),
    ]:
        page.goto(f"{live_server.url}/admin/children_stations/new/")
        page.select_option("#id_election", str(election.pk))
        page.select_option("#id_district", str(district.pk))
        page.fill("#id_name", name)
        page.fill("#id_address", "Parauga iela 1, Liepāja")
        page.fill("#id_adult_precinct_number", number)
        page.fill("#id_adult_precinct_name", f"Parauga skola {number}")
        save(page)
        page.wait_for_url(f"{live_server.url}/admin/children_stations/")

    # One question whose two options are pictures
    page.goto(f"{live_server.url}/admin/ballot_questions/new/")
    page.select_option("#id_election", str(election.pk))
    page.fill("#id_text", "Vai parkā vajag strūklaku?")
    for index, label in enumerate(["Jā", "Nē"]):
        page.fill(f"#id_options-{index}-label", label)
        choose_image(page, f"#inline_child_options-{index}", f"Attēls {label}")
    save(page)
    page.wait_for_url(f"{live_server.url}/admin/ballot_questions/")
    question = BallotQuestion.objects.get(election=election)
    assert [o.picture.title for o in question.options.all()] == ["Attēls Jā", "Attēls Nē"]

    # Open, then close, each confirmed
    page.goto(f"{live_server.url}/admin/children_elections/overview/{election.pk}/")
    assert page.locator("[data-station-status]").all_inner_texts() == ["Nav atvērts"] * 2
    page.get_by_role("link", name="Atvērt vēlēšanas").click()
    page.get_by_role("button", name="Jā, atvērt vēlēšanas").click()
    expect(page.get_by_text("Vēlēšanas ir atvērtas.")).to_be_visible()

    page.get_by_label("Karostas iecirknis").check()
    page.get_by_role("button", name="Atvērt atzīmētos iecirkņus").click()
    expect(page.locator("[data-station-status]")).to_have_text(["Atvērts", "Nav atvērts"])

    page.get_by_role("link", name="Slēgt vēlēšanas").click()
    page.get_by_role("button", name="Jā, slēgt vēlēšanas").click()
    expect(page.get_by_text("Vēlēšanas ir slēgtas.")).to_be_visible()

    audit_rows = page.locator("[data-audit-trail] tbody tr").all_inner_texts()
    assert len(audit_rows) == 2
    assert "Melnraksts" in audit_rows[0] and "Atvērtas" in audit_rows[0]
    assert "Atvērtas" in audit_rows[1] and "Slēgtas" in audit_rows[1]
    assert all("organisers" in row for row in audit_rows)
    assert Election.objects.get(pk=election.pk).status == Election.Status.CLOSED


@pytest.mark.django_db(transaction=True)
def test_teacher_proposes_organiser_promotes_it_becomes_a_question(
    live_server, browser_context_factory, signed_up_organiser, assert_accessible
):
    election = ElectionFactory(
        slug="berni-2025",
        title="Demokrātija sākas ģimenē",
        title_en="Democracy starts in the family",
    )
    teacher = browser_context_factory().new_page()
    proposal_page = f"{live_server.url}/bernu-velesanas/berni-2025/ierosinajumi/"
    teacher.goto(proposal_page)
    assert teacher.locator("html").get_attribute("lang") == "lv"
    assert_accessible(teacher)

    teacher.get_by_label("Jautājums, ko bērni ierosina").fill("Vai skolas pagalmā vajag šūpoles?")
    teacher.get_by_label("Klase, skola vai jauniešu centrs").fill("Parauga pamatskolas 2.a klase")
    teacher.get_by_label("Jūsu vārds (pieaugušā kontaktpersona)").fill("Skolotāja Parauga")
    teacher.get_by_label("Jūsu e-pasts").fill("skolotaja@example.org")
    teacher.get_by_label("Piekrītu").check()
    teacher.get_by_role("button", name="Iesūtīt ierosinājumu").click()
    assert teacher.get_by_role("status").inner_text().startswith("Paldies!")
    assert_accessible(teacher)
    proposal = QuestionProposal.objects.get()

    organiser_page = browser_context_factory().new_page()
    sign_in_as_organiser(organiser_page, live_server)
    organiser_page.goto(f"{live_server.url}/admin/question_proposals/")
    expect(organiser_page.get_by_text("Vai skolas pagalmā vajag šūpoles?")).to_be_visible()
    organiser_page.goto(f"{live_server.url}/admin/question_proposals/action/{proposal.pk}/promote/")
    organiser_page.get_by_role("button", name="Jā, izveidot biļetena jautājumu").click()
    question = BallotQuestion.objects.get(election=election)
    organiser_page.wait_for_url(f"**/admin/ballot_questions/edit/{question.pk}/")
    assert organiser_page.locator("#id_text").input_value() == "Vai skolas pagalmā vajag šūpoles?"
    assert (
        organiser_page.locator("#id_proposed_by").input_value() == "Parauga pamatskolas 2.a klase"
    )

    teacher.goto(proposal_page)
    chosen = teacher.get_by_role("region", name="Ierosinājumi, kas iekļauti biļetenā")
    assert "Vai skolas pagalmā vajag šūpoles?" in chosen.inner_text()
    teacher.goto(f"{live_server.url}/en/childrens-election/berni-2025/proposals/")
    assert teacher.locator("html").get_attribute("lang") == "en"
    assert teacher.get_by_role("heading", level=1).inner_text() == (
        "Propose a question for the children's ballot"
    )
    assert_accessible(teacher)
