import io

import pytest

from wagtail.images import get_image_model

from base import demo as base_demo
from mock_elections import demo
from mock_elections.models import (
    BallotOption,
    Election,
    ElectionTransition,
    PollingStation,
    QuestionProposal,
)

pytestmark = pytest.mark.django_db


def counts():
    return (
        Election.objects.count(),
        PollingStation.objects.count(),
        BallotOption.objects.count(),
        QuestionProposal.objects.count(),
        ElectionTransition.objects.count(),
        get_image_model().objects.count(),
    )


def test_demo_election_is_liepaja_2025_and_loads_twice_without_duplicates(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    base_demo.load(io.StringIO())
    demo.load(io.StringIO())
    first = counts()
    demo.load(io.StringIO())
    assert counts() == first

    election = Election.objects.get(slug="berni-2025")
    assert election.title == "Demokrātija sākas ģimenē"
    assert election.status == Election.Status.CLOSED
    assert not election.is_rehearsal
    stations = election.stations.select_related("district")
    assert sorted(station.district.name for station in stations) == sorted(
        ["Vecliepāja", "Jaunliepāja", "Karosta", "Ziemeļu priekšpilsēta", "Tosmare", "Ezerkrasts"]
    )
    assert all(station.adult_precinct_number for station in stations)
    assert stations.filter(theme_motto="Būvēsim demokrātiju kopā").exists()
    questions = election.questions.all()
    assert len(questions) == 3
    for question in questions:
        options = question.options.all()
        assert 2 <= len(options) <= 4
        assert all(
            option.picture and option.picture.description == option.label for option in options
        )
    assert election.proposals.filter(status="promoted").count() == 3
    assert election.proposals.count() == 5
    assert [t.to_status for t in election.transitions.all()] == ["open", "closed"]

    rehearsal = Election.objects.get(slug="meginajums-2025")
    assert rehearsal.is_rehearsal
    assert rehearsal.stations.count() == 1
