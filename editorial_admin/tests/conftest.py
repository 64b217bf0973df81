import io

import pytest

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction

from taggit.models import Tag
from wagtail.images.models import Image
from wagtail.models import Collection, Page, Task, Workflow
from wagtail.users.models import UserProfile

from mock_elections.roles import sync_roles

DEMO_APPS = ("base", "home", "stories", "mock_elections")


@pytest.fixture(scope="module")
def demo_world(django_db_setup, django_db_blocker):
    """The sample content once per module, rolled back at its end (tests nest inside)."""
    from importlib import import_module

    with django_db_blocker.unblock(), transaction.atomic():
        sync_roles(apps)
        for app in DEMO_APPS:
            import_module(f"{app}.demo").load(io.StringIO())
        yield
        transaction.set_rollback(True)


def content_strings() -> list[str]:
    """What editors and organisers typed (titles, names, tags), not interface text."""
    strings: list[str] = []
    for page in Page.objects.all():
        strings += [page.title, page.draft_title, page.seo_title]
    strings += Collection.objects.values_list("name", flat=True)
    strings += Group.objects.values_list("name", flat=True)
    strings += Workflow.objects.values_list("name", flat=True)
    strings += Task.objects.values_list("name", flat=True)
    strings += Tag.objects.values_list("name", flat=True)
    for model in apps.get_models():
        if model._meta.app_label in {
            "base",
            "stories",
            "mock_elections",
            "wagtailimages",
            "wagtaildocs",
            "auth",
        }:
            strings += [str(obj) for obj in model.objects.all()[:300]]
    for user in get_user_model().objects.all():
        strings += [user.get_full_name(), user.get_username()]
    # Image titles like "Jā (Should every school floor…)" show their first word alone too.
    strings += [title.split(" (")[0] for title in Image.objects.values_list("title", flat=True)]
    # Precincts' names and addresses, and the street names help texts give as examples, are
    # Latvian in every language.
    from base.models import Precinct

    for name, address in Precinct.objects.values_list("name", "address"):
        strings += [name, address]
    strings += ["Rožu iela 5/7, Liepāja", "Ganību iela"]
    # Language names are shown in their own language on purpose.
    strings += ["Liepāja ir Tava balss!", "Liepāja", "Latviešu", "latviešu", "English", "Wagtail"]
    return [item for item in strings if item]


@pytest.fixture
def user_in(db):
    def make(group: str, language: str = "lv", name: str = "walker"):
        user = get_user_model().objects.create_user(
            f"{name}-{group.lower()}-{language}",
            email=f"{group.lower()}@example.invalid",
            password="x",
            first_name="Ilze",
            last_name="Paraugā",
        )
        user.groups.add(Group.objects.get(name=group))
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = language
        profile.save()
        return user

    return make
