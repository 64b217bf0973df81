"""District boundaries: what an upload must be, in both languages; junk never gets through
as anything but a refusal."""

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from base.geojson import MAX_BYTES, parse_boundary, validate_boundary_file

SQUARE = [[21.0, 56.5], [21.1, 56.5], [21.1, 56.6], [21.0, 56.6], [21.0, 56.5]]


def encoded(document):
    return json.dumps(document).encode()


def test_a_polygon_a_multipolygon_and_a_feature_collection_are_read():
    polygon = {"type": "Polygon", "coordinates": [SQUARE]}
    assert parse_boundary(encoded(polygon)).polygons == [[[tuple(p) for p in SQUARE]]]
    multi = {"type": "MultiPolygon", "coordinates": [[SQUARE], [SQUARE]]}
    assert len(parse_boundary(encoded(multi)).polygons) == 2
    collection = {
        "type": "FeatureCollection",
        "features": [
            {"type": "Feature", "properties": {}, "geometry": polygon},
            {"type": "Feature", "properties": {"schematic": True}, "geometry": multi},
        ],
    }
    boundary = parse_boundary(encoded(collection))
    assert len(boundary.polygons) == 3 and boundary.is_schematic
    assert not parse_boundary(encoded(polygon)).is_schematic


@pytest.mark.parametrize(
    ("content", "code"),
    [
        (b"{not json", "json"),
        (b"\xff\xfe", "json"),
        (encoded([1, 2]), "type"),
        (encoded({"type": "Point", "coordinates": [21.0, 56.5]}), "type"),
        (encoded({"type": "Polygon", "coordinates": []}), "polygon"),
        (encoded({"type": "Polygon", "coordinates": [SQUARE[:3]]}), "ring"),
        (encoded({"type": "Polygon", "coordinates": [[*SQUARE[:4], ["a", 1]]]}), "point"),
        (encoded({"type": "Polygon", "coordinates": [[*SQUARE[:4], [True, 1]]]}), "point"),
        (encoded({"type": "Polygon", "coordinates": [[[2100000, 56.5], *SQUARE[1:]]]}), "range"),
        (encoded({"type": "FeatureCollection", "features": []}), "empty"),
        (b" " * (MAX_BYTES + 1), "size"),
    ],
)
def test_bad_boundaries_are_refused_with_a_reason(content, code):
    with pytest.raises(ValidationError) as refusal:
        parse_boundary(content)
    assert refusal.value.code == code


def test_too_many_points_are_refused():
    ring = [[21.0 + i * 1e-6, 56.5] for i in range(20_001)]
    with pytest.raises(ValidationError) as refusal:
        parse_boundary(encoded({"type": "Polygon", "coordinates": [[*ring, ring[0]]]}))
    assert refusal.value.code == "points"


def test_the_refusal_is_in_latvian_for_latvian_screens():
    upload = SimpleUploadedFile("apkaime.geojson", b'{"type": "Point"}')
    with translation.override("lv"), pytest.raises(ValidationError) as refusal:
        validate_boundary_file(upload)
    assert "Tikai" in refusal.value.messages[0]


def test_a_large_upload_is_refused_before_it_is_read():
    upload = SimpleUploadedFile("apkaime.geojson", b" " * (MAX_BYTES + 1))
    with pytest.raises(ValidationError) as refusal:
        validate_boundary_file(upload)
    assert refusal.value.code == "size"


json_values = st.recursive(
    st.none() | st.booleans() | st.floats(allow_nan=False) | st.integers() | st.text(max_size=8),
    lambda children: (
        st.lists(children, max_size=5)
        | st.dictionaries(
            st.sampled_from(["type", "coordinates", "features", "geometry", "properties"]),
            children,
            max_size=4,
        )
    ),
    max_leaves=30,
)
geo_types = st.sampled_from(["Polygon", "MultiPolygon", "Feature", "FeatureCollection", "X"])


@settings(max_examples=300, deadline=None)
@given(
    document=st.fixed_dictionaries(
        {"type": geo_types}, optional={"coordinates": json_values, "features": json_values}
    )
    | json_values,
)
def test_any_json_is_read_or_refused_never_crashes(document):
    """The attacker's upload: whatever JSON it is, the answer is a boundary whose every point
    lies on the Earth, or a refusal."""
    try:
        boundary = parse_boundary(encoded(document))
    except ValidationError:
        return
    for polygon in boundary.polygons:
        for ring in polygon:
            assert len(ring) >= 4
            assert all(-180 <= lon <= 180 and -90 <= lat <= 90 for lon, lat in ring)
