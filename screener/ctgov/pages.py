"""Pure readers for API v2 response bodies: a ``/studies`` page and ``/version``.

No HTTP here: the client hands over decoded JSON, so these run in tests on recorded
responses without any server.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from screener.errors import CtGovBadResponse


@dataclass(frozen=True, slots=True)
class Page:
    """One page of ``GET /studies``: raw study objects, the cursor to the next page, the total (page 1)."""

    number: int
    studies: tuple[dict[str, Any], ...]
    next_page_token: str | None
    total_count: int | None = None

    @property
    def is_last(self) -> bool:
        """A missing token or an empty page ends the search (a token can point at an empty page)."""
        return not self.next_page_token or not self.studies


@dataclass(frozen=True, slots=True)
class RegistryVersion:
    """``GET /version``: the API version and the UTC timestamp of the registry data."""

    api_version: str
    data_timestamp: str


def parse_page(payload: Any, *, number: int = 1, url: str | None = None) -> Page:
    """Read one ``/studies`` response body; anything but ``{"studies": [...]}`` raises ``CtGovBadResponse``."""
    if not isinstance(payload, Mapping) or not isinstance(payload.get("studies", None), list):
        raise CtGovBadResponse(
            f"ClinicalTrials.gov answered page {number} without a list of studies.",
            url=url,
            body=str(payload)[:300],
            hint="If CTGOV_BASE_URL points at a mirror or proxy, check that it serves API v2.",
        )
    studies = tuple(s for s in payload["studies"] if isinstance(s, dict))
    token = payload.get("nextPageToken")
    total = payload.get("totalCount")
    return Page(
        number=number,
        studies=studies,
        next_page_token=token if isinstance(token, str) and token else None,
        total_count=total if isinstance(total, int) and not isinstance(total, bool) else None,
    )


def parse_version(payload: Any, *, url: str | None = None) -> RegistryVersion:
    """Read ``{"apiVersion": "2.0.5", "dataTimestamp": "2026-09-25T09:00:04"}``."""
    if not isinstance(payload, Mapping) or not isinstance(payload.get("dataTimestamp"), str):
        raise CtGovBadResponse(
            "ClinicalTrials.gov's /version answer has no dataTimestamp.", url=url, body=str(payload)[:300]
        )
    return RegistryVersion(
        api_version=str(payload.get("apiVersion") or "unknown"), data_timestamp=payload["dataTimestamp"]
    )
