"""The only screener module that imports Streamlit: cached factories, session keys, show_error.

Pages stay thin: they read widgets, call one service function, and render. All
caching lives here so a rerun never re-reads the snapshot or re-opens the database.
"""

from __future__ import annotations

import os

import streamlit as st

from screener.config import Settings, load_settings
from screener.errors import ScreenerError
from screener.snapshot import Snapshot, load_current_snapshot
from screener.store import CandidateStore, open_store

DISCLAIMER = (
    "This is a pre-screen, not medical advice and not a decision about your eligibility. "
    "Only the study team can confirm whether you can join a trial. Talk to your doctor before making health decisions."
)


def _secrets() -> dict[str, object]:
    try:
        return dict(st.secrets)
    except Exception:  # noqa: BLE001 - no secrets.toml is normal; Streamlit raises its own types
        return {}


@st.cache_resource
def get_settings() -> Settings:
    return load_settings(os.environ, _secrets())


@st.cache_resource(show_spinner="Loading trials…")
def get_snapshot() -> Snapshot:
    return load_current_snapshot(get_settings())


@st.cache_resource(show_spinner="Opening the candidate store…")
def get_candidate_store() -> CandidateStore:
    """One migrated engine per process, shared by every session (SQLite WAL or PostgreSQL)."""
    return open_store(get_settings().effective_database_url)


def show_error(exc: ScreenerError) -> None:
    """The one way a page shows one of our errors: title, message, what to do."""
    st.error(f"**{exc.title}.** {exc}", icon="⚠️")


def show_disclaimer() -> None:
    st.caption(f"ℹ️ {DISCLAIMER}")
