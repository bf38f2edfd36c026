"""Inclusions of people operated before the study began (a long-term follow-up, a register, a retrospective
cohort) are not met by someone who never had spine surgery; trials that enrol people on their way to the
operation stay unknown.

Every line is quoted from a real record. The controls come from perioperative trials whose inclusion names the
index operation in the past tense, and from a criterion that takes both a retrospective and a prospective cohort.
"""

from __future__ import annotations

import pytest

from criteria import Kind, Outcome
from tests.criteria.conftest import is_real, judge_line

INC = Kind.INCLUSION
PASS, FAIL, UNKNOWN = Outcome.PASS, Outcome.FAIL, Outcome.UNKNOWN
UNOPERATED = {"treatments_tried": ["physical_therapy"]}
OPERATED = {"treatments_tried": ["spine_surgery"], "spine_surgery_months_ago": 30}

FOLLOW_UP = (
    "all patients who had undergone a first time uncomplicated disc surgery for lumbar vertebral disc herniation who "
    "had taken part in the original RCT and had completed the treatment originally allocated"
)
REGISTER = (
    "Patients treated with surgery for lumbar disc herniation in Denmark, Sweden or Norway and registered in a "
    "national quality register."
)
BOTH_COHORTS = (
    "Have had (retrospective cohort) or the decision has been made to have (prospective cohort) anterior cervical "
    "spine surgery"
)
UNDERWENT = (
    "Individuals who underwent single-level unilateral lumbar microsurgery. Those with a surgical incision <3 cm."
)
HAVE_UNDERGONE = "Who have undergone minimally invasive microdiscectomy due to herniated disc"
UNDERGOING = "Patients undergoing a lumbar slipped disc surgery"

# (behaviour, kind, criterion quoted from a real record, profile, expected outcome)
CASES = [
    ("follow_up_of_operated_trial_fails_unoperated", INC, FOLLOW_UP, UNOPERATED, FAIL),
    ("follow_up_of_operated_trial_open_for_operated", INC, FOLLOW_UP, OPERATED, UNKNOWN),
    ("follow_up_open_without_treatments_answer", INC, FOLLOW_UP, {"age": 40}, UNKNOWN),
    ("register_of_operated_patients_fails_unoperated", INC, REGISTER, UNOPERATED, FAIL),
    ("register_of_operated_patients_open_for_operated", INC, REGISTER, OPERATED, UNKNOWN),
    ("retrospective_or_prospective_cohort_not_failed", INC, BOTH_COHORTS, UNOPERATED, UNKNOWN),
    ("simple_past_index_operation_not_failed", INC, UNDERWENT, UNOPERATED, UNKNOWN),
    ("perfect_tense_index_operation_not_failed", INC, HAVE_UNDERGONE, UNOPERATED, UNKNOWN),
    ("operation_under_way_not_failed", INC, UNDERGOING, UNOPERATED, UNKNOWN),
]


def test_every_case_quotes_a_real_record():
    assert [c[2] for c in CASES if not is_real(c[2])] == []


@pytest.mark.parametrize(("behaviour", "kind", "text", "profile", "outcome"), CASES, ids=[c[0] for c in CASES])
def test_criterion_outcome(behaviour, kind, text, profile, outcome):
    got, reason, keys = judge_line(kind, text, profile)
    assert got is outcome, reason
