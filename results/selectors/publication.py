"""Who may see what, and when: the release rules and the key that changes with them.

An election's results status is read once per request, with the election (`Publication`),
and handed to whatever needs it; it is never kept from one request to the next, so a new
label or an un-publication shows at once."""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.db.models import QuerySet
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


@dataclass(frozen=True)
class Publication:
    """An election with its results status, read once for one request (or one computation):
    the cache keys, the preliminary/final label and how long a page is kept all come from
    this one read, so they agree with each other. Never kept between requests: an
    un-publication or a new label must show on the very next one."""

    election: Election
    status: ResultsStatus | None

    @property
    def is_final(self) -> bool:
        return bool(self.status and self.status.is_final)

    @property
    def version(self) -> str:
        """Everything that changes what the public sees, for cache keys: publication status,
        the release time, the preliminary/final label and when it last changed, the
        threshold. It is read from the database, so every app server sharing it agrees."""
        status = self.status
        marker = f"{status.is_final:d}-{status.updated_at.timestamp():.0f}" if status else "none"
        release = f"{self.election.results_release_at.timestamp():.0f}"
        return (
            f"{self.election.pk}:{self.election.status}:{release}:{marker}"
            f":{small_count_threshold()}"
        )


def publication_of(election: Election) -> Publication:
    """The election's publication as it stands now (one query for its results status)."""
    return Publication(election, results_status(election))


def publications_of(elections: QuerySet[Election]) -> list[Publication]:
    """These elections' publications: each election read with its results status, all in
    one query."""
    return [
        # select_related leaves None where an election has no status yet: no further query.
        Publication(election, getattr(election, "results_status", None))
        for election in elections.select_related("results_status")
    ]


def public_elections(now: datetime.datetime | None = None) -> tuple[Publication, ...]:
    """Every election whose results are public, oldest first, each with its results status:
    one query, for the versions and the results alike."""
    now = now or timezone.now()
    candidates = Election.objects.filter(
        status=Election.Status.RESULTS_PUBLISHED, is_rehearsal=False, results_release_at__lte=now
    ).order_by("election_date", "pk")
    return tuple(
        publication
        for publication in publications_of(candidates)
        if is_public(publication.election, now)
    )


def page_publications(
    election_id: int, now: datetime.datetime
) -> tuple[Publication, tuple[Publication, ...]]:
    """A results page's own election and every public election, each with its results
    status, read once for this request: the page's election is taken from the public ones
    when it is one of them, and read on its own only when it is not (yet)."""
    public = public_elections(now)
    own = next((p for p in public if p.election.pk == election_id), None)
    if own is None:
        own = publications_of(Election.objects.filter(pk=election_id))[0]
    return own, public
