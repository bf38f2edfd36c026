"""Settings: one frozen table of named defaults, read once at the edge.

Values come from environment variables (or Streamlit secrets, passed in by the UI);
logic receives a ``Settings`` and never calls ``os.getenv`` itself.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple

from screener.errors import ConfigError

REPO_ROOT = Path(__file__).resolve().parent.parent
PACKAGE_DATA = Path(__file__).resolve().parent / "data"


class Setting(NamedTuple):
    env: str
    default: str
    help: str


#: Every setting, its environment variable, default and meaning (README lists them all; a test checks).
SETTINGS: dict[str, Setting] = {
    "data_dir": Setting(
        "SCREENER_DATA_DIR",
        str(REPO_ROOT / "var"),
        "Folder for the refreshed trial snapshot and the default candidate database.",
    ),
    "database_url": Setting(
        "DATABASE_URL",
        "",
        "SQLAlchemy URL of the candidate store; empty means a SQLite file in the data folder. Use postgresql+psycopg://... for several app instances.",
    ),
    "ctgov_base_url": Setting(
        "CTGOV_BASE_URL",
        "https://clinicaltrials.gov/api/v2",
        "Base URL of the ClinicalTrials.gov API v2 (a mirror or proxy may be used).",
    ),
    "ctgov_min_interval_s": Setting(
        "CTGOV_MIN_INTERVAL_S", "1.2", "Minimum seconds between two calls to ClinicalTrials.gov."
    ),
    "ctgov_timeout_s": Setting(
        "CTGOV_TIMEOUT_S", "30", "Seconds to wait for ClinicalTrials.gov before giving up on one call."
    ),
    "session_timeout_min": Setting(
        "SCREENER_SESSION_TIMEOUT_MIN", "30", "Minutes of inactivity after which a recruiter is signed out."
    ),
    "login_max_failures": Setting(
        "SCREENER_LOGIN_MAX_FAILURES", "5", "Failed recruiter sign-ins in a row that lock the account for a while."
    ),
    "login_lockout_min": Setting(
        "SCREENER_LOGIN_LOCKOUT_MIN", "15", "Minutes a recruiter account stays locked after too many failed sign-ins."
    ),
    "stale_lead_days": Setting(
        "SCREENER_STALE_LEAD_DAYS", "7", "Days without action after which a lead is flagged as stale."
    ),
}


@dataclass(frozen=True, slots=True)
class Settings:
    data_dir: Path
    database_url: str
    ctgov_base_url: str
    ctgov_min_interval_s: float
    ctgov_timeout_s: float
    session_timeout_min: float
    stale_lead_days: int
    login_max_failures: int = 5
    login_lockout_min: float = 15.0

    @property
    def snapshot_path(self) -> Path:
        """Where a refreshed snapshot lives; the embedded one is used until it exists."""
        return self.data_dir / "snapshot.sqlite"

    @property
    def effective_database_url(self) -> str:
        return self.database_url or f"sqlite:///{self.data_dir / 'candidates.sqlite'}"


def _number(name: str, raw: str, kind: type) -> Any:
    try:
        value = kind(raw)
    except ValueError as exc:
        raise ConfigError(
            f"Setting {SETTINGS[name].env}={raw!r} is not a number.",
            hint=f"Default: {SETTINGS[name].default}.",
        ) from exc
    if value < 0:
        raise ConfigError(f"Setting {SETTINGS[name].env} must not be negative (got {raw}).")
    return value


def load_settings(environ: Mapping[str, str], secrets: Mapping[str, Any] | None = None) -> Settings:
    """Build ``Settings`` from environment variables, with Streamlit secrets taking precedence."""
    secrets = secrets or {}

    def raw(name: str) -> str:
        env = SETTINGS[name].env
        if env in secrets:
            return str(secrets[env])
        return environ.get(env, SETTINGS[name].default)

    return Settings(
        data_dir=Path(raw("data_dir")).expanduser(),
        database_url=raw("database_url"),
        ctgov_base_url=raw("ctgov_base_url").rstrip("/"),
        ctgov_min_interval_s=_number("ctgov_min_interval_s", raw("ctgov_min_interval_s"), float),
        ctgov_timeout_s=_number("ctgov_timeout_s", raw("ctgov_timeout_s"), float),
        session_timeout_min=_number("session_timeout_min", raw("session_timeout_min"), float),
        stale_lead_days=_number("stale_lead_days", raw("stale_lead_days"), int),
        login_max_failures=max(1, _number("login_max_failures", raw("login_max_failures"), int)),
        login_lockout_min=_number("login_lockout_min", raw("login_lockout_min"), float),
    )
