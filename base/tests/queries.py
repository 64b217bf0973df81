"""Pin how many SQL queries a page costs, and that none is asked twice."""

from collections import Counter
from collections.abc import Callable

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from base import page_cache


def uncached_queries(
    client: Client, url: str, forget: Callable[[], None] = page_cache.start_new_generation
) -> list[str]:
    """The SQL of one uncached GET of `url` (after a warm-up that fills Wagtail's caches);
    `forget` empties whatever cache would answer the second GET."""
    assert client.get(url).status_code == 200
    forget()
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return [query["sql"] for query in captured.captured_queries]


def assert_query_count(
    client: Client,
    url: str,
    expected: int,
    forget: Callable[[], None] = page_cache.start_new_generation,
) -> None:
    queries = uncached_queries(client, url, forget)
    repeated = [sql for sql, times in Counter(queries).items() if times > 1]
    assert repeated == [], "\n\n".join(repeated)
    assert len(queries) == expected, "\n\n".join(queries)
