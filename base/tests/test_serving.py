"""How pages travel: compressed only where BREACH cannot reach, icons at the root, HEAD."""

import gzip
from io import BytesIO

import pytest
from PIL import Image as PILImage

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group


@pytest.mark.django_db
def test_public_pages_are_compressed_for_clients_that_ask(client, home_page):
    response = client.get("/", headers={"accept-encoding": "gzip"})
    assert response["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in response["Vary"]
    assert "<html" in gzip.decompress(response.content).decode()
    # The page cache keeps the plain page, so a client without gzip still gets HTML.
    plain = client.get("/")
    assert not plain.has_header("Content-Encoding") and b"<html" in plain.content


@pytest.mark.django_db
def test_pages_with_a_csrf_token_are_never_compressed(client, home_page):
    response = client.get("/admin/login/", headers={"accept-encoding": "gzip"})
    assert b"csrfmiddlewaretoken" in response.content
    assert not response.has_header("Content-Encoding")


@pytest.mark.django_db
def test_pages_for_signed_in_users_are_never_compressed(client, home_page):
    editor = get_user_model().objects.create_user("redaktore", "r@example.invalid", "parole")
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)
    response = client.get("/", headers={"accept-encoding": "gzip"})
    assert response.status_code == 200 and not response.has_header("Content-Encoding")


@pytest.mark.django_db
def test_every_page_links_its_icons(client, home_page):
    html = client.get("/").content.decode()
    assert '<link rel="icon" href="/favicon.ico"' in html
    assert 'rel="apple-touch-icon" href="/apple-touch-icon.png"' in html
    assert "favicon.svg" in html


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url, content_type, size",
    [("/favicon.ico", "image/x-icon", 48), ("/apple-touch-icon.png", "image/png", 180)],
)
def test_icons_are_served_at_the_site_root(client, url, content_type, size):
    response = client.get(url)
    assert response.status_code == 200 and response["Content-Type"] == content_type
    assert "max-age" in response["Cache-Control"]
    assert PILImage.open(BytesIO(response.content)).size == (size, size)
    assert client.head(url).status_code == 200


@pytest.mark.django_db
def test_robots_txt_answers_head(client):
    assert client.head("/robots.txt").status_code == 200
