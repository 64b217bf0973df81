"""The admin's scripts speak Latvian too: every string of Wagtail's JavaScript catalogue
(menus, comments, autosave, error messages) has a Latvian translation in the catalogue the
admin page loads."""

import json
import re
from pathlib import Path

import pytest

import wagtail

ENGLISH_CATALOGUE = (
    Path(wagtail.__file__).parent / "admin" / "locale" / "en" / "LC_MESSAGES" / "djangojs.po"
)


def wagtail_script_strings() -> set[str]:
    text = ENGLISH_CATALOGUE.read_text()
    return {msgid for msgid in re.findall(r'^msgid "(.+)"$', text, re.M)}


@pytest.mark.django_db
def test_every_wagtail_script_string_is_latvian(admin_client):
    response = admin_client.get("/admin/jsi18n/", HTTP_ACCEPT_LANGUAGE="lv")
    catalogue = json.loads(
        re.search(r"const newcatalog = (\{.*?\});\n", response.content.decode(), re.S).group(1)
    )
    missing = sorted(msgid for msgid in wagtail_script_strings() if msgid not in catalogue)
    assert not missing, f"{len(missing)} untranslated: {missing}"
    assert catalogue["(1 new item in this menu)"] == "(1 jauns vienums šajā izvēlnē)"
