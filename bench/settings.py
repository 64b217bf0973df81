"""Production settings plus the bench-only URLconf (`bench/urls.py`): the benchmarks serve the
minimal insert view from the same gunicorn as the site, and production never routes to it."""

from campaign.settings.production import *  # noqa: F403 - production, one change

ROOT_URLCONF = "bench.urls"
