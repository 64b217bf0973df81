"""The admin sign-in locks a username out from one address after five wrong passwords, for
15 minutes, with a Latvian page; the right password then does not help, another address is
not affected, and a successful sign-in clears the count."""

from datetime import timedelta

import pytest
from axes.models import AccessAttempt

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db.models import F

from mock_elections.roles import ORGANISERS, sync_roles

pytestmark = pytest.mark.django_db

PASSWORD = "pareiza-parole-2025"
LOGIN = "/admin/login/"
ELSEWHERE = {"REMOTE_ADDR": "192.0.2.50"}


@pytest.fixture
def organiser():
    sync_roles(apps)
    user = get_user_model().objects.create_user("organisere", password=PASSWORD)
    user.groups.add(Group.objects.get(name=ORGANISERS))
    return user


def sign_in(client, password, **extra):
    return client.post(LOGIN, {"username": "organisere", "password": password}, **extra)


def test_five_wrong_passwords_lock_the_user_out_from_that_address(client, organiser):
    for _ in range(4):
        response = sign_in(client, "minējums")
        assert response.status_code == 200  # the form again, with its error
    locked = sign_in(client, "minējums")
    assert locked.status_code == 429
    page = locked.content.decode()
    assert "Pieteikšanās uz laiku bloķēta" in page and "15 minūtēm" in page

    assert sign_in(client, PASSWORD).status_code == 429
    assert client.get("/admin/").status_code == 302  # still not signed in
    assert sign_in(client, PASSWORD, **ELSEWHERE).status_code == 302


def test_the_lock_ends_after_the_cool_off(client, organiser):
    for _ in range(5):
        sign_in(client, "minējums")
    assert sign_in(client, PASSWORD).status_code == 429
    AccessAttempt.objects.update(attempt_time=F("attempt_time") - timedelta(minutes=16))
    assert sign_in(client, PASSWORD).status_code == 302


def test_a_successful_sign_in_clears_the_count(client, organiser):
    for _ in range(4):
        sign_in(client, "minējums")
    assert sign_in(client, PASSWORD).status_code == 302
    client.logout()
    for _ in range(4):
        assert sign_in(client, "minējums").status_code == 200
    assert sign_in(client, PASSWORD).status_code == 302
