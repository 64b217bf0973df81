"""An Editor's damaged picture in a real browser: a clear Latvian message, no server error."""

import pytest

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from base.editorial import EDITORS
from base.tests.test_images import MALFORMED_GIFS


@pytest.mark.django_db(transaction=True)
def test_editor_uploading_a_damaged_gif_gets_a_form_error(live_server, home_page, page, tmp_path):
    editor = get_user_model().objects.create_user("redaktore", "r@example.invalid", "parole-123")
    editor.groups.add(Group.objects.get(name=EDITORS))
    page.goto(live_server.url + "/admin/login/")
    page.fill("#id_username", "redaktore")
    page.fill("#id_password", "parole-123")
    page.locator("form button[type=submit]").click()
    page.wait_for_url(live_server.url + "/admin/")

    damaged = tmp_path / "bojats.gif"
    damaged.write_bytes(MALFORMED_GIFS["header then garbage"])
    page.goto(live_server.url + "/admin/images/add/")
    page.fill("#id_title", "Bojāts attēls")
    page.set_input_files("#id_file", str(damaged))
    upload_form = page.locator("form[enctype='multipart/form-data']")
    with page.expect_response(
        lambda response: response.request.method == "POST", timeout=60_000
    ) as posted:
        upload_form.locator("button[type=submit]").click()
    assert posted.value.status == 200
    error = page.get_by_text("Jāaugšupielādē derīgs attēls")
    error.first.wait_for(timeout=60_000)
    assert error.first.is_visible()
