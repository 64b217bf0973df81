"""The precinct list in the admin, as the roles that keep it: Editors and Moderators (the
how-to-vote page publishes it) and Organisers (children's stations stand beside precincts).
Volunteers have no CMS rights."""

import pytest

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from base.models import Precinct


def member_of(group_name):
    user = get_user_model().objects.create_user(f"u-{group_name}", password="x")
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.mark.django_db
@pytest.mark.parametrize("group_name", ["Editors", "Moderators", "Organisers"])
def test_keepers_of_the_list_edit_a_precincts_streets(client, home_page, group_name):
    client.force_login(member_of(group_name))
    listing = client.get("/admin/precincts/")
    assert listing.status_code == 200
    assert "Laumu vidusskola" in listing.content.decode()
    precinct = Precinct.objects.get(number="710")
    response = client.post(
        f"/admin/precincts/edit/{precinct.pk}/",
        {
            "number": "710",
            "name": precinct.name,
            "address": precinct.address,
            "areas": "Vaiņodes iela\nJauna iela",
            "district": precinct.district_id,
            "latitude": "",
            "longitude": "",
        },
    )
    assert response.status_code == 302
    precinct.refresh_from_db()
    assert precinct.area_lines == ["Vaiņodes iela", "Jauna iela"]
    assert "Jauna iela" in client.get("/ka-balsot/", {"iela": "jauna"}).content.decode()


@pytest.mark.django_db
def test_a_second_precinct_with_the_same_number_is_refused_in_latvian(client, home_page):
    client.force_login(member_of("Editors"))
    response = client.post(
        "/admin/precincts/new/",
        {"number": "710", "name": "Cita skola", "address": "Cita iela 1", "areas": ""},
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "jau pastāv" in html and 'value="Cita skola"' in html
    assert Precinct.objects.filter(number="710").count() == 1


@pytest.mark.django_db
def test_volunteers_cannot_open_the_precinct_list(client, home_page):
    client.force_login(member_of("Volunteers"))
    response = client.get("/admin/precincts/")
    assert response.status_code in (302, 403)


@pytest.mark.django_db
def test_editors_set_the_hero_picture_and_election_hours_in_campaign_settings(client, home_page):
    from wagtail.models import Site

    client.force_login(member_of("Editors"))
    site = Site.objects.get(is_default_site=True)
    html = client.get(f"/admin/settings/base/sitesettings/{site.pk}/").content.decode()
    for field in ("hero_image", "polls_close", "official_lookup_url", "previous_election_year"):
        assert f'name="{field}"' in html
    assert "Galvenais attēls" in html and "Iecirkņi slēdzas" in html
