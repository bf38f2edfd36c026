"""Properties of evaluate over real trials and arbitrary valid profiles."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from criteria import Outcome, Verdict, evaluate, prepare
from criteria.eligibility import Eligibility
from tests.conftest import CTGOV

ROOT = Path(__file__).resolve().parents[2]
SCHEMA = json.loads((ROOT / "screener/data/patient_profile.schema.json").read_text(encoding="utf-8"))


@cache
def _trials():
    from screener.trial import parse_study

    lines = (CTGOV / "v2_subset_back_hip_spine.jsonl").read_text(encoding="utf-8").splitlines()
    return tuple(prepare(parse_study(json.loads(x)).eligibility) for x in lines if x.strip())


def _value(spec: dict) -> st.SearchStrategy:
    if "enum" in spec:
        return st.sampled_from(spec["enum"])
    kind = spec.get("type")
    if kind == "boolean":
        return st.booleans()
    if kind == "integer":
        return st.integers(spec.get("minimum", 0), spec.get("maximum", 120))
    if kind == "number":
        return st.floats(spec.get("minimum", 0), spec.get("maximum", 100), allow_nan=False)
    if kind == "array":
        return st.lists(st.sampled_from(spec["items"]["enum"]), unique=True)
    if kind == "string":
        return st.text(min_size=1, max_size=20)
    return st.just({})


PROFILES = st.fixed_dictionaries({}, optional={k: _value(v) for k, v in SCHEMA["properties"].items()})


@settings(max_examples=150, deadline=None)
@given(PROFILES, st.integers(0, 191))
def test_evaluate_never_fails_a_criterion_whose_concepts_are_unanswered(profile, i):
    result = evaluate(_trials()[i], profile)
    for c in result.criteria:
        if c.outcome is Outcome.FAIL:
            assert set(c.concepts) & set(profile), c
        assert c.reason


@settings(max_examples=60, deadline=None)
@given(PROFILES, st.integers(0, 191))
def test_verdict_is_excluded_exactly_when_a_criterion_fails(profile, i):
    result = evaluate(_trials()[i], profile)
    assert (result.verdict is Verdict.EXCLUDED) == any(c.outcome is Outcome.FAIL for c in result.criteria)
    assert set(result.open_questions) <= set(SCHEMA["properties"]) - set(profile)


def test_empty_profile_never_excludes_a_real_trial():
    assert not [t.nct_id for t in _trials() if evaluate(t, {}).verdict is Verdict.EXCLUDED]


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=300), PROFILES)
def test_evaluate_never_raises_on_arbitrary_criteria_text(text, profile):
    result = evaluate(Eligibility(nct_id="NCT00000000", criteria_text=text), profile)
    assert all(c.outcome in (Outcome.PASS, Outcome.FAIL, Outcome.UNKNOWN) for c in result.criteria)


@settings(max_examples=40, deadline=None)
@given(PROFILES)
def test_evaluate_many_equals_evaluating_each_trial(profile):
    from criteria import evaluate_many

    trials = _trials()[:60]
    assert evaluate_many(trials, profile) == [evaluate(t, profile) for t in trials]
