"""The only screener module that imports Streamlit: cached factories, session keys, show_error.

Pages stay thin: they read widgets, call one service function, and render. All
caching lives here so a rerun never re-reads the snapshot or re-opens the database.
"""

from __future__ import annotations

import os

import streamlit as st

from screener.config import Settings, load_settings
from screener.errors import ScreenerError
from screener.geo import Geocoder
from screener.questions import QuestionBank, load_question_bank
from screener.service import PreparedSnapshot, prepare_snapshot
from screener.snapshot import Snapshot, SnapshotMeta, load_current_snapshot

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


# Session-state keys of the patient page (answers never leave the session unless the person consents).
PATIENT_ANSWERS = "patient_answers"
PATIENT_HISTORY = "patient_history"
PATIENT_EDITING = "patient_editing"
PATIENT_VIEW = "patient_view"
PATIENT_SHARE_OPEN = "patient_share_open"
PATIENT_REFERENCE = "patient_reference"
PATIENT_PDF = "patient_pdf"


@st.cache_resource
def get_question_bank() -> QuestionBank:
    return load_question_bank()


@st.cache_resource(show_spinner="Loading places…")
def get_geocoder() -> Geocoder:
    return Geocoder()


def _snapshot_key(meta: SnapshotMeta) -> tuple[object, ...]:
    return (meta.source, meta.data_timestamp, meta.refreshed_at, meta.study_count)


@st.cache_resource(show_spinner="Preparing trials…", max_entries=2)
def _prepared(_snapshot: Snapshot, key: tuple[object, ...]) -> PreparedSnapshot:
    # The leading underscore keeps Streamlit from hashing every trial; ``key`` names the snapshot.
    return prepare_snapshot(_snapshot)


def get_prepared_snapshot() -> PreparedSnapshot:
    """The current snapshot with criteria parsed and sites indexed: built once, so each answer is fast."""
    snapshot = get_snapshot()
    return _prepared(snapshot, _snapshot_key(snapshot.meta))


def show_error(exc: ScreenerError) -> None:
    """The one way a page shows one of our errors: title, message, what to do."""
    st.error(f"**{exc.title}.** {exc}", icon="⚠️")


def show_disclaimer() -> None:
    st.caption(f"ℹ️ {DISCLAIMER}")
