import pytest

from django.core.cache import cache


@pytest.fixture(autouse=True)
def cache_emptied_after():
    """Results are cached by election id, and test databases reuse ids."""
    cache.clear()
    yield
    cache.clear()
