import pytest

from .factories import QuestionProposalFactory, ready_election

pytestmark = pytest.mark.django_db


def test_smoke(admin_client):
    election = ready_election()
    station = election.stations.get()
    question = election.questions.get()
    proposal = QuestionProposalFactory(election=election)
    for url in [
        "/admin/children_elections/",
        "/admin/children_elections/new/",
        f"/admin/children_elections/edit/{election.pk}/",
        f"/admin/children_elections/overview/{election.pk}/",
        f"/admin/children_elections/action/{election.pk}/open/",
        "/admin/children_stations/",
        f"/admin/children_stations/edit/{station.pk}/",
        f"/admin/children_stations/poster/{station.pk}/",
        "/admin/ballot_questions/",
        f"/admin/ballot_questions/edit/{question.pk}/",
        "/admin/ballot_questions/new/",
        "/admin/question_proposals/",
        f"/admin/question_proposals/action/{proposal.pk}/promote/",
        "/admin/districts/",
        "/admin/children_stations/?export=csv",
    ]:
        response = admin_client.get(url)
        assert response.status_code == 200, url
