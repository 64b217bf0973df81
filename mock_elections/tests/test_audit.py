"""Every election action lands in Wagtail's audit log with the person who did it, and an
organiser reads it in the object's history."""

import datetime

import pytest

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone

from wagtail.models import ModelLogEntry

from mock_elections import services
from mock_elections.models import Election

from .factories import QuestionProposalFactory, ready_election

pytestmark = pytest.mark.django_db


@pytest.fixture
def organiser():
    user = get_user_model().objects.create_user("organiser", password="x")
    user.groups.add(Group.objects.get(name="Organisers"))
    return user


def logged(action, instance):
    return ModelLogEntry.objects.filter(action=action, object_id=str(instance.pk))


def test_each_lifecycle_step_is_logged_with_its_user(organiser):
    election = ready_election()
    station = election.stations.get()
    services.open_election(election, organiser)
    services.open_station(station, organiser)
    services.close_election(election, organiser)  # closes the open station with it
    Election.objects.filter(pk=election.pk).update(
        results_release_at=timezone.now() - datetime.timedelta(minutes=1)
    )
    election.refresh_from_db()
    services.publish_results(election, organiser)
    for action, instance in [
        ("mock_elections.election_open", election),
        ("mock_elections.station_opened", station),
        ("mock_elections.election_closed", election),
        ("mock_elections.station_closed", station),
        ("mock_elections.election_published", election),
    ]:
        assert [entry.user for entry in logged(action, instance)] == [organiser], action


def test_a_station_closed_on_its_own_and_a_promoted_proposal_are_logged(organiser):
    election = ready_election()
    station = election.stations.get()
    services.open_election(election, organiser)
    services.open_station(station, organiser)
    services.close_station(station, organiser)
    assert logged("mock_elections.station_closed", station).get().user == organiser

    proposal = QuestionProposalFactory()
    services.promote_proposal(proposal, organiser)
    assert logged("mock_elections.proposal_promoted", proposal).get().user == organiser


def test_a_refused_step_logs_nothing(organiser):
    election = ready_election()
    services.open_election(election, organiser)
    with pytest.raises(services.Refused):
        services.open_election(election, organiser)
    assert logged("mock_elections.election_open", election).count() == 1


def test_an_organiser_reads_the_election_history_in_latvian(client, organiser):
    election = ready_election()
    services.open_election(election, organiser)
    client.force_login(organiser)
    response = client.get(reverse("wagtailadmin_reports:site_history"), HTTP_ACCEPT_LANGUAGE="lv")
    assert response.status_code == 200
    assert "Vēlēšanas atvērtas" in response.content.decode()
