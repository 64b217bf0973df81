"""The site meets its own Content-Security-Policy in a real Chromium: no page a visitor, a
volunteer's tablet or an organiser opens makes the browser refuse a script or a style."""

import pytest

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from wagtail.models import Collection

from mock_elections.roles import ORGANISERS, sync_roles
from mock_elections.tests.factories import ElectionFactory

PASSWORD = "organiseres-parole-2025"


def csp_reports(page):
    """Collect every refusal the browser reports on the console while the page is used."""
    refused = []
    page.on(
        "console",
        lambda message: (
            refused.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    return refused


@pytest.mark.django_db(transaction=True)
def test_public_pages_and_the_tablet_run_under_the_strict_policy(live_server, home_page, page):
    election = ElectionFactory()
    refused = csp_reports(page)
    for path in [
        "/",
        "/en/",
        "/meklet/?q=balss",
        f"/bernu-velesanas/{election.slug}/ierosinajumi/",
        "/b/1/0000-0000-0000-0",
        "/iecirknis/",
    ]:
        response = page.goto(live_server.url + path)
        assert response.status < 400, path
        assert "script-src 'self';" in response.headers["content-security-policy"]
        page.wait_for_load_state("networkidle")
    assert refused == []


@pytest.mark.django_db(transaction=True)
def test_organiser_works_in_the_admin_and_the_userbar_under_their_policies(
    live_server, home_page, page
):
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")
    sync_roles(apps)
    user = get_user_model().objects.create_user("organisere", password=PASSWORD)
    user.groups.add(Group.objects.get(name=ORGANISERS))
    election = ElectionFactory()
    refused = csp_reports(page)
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", "organisere")
    page.fill("#id_password", PASSWORD)
    page.locator("form button[type=submit]").click()
    page.wait_for_url(f"{live_server.url}/admin/")
    page.goto(f"{live_server.url}/admin/children_elections/edit/{election.pk}/")
    page.wait_for_load_state("networkidle")
    assert page.locator("#id_title").input_value() == election.title
    # Signed in, the public site shows Wagtail's userbar, under the strict policy.
    page.goto(f"{live_server.url}/")
    page.locator("#wagtail-userbar-trigger").click()
    page.wait_for_load_state("networkidle")
    assert page.locator("#wagtail-userbar-items").is_visible()
    assert refused == []
