"""The patient page driven through Streamlit's AppTest: questions, live results, red flags."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import streamlit as st
from sqlalchemy import select
from streamlit.testing.v1 import AppTest

from screener import service, ui
from screener.schema import candidate
from screener.site_contacts import nearest_site_contacts
from screener.store import open_store

PAGE = Path(__file__).resolve().parents[2] / "views" / "patient.py"
BOSTON = {"label": "Boston, MA", "lat": 42.35843, "lon": -71.05977, "country": "United States"}


@pytest.fixture(scope="module", autouse=True)
def _embedded_snapshot_only(tmp_path_factory):
    """An empty data folder, so the page screens the embedded snapshot whatever a developer refreshed."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SCREENER_DATA_DIR", str(tmp_path_factory.mktemp("data")))
        mp.delenv("DATABASE_URL", raising=False)
        st.cache_resource.clear()
        yield
    st.cache_resource.clear()


@pytest.fixture
def at() -> AppTest:
    app = AppTest.from_file(str(PAGE), default_timeout=60)
    app.run()
    assert not app.exception
    return app


def _next(at: AppTest) -> None:
    at.button(key="next").click().run()
    assert not at.exception


def _metrics(at: AppTest) -> dict[str, int]:
    return {m.label: int(m.value) for m in at.metric}


def _answer_core(at: AppTest) -> None:
    _next(at)  # condition: the default, lower back pain
    at.radio(key="q_diagnosed").set_value("Yes")
    _next(at)
    at.radio(key="q_took_medication").set_value("No")
    _next(at)
    at.number_input(key="q_age").set_value(45)
    _next(at)


def test_condition_comes_first_with_lower_back_pain_chosen(at):
    assert at.radio[0].label == "What health problem are you looking for a study about?"
    assert at.radio(key="q_condition").value == "Lower back pain"


def test_the_source_two_questions_come_right_after_the_condition(at):
    _next(at)
    assert [r.label for r in at.radio] == ["Have you been diagnosed with lower back pain?"]
    at.radio(key="q_diagnosed").set_value("Yes")
    _next(at)
    assert [r.label for r in at.radio] == ["Have you taken medication for lower back pain?"]


def test_yes_to_medication_asks_which_kinds_in_plain_words(at):
    _next(at)
    _next(at)
    at.radio(key="q_took_medication").set_value("Yes")
    _next(at)
    labels = [c.label for c in at.checkbox]
    assert any("ibuprofen" in label for label in labels)
    assert "None of these" in labels
    at.checkbox(key="q_medications_opioid").check()
    _next(at)
    assert at.session_state[ui.PATIENT_ANSWERS]["medications"] == ["opioid"]


def test_every_question_offers_not_sure(at):
    _next(at)
    assert "Not sure" in at.radio(key="q_diagnosed").options
    assert at.button(key="not_sure").label == "Not sure"


def test_answering_age_changes_the_results(at):
    _next(at)
    _next(at)
    _next(at)
    before = _metrics(at)
    at.number_input(key="q_age").set_value(12)
    _next(at)
    after = _metrics(at)
    assert after["Not eligible"] > before["Not eligible"]
    assert after["Possibly eligible"] + after["Further than you travel"] < (
        before["Possibly eligible"] + before["Further than you travel"]
    )


def test_not_sure_to_everything_keeps_trials_possible(at):
    for _ in range(12):  # the opening questions and the safety step; follow-ups depend on the engine
        if not any(b.key == "not_sure" for b in at.button):
            break
        at.button(key="not_sure").click().run()
        assert not at.exception
    metrics = _metrics(at)
    assert metrics["Not eligible"] == 0
    assert metrics["Possibly eligible"] > 0
    assert all(v is None for k, v in at.session_state[ui.PATIENT_ANSWERS].items() if k != "condition")


def test_city_answer_shows_the_nearest_recruiting_site(at):
    _answer_core(at)
    at.radio(key="q_sex").set_value("Female")
    _next(at)
    at.text_input(key="q_location").input("Boston, MA")
    _next(at)
    assert at.session_state[ui.PATIENT_ANSWERS]["location"]["label"] == "Boston, MA"
    assert any("Nearest recruiting site:" in m.value for m in at.markdown)


def test_unknown_place_shows_an_error_and_stays_on_the_question(at):
    _answer_core(at)
    _next(at)  # sex: no choice made counts as not sure
    at.text_input(key="q_location").input("Xyzzyville")
    _next(at)
    assert at.error and "could not find" in at.error[0].value
    assert at.text_input(key="q_location")


def test_back_returns_to_the_previous_question_with_the_answer_kept(at):
    _next(at)
    at.radio(key="q_diagnosed").set_value("No")
    _next(at)
    at.button(key="back").click().run()
    assert at.radio(key="q_diagnosed").value == "No"
    at.radio(key="q_diagnosed").set_value("Yes")
    _next(at)
    assert at.session_state[ui.PATIENT_ANSWERS]["diagnosed"] is True
    assert [r.label for r in at.radio] == ["Have you taken medication for lower back pain?"]


def test_any_answer_can_be_changed_from_the_answer_list(at):
    _answer_core(at)
    at.button(key="change_diagnosed").click().run()
    assert at.radio(key="q_diagnosed").value == "Yes"


def test_stop_any_time_to_see_results(at):
    _next(at)
    at.button(key="see_results").click().run()
    assert not any(b.key == "next" for b in at.button)
    assert at.header[0].value == "Your matches"
    at.button(key="keep_going").click().run()
    assert at.radio(key="q_diagnosed")


def test_progress_is_shown(at):
    _next(at)
    assert "1 of about" in at.get("progress")[0].proto.text


@pytest.mark.parametrize(
    ("flags", "urgent"),
    [({"fever": True}, False), ({"bladder_or_bowel_problems": True, "numbness_or_weakness": True}, True)],
)
def test_red_flags_show_a_kind_notice_without_blocking(flags, urgent):
    app = AppTest.from_file(str(PAGE), default_timeout=60)
    app.session_state[ui.PATIENT_ANSWERS] = {"condition": "Lower back pain", "age": 50, **flags}
    app.run()
    assert not app.exception
    notices = [e.value for e in app.error] if urgent else [w.value for w in app.warning]
    expected = "seek urgent care now" if urgent else "a doctor should check soon"
    assert any(expected in notice for notice in notices)
    metrics = _metrics(app)
    assert metrics["Likely eligible"] + metrics["Possibly eligible"] > 0  # screening goes on


def test_disclaimer_is_shown_with_the_verdicts(at):
    assert any(ui.DISCLAIMER in c.value for c in at.caption)


def test_trial_card_has_checklist_with_original_text_and_link(at):
    expanders = [e.label for e in at.expander]
    assert any(label.startswith("Why: criteria checklist") for label in expanders)
    assert any("clinicaltrials.gov/study/NCT" in m.value for m in at.markdown)


# ---------------------------------------------------------------- consent and hand-off
@pytest.fixture
def store_url(tmp_path, monkeypatch):
    """A throwaway candidate store the page opens through DATABASE_URL (Streamlit caches cleared around it)."""
    url = f"sqlite:///{tmp_path / 'candidates.sqlite'}"
    monkeypatch.setenv("DATABASE_URL", url)
    monkeypatch.setenv("SCREENER_DATA_DIR", str(tmp_path))
    st.cache_resource.clear()
    yield url
    st.cache_resource.clear()


def _candidates(url: str) -> list[dict]:
    store = open_store(url)
    try:
        with store.read() as conn:
            return [dict(row._mapping) for row in conn.execute(select(candidate))]
    finally:
        store.dispose()


def _results_page() -> AppTest:
    app = AppTest.from_file(str(PAGE), default_timeout=60)
    app.session_state[ui.PATIENT_ANSWERS] = {"condition": "Lower back pain", "age": 50, "location": BOSTON}
    app.session_state[ui.PATIENT_VIEW] = "results"
    app.run()
    assert not app.exception
    app.button(key="share_open").click().run()
    return app


def _fill_contact(app: AppTest) -> None:
    app.text_input(key="contact_name").input("Ana Pérez")
    app.text_input(key="contact_email").input("ana.perez@example.org")


def test_consent_text_is_shown_before_any_contact_details(store_url):
    app = _results_page()
    assert any("How to withdraw." in m.value for m in app.markdown)
    assert not app.checkbox(key="consent_agree").value


def test_consent_stores_a_candidate_and_shows_a_reference_code(store_url):
    app = _results_page()
    app.checkbox(key="consent_agree").check()
    _fill_contact(app)
    app.button(key="share_submit").click().run()
    assert not app.exception
    code = app.session_state[ui.PATIENT_REFERENCE]
    assert any(code in s.value for s in app.success)
    [row] = _candidates(store_url)
    assert (row["name"], row["email"], row["reference_code"]) == ("Ana Pérez", "ana.perez@example.org", code)
    assert row["profile"]["age"] == 50


def test_without_consent_nothing_identifying_is_stored(store_url):
    app = _results_page()
    _fill_contact(app)
    app.button(key="share_submit").click().run()
    assert not app.exception
    assert any("tick the box" in e.value for e in app.error)
    assert ui.PATIENT_REFERENCE not in app.session_state
    assert _candidates(store_url) == []


def test_screening_alone_stores_nothing(store_url, tmp_path):
    app = AppTest.from_file(str(PAGE), default_timeout=60)
    app.run()
    app.button(key="next").click().run()
    assert not app.exception
    assert list(tmp_path.iterdir()) == []


def test_withdraw_with_reference_code_deletes_contact_details(store_url):
    app = _results_page()
    app.checkbox(key="consent_agree").check()
    _fill_contact(app)
    app.button(key="share_submit").click().run()
    code = app.session_state[ui.PATIENT_REFERENCE]
    app.text_input(key="withdraw_code").input(code)
    app.button(key="withdraw").click().run()
    assert not app.exception
    [row] = _candidates(store_url)
    assert row["name"] is None and row["email"] is None


def test_withdraw_with_unknown_code_says_so(store_url):
    app = _results_page()
    app.text_input(key="withdraw_code").input("PS-0000-0000-0000")
    app.button(key="withdraw").click().run()
    assert any("Reference code not found" in e.value for e in app.error)


def test_misspelt_condition_offers_registry_names_to_pick(at):
    at.radio(key="q_condition").set_value("Something else").run()
    at.text_input(key="q_condition_text").input("spondylolisthsis")
    _next(at)
    assert any("no recruiting trials" in i.value for i in at.info)
    suggestion = next(b for b in at.button if b.key and b.key.startswith("suggest_") and b.label == "Spondylolisthesis")
    suggestion.click().run()
    assert at.session_state[ui.PATIENT_ANSWERS]["condition"] == "Spondylolisthesis"
    assert not at.info or not any("no recruiting trials" in i.value for i in at.info)


def test_stopping_while_changing_an_answer_shows_results(at):
    _answer_core(at)
    at.button(key="change_diagnosed").click().run()
    at.button(key="see_results").click().run()
    assert not any(b.key == "next" for b in at.button)
    assert at.session_state[ui.PATIENT_ANSWERS]["diagnosed"] is True


def test_results_show_contacts_of_the_nearest_recruiting_sites():
    answers = {"condition": "Lower back pain", "age": 50, "location": BOSTON}
    app = AppTest.from_file(str(PAGE), default_timeout=60)
    app.session_state[ui.PATIENT_ANSWERS] = dict(answers)
    app.session_state[ui.PATIENT_VIEW] = "results"
    app.run()
    assert not app.exception
    # The same screening outside the page: the first shown trial whose nearby sites list a phone or email.
    results = service.screen_patient(
        ui.get_prepared_snapshot(), answers, bank=ui.get_question_bank(), today=date.today()
    )
    first = next(s for m in results.shown for s in nearest_site_contacts(m.site_distances))
    blocks = [m.value for m in app.markdown if m.value.startswith("**Contacts at the sites nearest you:**")]
    assert blocks
    name = first.contacts[0].name or first.contacts[0].email
    assert any(name in b and first.site.facility in b for b in blocks)


def _focus_scripts(app: AppTest) -> list[str]:
    return [e.proto.body for e in app.get("html") if ".st-key-question_card" in e.proto.body]


def test_keyboard_focus_moves_to_each_new_question_but_not_on_a_rerun_of_the_same_one(at):
    assert _focus_scripts(at) == []  # the first screen of a visit: focus starts at the top of the page
    _next(at)
    (script,) = _focus_scripts(at)
    assert '"diagnosed"' in script
    at.radio(key="q_diagnosed").set_value("Yes").run()  # an answer reruns the page: the focus stays put
    assert _focus_scripts(at) == []
    _next(at)
    (script,) = _focus_scripts(at)
    assert '"took_medication"' in script
