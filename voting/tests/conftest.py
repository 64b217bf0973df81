import pytest

from django.core.cache import cache

from voting.selectors import forget_voting_tablets

from .factories import open_station_set_up


@pytest.fixture(autouse=True)
def empty_cache():
    """Rows get the same ids again in the next test; cached ballot rules and the tablets a
    process remembers must not outlive the test that made them."""
    cache.clear()
    forget_voting_tablets()
    yield
    cache.clear()
    forget_voting_tablets()


@pytest.fixture
def station_set_up(db):
    return open_station_set_up()
