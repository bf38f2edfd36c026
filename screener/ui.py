"""The only screener module that imports Streamlit: cached factories, session keys, show_error.

Pages stay thin: they read widgets, call one service function, and render. All
caching lives here so a rerun never re-reads the snapshot or re-opens the database.
"""

from __future__ import annotations

import json
import os
from datetime import UTC, datetime

import streamlit as st

from screener.auth import Recruiter, get_recruiter, record_logout, session_expired
from screener.config import Settings, load_settings
from screener.errors import AuthError, ScreenerError
from screener.geo import Geocoder
from screener.questions import QuestionBank, load_question_bank
from screener.service import PreparedSnapshot, prepare_snapshot
from screener.snapshot import Snapshot, SnapshotMeta, load_current_snapshot
from screener.store import CandidateStore, open_store

#: Session-state keys of the recruiter workspace (a signed-in session holds only the name and last activity).
RECRUITER_NAME = "recruiter_name"
RECRUITER_LAST_SEEN = "recruiter_last_seen"
RECRUITER_EXPIRED = "recruiter_session_expired"

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


def _snapshot_version(settings: Settings) -> int | None:
    """The refreshed store's modification time: a refresh swaps in a new file, so this changes."""
    try:
        return settings.snapshot_path.stat().st_mtime_ns
    except OSError:
        return None


@st.cache_resource(show_spinner="Loading trials…", max_entries=2)
def _load_snapshot(_settings: Settings, version: int | None) -> Snapshot:
    return load_current_snapshot(_settings)


def get_snapshot() -> Snapshot:
    """The current snapshot; a refresh done while the app runs is picked up on the next rerun."""
    settings = get_settings()
    return _load_snapshot(settings, _snapshot_version(settings))


# Session-state keys of the patient page (answers never leave the session unless the person consents).
PATIENT_ANSWERS = "patient_answers"
PATIENT_HISTORY = "patient_history"
PATIENT_EDITING = "patient_editing"
PATIENT_VIEW = "patient_view"
PATIENT_SHARE_OPEN = "patient_share_open"
PATIENT_REFERENCE = "patient_reference"


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


@st.cache_resource(show_spinner="Opening the candidate store…")
def get_candidate_store() -> CandidateStore:
    """One migrated engine per process, shared by every session (SQLite WAL or PostgreSQL)."""
    return open_store(get_settings().effective_database_url)


def show_error(exc: ScreenerError) -> None:
    """The one way a page shows one of our errors: title, message, what to do."""
    st.error(f"**{exc.title}.** {exc}", icon="⚠️")


def show_disclaimer() -> None:
    st.caption(f"ℹ️ {DISCLAIMER}")


#: Session key: the last screen whose first control got the keyboard focus.
FOCUSED_SCREEN = "_focused_screen"
# Runs in the page itself (st.html is not iframed). For up to 3 s it puts the focus on the
# container's first field (in a radio group the chosen option, as a Tab into the group would),
# and puts it back if a late re-render drops it to the page body; it never takes the focus from
# a control the person moved to.
_FOCUS_SCRIPT = """<script>
(function (selector, screen, ms) {
  var deadline = Date.now() + ms, placed = false;
  function firstField(card) {
    var el = card.querySelector("input:not([disabled]), textarea:not([disabled])");
    if (el && el.type === "radio") {
      var group = el.closest("[role=radiogroup]");
      el = (group && group.querySelector("input:checked")) || el;
    }
    return el;
  }
  function tick() {
    var card = document.querySelector(selector), active = document.activeElement;
    var lost = !active || active === document.body;
    var stillOnButton = card && active && active.tagName === "BUTTON" && card.contains(active);
    if (card && (lost || (!placed && stillOnButton))) {
      var el = firstField(card);
      if (el) { el.focus(); placed = placed || document.activeElement === el; }
    }
    if (Date.now() < deadline) { setTimeout(tick, 100); }
  }
  tick();
})(%s, %s, 3000);
</script>"""


def focus_first_control(container_key: str, screen: str) -> None:
    """Move the keyboard focus to the first field of ``st.container(key=container_key)`` when a new screen shows.

    Streamlit keeps the focus on the button that was pressed ("Next"), which now sits *below* the
    new question: a keyboard user would have to go backwards to reach it. Only done when ``screen``
    changes (an answer that reruns the page keeps the focus where it is), and not on the first
    screen of a visit, where the focus starts at the top of the page as usual.
    """
    previous = st.session_state.get(FOCUSED_SCREEN)
    st.session_state[FOCUSED_SCREEN] = screen
    if previous is None or previous == screen:
        return
    # The screen's name is passed to the script so each screen's element differs and runs again.
    # json.dumps of text never contains "</", so the script element cannot be closed early.
    args = (json.dumps(f".st-key-{container_key}"), json.dumps(screen).replace("</", "<\\/"))
    st.html(_FOCUS_SCRIPT % args, unsafe_allow_javascript=True)


def start_recruiter_session(recruiter: Recruiter) -> None:
    st.session_state[RECRUITER_NAME] = recruiter.name
    st.session_state[RECRUITER_LAST_SEEN] = datetime.now(UTC)


def end_recruiter_session(store: CandidateStore, *, reason: str) -> None:
    name = st.session_state.pop(RECRUITER_NAME, None)
    st.session_state.pop(RECRUITER_LAST_SEEN, None)
    if name:
        record_logout(store, Recruiter(name, frozenset()), reason=reason)


def current_recruiter(store: CandidateStore, settings: Settings) -> Recruiter | None:
    """The signed-in recruiter, reloaded from the store; None (and signed out) after the idle timeout."""
    name = st.session_state.get(RECRUITER_NAME)
    if not name:
        return None
    now = datetime.now(UTC)
    if session_expired(st.session_state.get(RECRUITER_LAST_SEEN), now, settings.session_timeout_min):
        end_recruiter_session(store, reason=f"session timed out after {settings.session_timeout_min:g} min idle")
        st.session_state[RECRUITER_EXPIRED] = True
        return None
    st.session_state[RECRUITER_LAST_SEEN] = now
    try:
        return get_recruiter(store, name)
    except AuthError:  # the account was removed meanwhile: back to the sign-in form
        end_recruiter_session(store, reason="account no longer exists")
        return None
