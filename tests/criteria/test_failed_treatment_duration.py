"""A treatment that failed for N weeks means the pain has lasted at least N weeks.

Every line is quoted from a real record. The treatment's length is only a lower bound for the pain's, it gives
way to a duration the criterion states for the pain itself, and it never fails a criterion that offers another
way in ("... or presence of progressive symptoms") or a window ("within 12 months").
"""

from __future__ import annotations

import pytest

from criteria import Kind, Outcome
from tests.criteria.conftest import is_real, judge_line

INC = Kind.INCLUSION
PASS, FAIL, UNKNOWN = Outcome.PASS, Outcome.FAIL, Outcome.UNKNOWN
THREE_WEEKS = {"pain_duration_months": 0.75}
FIVE_WEEKS = {"pain_duration_months": 1.25}
FOUR_MONTHS = {"pain_duration_months": 4}

FAILED_CARE = "Subjects who have failed conservative care for at least 6 weeks."
NO_IMPROVEMENT = "no improvement in symptoms after 6-10 weeks of non-surgical treatment."
UNSUCCESSFUL = r"\>6 weeks of unsuccessful conservative treatment"
FAILED_EIGHT = "Failed at least eight weeks conservative treatment;"
TRAILING_FAILED = (
    "Adults who are symptomatic lumbar disc herniation L4-5. Each patient was assessed clinically and MRI was done "
    "for all the patients to prove clinically, the symptomatic lumbar disc herniation which was present in all "
    "patients. Conservative treatment for 6weeks was failed"
)
PERSISTED_DESPITE = "radicular pain that persisted despite 4-6 weeks of conservative treatment,"
OR_PROGRESSIVE = (
    "Unresponsive to non-operative treatment of at least 6 weeks or presence of progressive symptoms or signs of "
    "nerve root/spinal cord compression despite continued non-operative treatment;"
)
WITHIN_WINDOW = "Patients must have failed the SOC therapies within 12 months of enrollment in the clinical trial."
PAIN_AND_CARE = (
    "Participants with moderate to severe low back pain for a duration of at least six months who have failed at "
    "least 3 months of conservative care."
)

# (behaviour, kind, criterion quoted from a real record, profile, expected outcome)
CASES = [
    ("failed_care_for_six_weeks_fails_three_week_pain", INC, FAILED_CARE, THREE_WEEKS, FAIL),
    ("failed_care_four_month_pain_left_to_treatment_question", INC, FAILED_CARE, FOUR_MONTHS, UNKNOWN),
    ("no_improvement_after_range_fails_below_its_lower_end", INC, NO_IMPROVEMENT, THREE_WEEKS, FAIL),
    ("no_improvement_range_within_a_week_of_lower_end_unknown", INC, NO_IMPROVEMENT, FIVE_WEEKS, UNKNOWN),
    ("no_improvement_range_is_no_upper_bound", INC, NO_IMPROVEMENT, FOUR_MONTHS, PASS),
    ("unsuccessful_treatment_fails_three_week_pain", INC, UNSUCCESSFUL, THREE_WEEKS, FAIL),
    ("failed_eight_weeks_fails_three_week_pain", INC, FAILED_EIGHT, THREE_WEEKS, FAIL),
    ("failure_word_after_the_number_counts", INC, TRAILING_FAILED, THREE_WEEKS, FAIL),
    ("persisted_despite_four_weeks_boundary_unknown", INC, PERSISTED_DESPITE, THREE_WEEKS, UNKNOWN),
    ("alternative_after_failed_treatment_never_fails", INC, OR_PROGRESSIVE, THREE_WEEKS, UNKNOWN),
    ("window_for_failed_treatment_is_no_duration", INC, WITHIN_WINDOW, {"pain_duration_months": 24}, UNKNOWN),
    ("pain_duration_stated_beats_treatment_length", INC, PAIN_AND_CARE, FOUR_MONTHS, FAIL),
]


def test_every_case_quotes_a_real_record():
    assert [c[2] for c in CASES if not is_real(c[2])] == []


@pytest.mark.parametrize(("behaviour", "kind", "text", "profile", "outcome"), CASES, ids=[c[0] for c in CASES])
def test_criterion_outcome(behaviour, kind, text, profile, outcome):
    got, reason, keys = judge_line(kind, text, profile)
    assert got is outcome, reason
