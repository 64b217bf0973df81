"""Published results are computed by the task worker at once, into the cache the pages read,
so the first reader of the results page or an open-data file never waits for the audit."""

import pytest

from django.core.cache import cache
from django.utils import timezone

from mock_elections.models import Election
from results.selectors.publication import publication_of
from results.services import mark_results
from results.tests.test_views import HOUR, election_with_votes

__all__ = ["election_with_votes"]  # a fixture shared with test_views

pytestmark = pytest.mark.django_db


@pytest.fixture
def prepared_on_publication(settings):
    settings.RESULTS_PREPARED_ON_PUBLICATION = True
    cache.clear()


def public_results_in_cache(election):
    election.refresh_from_db()
    return cache.get(f"results:public:{publication_of(election).version}")


def publish(election, release_at):
    election.status = Election.Status.RESULTS_PUBLISHED
    election.results_release_at = release_at
    election.save()


def test_publishing_makes_the_worker_compute_the_public_results(
    prepared_on_publication, election_with_votes, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True) as queued:
        publish(election_with_votes, timezone.now() - HOUR)
    assert len(queued) == 1
    results = public_results_in_cache(election_with_votes)
    assert results is not None and results.election.id == election_with_votes.pk


def test_final_results_are_computed_again_under_their_new_version(
    prepared_on_publication, election_with_votes, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        publish(election_with_votes, timezone.now() - HOUR)
    with django_capture_on_commit_callbacks(execute=True):
        mark_results(election_with_votes, is_final=True)
    results = public_results_in_cache(election_with_votes)
    assert results is not None and results.election.is_final


def test_nothing_is_computed_before_the_release_time(
    prepared_on_publication, election_with_votes, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True) as queued:
        publish(election_with_votes, timezone.now() + HOUR)
    assert len(queued) == 1  # the worker was asked, and found the results not yet public
    assert public_results_in_cache(election_with_votes) is None


def test_an_election_that_is_not_published_asks_the_worker_nothing(
    prepared_on_publication, election_with_votes, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True) as queued:
        election_with_votes.title = "Bērnu vēlēšanas (labots)"
        election_with_votes.save()
    assert queued == []
