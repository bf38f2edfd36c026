"""ClinicalTrials.gov API v2: the query model, pure page parsing, and the HTTP client.

``query`` builds request parameters, ``pages`` turns response JSON into values (pure),
``retry`` holds the backoff policy, and ``client`` is the only module that talks HTTP.
"""

from screener.ctgov.client import (
    DEFAULT_BACKOFF_FACTOR,
    DEFAULT_BASE_URL,
    DEFAULT_MIN_INTERVAL_S,
    DEFAULT_RETRIES,
    DEFAULT_TIMEOUT,
    DEFAULT_USER_AGENT,
    CtGovClient,
)
from screener.ctgov.pages import Page, RegistryVersion, parse_page, parse_page_body, parse_version
from screener.ctgov.query import (
    DEFAULT_FIELDS,
    DEFAULT_PAGE_SIZE,
    DEFAULT_STATUSES,
    GeoPoint,
    StudyQuery,
    normalise_nct_id,
)

__all__ = [
    "DEFAULT_BACKOFF_FACTOR",
    "DEFAULT_BASE_URL",
    "DEFAULT_FIELDS",
    "DEFAULT_MIN_INTERVAL_S",
    "DEFAULT_PAGE_SIZE",
    "DEFAULT_RETRIES",
    "DEFAULT_STATUSES",
    "DEFAULT_TIMEOUT",
    "DEFAULT_USER_AGENT",
    "CtGovClient",
    "GeoPoint",
    "Page",
    "RegistryVersion",
    "StudyQuery",
    "normalise_nct_id",
    "parse_page",
    "parse_page_body",
    "parse_version",
]
