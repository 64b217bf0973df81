"""Security headers: a strict Content-Security-Policy on public pages (no inline script
allowed, and none in our templates), the admin's compatible one on admin paths only, and a
Permissions-Policy that allows the camera on the station tablet page alone."""

import re
from pathlib import Path

import pytest

from django.conf import settings

pytestmark = pytest.mark.django_db

PROJECT_TEMPLATES = sorted(
    path
    for path in Path(settings.BASE_DIR).glob("*/templates/**/*.html")
    if ".venv" not in path.parts and "node_modules" not in path.parts
)
SCRIPT_TAG = re.compile(r"<script\b[^>]*>", re.I)
# A script element the browser would run without a src, or an event-handler attribute.
NON_EXECUTABLE_TYPES = re.compile(r'type="application/(ld\+)?json"', re.I)
EVENT_HANDLER = re.compile(r"<[^>]+\son[a-z]+\s*=", re.I)


def directives(response):
    policy = response["Content-Security-Policy"]
    return {
        name: values
        for name, *values in (part.strip().split() for part in policy.split(";") if part.strip())
    }


def test_public_page_allows_only_our_own_scripts(client, home_page):
    response = client.get("/")
    policy = directives(response)
    assert policy["script-src"] == ["'self'"]
    assert policy["style-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["default-src"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'self'"]
    assert "'unsafe-eval'" not in response["Content-Security-Policy"]


@pytest.mark.parametrize("path", ["/admin/login/", "/django-admin/login/"])
def test_admin_gets_the_compatible_policy_that_allows_its_inline_scripts(client, path):
    policy = directives(client.get(path))
    assert policy["script-src"] == ["'self'", "'unsafe-inline'"]
    assert policy["object-src"] == ["'none'"]


@pytest.mark.parametrize("path", ["/iecirknis/", "/en/iecirknis/"])
def test_tablet_page_may_use_the_camera_of_its_own_origin(client, path):
    response = client.get(path)
    assert response.status_code == 200
    assert "camera=(self)" in response["Permissions-Policy"]
    assert "microphone=()" in response["Permissions-Policy"]
    assert directives(response)["script-src"] == ["'self'"]


@pytest.mark.parametrize(
    "path",
    ["/", "/en/", "/admin/login/", "/api/tablet/bundle/", "/b/1/0000-0000-0000-0", "/nav-tadas/"],
)
def test_every_other_answer_denies_the_camera(client, home_page, path):
    response = client.get(path)
    assert "camera=()" in response["Permissions-Policy"]
    assert "geolocation=()" in response["Permissions-Policy"]
    assert response["Content-Security-Policy"]


def test_the_tablet_app_s_other_files_do_not_get_the_camera(client):
    assert "camera=()" in client.get("/iecirknis/sw.js")["Permissions-Policy"]


def test_templates_were_found():
    assert len(PROJECT_TEMPLATES) > 20


@pytest.mark.parametrize("template", PROJECT_TEMPLATES, ids=lambda path: str(path.name))
def test_no_template_has_an_inline_script_or_event_handler(template):
    source = template.read_text(encoding="utf-8")
    for tag in SCRIPT_TAG.findall(source):
        assert "src=" in tag or NON_EXECUTABLE_TYPES.search(tag), f"inline script: {tag}"
    assert not EVENT_HANDLER.search(source)
