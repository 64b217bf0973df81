from io import StringIO

import pytest

from django.contrib.auth import get_user_model
from django.core.management import call_command

from wagtail.models import Page, Site

from base.demo import (
    DEMO_ADMIN_PASSWORD,
    DEMO_ADMIN_USERNAME,
    DEMO_DESK_VOLUNTEERS,
    DEMO_ROLE_LOGINS,
)
from base.models import District
from home.models import HomePage


@pytest.mark.django_db
def test_load_demo_replaces_welcome_page_and_is_idempotent(settings):
    settings.DEMO_ADMIN_ENABLED = True
    call_command("load_demo", stdout=StringIO())
    first_counts = (
        Page.objects.count(),
        District.objects.count(),
        get_user_model().objects.count(),
    )
    call_command("load_demo", stdout=StringIO())

    assert (
        Page.objects.count(),
        District.objects.count(),
        get_user_model().objects.count(),
    ) == first_counts
    site = Site.objects.get(is_default_site=True)
    assert isinstance(site.root_page.specific, HomePage)
    assert site.root_page.locale.language_code == "lv"
    assert not Page.objects.filter(title__icontains="Welcome").exists()
    assert HomePage.objects.filter(locale__language_code="en", live=True).count() == 1
    assert District.objects.filter(name="Karosta").exists()


@pytest.mark.django_db
def test_demo_login_works_only_where_settings_allow(settings, client):
    settings.DEMO_ADMIN_ENABLED = False
    call_command("load_demo", stdout=StringIO())
    assert not get_user_model().objects.filter(username=DEMO_ADMIN_USERNAME).exists()
    assert not get_user_model().objects.filter(username__in=DEMO_ROLE_LOGINS).exists()

    settings.DEMO_ADMIN_ENABLED = True
    call_command("load_demo", stdout=StringIO())
    # Through the sign-in form: the login lockout (django-axes) needs the request.
    signed_in = client.post(
        "/admin/login/", {"username": DEMO_ADMIN_USERNAME, "password": DEMO_ADMIN_PASSWORD}
    )
    assert signed_in.status_code == 302
    assert client.get("/admin/").status_code == 200
    for username, group in DEMO_ROLE_LOGINS.items():
        person = get_user_model().objects.get(username=username)
        assert [g.name for g in person.groups.all()] == [group]
        assert not person.is_superuser
    # The demo volunteers run the rehearsal station's desk, two of them for the paper counts.
    for username in DEMO_DESK_VOLUNTEERS:
        person = get_user_model().objects.get(username=username)
        assert list(person.desk_stations.values_list("election__slug", flat=True)) == [
            "meginajums-2025"
        ]
