"""The communications team's rights, by real group: translation, campaign settings and
collections for Editors and Moderators; nothing of it for Volunteers (who enter the admin for
their station desk only); menus that lead nowhere are hidden."""

import pytest

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from wagtail.models import Collection, Page, Site

from mock_elections.roles import sync_roles

pytestmark = pytest.mark.django_db

TEAM = ["Editors", "Moderators"]


@pytest.fixture
def login(client, home_page):
    sync_roles(apps)

    def as_member(group):
        user = get_user_model().objects.create_user(f"{group.lower()}-user", password="x")
        user.groups.add(Group.objects.get(name=group))
        client.force_login(user)
        return client

    return as_member


def screens(home_page):
    site = Site.objects.get(is_default_site=True)
    return {
        "translation": f"/admin/translation/submit/page/{home_page.pk}/",
        "settings": f"/admin/settings/base/sitesettings/{site.pk}/",
        "collections": "/admin/collections/",
        "new collection": "/admin/collections/add/",
    }


@pytest.mark.parametrize("group", TEAM)
def test_the_team_reaches_translation_settings_and_collections(login, home_page, group):
    client = login(group)
    for name, url in screens(home_page).items():
        response = client.get(url)
        assert response.status_code == 200, f"{group} cannot open {name}"


@pytest.mark.parametrize("group", TEAM)
def test_the_team_creates_renames_and_deletes_a_collection(login, home_page, group):
    client = login(group)
    root = Collection.get_first_root_node()
    response = client.post("/admin/collections/add/", {"name": "Plakāti", "parent": root.pk})
    assert response.status_code == 302
    collection = Collection.objects.get(name="Plakāti")
    response = client.post(
        f"/admin/collections/{collection.pk}/", {"name": "Plakāti 2025", "parent": root.pk}
    )
    assert response.status_code == 302, response.content.decode()[-3000:]
    collection.refresh_from_db()
    assert collection.name == "Plakāti 2025"
    client.post(f"/admin/collections/{collection.pk}/delete/")
    assert not Collection.objects.filter(pk=collection.pk).exists()


@pytest.mark.parametrize("group", TEAM)
def test_the_team_submits_a_translation(login, home_page, group):
    from base.models import ContentPage

    page = ContentPage(title="Brīvprātīgajiem", slug="brivpratigajiem")
    home_page.add_child(instance=page)
    client = login(group)
    english = home_page.get_translations().get().locale
    response = client.post(f"/admin/translation/submit/page/{page.pk}/", {"locales": [english.pk]})
    assert response.status_code == 302
    assert Page.objects.filter(translation_key=page.translation_key, locale=english).exists()


@pytest.mark.parametrize("group", ["Volunteers"])
def test_volunteers_reach_none_of_it(login, home_page, group):
    client = login(group)
    for url in screens(home_page).values():
        response = client.get(url)
        # In the admin for their station desk, but "no permission" for all of this.
        assert response.status_code == 302
        assert response.url == "/admin/"


@pytest.mark.parametrize(
    ("group", "sees_ballots"),
    [("Editors", False), ("Moderators", False), ("Organisers", True)],
)
def test_the_ballots_menu_only_for_those_who_can_use_it(login, home_page, group, sees_ballots):
    html = login(group).get("/admin/").content.decode()
    assert ("/admin/ballots/" in html) is sees_ballots
    # The team's own menus stay.
    assert ("/admin/pages/" in html) is True
