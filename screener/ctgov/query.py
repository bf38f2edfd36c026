"""A trial search as a value, and the exact ``GET /studies`` parameters it sends.

The registry requires every page of a search to repeat the same parameters, so the
parameters come from one frozen value (``StudyQuery.to_params``) and never from
loose arguments that could drift between pages.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from screener.errors import InvalidNctId, InvalidQuery

#: Open trials only, unless the caller asks for other statuses.
DEFAULT_STATUSES: tuple[str, ...] = ("RECRUITING", "NOT_YET_RECRUITING")
#: The API's maximum; larger values are silently lowered to 1000 by the server.
MAX_PAGE_SIZE = 1000
DEFAULT_PAGE_SIZE = MAX_PAGE_SIZE
DEFAULT_MILES = 50.0

#: Only the pieces ``parse_study`` reads (a full record averages ~16 KB, up to ~600 KB with
#: results). Modules are named where parse_study reads most of them; single pieces elsewhere
#: so the detailed description, outcomes and results are never downloaded.
DEFAULT_FIELDS: tuple[str, ...] = (
    "NCTId",
    "BriefTitle",
    "OfficialTitle",
    "BriefSummary",
    "Condition",
    "Keyword",
    "ConditionMeshTerm",
    "Phase",
    "StudyType",
    "InterventionType",
    "InterventionName",
    "StatusModule",
    "EligibilityModule",
    "ContactsLocationsModule",
    "VersionHolder",
)

# Spec pattern for /studies/{nctId}; the canonical form is "NCT" + 8 digits.
_NCT_RE = re.compile(r"^NCT0*([1-9]\d{0,7})$")
_STATUS_RE = re.compile(r"^[A-Z_]+$")
_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def normalise_nct_id(text: str) -> str:
    """``"nct6008288"`` -> ``"NCT06008288"``; anything that is not an NCT number raises ``InvalidNctId``."""
    cleaned = text.strip().upper() if isinstance(text, str) else ""
    match = _NCT_RE.match(cleaned)
    if not match:
        raise InvalidNctId(
            f"{text!r} is not an NCT number.",
            hint="An NCT number is NCT followed by 8 digits, for example NCT06008288.",
        )
    return "NCT" + match.group(1).zfill(8)


def _plain_number(value: float) -> str:
    """Decimal text without exponent or trailing zeros: the ``filter.geo`` pattern rejects ``1e-05``."""
    text = f"{value:.6f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


@dataclass(frozen=True, slots=True)
class GeoPoint:
    lat: float
    lon: float

    def __post_init__(self) -> None:
        if not (-90.0 <= self.lat <= 90.0 and -180.0 <= self.lon <= 180.0):
            raise InvalidQuery(
                f"{self.lat},{self.lon} is not a place on Earth.",
                hint="Give latitude (-90..90) then longitude (-180..180), e.g. 42.3601,-71.0589.",
            )

    @classmethod
    def parse(cls, text: str) -> GeoPoint:
        """``"42.3601,-71.0589"`` -> ``GeoPoint(42.3601, -71.0589)``."""
        parts = [p.strip() for p in text.split(",")]
        try:
            lat, lon = (float(p) for p in parts)
        except ValueError as exc:
            raise InvalidQuery(
                f"{text!r} is not a location.", hint="Write LAT,LON in decimal degrees, e.g. 42.3601,-71.0589."
            ) from exc
        return cls(lat, lon)


@dataclass(frozen=True, slots=True)
class StudyQuery:
    """One registry search: condition, other terms, place and status (Essie syntax passes through)."""

    condition: str = ""
    term: str = ""
    near: GeoPoint | None = None
    miles: float | None = None
    statuses: tuple[str, ...] = DEFAULT_STATUSES
    advanced: str = ""
    fields: tuple[str, ...] = field(default=DEFAULT_FIELDS)
    page_size: int = DEFAULT_PAGE_SIZE

    def __post_init__(self) -> None:
        if not (self.condition.strip() or self.term.strip() or self.near or self.advanced.strip()):
            # With no query and no filter the API returns the whole registry (500,000+ studies).
            raise InvalidQuery(
                "The search has no condition, term, location or filter; it would fetch the whole registry.",
                hint='Give at least --condition, for example --condition "low back pain".',
            )
        if self.miles is not None and self.near is None:
            raise InvalidQuery("A distance was given without a place.", hint="Add --near LAT,LON.")
        if self.miles is not None and not self.miles > 0:
            raise InvalidQuery(f"The distance must be above 0 miles (got {self.miles}).")
        bad = [s for s in self.statuses if not _STATUS_RE.match(s)]
        if bad:
            raise InvalidQuery(
                f"Unknown status value(s): {', '.join(bad)}.",
                hint="Use registry enum names such as RECRUITING, NOT_YET_RECRUITING, ACTIVE_NOT_RECRUITING.",
            )
        if not 1 <= self.page_size <= MAX_PAGE_SIZE:
            raise InvalidQuery(f"pageSize must be between 1 and {MAX_PAGE_SIZE} (got {self.page_size}).")

    @property
    def geo_filter(self) -> str | None:
        """``distance(lat,lon,50mi)``: always with a unit, since a bare number means metres."""
        if self.near is None:
            return None
        miles = self.miles if self.miles is not None else DEFAULT_MILES
        return f"distance({_plain_number(self.near.lat)},{_plain_number(self.near.lon)},{_plain_number(miles)}mi)"

    def to_params(self) -> dict[str, str]:
        """The parameters every page of this search sends (paging adds only pageToken/countTotal)."""
        params: dict[str, str] = {"format": "json"}
        if self.condition.strip():
            params["query.cond"] = self.condition.strip()
        if self.term.strip():
            params["query.term"] = self.term.strip()
        if self.geo_filter:
            params["filter.geo"] = self.geo_filter
        if self.statuses:
            params["filter.overallStatus"] = "|".join(self.statuses)
        if self.advanced.strip():
            params["filter.advanced"] = self.advanced.strip()
        if self.fields:
            params["fields"] = "|".join(self.fields)
        params["pageSize"] = str(self.page_size)
        return params

    def updated_since(self, day: str) -> StudyQuery:
        """The same search limited to records posted as updated on or after ``day`` (YYYY-MM-DD), any status.

        The status filter is dropped on purpose: a trial that stopped recruiting since the last
        refresh must come back so the store can remove it, not linger as "recruiting".
        """
        if not _DATE_RE.match(day):
            raise InvalidQuery(f"{day!r} is not a YYYY-MM-DD date.")
        since = f"AREA[LastUpdatePostDate]RANGE[{day},MAX]"
        advanced = f"({self.advanced.strip()}) AND {since}" if self.advanced.strip() else since
        return replace(self, statuses=(), advanced=advanced)

    def to_json(self) -> dict[str, Any]:
        """What the snapshot records as "the query that produced it" (``from_json`` reads it back)."""
        return {
            "condition": self.condition,
            "term": self.term,
            "near": [self.near.lat, self.near.lon] if self.near else None,
            "miles": self.miles,
            "statuses": list(self.statuses),
            "advanced": self.advanced,
            "fields": list(self.fields),
            "page_size": self.page_size,
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> StudyQuery:
        near = data.get("near")
        return cls(
            condition=data.get("condition") or "",
            term=data.get("term") or "",
            near=GeoPoint(float(near[0]), float(near[1])) if near else None,
            miles=data.get("miles"),
            statuses=tuple(data.get("statuses", DEFAULT_STATUSES)),
            advanced=data.get("advanced") or "",
            fields=tuple(data.get("fields", DEFAULT_FIELDS)),
            page_size=int(data.get("page_size", DEFAULT_PAGE_SIZE)),
        )
