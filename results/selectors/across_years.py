"""Children's elections across years (M42): every public election's participation and its
questions' results side by side, read from each election's public (suppressed) results, so
a count hidden in one election's files is hidden here too."""

import datetime
import hashlib

from django.utils import timezone

from mock_elections.models import Election
from results.selectors.public import public_results
from results.selectors.publication import is_public, results_version
from results.selectors.tables import PublicResults


def _public_elections(now: datetime.datetime) -> list[Election]:
    candidates = Election.objects.filter(
        status=Election.Status.RESULTS_PUBLISHED, is_rehearsal=False, results_release_at__lte=now
    ).order_by("election_date", "pk")
    return [election for election in candidates if is_public(election, now)]


def elections_across_years(now: datetime.datetime | None = None) -> tuple[PublicResults, ...]:
    """Every election whose results are public, oldest first. One still being computed by
    another process (just published) is left out until it is ready."""
    now = now or timezone.now()
    found = (public_results(election, now) for election in _public_elections(now))
    return tuple(data for data in found if data is not None)


def across_years_version(now: datetime.datetime | None = None) -> str:
    """Changes whenever any election's public results do: for the cache keys of pages and
    files that show them all."""
    now = now or timezone.now()
    versions = ",".join(results_version(election) for election in _public_elections(now))
    return hashlib.sha256(versions.encode()).hexdigest()[:16]
