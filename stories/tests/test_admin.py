"""The communications team's admin: bad input is refused in Latvian and nothing is saved."""

import pytest

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from wagtail.images.models import Image
from wagtail.test.utils.form_data import nested_form_data, streamfield

from stories.models import StoryPage
from stories.tests.factories import StoryPageFactory

TOO_LONG_QUOTE = " ".join(["Es balsoju, jo Liepāja ir mana pilsēta un man rūp tās nākotne."] * 5)


@pytest.fixture
def admin_client(client, db):
    user = get_user_model().objects.create_superuser("redaktore", "r@example.invalid", "parole")
    client.force_login(user)
    return client


def story_form(district, **overrides):
    data = {
        "title": "Anna: kāpēc es balsoju",
        "slug": "anna",
        "display_name": "Anna",
        "descriptor": "studente, 19",
        "district": district.pk,
        "quote": "Es balsoju, jo gribu, lai jauniešiem ir vieta.",
        "body": streamfield([]),
        "tags": "",
        "consent_date": "2025-04-01",
        "consent_method": "signed_form",
        "action-publish": "publish",
    }
    data.update(overrides)
    channels = data.pop("channels", [])
    return {**nested_form_data(data), "channels": channels}


def add_story(admin_client, story_index, data):
    url = reverse("wagtailadmin_pages:add", args=["stories", "storypage", story_index.pk])
    return admin_client.post(url, data)


@pytest.mark.django_db
def test_editor_publishes_a_complete_story(admin_client, story_index, karosta):
    response = add_story(admin_client, story_index, story_form(karosta, channels=["web", "print"]))
    assert response.status_code == 302
    story = StoryPage.objects.get(slug="anna")
    assert story.live and story.channels == ["web", "print"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "overrides, field, message",
    [
        ({"quote": ""}, "quote", "Šis lauks ir nepieciešams"),
        ({"consent_date": ""}, "consent_date", "Šis lauks ir nepieciešams"),
        ({"consent_method": ""}, "consent_method", "Šis lauks ir nepieciešams"),
        ({"quote": TOO_LONG_QUOTE}, "quote", "Citāts neietilpst dalīšanās kartītē"),
    ],
    ids=["no quote", "no consent date", "no consent method", "quote too long for the card"],
)
def test_story_with_bad_input_is_refused_in_latvian(
    admin_client, story_index, karosta, overrides, field, message
):
    response = add_story(admin_client, story_index, story_form(karosta, **overrides))
    assert response.status_code == 200
    assert message in " ".join(response.context["form"].errors[field])
    assert not StoryPage.objects.filter(slug="anna").exists()


@pytest.mark.django_db
def test_submitting_for_moderation_also_requires_quote_and_consent(
    admin_client, story_index, karosta
):
    data = story_form(karosta, quote="", consent_date="")
    del data["action-publish"]
    data["action-submit"] = "submit"
    response = add_story(admin_client, story_index, data)
    assert set(response.context["form"].errors) >= {"quote", "consent_date"}


@pytest.mark.django_db
@pytest.mark.parametrize(
    "filename, content, message",
    [
        ("portrets.pdf", b"%PDF-1.4 not an image", "Jāaugšupielādē derīgs attēls"),
        ("portrets.png", b"just some text", "Jāaugšupielādē derīgs attēls"),
    ],
)
def test_non_image_upload_as_portrait_is_refused(admin_client, filename, content, message):
    response = admin_client.post(
        reverse("wagtailimages:add"),
        {"title": "Portrets", "file": SimpleUploadedFile(filename, content)},
    )
    assert response.status_code == 200
    assert message in " ".join(response.context["form"].errors["file"])
    assert not Image.objects.filter(title="Portrets").exists()


@pytest.mark.django_db
def test_admin_downloads_poster_and_card_of_an_unpublished_story(
    admin_client, story_index, karosta
):
    draft = StoryPageFactory(parent=story_index, district=karosta, live=False)
    edit = admin_client.get(reverse("wagtailadmin_pages:edit", args=[draft.pk])).content.decode()
    poster_url = reverse("stories_admin_poster", args=[draft.pk])
    assert poster_url in edit
    poster = admin_client.get(poster_url)
    assert poster.status_code == 200 and poster["Content-Type"] == "application/pdf"
    card = admin_client.get(reverse("stories_admin_share_card", args=[draft.pk, "1080x1080"]))
    assert card.status_code == 200 and "no-store" in card["Cache-Control"]


@pytest.mark.django_db
def test_admin_downloads_need_edit_permission(client, story_index, karosta):
    story = StoryPageFactory(parent=story_index, district=karosta)
    user = get_user_model().objects.create_user("viesis", password="parole")
    client.force_login(user)
    response = client.get(reverse("stories_admin_poster", args=[story.pk]))
    assert response.status_code in (302, 403)
