"""Render times of the campaign site: home page and a story page, uncached and from the page
cache, and the share-card renderer; the story page's SQL queries (goal ≤ 22, none repeated,
bakerydemo's blog page makes 22) and its uncached render time as a ratio to the plainest page
(a content page with one paragraph) in the same run. Runs in its own process on a temporary
SQLite database with the demo content, so it never touches a developer's data.

    python -m bench site
"""

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROUNDS = 30
TARGETS_MS = {"story uncached": 50, "story cached": 5, "share card": 300}
STORY_QUERY_GOAL = 22


def _median_ms(action, rounds=ROUNDS, before_each=None):
    timings = []
    for _ in range(rounds):
        if before_each:
            before_each()
        started = time.perf_counter()
        action()
        timings.append((time.perf_counter() - started) * 1000)
    return statistics.median(timings)


def measure(media_root):
    import warnings

    import django

    # The test settings serve static files without a collected folder; that is fine here.
    warnings.filterwarnings("ignore", message="No directory at")
    django.setup()
    from io import StringIO

    from django.conf import settings

    settings.MEDIA_ROOT = media_root  # the test settings' own folder is for tests

    from django.core.management import call_command
    from django.test import Client

    call_command("migrate", verbosity=0)
    call_command("load_demo", stdout=StringIO())

    from base import page_cache
    from stories import cards
    from stories.models import StoryPage

    story = StoryPage.objects.live().filter(locale__language_code="lv").first()
    client = Client(HTTP_HOST="localhost")

    def fetch(path):
        def get():
            response = client.get(path)
            assert response.status_code == 200, (path, response.status_code)

        return get

    plain = _plainest_page()
    results = {}
    for name, path in (("home", "/"), ("story", story.url), ("plain page", plain.url)):
        fetch(path)()  # warm up templates, renditions and site lookups
        results[f"{name} uncached"] = _median_ms(
            fetch(path), before_each=page_cache.start_new_generation
        )
        fetch(path)()
        results[f"{name} cached"] = _median_ms(fetch(path))

    portrait = cards.portrait_source(story.portrait)
    text = cards.story_card_text(story, *cards.site_facts(story))
    results["share card"] = _median_ms(
        lambda: cards.render_card("1080x1080", text, portrait), rounds=10
    )
    results["share card 1200x630"] = _median_ms(
        lambda: cards.render_card("1200x630", text, portrait), rounds=10
    )

    print(f"median of {ROUNDS} requests (share cards: 10 renders), SQLite, demo content")
    _print_story_queries(client, story.url)
    ratio = results["story uncached"] / results["plain page uncached"]
    print(f"  story / plainest page, uncached: {ratio:5.2f}×  (the cost of the story's features)")
    for name, milliseconds in results.items():
        line = f"  {name:<22} {milliseconds:8.2f} ms"
        target = TARGETS_MS.get(name)
        if target is not None:
            line += f"  (target ≤ {target} ms: {'ok' if milliseconds <= target else 'MISSED'})"
        print(line, flush=True)


def _plainest_page():
    """A content page with one paragraph, under the Latvian home page."""
    from base.models import ContentPage
    from home.models import HomePage

    home = HomePage.objects.get(locale__language_code="lv")
    page = home.add_child(
        instance=ContentPage(
            title="Vienkārša lapa", slug="bench-plain", body=[("text", "<p>Viena rindkopa.</p>")]
        )
    )
    page.save_revision().publish()
    return page


def _print_story_queries(client, path):
    from collections import Counter

    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from base import page_cache

    page_cache.start_new_generation()
    with CaptureQueriesContext(connection) as captured:
        client.get(path)
    counts = Counter(query["sql"] for query in captured.captured_queries)
    total, repeated = len(captured), sum(times - 1 for times in counts.values())
    verdict = "ok" if total <= STORY_QUERY_GOAL and not repeated else "MISSED"
    print(
        f"  story page SQL queries: {total}, repeated: {repeated}  "
        f"(goal ≤ {STORY_QUERY_GOAL}, none repeated: {verdict})"
    )


def run():
    root = Path(__file__).resolve().parent.parent
    with tempfile.TemporaryDirectory(prefix="bench-site-") as workdir:
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "campaign.settings.test",
            "DATABASE_URL": f"sqlite:///{workdir}/bench.sqlite3",
            "LOG_LEVEL": "WARNING",
        }
        env.pop("REDIS_URL", None)
        code = f"from bench.site import measure; measure({workdir!r})"
        subprocess.run([sys.executable, "-c", code], cwd=root, env=env, check=True)


if __name__ == "__main__":
    run()
