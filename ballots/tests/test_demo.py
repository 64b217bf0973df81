import io

import pytest

from ballots import demo
from ballots.models import Ballot, BallotBatch
from mock_elections.models import Election

from .factories import ElectionFactory, StationFactory

pytestmark = pytest.mark.django_db


def test_demo_prints_a_batch_per_station_once():
    live = ElectionFactory(slug="berni-2025", status=Election.Status.RESULTS_PUBLISHED)
    rehearsal = ElectionFactory(slug="meginajums-2025", is_rehearsal=True)
    StationFactory.create_batch(2, election=live)
    StationFactory(election=rehearsal)
    for _run in range(2):
        demo.load(io.StringIO())
    assert BallotBatch.objects.count() == 3
    assert Ballot.objects.filter(station__election=live).count() == 600
    assert Ballot.objects.filter(is_rehearsal=True).count() == 20


def test_demo_without_the_demo_elections_does_nothing():
    output = io.StringIO()
    demo.load(output)
    assert not BallotBatch.objects.exists()
    assert "berni-2025" in output.getvalue()
