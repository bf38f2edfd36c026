"""Recruiter page (AppTest): sign-in gate, lockout, audit of status changes, trial scope, timeout."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pyarrow as pa
import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from screener import ui
from screener.audit import Action, read_audit
from screener.auth import add_recruiter
from screener.candidates import CONSENT_VERSION, TrialSubmission, submit_candidate, withdraw_candidate
from screener.store import open_store
from tests.screener.recruiting_data import PROFILE, contact, submission, trial_result

ROOT = Path(__file__).resolve().parents[2]
PAGE = str(ROOT / "views" / "recruiter.py")
PASSWORD = "correct horse battery"


@pytest.fixture
def store(tmp_path, monkeypatch):
    """A real SQLite store the page opens through DATABASE_URL; Streamlit caches cleared around each test."""
    url = f"sqlite:///{tmp_path / 'candidates.sqlite'}"
    monkeypatch.setenv("DATABASE_URL", url)
    monkeypatch.setenv("SCREENER_LOGIN_MAX_FAILURES", "3")
    st.cache_resource.clear()
    s = open_store(url)
    add_recruiter(s, "alice", PASSWORD)
    add_recruiter(s, "bob", PASSWORD, trials=["NCT03076658"])
    submit_candidate(
        s, contact=contact("Ana Pérez"), profile=PROFILE, submissions=[submission("NCT04893720")],
        consent_version=CONSENT_VERSION,
    )  # fmt: skip
    submit_candidate(
        s, contact=contact("Bo Larsen", email="bo@example.org"), profile=PROFILE,
        submissions=[submission("NCT03076658")], consent_version=CONSENT_VERSION,
    )  # fmt: skip
    yield s
    s.dispose()
    st.cache_resource.clear()


def _page(signed_in: str | None = None, last_seen: datetime | None = None) -> AppTest:
    at = AppTest.from_file(PAGE, default_timeout=30)
    if signed_in:
        at.session_state[ui.RECRUITER_NAME] = signed_in
        at.session_state[ui.RECRUITER_LAST_SEEN] = last_seen or datetime.now(UTC)
    return at.run()


def _open_trial(at: AppTest, nct_id: str = "NCT04893720") -> AppTest:
    return at.selectbox(key="trial").set_value(nct_id).run()


def _sign_in(at: AppTest, name: str, password: str) -> AppTest:
    at.text_input(key="login_name").input(name)
    at.text_input(key="login_password").input(password)
    return at.button[0].click().run()


def _all_text(at: AppTest) -> str:
    parts = [e.value for e in (*at.markdown, *at.caption, *at.info, *at.error, *at.warning)]
    parts += [df.value.to_csv() for df in at.dataframe]
    return "\n".join(map(str, parts))


def test_page_without_sign_in_shows_only_the_login_form(store):
    at = _page()
    assert at.text_input(key="login_password")
    assert not at.dataframe and "Ana" not in _all_text(at) and "Bo Larsen" not in _all_text(at)
    assert not at.exception


def test_patient_entry_point_shows_no_candidate_data(store):
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30).run()
    assert "Ana Pérez" not in _all_text(at) and "ana@example.org" not in _all_text(at)
    assert not at.exception


def test_correct_password_signs_in_and_lists_candidates(store):
    at = _sign_in(_page(), "alice", PASSWORD)
    assert at.session_state[ui.RECRUITER_NAME] == "alice"
    assert at.selectbox(key="trial").options == ["NCT03076658", "NCT04893720"]
    assert "Ana Pérez" in _all_text(_open_trial(at))
    assert read_audit(store)[0].action is Action.VIEW
    assert not at.exception


def test_wrong_password_is_refused(store):
    at = _sign_in(_page(), "alice", "not the password")
    assert at.error and "Wrong name or password" in at.error[0].value
    assert ui.RECRUITER_NAME not in at.session_state
    assert not at.exception


def test_repeated_failures_lock_the_account_even_for_the_right_password(store):
    at = _page()
    for _ in range(3):
        at = _sign_in(at, "alice", "not the password")
    assert "locked" in at.error[0].value
    at = _sign_in(at, "alice", PASSWORD)
    assert "locked" in at.error[0].value and ui.RECRUITER_NAME not in at.session_state
    assert Action.LOGIN_LOCKED in [e.action for e in read_audit(store)]
    assert not at.exception


def test_idle_session_times_out_to_the_login_form(store):
    at = _page("alice", last_seen=datetime.now(UTC) - timedelta(hours=2))
    assert at.text_input(key="login_password") and "signed out" in at.info[0].value
    assert "Ana Pérez" not in _all_text(at)
    assert not at.exception


def test_status_change_writes_the_audit_trail(store):
    at = _open_trial(_page("alice"))
    at.selectbox(key="new_status").set_value("contacted").run()
    at.button(key="apply_status").click().run()
    change = next(e for e in read_audit(store) if e.action is Action.STATUS_CHANGE)
    assert (change.actor, change.nct_id, change.detail) == ("alice", "NCT04893720", "new -> contacted")
    assert "Contacted" in _all_text(at)
    assert not at.exception


def test_screen_failure_with_a_picked_criterion_is_recorded(store):
    at = _open_trial(_page("alice"))
    at.selectbox(key="new_status").set_value("screen_failed").run()
    at.selectbox(key="fail_criterion").set_value(6).run()  # "Pregnancy"
    at.button(key="apply_status").click().run()
    assert "Screen-fail reason: Pregnancy" in _all_text(at)
    assert not at.exception


def test_recruiter_limited_to_one_trial_sees_only_its_candidates(store):
    at = _page("bob")
    assert at.selectbox(key="trial").options == ["NCT03076658"]
    text = _all_text(at)
    assert "Bo Larsen" in text and "Ana Pérez" not in text
    assert not at.exception


def test_note_is_saved_and_shown(store):
    at = _open_trial(_page("alice"))
    at.text_area(key="note_text").input("Called, left voicemail").run()
    at.button(key="add_note").click().run()
    assert any("Called, left voicemail" in t.value for t in at.text)
    assert not at.exception


def test_prepare_export_writes_the_audit_trail(store):
    at = _open_trial(_page("alice"))
    at.selectbox(key="export_format").set_value("csv").run()
    at.button(key="prepare_export").click().run()
    entry = read_audit(store)[0]
    assert (entry.action, entry.nct_id) == (Action.EXPORT, "NCT04893720")
    assert entry.detail.startswith("de-identified csv, 1 rows")
    assert not at.exception


def test_screen_failure_with_a_written_reason(store):
    at = _open_trial(_page("alice"))
    at.selectbox(key="new_status").set_value("screen_failed").run()
    at.selectbox(key="fail_criterion").set_value(-1).run()
    at.text_input(key="fail_reason").input("Moved to another state").run()
    at.button(key="apply_status").click().run()
    assert "Screen-fail reason: Moved to another state" in _all_text(at)
    assert not at.exception


def test_withdrawn_candidate_shows_without_identity(store):
    code = submit_candidate(
        store, contact=contact("Cleo Ray", email="cleo@example.org"), profile=PROFILE,
        submissions=[submission("NCT04467944")], consent_version=CONSENT_VERSION,
    )  # fmt: skip
    withdraw_candidate(store, code)
    at = _open_trial(_page("alice"), "NCT04467944")
    text = _all_text(at)
    assert "Cleo" not in text and "Withdrawn" in text
    assert not at.exception


def test_session_of_an_unknown_account_falls_back_to_sign_in(store):
    at = _page("carol")
    assert at.text_input(key="login_password") and ui.RECRUITER_NAME not in at.session_state
    assert not at.exception


def _shown_cells(df) -> list[str]:
    """What the browser draws: the Styler's display values when there are any, else the cells as text."""
    styled = df.proto.arrow_data.styler.display_values
    frame = pa.ipc.open_stream(styled).read_pandas() if styled else df.value
    return [str(v) for v in frame.to_numpy().ravel()]


def test_candidate_without_location_shows_a_dash_for_distance_never_none(store):
    submit_candidate(
        store, contact=contact("Cleo Ray"), profile={"age": 61, "smoker": False},
        submissions=[TrialSubmission(trial_result("NCT04467944"), None, None, None)],
        consent_version=CONSENT_VERSION,
    )  # fmt: skip
    at = _open_trial(_page("alice"), "NCT04467944")
    cells = [c for df in at.dataframe for c in _shown_cells(df)]
    assert not [c for c in cells if re.search(r"\b(None|nan|NaN|True|False)\b", c)]
    list_cells = _shown_cells(at.dataframe[0])
    assert "—" in list_cells and "Cleo Ray" in list_cells
    assert "nearest site — (—) · registry data of —" in _all_text(at)
    assert not at.exception


def test_distance_is_shown_in_whole_miles(store):
    at = _open_trial(_page("alice"))
    assert "12" in _shown_cells(at.dataframe[0]) and "12.5" not in _shown_cells(at.dataframe[0])
    assert not at.exception
