"""Whoever issues, downloads, prints or cancels ballot cards, or spoils one, is in the audit log."""

import pytest

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse

from wagtail.models import ModelLogEntry

from ballots.services import issue_ballots, spoil_ballot, void_batch
from base.refusals import Refused

from .factories import StationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def organiser():
    user = get_user_model().objects.create_user("organiser", password="x")
    user.groups.add(Group.objects.get(name="Organisers"))
    return user


def users_of(action, batch):
    return [
        entry.user for entry in ModelLogEntry.objects.filter(action=action, object_id=str(batch.pk))
    ]


def test_issue_spoil_and_void_are_logged_with_their_user(organiser):
    station = StationFactory()
    batch = issue_ballots(station, 3, by=organiser)
    spoil_ballot(station, batch.codes()[0], "Saplēsta", by=organiser)
    void_batch(batch, "Kaste pazuda", by=organiser)
    for action in ("ballots.batch_issued", "ballots.card_spoiled", "ballots.batch_voided"):
        assert users_of(action, batch) == [organiser], action


def test_a_refused_void_logs_nothing_more(organiser):
    batch = issue_ballots(StationFactory(), 2, by=organiser)
    void_batch(batch, "Kaste pazuda", by=organiser)
    with pytest.raises(Refused):
        void_batch(batch, "Vēlreiz", by=organiser)
    assert len(users_of("ballots.batch_voided", batch)) == 1


def test_downloading_or_printing_a_batch_is_logged(client, organiser):
    batch = issue_ballots(StationFactory(), 2, by=organiser)
    client.force_login(organiser)
    assert client.get(reverse("ballots_batches:pdf", args=[batch.pk])).status_code == 200
    assert client.get(reverse("ballots_batches:print", args=[batch.pk])).status_code == 200
    assert users_of("ballots.batch_downloaded", batch) == [organiser, organiser]
    # no code is written into the log entry
    for entry in ModelLogEntry.objects.filter(object_id=str(batch.pk)):
        for code in batch.codes():
            assert code not in str(entry.data) and code not in entry.label
