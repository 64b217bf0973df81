"""Reads of the children's smiley answers: counts per station, for the station desk."""

from dataclasses import dataclass

from mock_elections.models import PollingStation

from ..models import StationFeedback


@dataclass(frozen=True)
class FaceCount:
    face: str
    label: str
    count: int


def station_feedback(station: PollingStation) -> list[FaceCount]:
    """Every face with how many children of the station chose it (0 when none did)."""
    counts = dict(StationFeedback.objects.filter(station=station).values_list("face", "count"))
    return [
        FaceCount(face=face.value, label=str(face.label), count=counts.get(face.value, 0))
        for face in StationFeedback.Face
    ]
