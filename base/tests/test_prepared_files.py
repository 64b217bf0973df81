"""Prepared files (issue 13): the request books the work, the worker makes the file and says
how far it has come, only the user who asked downloads it while they hold the right, and the
file is gone from disk and database after 24 hours."""

import os
from datetime import timedelta

import pytest

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from django.utils import timezone

from base.prepared_files import kinds
from base.prepared_files.kinds import BuiltFile
from base.prepared_files.models import PreparedFile
from base.prepared_files.selectors import files_for, status
from base.prepared_files.services import prepare_file
from base.prepared_files.tasks import delete_expired
from base.prepared_files.worker import (
    PROGRESS_SAVES,
    build_prepared_file,
    delete_expired_files,
)
from base.refusals import Refused

pytestmark = pytest.mark.django_db

COUNTERS = "Counters"
ROWS = 250


def counts(params, progress):
    """A builder that writes one line per number and tells how far it has come; at 120 it
    notes what the admin page would say at that moment."""
    lines = []
    for number in range(1, params["to"] + 1):
        lines.append(f"{number}\n")
        progress(number, params["to"])
        if number == 120:
            seen_midway.append(status(PreparedFile.objects.get(kind="tests.counts")))
    return BuiltFile("".join(lines).encode(), "skaitli.txt", "text/plain; charset=utf-8")


seen_midway: list[str] = []


def breaks(params, progress):
    progress(1, 10)
    raise RuntimeError("the printer caught fire")


@pytest.fixture(autouse=True)
def test_kinds(monkeypatch):
    """Two kinds only members of the "Counters" group may ask for (the real ones belong to
    apps above base)."""
    in_group = lambda user: user.groups.filter(name=COUNTERS).exists()  # noqa: E731
    monkeypatch.setitem(
        kinds._KINDS, "tests.counts", kinds.FileKind("tests.counts", "Skaitļi", counts, in_group)
    )
    monkeypatch.setitem(
        kinds._KINDS, "tests.breaks", kinds.FileKind("tests.breaks", "Salūzt", breaks, in_group)
    )
    seen_midway.clear()


def member(name="skaititajs"):
    """A user with admin access whose only right is the test kinds'."""
    group, _created = Group.objects.get_or_create(name=COUNTERS)
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    user = get_user_model().objects.create_user(name, password="x")
    user.groups.add(group)
    return user


def test_the_worker_makes_the_file_in_private_storage_with_its_progress(settings):
    user = member()
    prepared = prepare_file("tests.counts", {"to": ROWS}, user, subject="līdz 250")

    assert prepared.state == PreparedFile.State.READY  # the test backend works at once
    # The page lags the builder by less than one of the saved steps.
    (midway,) = seen_midway
    done = int(midway.removeprefix("Gatavo: ").removesuffix(" no 250"))
    assert 120 - ROWS // PROGRESS_SAVES < done <= 120
    assert (prepared.done, prepared.total) == (ROWS, ROWS)
    assert prepared.title == "Skaitļi: līdz 250"
    path = prepared.file.path
    assert path.startswith(str(settings.PRIVATE_ROOT))
    assert not path.startswith(str(settings.MEDIA_ROOT))
    assert "skaitli" not in os.path.basename(path)  # stored under a random name
    with prepared.file.open("rb") as stored:
        assert stored.read().decode().splitlines() == [str(n) for n in range(1, ROWS + 1)]
    assert timezone.now() + timedelta(hours=23) < prepared.delete_after
    assert prepared.delete_after <= timezone.now() + timedelta(hours=24)


def test_the_owner_downloads_it_under_its_own_name(client):
    user = member()
    prepared = prepare_file("tests.counts", {"to": 3}, user)
    client.force_login(user)
    response = client.get(reverse("prepared_files:download", args=[prepared.pk]))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"1\n2\n3\n"
    assert response["Content-Disposition"] == 'attachment; filename="skaitli.txt"'
    # Kept after the download, so a download that broke off can be tried again.
    assert client.get(reverse("prepared_files:download", args=[prepared.pk])).status_code == 200


def test_nobody_else_sees_or_downloads_it(client):
    prepared = prepare_file("tests.counts", {"to": 3}, member())
    other = member("cits")
    assert not files_for(other).exists()
    client.force_login(other)
    assert client.get(reverse("prepared_files:download", args=[prepared.pk])).status_code == 404
    assert "Skaitļi" not in client.get(reverse("prepared_files:index")).content.decode()


def test_a_user_who_lost_the_right_cannot_download_or_ask(client):
    user = member()
    prepared = prepare_file("tests.counts", {"to": 3}, user)
    user.groups.clear()
    user.groups.add(Group.objects.get(name="Editors"))  # still in the admin, without the right
    client.force_login(user)
    refused = client.get(reverse("prepared_files:download", args=[prepared.pk]), follow=True)
    # Wagtail's admin answers a refusal by going back to the dashboard with a message.
    assert refused.redirect_chain == [("/admin/", 302)]
    assert "Jums vairs nav tiesību uz šo failu." in refused.content.decode()
    with pytest.raises(Refused) as refused:
        prepare_file("tests.counts", {"to": 3}, user)
    assert refused.value.reason == "no_right"


def test_nothing_is_made_for_someone_who_lost_the_right_while_it_waited():
    user = member()
    prepared = PreparedFile.objects.create(
        kind="tests.counts", params={"to": 3}, requested_by=user, delete_after=timezone.now()
    )
    user.groups.clear()
    assert build_prepared_file(prepared.pk) is None
    prepared.refresh_from_db()
    assert prepared.state == PreparedFile.State.FAILED and not prepared.file


def test_expired_files_are_deleted_from_disk_and_database(
    client, django_capture_on_commit_callbacks
):
    user = member()
    old = prepare_file("tests.counts", {"to": 3}, user)
    fresh = prepare_file("tests.counts", {"to": 4}, user)
    PreparedFile.objects.filter(pk=old.pk).update(delete_after=timezone.now() - timedelta(1))
    # Before the sweep comes, an expired file is neither listed nor handed out.
    client.force_login(user)
    assert list(files_for(user)) == [fresh]
    assert client.get(reverse("prepared_files:download", args=[old.pk])).status_code == 404

    with django_capture_on_commit_callbacks(execute=True):
        assert delete_expired.enqueue().return_value == 1

    assert not os.path.exists(old.file.path)
    assert not PreparedFile.objects.filter(pk=old.pk).exists()
    assert os.path.exists(fresh.file.path)


def test_a_deleted_users_files_are_swept_at_once(django_capture_on_commit_callbacks):
    user = member()
    prepared = prepare_file("tests.counts", {"to": 3}, user)
    user.delete()
    with django_capture_on_commit_callbacks(execute=True):
        assert delete_expired_files() == 1
    assert not os.path.exists(prepared.file.path)
    assert not PreparedFile.objects.exists()


def test_a_failed_build_leaves_no_file_and_says_so(client):
    user = member()
    prepared = prepare_file("tests.breaks", {}, user)  # the test backend notes the error
    assert prepared.state == PreparedFile.State.FAILED and not prepared.file
    client.force_login(user)
    page = client.get(reverse("prepared_files:index")).content.decode()
    assert "Neizdevās" in page
    response = client.get(reverse("prepared_files:download", args=[prepared.pk]), follow=True)
    assert "Fails nav gatavs: Neizdevās" in response.content.decode()


def test_a_file_still_waiting_is_not_handed_out_and_not_booked_twice(client):
    user = member()
    waiting = PreparedFile.objects.create(
        kind="tests.counts",
        params={"to": 3},
        requested_by=user,
        delete_after=timezone.now() + timedelta(hours=24),
    )
    assert prepare_file("tests.counts", {"to": 3}, user) == waiting  # a double click
    assert PreparedFile.objects.count() == 1
    client.force_login(user)
    response = client.get(reverse("prepared_files:download", args=[waiting.pk]))
    assert response.status_code == 302 and response["Location"] == reverse("prepared_files:index")


def test_the_status_answer_gives_progress_then_the_download(client):
    user = member()
    working = PreparedFile.objects.create(
        kind="tests.counts",
        params={"to": 250},
        requested_by=user,
        state=PreparedFile.State.WORKING,
        done=120,
        total=250,
        delete_after=timezone.now() + timedelta(hours=24),
    )
    ready = prepare_file("tests.counts", {"to": 2}, user, subject="divi")
    client.force_login(user)
    answer = client.get(reverse("prepared_files:states")).json()
    rows = {row["id"]: row for row in answer["files"]}
    assert answer["unfinished"] is True
    assert rows[working.pk]["status"] == "Gatavo: 120 no 250" and "action" not in rows[working.pk]
    assert reverse("prepared_files:download", args=[ready.pk]) in rows[ready.pk]["action"]
    assert rows[ready.pk]["news"] == "„Skaitļi: divi” ir gatavs lejupielādei."


def test_the_page_is_closed_to_users_without_any_right(client):
    user = get_user_model().objects.create_user("redaktors", password="x")
    user.groups.add(Group.objects.get(name="Editors"))
    client.force_login(user)
    for address in (reverse("prepared_files:index"), reverse("prepared_files:states")):
        assert client.get(address).status_code in (302, 403)  # Wagtail: to the dashboard
    assert "sagatavotie-faili" not in client.get(reverse("wagtailadmin_home")).content.decode()
