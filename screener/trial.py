"""A trial as the app uses it, and the pure mapping from one API v2 study to it.

``parse_study`` never does HTTP and never crashes on a missing module or field:
ClinicalTrials.gov records omit whole modules (no locations, no contacts, no
maximum age), so every read goes through ``_get`` with a default.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from criteria.eligibility import Eligibility
from screener.errors import TrialDataError

NCT_ID_RE = re.compile(r"^NCT\d{8}$")

# Age strings are "<int> <Unit>" (spec pattern), singular or plural; v2 has no
# "N/A" but the classic API did, so it is accepted as "no limit".
_AGE_RE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(year|month|week|day|hour|minute)s?\s*$", re.I)
_UNIT_IN_YEARS = {
    "year": 1.0,
    "month": 1.0 / 12.0,
    "week": 7.0 / 365.25,
    "day": 1.0 / 365.25,
    "hour": 1.0 / (365.25 * 24),
    "minute": 1.0 / (365.25 * 24 * 60),
}

OPEN_STATUSES = frozenset({"RECRUITING", "NOT_YET_RECRUITING"})


@dataclass(frozen=True, slots=True)
class Contact:
    """A central or site contact as the registry lists it; any field may be missing."""

    name: str | None = None
    #: CONTACT, PRINCIPAL_INVESTIGATOR, SUB_INVESTIGATOR or STUDY_CHAIR (API v2 ``role``).
    role: str | None = None
    phone: str | None = None
    email: str | None = None
    phone_ext: str | None = None

    @property
    def reachable(self) -> bool:
        """A phone number or an email to use: a bare investigator name is not a way to get in touch."""
        return bool(self.phone or self.email)


@dataclass(frozen=True, slots=True)
class Location:
    facility: str | None = None
    city: str | None = None
    state: str | None = None
    zip: str | None = None
    country: str | None = None
    status: str | None = None
    lat: float | None = None
    lon: float | None = None
    #: The site's own contacts (``locations[].contacts``), in registry order.
    contacts: tuple[Contact, ...] = ()

    @property
    def is_recruiting(self) -> bool:
        return self.status in OPEN_STATUSES

    @property
    def label(self) -> str:
        parts = [p for p in (self.facility, self.city, self.state, self.country) if p]
        return ", ".join(parts) or "Location not given"


@dataclass(frozen=True, slots=True)
class Trial:
    """One ClinicalTrials.gov study, reduced to what the pre-screener needs."""

    nct_id: str
    brief_title: str = ""
    official_title: str | None = None
    brief_summary: str | None = None
    conditions: tuple[str, ...] = ()
    keywords: tuple[str, ...] = ()
    mesh_terms: tuple[str, ...] = ()
    phases: tuple[str, ...] = ()
    study_type: str | None = None
    interventions: tuple[str, ...] = ()
    overall_status: str | None = None
    start_date: str | None = None
    primary_completion_date: str | None = None
    completion_date: str | None = None
    last_update_date: str | None = None
    #: The registry's own data date for this record (derivedSection.miscInfoModule.versionHolder).
    data_date: str | None = None
    eligibility: Eligibility = field(default_factory=lambda: Eligibility(nct_id=""))
    locations: tuple[Location, ...] = ()
    central_contacts: tuple[Contact, ...] = ()

    @property
    def url(self) -> str:
        return f"https://clinicaltrials.gov/study/{self.nct_id}"

    @property
    def is_open(self) -> bool:
        return self.overall_status in OPEN_STATUSES

    def stale_reasons(self, today: date) -> list[str]:
        """Why this listing may be out of date (flag, never hide)."""
        reasons: list[str] = []
        if not self.is_open:
            return reasons
        for label, value in (
            ("completion date", self.completion_date),
            ("primary completion date", self.primary_completion_date),
        ):
            when = partial_date(value)
            if when is not None and when < today:
                reasons.append(f"still listed as recruiting, but its {label} ({value}) has passed")
                break
        updated = partial_date(self.last_update_date)
        if updated is not None and (today - updated).days > 365:
            reasons.append(f"not updated for over a year (last update {self.last_update_date})")
        return reasons


def partial_date(value: str | None) -> date | None:
    """Read the registry's partial ISO dates: ``2024``, ``2024-05`` or ``2024-05-17``.

    A partial date is read as the *end* of its period, so "2024-05" is not called
    past before June 2024 (we flag staleness, we do not guess it).
    """
    if not value:
        return None
    parts = value.strip().split("-")
    try:
        nums = [int(p) for p in parts]
    except ValueError:
        return None
    try:
        if len(nums) == 1:
            return date(nums[0], 12, 31)
        if len(nums) == 2:
            year, month = nums
            return date(year, month, calendar.monthrange(year, month)[1])
        return date(nums[0], nums[1], nums[2])
    except ValueError:
        return None


def parse_age_years(value: Any) -> float | None:
    """``"18 Years"`` -> 18.0, ``"6 Months"`` -> 0.5; ``None``/``"N/A"``/odd text -> ``None``."""
    if not isinstance(value, str):
        return None
    match = _AGE_RE.match(value)
    if not match:
        return None
    return float(match.group(1)) * _UNIT_IN_YEARS[match.group(2).lower()]


def _get(node: Any, *path: str, default: Any = None) -> Any:
    for key in path:
        # `type(...) is dict` first: JSON gives plain dicts, and the ABC check is the slow path.
        if type(node) is not dict and not isinstance(node, Mapping):
            return default
        node = node.get(key)
        if node is None:
            return default
    return node


def _str(value: Any) -> str | None:
    return value.strip() if isinstance(value, str) and value.strip() else None


def _strs(value: Any) -> tuple[str, ...]:
    if not isinstance(value, list):
        return ()
    return tuple(s.strip() for s in value if isinstance(s, str) and s.strip())


def _float(value: Any) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return float(value)
    return None


def _contact(raw: Any) -> Contact:
    return Contact(
        name=_str(_get(raw, "name")),
        role=_str(_get(raw, "role")),
        phone=_str(_get(raw, "phone")),
        email=_str(_get(raw, "email")),
        phone_ext=_str(_get(raw, "phoneExt")),
    )


def _location(raw: Mapping[str, Any]) -> Location:
    # Called for every site (hundreds in large studies), so it reads the mapping directly.
    get = raw.get
    geo = get("geoPoint")
    contacts = get("contacts")
    return Location(
        facility=_str(get("facility")),
        city=_str(get("city")),
        state=_str(get("state")),
        zip=_str(get("zip")),
        country=_str(get("country")),
        status=_str(get("status")),
        lat=_float(geo.get("lat")) if isinstance(geo, Mapping) else None,
        lon=_float(geo.get("lon")) if isinstance(geo, Mapping) else None,
        contacts=tuple(_contact(c) for c in contacts if isinstance(c, Mapping)) if isinstance(contacts, list) else (),
    )


def _intervention(raw: Any) -> str | None:
    name = _str(_get(raw, "name"))
    kind = _str(_get(raw, "type"))
    if name and kind:
        return f"{kind.replace('_', ' ').title()}: {name}"
    return name


def parse_study(study: Any) -> Trial:
    """Map one API v2 study object (an item of ``GET /studies``) to a ``Trial``.

    Only ``protocolSection.identificationModule.nctId`` is required; everything
    else may be missing. Raises ``TrialDataError`` when there is no usable NCT id.
    """
    if not isinstance(study, Mapping):
        raise TrialDataError(f"A study must be a JSON object, got {type(study).__name__}.")
    ps = _get(study, "protocolSection", default={})
    nct_id = _str(_get(ps, "identificationModule", "nctId"))
    if not nct_id:
        raise TrialDataError(
            "The study has no protocolSection.identificationModule.nctId.",
            hint="Each line must be one ClinicalTrials.gov API v2 study object.",
        )
    elig = _get(ps, "eligibilityModule", default={})
    healthy = _get(elig, "healthyVolunteers")
    eligibility = Eligibility(
        nct_id=nct_id,
        criteria_text=_get(elig, "eligibilityCriteria", default="")
        if isinstance(_get(elig, "eligibilityCriteria"), str)
        else "",
        sex=_str(_get(elig, "sex")),
        minimum_age_years=parse_age_years(_get(elig, "minimumAge")),
        maximum_age_years=parse_age_years(_get(elig, "maximumAge")),
        healthy_volunteers=healthy if isinstance(healthy, bool) else None,
        std_ages=_strs(_get(elig, "stdAges")),
    )
    status = _get(ps, "statusModule", default={})
    interventions = tuple(
        i
        for i in (_intervention(x) for x in _get(ps, "armsInterventionsModule", "interventions", default=[]) or [])
        if i
    )
    mesh = _get(study, "derivedSection", "conditionBrowseModule", "meshes", default=[])
    return Trial(
        nct_id=nct_id,
        brief_title=_str(_get(ps, "identificationModule", "briefTitle")) or nct_id,
        official_title=_str(_get(ps, "identificationModule", "officialTitle")),
        brief_summary=_str(_get(ps, "descriptionModule", "briefSummary")),
        conditions=_strs(_get(ps, "conditionsModule", "conditions")),
        keywords=_strs(_get(ps, "conditionsModule", "keywords")),
        mesh_terms=tuple(t for t in (_str(_get(m, "term")) for m in mesh if isinstance(m, Mapping)) if t)
        if isinstance(mesh, list)
        else (),
        phases=_strs(_get(ps, "designModule", "phases")),
        study_type=_str(_get(ps, "designModule", "studyType")),
        interventions=interventions,
        overall_status=_str(_get(status, "overallStatus")),
        start_date=_str(_get(status, "startDateStruct", "date")),
        primary_completion_date=_str(_get(status, "primaryCompletionDateStruct", "date")),
        completion_date=_str(_get(status, "completionDateStruct", "date")),
        last_update_date=_str(_get(status, "lastUpdatePostDateStruct", "date")),
        data_date=_str(_get(study, "derivedSection", "miscInfoModule", "versionHolder")),
        eligibility=eligibility,
        locations=tuple(
            _location(x)
            for x in _get(ps, "contactsLocationsModule", "locations", default=[]) or []
            if isinstance(x, Mapping)
        ),
        central_contacts=tuple(
            _contact(x)
            for x in _get(ps, "contactsLocationsModule", "centralContacts", default=[]) or []
            if isinstance(x, Mapping)
        ),
    )
