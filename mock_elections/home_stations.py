"""What the campaign home page shows of the children's election: the stations beside the
adult precincts. Registered into home from `MockElectionsConfig.ready()`, because home sits
below this app and must not import it."""

from home.selectors import StationBeside
from mock_elections.models import Election, PollingStation


def stations_beside_precincts() -> list[StationBeside]:
    """Stations of real (not rehearsal) elections past their draft, by precinct then name."""
    stations = (
        PollingStation.objects.filter(election__is_rehearsal=False)
        .exclude(election__status=Election.Status.DRAFT)
        .order_by("adult_precinct_number", "name")
    )
    return [
        StationBeside(
            name=station.display_name,
            address=station.address,
            opening_hours=station.opening_hours,
            adult_precinct_number=station.adult_precinct_number,
            adult_precinct_name=station.adult_precinct_name,
        )
        for station in stations
    ]
