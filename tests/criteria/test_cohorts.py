"""Texts written for several groups of participants ("DDD patients:", "Subjects for the isolation of placenta-derived
MSCs:", "All enrolled subjects:"): a person fails a cohort's criterion only by not being in that cohort, so such a
fail is unknown, while a section for every participant still settles.

The texts are real records from the embedded snapshot, quoted whole.
"""

from __future__ import annotations

import gzip
import json
from functools import cache

import pytest

from criteria import Outcome, evaluate, parse_criteria, prepare
from criteria.eligibility import Eligibility
from tests.criteria.conftest import ROOT


@cache
def _text(nct_id: str) -> str:
    with gzip.open(ROOT / "screener/data/embedded_snapshot.jsonl.gz", "rt", encoding="utf-8") as fh:
        for line in fh:
            study = json.loads(line)["protocolSection"]
            if study["identificationModule"]["nctId"] == nct_id:
                return study["eligibilityModule"]["eligibilityCriteria"]
    raise LookupError(nct_id)


def _outcome(nct_id: str, line: str, profile: dict) -> Outcome:
    result = evaluate(prepare(Eligibility(nct_id, _text(nct_id), None, None, None, None, ())), profile)
    return next(c.outcome for c in result.criteria if c.text == line)


# (record, criterion line, its cohort heading ("" = every participant))
COHORTS = [
    ("NCT06490887", "Age 30-60 years (included)", "DDD patients"),
    ("NCT06490887", "Age 18-50 (included)", "Subjects for the isolation of placenta-derived MSCs"),
    ("NCT06490887", "Presence of HIV, HBV, HCV or TP infection", ""),
    ("NCT03630471", "Intoxicated at the point of consent or assessment", "For parent participants"),
    ("NCT01640457", "The patient is between 18-60 years of age.", ""),
    # One heading naming people is no split into cohorts.
    ("NCT05801965", "Adults (at least 18 years of age) diagnosed with cancer", ""),
]


@pytest.mark.parametrize(("nct_id", "line", "cohort"), COHORTS)
def test_criterion_keeps_the_cohort_heading_it_sits_under(nct_id: str, line: str, cohort: str) -> None:
    found = [c.cohort for c in parse_criteria(_text(nct_id)) if c.text == line]
    assert found and found[-1] == cohort


JUDGED = [
    ("age_outside_one_cohort_is_unknown", "NCT06490887", "Age 30-60 years (included)", {"age": 29}, Outcome.UNKNOWN),
    ("age_inside_the_cohort_passes", "NCT06490887", "Age 30-60 years (included)", {"age": 45}, Outcome.PASS),
    (
        "pregnancy_cohort_is_unknown_for_a_person_not_pregnant",
        "NCT06490887",
        "Women who are pregnant or who have not given birth from more than 6 hours",
        {"pregnant": False, "sex": "female"},
        Outcome.UNKNOWN,
    ),
    (
        "adolescent_age_is_unknown_for_an_adult",
        "NCT03630471",
        "Enrolled as a student in Grades 9-12 (corresponding to 13-20 years of age)",
        {"age": 45},
        Outcome.UNKNOWN,
    ),
    # A single-cohort text still fails.
    (
        "single_cohort_text_still_fails",
        "NCT05801965",
        "Adults (at least 18 years of age) diagnosed with cancer",
        {"age": 16},
        Outcome.FAIL,
    ),
]


@pytest.mark.parametrize(("nct_id", "line", "profile", "expected"), [c[1:] for c in JUDGED], ids=[c[0] for c in JUDGED])
def test_cohort_fail_becomes_unknown(nct_id: str, line: str, profile: dict, expected: Outcome) -> None:
    assert _outcome(nct_id, line, profile) is expected


def test_cohort_unknown_says_it_applies_to_one_group() -> None:
    result = evaluate(
        prepare(Eligibility("NCT06490887", _text("NCT06490887"), None, None, None, None, ())), {"age": 29}
    )
    reasons = [c.reason for c in result.criteria if c.text == "Age 30-60 years (included)"]
    assert reasons and "one group of participants" in reasons[0]
