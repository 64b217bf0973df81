"""A damaged image upload is a form error in Latvian, never a server error, and saves nothing."""

import io

import pytest
from PIL import Image as PILImage

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from wagtail.images.models import Image

INVALID = "Jāaugšupielādē derīgs attēls"


def gif_bytes() -> bytes:
    buffer = io.BytesIO()
    PILImage.new("RGB", (40, 30), "olive").save(buffer, "GIF")
    return buffer.getvalue()


MALFORMED_GIFS = {
    "header only": b"GIF89a",
    "header then garbage": b"GIF89a" + b"\xff" * 40,
    "zero-size screen": b"GIF87a\x00\x00\x00\x00\x00\x00\x00;",
    "cut in the middle": gif_bytes()[:40],
    "image data scrambled": gif_bytes()[:30] + b"\x00\xff" * 40,
}


@pytest.fixture
def editor_client(client, home_page):
    """A member of Wagtail's Editors group, the role that uploads pictures."""
    editor = get_user_model().objects.create_user("redaktore", "r@example.invalid", "parole")
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)
    client.raise_request_exception = False
    return client


@pytest.mark.django_db
@pytest.mark.parametrize("content", MALFORMED_GIFS.values(), ids=MALFORMED_GIFS.keys())
def test_malformed_gif_is_a_form_error(editor_client, content):
    response = editor_client.post(
        reverse("wagtailimages:add"),
        {"title": "Bojāts", "file": SimpleUploadedFile("bojats.gif", content, "image/gif")},
    )
    assert response.status_code == 200
    assert INVALID in " ".join(response.context["form"].errors["file"])
    assert not Image.objects.filter(title="Bojāts").exists()


@pytest.mark.django_db
@pytest.mark.parametrize("content", MALFORMED_GIFS.values(), ids=MALFORMED_GIFS.keys())
def test_malformed_gif_in_the_multiple_upload_is_refused(editor_client, content):
    images_before = set(Image.objects.values_list("pk", flat=True))  # the demo's hero picture
    response = editor_client.post(
        reverse("wagtailimages:add_multiple"),
        {"files[]": SimpleUploadedFile("bojats.gif", content, "image/gif")},
        headers={"x-requested-with": "XMLHttpRequest"},
    )
    assert response.status_code == 200
    assert response.json()["success"] is False and INVALID in response.json()["error_message"]
    assert set(Image.objects.values_list("pk", flat=True)) == images_before


@pytest.mark.django_db
def test_a_sound_gif_is_still_accepted(editor_client):
    response = editor_client.post(
        reverse("wagtailimages:add"),
        {"title": "Vesels", "file": SimpleUploadedFile("vesels.gif", gif_bytes(), "image/gif")},
    )
    assert response.status_code == 302
    image = Image.objects.get(title="Vesels")
    assert (image.width, image.height) == (40, 30)
