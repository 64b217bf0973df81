import pytest

from django.core.cache import cache

from .factories import open_station_set_up


@pytest.fixture(autouse=True)
def cache_emptied_after():
    """Rows get the same ids again in the next test; nothing cached must outlive the test
    that made it."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def station_set_up(db):
    return open_station_set_up()
