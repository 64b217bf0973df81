"""The districts' participation as a map: published counts over the outlines uploaded to each
district (base.geojson). Districts without an outline are left off the map, never off the
table beside it."""

from collections.abc import Sequence
from dataclasses import dataclass

from base.geojson import read_boundary
from base.models import District
from results.charts import Choropleth, choropleth
from results.selectors.tables import AreaCount


@dataclass(frozen=True)
class DistrictMap:
    map: Choropleth
    is_schematic: bool  # some outline is a sketch: the caption says so
    missing: tuple[str, ...]  # districts with no outline


def district_map(districts: Sequence[AreaCount]) -> DistrictMap | None:
    """Children who voted per district (a hidden count stays hidden), or None when no
    district has an outline."""
    stored = District.objects.only("pk", "boundary").in_bulk([d.id for d in districts])
    boundaries = {d.id: read_boundary(stored[d.id].boundary) for d in districts if d.id in stored}
    drawn = choropleth(
        [(d.name, b.polygons if (b := boundaries.get(d.id)) else [], d.total) for d in districts]
    )
    if drawn is None:
        return None
    return DistrictMap(
        map=drawn,
        is_schematic=any(b is not None and b.is_schematic for b in boundaries.values()),
        missing=tuple(d.name for d in districts if boundaries.get(d.id) is None),
    )
