"""Who may see what, and when: the release rules and the key that changes with them."""

import datetime

from django.conf import settings
from django.utils import timezone

from mock_elections.models import Election
from results.models import ResultsStatus
from results.suppression import DEFAULT_THRESHOLD
from voting.models import Vote

ABSTAIN = "abstain"
PAPER = "paper"
TABLET = "tablet"
# Published results rarely change; preliminary ones may (paper ballots, corrections).
FINAL_RESULTS_CACHE_SECONDS = 10 * 60
PRELIMINARY_RESULTS_CACHE_SECONDS = 60
# "Not yet published" may be cached, but never past the release time nor for over a minute.
NOT_YET_CACHE_SECONDS = 60


def small_count_threshold() -> int:
    """Counts below this are hidden in public output (setting RESULTS_SMALL_COUNT_THRESHOLD)."""
    return int(getattr(settings, "RESULTS_SMALL_COUNT_THRESHOLD", DEFAULT_THRESHOLD))


def is_public(election: Election, now: datetime.datetime | None = None) -> bool:
    """Results are public once organisers published them and the release time has come.
    A rehearsal never is."""
    now = now or timezone.now()
    return (
        election.status == Election.Status.RESULTS_PUBLISHED
        and not election.is_rehearsal
        and now >= election.results_release_at
    )


def shows_public_counter(election: Election) -> bool:
    """The "N children have voted" counter: only while voting, only if organisers want it,
    never for a rehearsal."""
    return (
        election.show_public_counter
        and not election.is_rehearsal
        and election.status == Election.Status.OPEN
    )


def public_counter_total(election: Election) -> int:
    return Vote.objects.filter(election=election).count()


def not_yet_cache_seconds(election: Election, now: datetime.datetime | None = None) -> int:
    """How long a "results not yet public" answer may be cached: until the release time, and
    never over a minute, so publishing shows within a minute at the latest."""
    now = now or timezone.now()
    until_release = int((election.results_release_at - now).total_seconds())
    return max(1, min(NOT_YET_CACHE_SECONDS, until_release))


def results_status(election: Election) -> ResultsStatus | None:
    return ResultsStatus.objects.filter(election=election).first()


def results_version(election: Election) -> str:
    """Everything that changes what the public sees, for cache keys: publication status, the
    release time, the preliminary/final label and when it last changed, the threshold.
    It is read from the database, so every app server sharing it agrees on it."""
    status = results_status(election)
    marker = f"{status.is_final:d}-{status.updated_at.timestamp():.0f}" if status else "none"
    release = f"{election.results_release_at.timestamp():.0f}"
    return f"{election.pk}:{election.status}:{release}:{marker}:{small_count_threshold()}"
