"""Election setup figures: loading the demo election, drawing station posters, and reading
the ballot a tablet asks for (time and number of queries).

Runs in its own process on a fresh temporary SQLite database (or BENCH_DATABASE_URL, e.g. a
PostgreSQL database of your own), so it never touches the site's data.
"""

import os
import time

from bench.common import run_module_in_fresh_database


def run():
    run_module_in_fresh_database("bench.mock_elections")


def timed(label, action, repeat=1):
    started = time.perf_counter()
    for _ in range(repeat):
        result = action()
    elapsed = (time.perf_counter() - started) / repeat
    print(f"  {label}: {elapsed * 1000:.1f} ms")
    return result


def measure():
    import io

    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    settings.MEDIA_ROOT = os.environ["BENCH_MEDIA_ROOT"]
    call_command("migrate", verbosity=0)

    from base import demo as base_demo
    from mock_elections import demo, posters, selectors
    from mock_elections.models import Election

    print(f"  database: {connection.vendor}")
    base_demo.load(io.StringIO())
    timed("demo election, first load (images drawn)", lambda: demo.load(io.StringIO()))
    timed("demo election, second load (nothing changes)", lambda: demo.load(io.StringIO()))

    election = Election.objects.get(slug=demo.ELECTION_SLUG)
    stations = list(election.stations.select_related("election", "theme_illustration"))
    for size in posters.PAGE_SIZES:
        timed(
            f"all {len(stations)} station posters {size}",
            lambda size=size: [posters.station_poster_pdf(s, size) for s in stations],
        )

    band = election.age_bands.get(min_age=5)
    with CaptureQueriesContext(connection) as queries:
        questions = selectors.questions_for_age_band(election, band)
        texts = [selectors.question_text_for(question, band) for question in questions]
        [len(question.options.all()) for question in questions]
    print(f"  ballot for one age band: {len(texts)} questions in {len(queries)} queries")
    timed(
        "ballot for one age band, mean of 200",
        lambda: [
            selectors.question_text_for(question, band)
            for question in selectors.questions_for_age_band(election, band)
        ],
        repeat=200,
    )


if __name__ == "__main__":
    measure()
