"""Admin avatars are drawn from initials in the page itself: nothing goes to Gravatar."""

import base64

import pytest

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from editorial_admin.avatars import initials, initials_avatar


def test_initials_come_from_the_name_or_else_the_username():
    User = get_user_model()
    assert initials(User(username="ilze", first_name="ilze", last_name="Ērgle")) == "IĒ"
    assert initials(User(username="moderators")) == "M"
    svg = base64.b64decode(initials_avatar(User(username="x<y", first_name="<b>")).split(",")[1])
    assert b"<b>" not in svg and b"&lt;" in svg


@pytest.mark.django_db
def test_the_admin_loads_no_avatar_from_a_third_party(client, home_page):
    user = get_user_model().objects.create_user(
        "redaktore", "ilze@example.invalid", "x", first_name="Ilze", last_name="Paraugā"
    )
    user.groups.add(Group.objects.get(name="Editors"))
    client.force_login(user)
    html = client.get("/admin/").content.decode()
    assert "gravatar" not in html
    assert 'src="data:image/svg+xml;base64,' in html
