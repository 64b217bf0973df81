"""Scheduled publishing without cron: the loop `make run` starts publishes a page whose
approved time has come, and leaves one scheduled for later alone."""

import datetime
import io

import pytest

from django.core.management import call_command
from django.utils import timezone

from base.models import ContentPage

pytestmark = pytest.mark.django_db


def scheduled(home_page, slug, go_live_at):
    page = home_page.add_child(instance=ContentPage(title=slug, slug=slug, live=False))
    page.go_live_at = go_live_at
    page.save_revision().publish()  # with a future go_live_at this only schedules it
    return page


def test_one_round_publishes_what_is_due_and_nothing_else(home_page):
    due = scheduled(home_page, "laiks-klat", timezone.now() + datetime.timedelta(seconds=2))
    later = scheduled(home_page, "velak", timezone.now() + datetime.timedelta(days=1))
    due.refresh_from_db()
    assert not due.live
    # The minute has come (moved back in the database rather than waited for).
    past = timezone.now() - datetime.timedelta(minutes=1)
    revision = due.latest_revision
    revision.approved_go_live_at = past
    revision.content["go_live_at"] = past.isoformat()
    revision.save(update_fields=["approved_go_live_at", "content"])

    call_command("publish_scheduled_loop", rounds=1, interval=0, stdout=io.StringIO())

    due.refresh_from_db()
    later.refresh_from_db()
    assert due.live
    assert not later.live
