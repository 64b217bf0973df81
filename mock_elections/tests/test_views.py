"""The public proposal page, in Latvian and English."""

import pytest

from mock_elections.models import Election, QuestionProposal
from mock_elections.services import promote_proposal

from .factories import ElectionFactory, QuestionProposalFactory

pytestmark = pytest.mark.django_db

VALID = {
    "question_text": "Vai skolas pagalmā vajag vairāk šūpoļu?",
    "reason": "Starpbrīžos visi gaida rindā.",
    "group_name": "Parauga pamatskolas 3.a klase",
    "contact_name": "Skolotāja Parauga",
    "contact_email": "skolotaja@example.org",
    "consent": "on",
}


def url(election, language=""):
    if language == "en":
        return f"/en/childrens-election/{election.slug}/proposals/"
    return f"/bernu-velesanas/{election.slug}/ierosinajumi/"


def test_page_is_latvian_by_default_and_english_under_en(client):
    election = ElectionFactory(title="Demokrātija sākas ģimenē", title_en="Democracy starts")
    html = client.get(url(election)).content.decode()
    assert "Ierosini jautājumu bērnu vēlēšanu biļetenam" in html
    assert "Demokrātija sākas ģimenē" in html
    html = client.get(url(election, "en")).content.decode()
    assert "Propose a question for the children's ballot" in html
    assert "Democracy starts" in html


def test_submitting_stores_the_proposal_with_consent_time_and_thanks(client):
    election = ElectionFactory()
    response = client.post(url(election), VALID, follow=True)
    assert "Paldies!" in response.content.decode()
    proposal = QuestionProposal.objects.get()
    assert proposal.election == election
    assert proposal.group_name == "Parauga pamatskolas 3.a klase"
    assert proposal.consent_at is not None


def test_without_consent_nothing_is_saved_and_latvian_error_is_shown(client):
    data = {**VALID, "consent": ""}
    response = client.post(url(ElectionFactory()), data)
    assert response.status_code == 200
    assert "Lūdzu, dodiet piekrišanu" in response.content.decode()
    assert not QuestionProposal.objects.exists()


def test_bad_email_is_refused(client):
    response = client.post(url(ElectionFactory()), {**VALID, "contact_email": "nav-epasts"})
    assert response.status_code == 200
    assert not QuestionProposal.objects.exists()


def test_open_election_shows_no_form_and_lists_promoted_proposals(client, admin_user):
    election = ElectionFactory()
    promoted = QuestionProposalFactory(election=election, group_name="Karostas jauniešu centrs")
    QuestionProposalFactory(election=election, question_text="Nepaaugstināts jautājums?")
    promote_proposal(promoted, admin_user)
    Election.objects.filter(pk=election.pk).update(status=Election.Status.OPEN)
    response = client.get(url(election))
    html = response.content.decode()
    assert "<form" not in html.split('id="main"')[1]
    assert promoted.question_text in html
    assert "Karostas jauniešu centrs" in html
    assert "Nepaaugstināts jautājums?" not in html
    assert client.post(url(election), VALID).status_code == 200
    assert QuestionProposal.objects.count() == 2


def test_rehearsal_and_unknown_elections_are_not_public(client):
    assert client.get(url(ElectionFactory(is_rehearsal=True))).status_code == 404
    assert client.get("/bernu-velesanas/nav-tadu/ierosinajumi/").status_code == 404
