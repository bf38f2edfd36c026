"""Consent and hand-off: what a submission stores, what withdrawal deletes, what is refused."""

from __future__ import annotations

import multiprocessing
import threading
from concurrent.futures import ProcessPoolExecutor
from datetime import UTC, datetime

import pytest
from sqlalchemy import func, select

from criteria.model import Outcome
from screener.audit import Action, read_audit
from screener.candidates import (
    CONSENT_TEXT,
    CONSENT_VERSION,
    ContactDetails,
    new_reference_code,
    normalise_reference_code,
    open_store,
    submit_candidate,
    withdraw_candidate,
)
from screener.errors import CandidateNotFound, ProfileError, StoreError
from screener.schema import candidate, candidate_trial, criterion_outcome
from tests.screener.recruiting_data import CRITERIA, PROFILE, contact, submission

NOW = datetime(2026, 11, 2, 9, 30, tzinfo=UTC)
P, F, U = Outcome.PASS, Outcome.FAIL, Outcome.UNKNOWN


def _submit(store, name="Ana Pérez", trials=("NCT04893720",), **kw):
    return submit_candidate(
        store,
        contact=contact(name),
        profile=PROFILE,
        submissions=[submission(t) for t in trials],
        consent_version=kw.pop("consent_version", CONSENT_VERSION),
        now=NOW,
    )


@pytest.mark.parametrize("topic", ["What is shared", "With whom", "How long", "How to withdraw"])
def test_consent_text_says_what_whom_how_long_and_how_to_withdraw(topic):
    assert topic in CONSENT_TEXT


def test_submission_stores_contact_profile_and_every_criterion_outcome(store):
    code = _submit(store, trials=("NCT04893720", "NCT03076658"))
    with store.read() as conn:
        person = conn.execute(select(candidate)).one()
        trials = conn.execute(select(candidate_trial).order_by(candidate_trial.c.nct_id)).all()
        outcomes = conn.execute(select(func.count()).select_from(criterion_outcome)).scalar_one()
    assert person.reference_code == code
    assert (person.name, person.email, person.consent_version) == ("Ana Pérez", "ana@example.org", CONSENT_VERSION)
    assert person.consented_at == NOW and person.profile == PROFILE
    assert [t.nct_id for t in trials] == ["NCT03076658", "NCT04893720"]
    assert {t.status for t in trials} == {"new"}
    assert trials[1].registry_data_date == "2025-06-17" and trials[1].distance_miles == 12.5
    assert outcomes == len(CRITERIA["NCT04893720"]) + len(CRITERIA["NCT03076658"])


def test_answers_are_stored_against_the_criteria_they_settled(store):
    _submit(store, trials=("NCT03076658",))
    with store.read() as conn:
        rows = {r.text: r for r in conn.execute(select(criterion_outcome))}
    age = rows["Males and females age 21-85 without a history of spine surgery."]
    assert age.answers == {"age": 54, "treatments_tried": ["physical_therapy"]}
    bmi = rows["BMI >37"]
    assert bmi.outcome == "unknown" and bmi.answers == {} and bmi.open_keys == ["bmi"]


def test_reference_codes_are_unique_and_unguessable(store):
    codes = {_submit(store, name=f"Person {i}") for i in range(20)}
    assert len(codes) == 20
    assert all(len(normalise_reference_code(c).replace("-", "")) == 14 for c in codes)


def test_old_consent_version_stores_nothing(store):
    with pytest.raises(StoreError, match="consent"):
        _submit(store, consent_version="2020-01-v0")
    with store.read() as conn:
        assert conn.execute(select(func.count()).select_from(candidate)).scalar_one() == 0


def test_profile_with_unknown_key_is_refused_naming_the_key(store):
    with pytest.raises(ProfileError) as err:
        submit_candidate(
            store,
            contact=contact(),
            profile={**PROFILE, "favourite_colour": "red"},
            submissions=[submission("NCT04893720")],
            consent_version=CONSENT_VERSION,
        )
    assert "favourite_colour" in str(err.value)


@pytest.mark.parametrize(
    "kwargs,key",
    [
        ({"name": " ", "email": "a@example.org", "phone": None, "preferred_contact": "email"}, "name"),
        ({"name": "Ana", "email": None, "phone": None, "preferred_contact": "email"}, "email"),
        ({"name": "Ana", "email": "ana at example", "phone": None, "preferred_contact": "email"}, "email"),
        ({"name": "Ana", "email": None, "phone": "12", "preferred_contact": "phone"}, "phone"),
        ({"name": "Ana", "email": "a@example.org", "phone": None, "preferred_contact": "phone"}, "phone"),
        ({"name": "Ana", "email": "a@example.org", "phone": None, "preferred_contact": "pigeon"}, "preferred_contact"),
    ],
)
def test_contact_details_are_validated_with_the_offending_field(kwargs, key):
    with pytest.raises(ProfileError) as err:
        ContactDetails(**kwargs)
    assert err.value.key == key


def test_contact_details_accept_an_international_phone():
    details = ContactDetails(name=" Zoë ", email=None, phone="+44 20 7946 0958", preferred_contact="phone")
    assert details.name == "Zoë"


def test_withdrawal_deletes_identity_answers_and_keeps_deidentified_outcomes(store):
    code = _submit(store)
    withdraw_candidate(store, code.lower().replace("-", " "), now=NOW)
    with store.read() as conn:
        person = conn.execute(select(candidate)).one()
        trial = conn.execute(select(candidate_trial)).one()
        outcomes = conn.execute(select(criterion_outcome)).all()
    assert (person.name, person.email, person.phone, person.profile) == (None, None, None, None)
    assert person.withdrawn_at == NOW and trial.status == "withdrawn"
    assert outcomes and all(o.answers is None for o in outcomes)
    entry = read_audit(store)[0]
    assert entry.action is Action.WITHDRAWAL and entry.candidate == person.pseudonym
    assert "Ana" not in entry.detail


def test_withdrawing_twice_is_harmless(store):
    code = _submit(store)
    withdraw_candidate(store, code)
    withdraw_candidate(store, code)
    assert [e.action for e in read_audit(store)].count(Action.WITHDRAWAL) == 1


def test_unknown_reference_code_raises_candidate_not_found(store):
    with pytest.raises(CandidateNotFound, match="PS-0000"):
        withdraw_candidate(store, "PS-0000-0000-0000")


def test_fifty_concurrent_submissions_are_all_stored_once(store):
    codes: list[str] = []
    errors: list[BaseException] = []
    start = threading.Barrier(50)

    def submit(i: int) -> None:
        try:
            start.wait()
            codes.append(_submit(store, name=f"Concurrent {i}", trials=("NCT04893720", "NCT04467944")))
        except BaseException as exc:  # noqa: BLE001 - collected and asserted below
            errors.append(exc)

    threads = [threading.Thread(target=submit, args=(i,)) for i in range(50)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    with store.read() as conn:
        names = conn.execute(select(candidate.c.name)).scalars().all()
        pairs = conn.execute(select(func.count()).select_from(candidate_trial)).scalar_one()
    assert sorted(names) == sorted(f"Concurrent {i}" for i in range(50))
    assert len(set(codes)) == 50 and pairs == 100
    assert [e.action for e in read_audit(store)].count(Action.SUBMISSION) == 50


def _submit_in_process(url: str, names: list[str]) -> list[str]:
    store = open_store(url)
    try:
        return [_submit(store, name=n) for n in names]
    finally:
        store.dispose()


def test_submissions_from_several_processes_are_all_stored_once(store_url):
    open_store(store_url).dispose()  # migrate once, as the app does on start
    batches = [[f"Process {p} person {i}" for i in range(10)] for p in range(5)]
    with ProcessPoolExecutor(max_workers=5, mp_context=multiprocessing.get_context("spawn")) as pool:
        codes = [c for batch in pool.map(_submit_in_process, [store_url] * 5, batches) for c in batch]
    store = open_store(store_url)
    with store.read() as conn:
        names = conn.execute(select(candidate.c.name)).scalars().all()
    store.dispose()
    assert sorted(names) == sorted(n for batch in batches for n in batch)
    assert len(set(codes)) == 50


@pytest.mark.parametrize("typed", [str.lower, lambda c: c.replace("-", " "), lambda c: c.replace("0", "O")])
def test_reference_code_survives_how_people_type_it(typed):
    for _ in range(50):
        code = new_reference_code()
        assert normalise_reference_code(typed(code)) == code
