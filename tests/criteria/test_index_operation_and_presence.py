"""Wrong fails found in real low-back trials: an index operation, "current", "and/or", devices present now, and
a disease limited to the spine.

Every line is quoted from a real record. Each class has a control that must still fail, so the rule stays narrow:
post-operative trials enrol people before their index operation, so "no surgery" cannot fail an inclusion naming
the operation, but an exclusion of past spine surgery and "failed back surgery syndrome" still settle.
"""

from __future__ import annotations

import pytest

from criteria import Kind, Outcome
from tests.criteria.conftest import is_real, judge_line

INC, EXC = Kind.INCLUSION, Kind.EXCLUSION
PASS, FAIL, UNKNOWN = Outcome.PASS, Outcome.FAIL, Outcome.UNKNOWN
OPERATED = {"treatments_tried": ["spine_surgery"], "spine_surgery_months_ago": 8}
UNOPERATED = {"treatments_tried": ["physical_therapy"]}

MICRO_MIS = "Who have undergone minimally invasive microdiscectomy due to herniated disc"
MICRO_HAD = "The patients included in the study had lumbar microdiscectomy surgery"
HISTORY_SURGERY = "History of spinal surgery"
FBSS = "Meeting the diagnostic criteria for failed back surgery syndrome"
CURRENT_CANCER = "Current malignant disease"
CANCER = "Malignancy"
AND_OR = "All patients with severe CLBP and/or leg pain"
CHRONIC = "Chronic low back pain for at least 3 months from the screening;"
DEVICE = (
    "Presence of an indwelling pain device (e.g., intrathecal opioid pump, spinal cord stimulator, dorsal root "
    "ganglion stimulator)"
)
ANY_IMPLANT = "implanted electronic devices"
SPINE_INFLAMMATION = "Inflammatory condition( systemic inflammatory disease of spine)"
RHEUMATOID = "Rheumatoid arthritis or other autoimmune disease."

# (behaviour, kind, criterion quoted from a real record, profile, expected outcome)
CASES = [
    # 1. An index operation the study is built around: the person may be enrolled before it.
    ("index_operation_not_failed_by_no_surgery", INC, MICRO_MIS, UNOPERATED, UNKNOWN),
    ("past_index_operation_not_failed_by_no_surgery", INC, MICRO_HAD, UNOPERATED, UNKNOWN),
    ("index_operation_not_settled_by_other_surgery", INC, MICRO_HAD, OPERATED, UNKNOWN),
    ("control_history_of_spine_surgery_excludes_operated", EXC, HISTORY_SURGERY, OPERATED, FAIL),
    ("control_failed_back_surgery_requires_a_past_operation", INC, FBSS, UNOPERATED, FAIL),
    # 2. "Current" narrows the 5-year cancer question like "active".
    ("current_malignancy_unknown_for_recent_cancer", EXC, CURRENT_CANCER, {"cancer": True}, UNKNOWN),
    ("current_malignancy_passes_no_cancer", EXC, CURRENT_CANCER, {"cancer": False}, PASS),
    ("control_bare_malignancy_excludes_recent_cancer", EXC, CANCER, {"cancer": True}, FAIL),
    # 3. "A and/or B": the chronic back pain of A is one alternative, not a requirement.
    (
        "and_or_alternative_met_by_recent_leg_pain",
        INC,
        AND_OR,
        {"pain_duration_months": 0.75, "pain_areas": ["leg"]},
        PASS,
    ),
    ("and_or_alternative_open_when_leg_pain_unanswered", INC, AND_OR, {"pain_duration_months": 0.75}, UNKNOWN),
    ("control_chronic_requirement_fails_recent_pain", INC, CHRONIC, {"pain_duration_months": 0.75}, FAIL),
    # 4. A device present now is not a treatment ever tried, nor any implanted device.
    (
        "device_present_not_settled_by_tried_stimulator",
        EXC,
        DEVICE,
        {"treatments_tried": ["nerve_stimulator"]},
        UNKNOWN,
    ),
    ("pain_device_not_settled_by_any_implant", EXC, DEVICE, {"implanted_device": True}, UNKNOWN),
    ("pain_device_passes_no_implant", EXC, DEVICE, {"implanted_device": False}, PASS),
    ("control_any_implanted_device_excludes_implant", EXC, ANY_IMPLANT, {"implanted_device": True}, FAIL),
    # 5. A disease limited to the spine is one kind of inflammatory arthritis.
    (
        "spine_inflammation_unknown_for_inflammatory_arthritis",
        EXC,
        SPINE_INFLAMMATION,
        {"inflammatory_arthritis": True},
        UNKNOWN,
    ),
    ("spine_inflammation_passes_no_arthritis", EXC, SPINE_INFLAMMATION, {"inflammatory_arthritis": False}, PASS),
    ("control_rheumatoid_arthritis_excludes", EXC, RHEUMATOID, {"inflammatory_arthritis": True}, FAIL),
]


def test_every_case_quotes_a_real_record():
    assert [c[2] for c in CASES if not is_real(c[2])] == []


@pytest.mark.parametrize(("behaviour", "kind", "text", "profile", "outcome"), CASES, ids=[c[0] for c in CASES])
def test_criterion_outcome(behaviour, kind, text, profile, outcome):
    got, reason, keys = judge_line(kind, text, profile)
    assert got is outcome, reason
