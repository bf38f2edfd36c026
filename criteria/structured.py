"""The registry's structured eligibility fields (sex, minimum/maximum age, healthy volunteers) as criteria.

They are inclusion criteria like any other, so the patient sees them with a reason.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from criteria.eligibility import Eligibility
from criteria.model import CriterionResult, Kind, Outcome

#: (text shown for the criterion, judge(profile, index) -> result)
StructuredCheck = tuple[str, Callable[[Mapping[str, Any], int], CriterionResult]]


def _years(value: float) -> str:
    if value == int(value):
        return f"{int(value)} years"
    return f"{value * 12:.0f} months" if value < 2 else f"{value:g} years"


def _result(text: str, outcome: Outcome, keys: tuple[str, ...], reason: str, index: int) -> CriterionResult:
    open_keys = keys if outcome is Outcome.UNKNOWN else ()
    return CriterionResult(Kind.INCLUSION, text, outcome, keys, reason, index, open_keys)


def _sex_check(sex: str) -> StructuredCheck | None:
    wanted = sex.strip().upper()
    if wanted in ("ALL", "BOTH"):
        text = "Sex: all"

        def judge_all(profile: Mapping[str, Any], index: int) -> CriterionResult:
            return _result(text, Outcome.PASS, ("sex",), "This trial accepts people of any sex.", index)

        return text, judge_all
    if wanted not in ("FEMALE", "MALE"):
        return None
    want = wanted.lower()
    text = f"Sex: {want} only"

    def judge(profile: Mapping[str, Any], index: int) -> CriterionResult:
        have = profile.get("sex")
        if have is None:
            return _result(text, Outcome.UNKNOWN, ("sex",), f"This trial accepts {want} participants only.", index)
        if have == want:
            return _result(text, Outcome.PASS, ("sex",), f"You said you are {have}; this trial accepts {want}s.", index)
        return _result(
            text,
            Outcome.FAIL,
            ("sex",),
            f"You said you are {have}; this trial accepts {want} participants only.",
            index,
        )

    return text, judge


#: Both registry bounds are inclusive: "65 Years" as a maximum admits people who are 65.
_AGE_BOUNDS = {
    "minimum": (lambda age, limit: age >= limit, "aged {years} or older"),
    "maximum": (lambda age, limit: age <= limit, "up to {years} of age"),
}


def _age_check(bound: str, years: float) -> StructuredCheck:
    within, accepts = _AGE_BOUNDS[bound]
    text = f"{bound.capitalize()} age: {_years(years)}"
    rule = f"this trial accepts people {accepts.format(years=_years(years))}"

    def judge(profile: Mapping[str, Any], index: int) -> CriterionResult:
        age = profile.get("age")
        if age is None:
            return _result(text, Outcome.UNKNOWN, ("age",), f"{rule[0].upper()}{rule[1:]}.", index)
        if within(age, years):
            reason = f"You said you are {age}; the {bound} age is {_years(years)}."
            return _result(text, Outcome.PASS, ("age",), reason, index)
        return _result(text, Outcome.FAIL, ("age",), f"You said you are {age}; {rule}.", index)

    return text, judge


def _healthy_check(accepts: bool) -> StructuredCheck:
    if accepts:
        text = "Accepts healthy volunteers: yes"

        def judge_yes(profile: Mapping[str, Any], index: int) -> CriterionResult:
            return _result(
                text,
                Outcome.PASS,
                (),
                "This trial accepts healthy volunteers as well as people with the condition.",
                index,
            )

        return text, judge_yes
    text = "Accepts healthy volunteers: no"

    def judge_no(profile: Mapping[str, Any], index: int) -> CriterionResult:
        # Everyone using the screener is looking for trials about a condition they have.
        return _result(
            text,
            Outcome.PASS,
            (),
            "This trial is for people with the condition, not healthy volunteers; you are looking for trials about your condition.",
            index,
        )

    return text, judge_no


def structured_checks(eligibility: Eligibility) -> tuple[StructuredCheck, ...]:
    """The structured fields present in the record, in registry order."""
    checks: list[StructuredCheck] = []
    if eligibility.sex:
        sex = _sex_check(eligibility.sex)
        if sex is not None:
            checks.append(sex)
    if eligibility.minimum_age_years is not None:
        checks.append(_age_check("minimum", eligibility.minimum_age_years))
    if eligibility.maximum_age_years is not None:
        checks.append(_age_check("maximum", eligibility.maximum_age_years))
    if eligibility.healthy_volunteers is not None:
        checks.append(_healthy_check(eligibility.healthy_volunteers))
    return tuple(checks)
