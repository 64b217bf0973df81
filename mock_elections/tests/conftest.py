"""What the admin tests of this app share: a signed-in member of the real Organisers group."""

import pytest

from django.contrib.auth import get_user_model

from mock_elections.roles import ORGANISERS


@pytest.fixture
def organiser_client(client):
    from django.apps import apps
    from django.contrib.auth.models import Group

    from mock_elections.roles import sync_roles

    sync_roles(apps)
    user = get_user_model().objects.create_user("organisers", password="x")
    user.groups.add(Group.objects.get(name=ORGANISERS))
    client.force_login(user)
    client.user = user
    return client
