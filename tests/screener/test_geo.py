"""Offline places and distances: US ZIP codes, cities, haversine miles."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from screener.errors import GeocodeError
from screener.geo import Geocoder, haversine_miles

GEOCODER = Geocoder()


@pytest.mark.parametrize(
    ("text", "label", "lat", "lon"),
    [
        ("10001", "New York, NY 10001", 40.75, -74.00),
        ("02115-1234", "Boston, MA 02115", 42.34, -71.09),
        ("Boston, MA", "Boston, MA", 42.36, -71.06),
        ("boston", "Boston, MA", 42.36, -71.06),
        ("Boston, United Kingdom", "Boston, United Kingdom", 52.98, -0.03),
        ("zurich", "Zürich, Switzerland", 47.37, 8.55),
    ],
)
def test_place_is_found_offline(text, label, lat, lon):
    place = GEOCODER.locate(text)
    assert place.label == label
    assert place.lat == pytest.approx(lat, abs=0.05)
    assert place.lon == pytest.approx(lon, abs=0.05)


@pytest.mark.parametrize("text", ["00000", "Xyzzyville", "", "Boston, Texas"])
def test_unknown_place_raises_geocode_error_with_advice(text):
    with pytest.raises(GeocodeError) as err:
        GEOCODER.locate(text)
    assert "ZIP" in str(err.value) or "city" in str(err.value)


def test_zip_answer_carries_postal_code_for_the_profile():
    assert GEOCODER.locate("10001").to_answer()["postal_code"] == "10001"


def test_new_york_to_boston_is_about_190_miles():
    assert haversine_miles(40.7484, -73.9967, 42.3584, -71.0598) == pytest.approx(190, abs=5)


_lat = st.floats(-90, 90)
_lon = st.floats(-180, 180)


@given(_lat, _lon, _lat, _lon)
def test_distance_is_symmetric_and_bounded(lat1, lon1, lat2, lon2):
    there = haversine_miles(lat1, lon1, lat2, lon2)
    assert there == pytest.approx(haversine_miles(lat2, lon2, lat1, lon1), abs=1e-6)
    assert 0 <= there <= 12_450  # half of the Earth's circumference
