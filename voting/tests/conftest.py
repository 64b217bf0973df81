import pytest

from .factories import open_station_set_up


@pytest.fixture
def station_set_up(db):
    return open_station_set_up()
