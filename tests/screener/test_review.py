"""Leads through the recruiter's scope: list, detail, pipeline, notes, charts, export audit."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from criteria.model import Outcome
from screener.audit import Action, read_audit
from screener.auth import Recruiter
from screener.candidates import CONSENT_VERSION, submit_candidate, withdraw_candidate
from screener.errors import AccessDenied, CandidateNotFound, StoreError
from screener.leads import as_question, lead_detail, list_leads, visible_trials
from screener.pipeline import Status
from screener.review import add_note, change_status, export_leads, funnel, top_excluding_criteria
from tests.screener.recruiting_data import PROFILE, contact, submission

T0 = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)
ALL = Recruiter("alice", None)
BOB = Recruiter("bob", frozenset({"NCT03076658"}))
P, F, U = Outcome.PASS, Outcome.FAIL, Outcome.UNKNOWN


def _seed(store):
    """Ana: both trials; Bo: the radiograph database trial, failing 'BMI >37'."""
    ana = submit_candidate(
        store, contact=contact("Ana Pérez"), profile=PROFILE,
        submissions=[submission("NCT04893720"), submission("NCT03076658")], consent_version=CONSENT_VERSION, now=T0,
    )  # fmt: skip
    bo = submit_candidate(
        store, contact=contact("Bo Larsen", email="bo@example.org"), profile={**PROFILE, "bmi": 39.0},
        submissions=[submission("NCT03076658", (P, P, P, P, F))], consent_version=CONSENT_VERSION,
        now=T0 + timedelta(hours=1),
    )  # fmt: skip
    return ana, bo


def _lead(store, recruiter, name, nct_id):
    return next(x for x in list_leads(store, recruiter, nct_id=nct_id, stale_days=7, now=T0) if x.name == name)


def test_limited_recruiter_lists_only_their_trials_candidates(store):
    _seed(store)
    assert visible_trials(store, BOB) == ["NCT03076658"]
    assert {x.nct_id for x in list_leads(store, BOB, stale_days=7)} == {"NCT03076658"}
    with pytest.raises(AccessDenied):
        list_leads(store, BOB, nct_id="NCT04893720", stale_days=7)


def test_limited_recruiter_cannot_open_or_change_another_trials_lead(store):
    _seed(store)
    other = _lead(store, ALL, "Ana Pérez", "NCT04893720")
    with pytest.raises(CandidateNotFound):
        lead_detail(store, BOB, other.id, stale_days=7)
    with pytest.raises(CandidateNotFound):
        change_status(store, BOB, other.id, Status.CONTACTED)
    with pytest.raises(CandidateNotFound):
        add_note(store, BOB, other.id, "hello")


def test_list_is_newest_first_with_unknowns_as_questions(store):
    _seed(store)
    leads = list_leads(store, ALL, nct_id="NCT03076658", stale_days=7, now=T0)
    assert [x.name for x in leads] == ["Bo Larsen", "Ana Pérez"]
    ana = leads[1]
    assert ana.questions == (as_question("exclusion", "Pregnant women"), as_question("exclusion", "BMI >37"))
    assert ana.questions[1] == "Does this apply to them (it would exclude them)? “BMI >37”"


@pytest.mark.parametrize("days_idle,stale", [(3, False), (8, True)])
def test_leads_without_action_are_flagged_stale(store, days_idle, stale):
    _seed(store)
    lead = _lead(store, ALL, "Ana Pérez", "NCT04893720")
    now = T0 + timedelta(days=days_idle)
    assert list_leads(store, ALL, nct_id="NCT04893720", stale_days=7, now=now)[0].stale is stale
    assert lead.status is Status.NEW


def test_status_change_moves_the_lead_sets_owner_and_is_audited(store):
    _seed(store)
    lead = _lead(store, ALL, "Ana Pérez", "NCT04893720")
    change_status(store, ALL, lead.id, Status.CONTACTED, now=T0 + timedelta(days=1))
    after = _lead(store, ALL, "Ana Pérez", "NCT04893720")
    assert (after.status, after.owner, after.last_action_at) == (Status.CONTACTED, "alice", T0 + timedelta(days=1))
    entry = read_audit(store)[0]
    assert (entry.action, entry.detail, entry.candidate) == (Action.STATUS_CHANGE, "new -> contacted", lead.pseudonym)


def test_skipping_pipeline_steps_is_refused(store):
    _seed(store)
    lead = _lead(store, ALL, "Ana Pérez", "NCT04893720")
    with pytest.raises(StoreError, match="cannot become Enrolled"):
        change_status(store, ALL, lead.id, Status.ENROLLED)


def test_screen_failure_needs_a_reason(store):
    _seed(store)
    lead = _lead(store, ALL, "Ana Pérez", "NCT04893720")
    with pytest.raises(StoreError, match="needs a reason"):
        change_status(store, ALL, lead.id, Status.SCREEN_FAILED)
    change_status(store, ALL, lead.id, Status.SCREEN_FAILED, criterion_index=6)
    assert _lead(store, ALL, "Ana Pérez", "NCT04893720").screen_fail_reason == "Pregnancy"


def test_funnel_counts_each_lead_up_to_the_furthest_stage_reached(store):
    _seed(store)
    lead = _lead(store, ALL, "Ana Pérez", "NCT03076658")
    for step in (Status.CONTACTED, Status.PRE_SCREENED):
        change_status(store, ALL, lead.id, step)
    change_status(store, ALL, lead.id, Status.SCREEN_FAILED, reason="Moved abroad")
    assert funnel(store, ALL, nct_id="NCT03076658") == [
        (Status.NEW, 2), (Status.CONTACTED, 1), (Status.PRE_SCREENED, 1), (Status.REFERRED, 0), (Status.ENROLLED, 0)
    ]  # fmt: skip


def test_top_excluding_criteria_counts_prescreen_fails_and_picked_reasons(store):
    _seed(store)
    lead = _lead(store, ALL, "Ana Pérez", "NCT03076658")
    change_status(store, ALL, lead.id, Status.SCREEN_FAILED, criterion_index=4)  # "BMI >37"
    top = top_excluding_criteria(store, ALL)
    assert (top[0].nct_id, top[0].text, top[0].count) == ("NCT03076658", "BMI >37", 2)
    assert top_excluding_criteria(store, BOB, nct_id="NCT03076658")[0].count == 2


def test_note_is_stored_and_audited_without_its_text(store):
    _seed(store)
    lead = _lead(store, ALL, "Ana Pérez", "NCT04893720")
    add_note(store, ALL, lead.id, "Prefers calls after 5pm")
    detail = lead_detail(store, ALL, lead.id, stale_days=7)
    assert [n.text for n in detail.notes] == ["Prefers calls after 5pm"]
    assert all("5pm" not in e.detail for e in read_audit(store))


def test_opening_a_lead_is_audited(store):
    _seed(store)
    lead = _lead(store, ALL, "Ana Pérez", "NCT04893720")
    detail = lead_detail(store, ALL, lead.id, stale_days=7)
    assert detail.profile == PROFILE and len(detail.criteria) == 7
    assert read_audit(store)[0].action is Action.VIEW


def test_withdrawn_lead_is_listed_without_identity_and_takes_no_notes(store):
    ana, _ = _seed(store)
    lead = _lead(store, ALL, "Ana Pérez", "NCT04893720")
    add_note(store, ALL, lead.id, "Call back Monday")
    withdraw_candidate(store, ana)
    (listed,) = list_leads(store, ALL, nct_id="NCT04893720", stale_days=7)
    assert (listed.name, listed.email, listed.status) == (None, None, Status.WITHDRAWN)
    assert lead_detail(store, ALL, lead.id, stale_days=7).notes == ()
    with pytest.raises(StoreError, match="withdrew"):
        add_note(store, ALL, lead.id, "again")


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
@pytest.mark.parametrize("identified", [True, False])
def test_every_export_is_audited(store, fmt, identified):
    _seed(store)
    export_leads(store, BOB, fmt=fmt, identified=identified, nct_id="NCT03076658")
    entry = read_audit(store)[0]
    assert (entry.action, entry.actor, entry.nct_id) == (Action.EXPORT, "bob", "NCT03076658")
    assert entry.detail.startswith(f"{'identified' if identified else 'de-identified'} {fmt}, 2 rows")


def test_limited_recruiter_export_contains_only_their_trial(store):
    _seed(store)
    data = export_leads(store, BOB, fmt="csv", identified=True).decode("utf-8-sig")
    assert "NCT03076658" in data and "NCT04893720" not in data
