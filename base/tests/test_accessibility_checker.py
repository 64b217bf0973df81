import json
import re

import pytest

from django.contrib.auth import get_user_model


@pytest.mark.django_db
def test_editors_accessibility_checker_runs_every_axe_rule(client, home_page):
    editor = get_user_model().objects.create_superuser("r", "r@example.invalid", "p")
    client.force_login(editor)
    html = client.get("/").content.decode()
    match = re.search(
        r'<script id="checker-axe-configuration" type="application/json">(.*?)</script>', html
    )
    configuration = json.loads(match.group(1))
    assert "runOnly" not in configuration["options"]  # no short list: all rules run
