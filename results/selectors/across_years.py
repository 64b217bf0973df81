"""Children's elections across years (M42): every public election's participation and its
questions' results side by side, read from each election's public (suppressed) results, so
a count hidden in one election's files is hidden here too."""

import hashlib
from collections.abc import Sequence

from results.selectors.public import public_results
from results.selectors.publication import Publication
from results.selectors.tables import PublicResults


def elections_across_years(public: Sequence[Publication]) -> tuple[PublicResults, ...]:
    """The public results of these (public) elections, in their order. One still being
    computed by another process (just published) is left out until it is ready."""
    found = (public_results(publication) for publication in public)
    return tuple(data for data in found if data is not None)


def across_years_version(public: Sequence[Publication]) -> str:
    """Changes whenever any of these elections' public results do: for the cache keys of
    pages and files that show them all."""
    versions = ",".join(publication.version for publication in public)
    return hashlib.sha256(versions.encode()).hexdigest()[:16]
