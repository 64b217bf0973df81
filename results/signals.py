"""Changes that must reach results readers at once, not after the cache's minute."""

from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_delete, post_save

from wagtail.signals import page_published, page_unpublished

from mock_elections.models import Election
from results.middleware import invalidate_fast_path
from results.models import CityFollowUp, ElectionResultsPage, ResultsStatus
from results.services import mark_results
from voting.signals import counting_reopened


def forget_stored_pages(sender, **kwargs):
    invalidate_fast_path()


def results_preliminary_again(sender, station, by, **kwargs):
    """Counting reopened at a station after publication: the results are not final any more."""
    if ResultsStatus.objects.filter(election_id=station.election_id, is_final=True).exists():
        mark_results(station.election, is_final=False, by=by)


def prepare_published_results(sender, instance, **kwargs):
    """Results published, or labelled preliminary/final: the worker computes them once the
    change is committed (results.tasks.prepare_public_results)."""
    election_id = instance.pk if sender is Election else instance.election_id
    if not settings.RESULTS_PREPARED_ON_PUBLICATION:
        return
    if sender is Election and instance.status != Election.Status.RESULTS_PUBLISHED:
        return
    from results.tasks import prepare_public_results

    transaction.on_commit(lambda: prepare_public_results.enqueue(election_id))


def connect():
    counting_reopened.connect(results_preliminary_again, dispatch_uid="results-reopened")
    for model in (ResultsStatus, CityFollowUp):
        post_save.connect(
            forget_stored_pages, sender=model, dispatch_uid=f"results-{model.__name__}-saved"
        )
        post_delete.connect(
            forget_stored_pages, sender=model, dispatch_uid=f"results-{model.__name__}-deleted"
        )
    for model in (Election, ResultsStatus):
        post_save.connect(
            prepare_published_results,
            sender=model,
            dispatch_uid=f"results-prepare-after-{model.__name__}",
        )
    for name, signal in (("published", page_published), ("unpublished", page_unpublished)):
        signal.connect(
            forget_stored_pages, sender=ElectionResultsPage, dispatch_uid=f"results-page-{name}"
        )
