"""StudyQuery: the exact parameters a search sends, without any HTTP."""

from __future__ import annotations

import json
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from screener.ctgov import GeoPoint, StudyQuery, normalise_nct_id
from screener.errors import InvalidQuery

# filter.geo pattern from the OpenAPI spec 2.0.5, with the unit made mandatory (a bare number means metres).
GEO_WITH_UNIT = re.compile(r"^distance\(-?\d+(\.\d+)?,-?\d+(\.\d+)?,\d+(\.\d+)?(km|mi)\)$")


@given(
    lat=st.floats(min_value=-90, max_value=90),
    lon=st.floats(min_value=-180, max_value=180),
    miles=st.floats(min_value=0.5, max_value=500),
)
def test_geo_filter_always_matches_the_spec_pattern_with_a_unit(lat, lon, miles):
    query = StudyQuery(condition="low back pain", near=GeoPoint(lat, lon), miles=miles)
    assert GEO_WITH_UNIT.match(query.to_params()["filter.geo"])


@pytest.mark.parametrize(
    "kwargs",
    [
        {},
        {"condition": "   "},
        {"condition": "low back pain", "miles": 20},
        {"condition": "low back pain", "near": GeoPoint(1, 2), "miles": 0},
        {"condition": "low back pain", "statuses": ("recruiting",)},
        {"condition": "low back pain", "page_size": 1001},
    ],
)
def test_searches_that_cannot_be_sent_are_refused(kwargs):
    with pytest.raises(InvalidQuery):
        StudyQuery(**kwargs)


@pytest.mark.parametrize("text", ["91,0", "0,181", "42.36", "north,south"])
def test_places_off_the_map_are_refused(text):
    with pytest.raises(InvalidQuery):
        GeoPoint.parse(text)


@pytest.mark.parametrize(
    "text,canonical", [("NCT06008288", "NCT06008288"), (" nct6008288 ", "NCT06008288"), ("NCT00000001", "NCT00000001")]
)
def test_nct_numbers_are_normalised(text, canonical):
    assert normalise_nct_id(text) == canonical


def test_incremental_query_keeps_the_search_and_drops_the_status_filter():
    base = StudyQuery(condition="low back pain", advanced="AREA[StudyType]INTERVENTIONAL")
    since = base.updated_since("2026-09-25")
    params = since.to_params()
    assert params["query.cond"] == "low back pain"
    assert (
        params["filter.advanced"] == "(AREA[StudyType]INTERVENTIONAL) AND AREA[LastUpdatePostDate]RANGE[2026-09-25,MAX]"
    )
    assert "filter.overallStatus" not in params


def test_query_round_trips_through_its_json():
    query = StudyQuery(condition="sciatica", term="surgery", near=GeoPoint(42.36, -71.06), miles=30, page_size=200)
    assert StudyQuery.from_json(json.loads(json.dumps(query.to_json()))) == query
