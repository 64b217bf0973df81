"""Who may reach which admin screen and action: anonymous, volunteer, editor, moderator,
organiser. Everyone except organisers is kept out and changes nothing (volunteers enter the
admin for their station desk only: voting/tests/test_desk_permissions.py)."""

import pytest

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from mock_elections.models import Election, PollingStation, QuestionProposal
from mock_elections.roles import ORGANISERS, VOLUNTEERS, sync_roles

from .factories import QuestionProposalFactory, ready_election

pytestmark = pytest.mark.django_db

ROLES = {
    "anonymous": None,
    "volunteer": VOLUNTEERS,
    "editor": "Editors",
    "moderator": "Moderators",
    "organiser": ORGANISERS,
}


@pytest.fixture
def world():
    sync_roles(apps)
    election = ready_election()
    return {
        "election": election,
        "station": election.stations.get(),
        "question": election.questions.get(),
        "proposal": QuestionProposalFactory(election=election),
    }


def client_for(client, role):
    if ROLES[role] is not None:
        user = get_user_model().objects.create_user(role, password="x")
        user.groups.add(Group.objects.get(name=ROLES[role]))
        client.force_login(user)
    return client


SCREENS = [
    "/admin/children_elections/",
    "/admin/children_elections/new/",
    "/admin/children_elections/edit/{election}/",
    "/admin/children_elections/overview/{election}/",
    "/admin/children_elections/action/{election}/open/",
    "/admin/children_stations/",
    "/admin/children_stations/edit/{station}/",
    "/admin/children_stations/poster/{station}/",
    "/admin/ballot_questions/",
    "/admin/ballot_questions/edit/{question}/",
    "/admin/question_proposals/",
    "/admin/question_proposals/action/{proposal}/promote/",
    "/admin/districts/",
]


def fill(url, world):
    return url.format(**{name: obj.pk for name, obj in world.items()})


@pytest.mark.parametrize("url", SCREENS)
@pytest.mark.parametrize(
    ("role", "sent_to"),
    [
        ("anonymous", "/admin/login/"),  # log in first
        ("volunteer", "/admin/"),  # in the admin for their station desk only
        ("editor", "/admin/"),  # in the admin, but "no permission"
        ("moderator", "/admin/"),
        ("organiser", None),  # the screen itself
    ],
)
def test_admin_screens(client, world, role, sent_to, url):
    response = client_for(client, role).get(fill(url, world))
    if sent_to is None:
        assert response.status_code == 200
    else:
        assert response.status_code == 302
        assert response.url.split("?")[0] == sent_to


ACTIONS = [
    ("/admin/question_proposals/action/{proposal}/shortlist/", {}),
    ("/admin/children_elections/action/{election}/open/", {}),
    ("/admin/children_elections/stations/{election}/", {"stations": "{station}", "action": "open"}),
]


def state(world):
    return (
        Election.objects.get(pk=world["election"].pk).status,
        PollingStation.objects.get(pk=world["station"].pk).status,
        QuestionProposal.objects.get(pk=world["proposal"].pk).status,
        world["election"].transitions.count(),
    )


@pytest.mark.parametrize("role", ["anonymous", "volunteer", "editor", "moderator"])
def test_actions_refused_to_everyone_but_organisers(client, world, role):
    client = client_for(client, role)
    before = state(world)
    for url, data in ACTIONS:
        payload = {key: fill(value, world) for key, value in data.items()}
        assert client.post(fill(url, world), payload).status_code in (302, 403)
    assert state(world) == before


def test_organiser_can_take_every_action(client, world):
    client = client_for(client, "organiser")
    for url, data in ACTIONS:
        payload = {key: fill(value, world) for key, value in data.items()}
        assert client.post(fill(url, world), payload).status_code == 302
    assert state(world) == ("open", "open", "shortlisted", 1)


@pytest.mark.parametrize(
    ("role", "sees_menu"),
    [("editor", False), ("moderator", False), ("organiser", True)],
)
def test_only_organisers_see_the_childrens_elections_menu(client, world, role, sees_menu):
    response = client_for(client, role).get("/admin/")
    assert response.status_code == 200
    assert ("/admin/children_elections/" in response.content.decode()) is sees_menu


def test_editors_and_moderators_keep_their_cms_rights_and_nothing_more(world):
    for name in ("Editors", "Moderators"):
        labels = set(
            Group.objects.get(name=name).permissions.values_list(
                "content_type__app_label", flat=True
            )
        )
        assert "wagtailadmin" in labels
        assert not labels & {"mock_elections", "ballots", "voting", "results"}
    # Volunteers enter the admin and hold no model right: the desk checks each station.
    assert list(
        Group.objects.get(name=VOLUNTEERS).permissions.values_list(
            "content_type__app_label", "codename"
        )
    ) == [("wagtailadmin", "access_admin")]
