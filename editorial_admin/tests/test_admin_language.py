"""The admin-language walk: every role walks every admin screen it can reach and meets no
English (in Latvian) and no Latvian interface text (in English)."""

import pytest

from django.core import mail

from wagtail.models import Page

from stories.models import StoryPage

from .conftest import content_strings
from .walk import Walk, is_english, is_latvian

ROLES = ["Editors", "Moderators", "Organisers", "Volunteers"]
STARTS = ["/admin/", "/admin/account/", "/admin/pages/"]


@pytest.fixture
def story_in_moderation(demo_world, user_in):
    """A story an editor has submitted, so moderators meet the workflow screens."""
    editor = user_in("Editors", name="author")
    story = StoryPage.objects.filter(locale__language_code="lv").first()
    revision = story.save_revision(user=editor)
    story.get_workflow().start(story, editor)
    return story, revision


def walk_as(client, user, starts):
    client.force_login(user)
    walk = Walk(client, content_strings())
    return walk, starts


def page_screens(story: Page) -> list[str]:
    return [
        f"/admin/pages/{story.pk}/edit/",
        f"/admin/pages/{story.get_parent().pk}/",
        f"/admin/pages/{story.pk}/history/",
        f"/admin/pages/{story.pk}/workflow_history/",
    ]


@pytest.mark.parametrize("role", ROLES)
def test_each_role_meets_only_latvian(client, user_in, story_in_moderation, role):
    story, _revision = story_in_moderation
    client.force_login(user_in(role))
    walk = Walk(client, content_strings())
    walk.run(STARTS + page_screens(story), is_english)
    for message in mail.outbox:
        walk.note("e-mail", [message.subject, message.body], is_english)
    assert not walk.errors, walk.errors
    assert walk.visited
    assert not walk.found, (
        f"{len(walk.found)} English strings in {len(walk.visited)} screens:\n" + walk.report()
    )


def test_anonymous_login_and_password_reset_are_latvian(client, db, demo_world):
    walk = Walk(client, content_strings())
    walk.run(["/admin/login/", "/admin/password_reset/"], is_english)
    walk.post("/admin/login/", {"username": "nobody", "password": "wrong"}, is_english)
    walk.post("/admin/password_reset/", {"email": "not-an-address"}, is_english)
    assert not walk.found, f"{len(walk.found)} English strings:\n" + walk.report()


def test_an_english_user_meets_no_latvian(client, user_in, story_in_moderation):
    story, _revision = story_in_moderation
    client.force_login(user_in("Moderators", language="en"))
    walk = Walk(client, content_strings())
    walk.run(STARTS + page_screens(story), is_latvian)
    assert not walk.errors, walk.errors
    assert not walk.found, f"{len(walk.found)} Latvian strings:\n" + walk.report()
