"""District boundaries as GeoJSON: what an upload must be, and its polygons read back.

The site draws its maps itself (results.charts), so only the geometry matters here: a
Polygon or MultiPolygon, bare or inside a Feature or FeatureCollection, in WGS 84 longitude
and latitude as GeoJSON says (RFC 7946). Anything else is refused in the user's language
before it is stored, and the file and point limits keep a map page quick to draw."""

import json
from dataclasses import dataclass
from typing import Any

from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db.models.fields.files import FieldFile
from django.utils.translation import gettext_lazy as _

MAX_BYTES = 512 * 1024
MAX_POINTS = 20_000
# Parsed boundaries are kept by file name: a new upload gets a new name, so a replaced
# boundary is never drawn from the cache.
CACHE_SECONDS = 24 * 60 * 60

Point = tuple[float, float]  # (longitude, latitude)
Ring = list[Point]
Polygon = list[Ring]  # the outer ring, then any holes


@dataclass(frozen=True)
class Boundary:
    polygons: list[Polygon]
    # A drawn sketch, not a surveyed outline (the demo's): maps then say so. Set with
    # "properties": {"schematic": true} on the document or any of its features.
    is_schematic: bool


def _ring(raw: Any) -> Ring:
    if not isinstance(raw, list) or len(raw) < 4:
        raise ValidationError(_("Each boundary ring needs at least four points."), "ring")
    ring = []
    for point in raw:
        if (
            not isinstance(point, list)
            or len(point) < 2
            or not all(isinstance(v, int | float) and not isinstance(v, bool) for v in point[:2])
        ):
            raise ValidationError(_("A point is not a pair of numbers."), "point")
        longitude, latitude = float(point[0]), float(point[1])
        if not (-180 <= longitude <= 180 and -90 <= latitude <= 90):
            raise ValidationError(
                _("A point lies outside the Earth: give longitude and latitude in WGS 84."),
                "range",
            )
        ring.append((longitude, latitude))
    return ring


def _polygon(raw: Any) -> Polygon:
    if not isinstance(raw, list) or not raw:
        raise ValidationError(_("A polygon has no rings."), "polygon")
    return [_ring(ring) for ring in raw]


def _geometries(data: Any) -> list[Polygon]:
    if not isinstance(data, dict):
        raise ValidationError(_("The file is not a GeoJSON object."), "type")
    kind = data.get("type")
    if kind == "FeatureCollection":
        features = data.get("features")
        if not isinstance(features, list):
            raise ValidationError(_("The feature collection has no list of features."), "type")
        return [polygon for feature in features for polygon in _geometries(feature)]
    if kind == "Feature":
        return _geometries(data.get("geometry"))
    if kind == "Polygon":
        return [_polygon(data.get("coordinates"))]
    if kind == "MultiPolygon":
        coordinates = data.get("coordinates")
        if not isinstance(coordinates, list):
            raise ValidationError(_("A polygon has no rings."), "polygon")
        return [_polygon(polygon) for polygon in coordinates]
    raise ValidationError(
        _("Only Polygon and MultiPolygon shapes can be a district's boundary."), "type"
    )


def _too_large() -> ValidationError:
    return ValidationError(
        _("The boundary file is larger than %(limit)d KB.") % {"limit": MAX_BYTES // 1024},
        "size",
    )


def _schematic(data: Any) -> bool:
    if not isinstance(data, dict):
        return False
    properties = data.get("properties")
    if isinstance(properties, dict) and properties.get("schematic") is True:
        return True
    features = data.get("features")
    return isinstance(features, list) and any(_schematic(feature) for feature in features)


def parse_boundary(content: bytes) -> Boundary:
    """The boundary in a GeoJSON document, or ValidationError saying what is wrong."""
    if len(content) > MAX_BYTES:
        raise _too_large()
    try:
        data = json.loads(content.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError) as error:
        raise ValidationError(_("The file is not valid GeoJSON (JSON text)."), "json") from error
    polygons = _geometries(data)
    if not polygons:
        raise ValidationError(_("The file holds no boundary."), "empty")
    if sum(len(ring) for polygon in polygons for ring in polygon) > MAX_POINTS:
        raise ValidationError(
            _("The boundary has more than %(limit)d points: simplify it first.")
            % {"limit": MAX_POINTS},
            "points",
        )
    return Boundary(polygons=polygons, is_schematic=_schematic(data))


def validate_boundary_file(value: Any) -> None:
    """Model field validator: the upload (or stored file) must parse as a boundary."""
    if value.size is not None and value.size > MAX_BYTES:
        raise _too_large()  # before reading a large upload into memory
    value.open("rb")
    value.seek(0)
    content = value.read()
    value.seek(0)
    parse_boundary(content)


def read_boundary(field: FieldFile) -> Boundary | None:
    """A stored boundary, or None when there is none or it cannot be read."""
    if not field:
        return None
    key = f"base:boundary:{field.name}"
    boundary: Boundary | None = cache.get(key)
    if boundary is None:
        try:
            with field.open("rb") as handle:
                boundary = parse_boundary(handle.read())
        except (OSError, ValidationError):
            return None
        cache.set(key, boundary, CACHE_SECONDS)
    return boundary
