"""TEMPORARY stand-in for ``criteria.prepare``/``criteria.evaluate`` until the engine lands on main.

Judges only the structured age and sex limits; every free-text criterion is unknown.
Delete this module when ``criteria.evaluate`` exists (the service imports the real one first).
"""

from __future__ import annotations

from typing import Any

from criteria.eligibility import Eligibility
from criteria.model import CriterionResult, Kind, Outcome, TrialResult, Verdict


def prepare(eligibility: Eligibility) -> Eligibility:
    return eligibility


def evaluate(trial: Eligibility, profile: dict[str, Any]) -> TrialResult:
    results: list[CriterionResult] = []
    age, sex = profile.get("age"), profile.get("sex")
    lo, hi = trial.minimum_age_years, trial.maximum_age_years
    if lo is not None or hi is not None:
        text = f"Age {lo or 0:g} to {hi if hi is not None else 'any'} years"
        if age is None:
            outcome, reason = Outcome.UNKNOWN, "Age not given."
        elif (lo is not None and age < lo) or (hi is not None and age > hi):
            outcome, reason = Outcome.FAIL, f"You are {age}; the study takes {text.lower()}."
        else:
            outcome, reason = Outcome.PASS, f"You are {age}."
        results.append(
            CriterionResult(Kind.INCLUSION, text, outcome, ("age",), reason, 0, ("age",) if age is None else ())
        )
    if trial.sex in {"FEMALE", "MALE"}:
        want = trial.sex.lower()
        if sex is None:
            outcome, reason = Outcome.UNKNOWN, "Sex not given."
        else:
            outcome = Outcome.PASS if sex == want else Outcome.FAIL
            reason = f"The study is for {want} participants."
        results.append(
            CriterionResult(
                Kind.INCLUSION, f"Sex: {want}", outcome, ("sex",), reason, 1, ("sex",) if sex is None else ()
            )
        )
    for i, line in enumerate(s.strip() for s in trial.criteria_text.splitlines() if s.strip()):
        results.append(CriterionResult(Kind.INCLUSION, line, Outcome.UNKNOWN, (), "Not checked yet.", i + 2))
    if any(r.outcome is Outcome.FAIL for r in results):
        verdict = Verdict.EXCLUDED
    elif any(r.outcome is Outcome.UNKNOWN and r.open_keys for r in results):
        verdict = Verdict.POSSIBLE
    else:
        verdict = Verdict.POSSIBLE if any(r.outcome is Outcome.UNKNOWN for r in results) else Verdict.LIKELY
    open_q = tuple(sorted({k for r in results for k in r.open_keys}))
    return TrialResult(trial.nct_id, verdict, tuple(results), open_q)


def validate_profile(profile: dict[str, Any]) -> dict[str, Any]:
    import json

    import jsonschema

    from screener.config import PACKAGE_DATA
    from screener.errors import ProfileError

    schema = json.loads((PACKAGE_DATA / "patient_profile.schema.json").read_text(encoding="utf-8"))
    for error in jsonschema.Draft202012Validator(schema).iter_errors(profile):
        key = str(error.path[0]) if error.path else None
        raise ProfileError(f"{key}: {error.message}", key=key)
    return dict(profile)
