"""The districts' participation as a map: published counts over the outlines uploaded to each
district (base.geojson). Districts without an outline are left off the map, never off the
table beside it."""

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass

from base.geojson import read_boundary
from base.models import District
from results.charts import Choropleth, Region, choropleth
from results.selectors.tables import AreaCount


@dataclass(frozen=True)
class DistrictMap:
    map: Choropleth
    is_schematic: bool  # some outline is a sketch: the caption says so
    missing: tuple[str, ...]  # districts with no outline


def district_map(districts: Sequence[AreaCount]) -> DistrictMap | None:
    """Children who voted in each district with an outline (a hidden count stays hidden;
    a district without a station is drawn blank), or None when no district has one."""
    counts = {d.id: d for d in districts}
    outlined = [
        (district, boundary)
        for district in District.objects.exclude(boundary="").only("pk", "name", "boundary")
        if (boundary := read_boundary(district.boundary)) is not None
    ]
    drawn = choropleth(
        [
            Region(
                name=district.name,
                polygons=boundary.polygons,
                value=count.total if (count := counts.get(district.pk)) else None,
                is_hidden=count is not None and count.total is None,
            )
            for district, boundary in outlined
        ]
    )
    if drawn is None:
        return None
    outlined_ids = {district.pk for district, _boundary in outlined}
    return DistrictMap(
        map=drawn,
        is_schematic=any(boundary.is_schematic for _district, boundary in outlined),
        missing=tuple(d.name for d in districts if d.id not in outlined_ids),
    )


def outlines_version() -> str:
    """Changes whenever an outline is uploaded, replaced or removed (an upload always gets a
    new file name): for the cache keys of pages that draw the map."""
    names = District.objects.exclude(boundary="").order_by("pk").values_list("pk", "boundary")
    return hashlib.sha256(repr(list(names)).encode()).hexdigest()[:16]
