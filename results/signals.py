"""Changes that must reach results readers at once, not after the cache's minute."""

from django.db.models.signals import post_delete, post_save

from wagtail.signals import page_published, page_unpublished

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


def connect():
    counting_reopened.connect(results_preliminary_again, dispatch_uid="results-reopened")
    for model in (ResultsStatus, CityFollowUp):
        post_save.connect(
            forget_stored_pages, sender=model, dispatch_uid=f"results-{model.__name__}-saved"
        )
        post_delete.connect(
            forget_stored_pages, sender=model, dispatch_uid=f"results-{model.__name__}-deleted"
        )
    for name, signal in (("published", page_published), ("unpublished", page_unpublished)):
        signal.connect(
            forget_stored_pages, sender=ElectionResultsPage, dispatch_uid=f"results-page-{name}"
        )
