"""General readings the dev2 annotators made that the engine missed: a spinal-level phrase that covers every level,
back pain predominant over leg pain, bare trauma, and the other classes below.

Every line is quoted from a real record; one behaviour per case. Controls keep the narrower readings unknown.
"""

from __future__ import annotations

import pytest

from criteria import Kind, Outcome
from tests.criteria.conftest import is_real, judge_line

INC, EXC = Kind.INCLUSION, Kind.EXCLUSION
PASS, FAIL, UNKNOWN = Outcome.PASS, Outcome.FAIL, Outcome.UNKNOWN

OPERATED = {"spine_surgery_months_ago": 30, "treatments_tried": ["spine_surgery"]}
NOT_OPERATED = {"treatments_tried": ["physical_therapy"]}

# "Any level" and a range from L1 to S1 are no index level: they ask about lumbar surgery at all.
LEVELS = [
    (
        "any_level_of_lumbar_spine_excludes_surgery",
        EXC,
        "Prior surgeries at any level of the lumbar spine;",
        OPERATED,
        FAIL,
    ),
    ("any_lumbar_level_excludes_surgery", EXC, "Prior spine surgery at any lumbar level;", OPERATED, FAIL),
    ("any_lumbar_level_passes_no_surgery", EXC, "Prior spine surgery at any lumbar level;", NOT_OPERATED, PASS),
    (
        "level_range_l1_to_s1_is_the_whole_lumbar_spine",
        EXC,
        "Participant has had previous lumbar spine surgery at level L1-2 to L5-S1",
        OPERATED,
        FAIL,
    ),
    (
        "same_level_surgery_stays_narrower",
        EXC,
        "Prior back surgery at the same level",
        OPERATED,
        UNKNOWN,
    ),
]

VAS_BACK = "VAS back pain score ≥ 40 mm and that is greater than the VAS leg pain scores"
PREDOMINANT = "Low back pain predominant over leg pain on a 100mm VAS scale"
LEG_WORSE = {"leg_pain_worse_than_back": True, "pain_areas": ["low_back", "leg"], "pain_intensity": 7}
BACK_WORSE = {"leg_pain_worse_than_back": False, "pain_areas": ["low_back", "leg"], "pain_intensity": 7}
# "Back pain greater than / predominant over leg pain" is not met when the leg pain is worse (dev2 reading 2).
PREDOMINANCE = [
    ("back_greater_than_vas_leg_fails_leg_worse", INC, VAS_BACK, LEG_WORSE, FAIL),
    ("back_greater_than_vas_leg_passes_back_worse", INC, VAS_BACK, BACK_WORSE, PASS),
    ("back_predominant_over_leg_fails_leg_worse", INC, PREDOMINANT, LEG_WORSE, FAIL),
    ("back_predominant_over_leg_leaves_back_worse_open", INC, PREDOMINANT, BACK_WORSE, UNKNOWN),
]

PLAN = "Pregnant or lactating women; or plan to become pregnant within 1 year following the study surgery."
# A window after the study ("within 1 year following the study surgery") looks forward: it does not narrow pregnancy.
FORWARD_WINDOWS = [
    ("forward_window_keeps_pregnancy_exclusion", EXC, PLAN, {"pregnant": True}, FAIL),
    ("forward_window_passes_not_pregnant", EXC, PLAN, {"pregnant": False}, PASS),
    (
        "look_back_window_still_narrows_an_event",
        EXC,
        "Has had a myocardial infarction within the previous 6-months",
        {"heart_disease": True},
        UNKNOWN,
    ),
]

OSTEO, NO_OSTEO = {"osteoporosis": True}, {"osteoporosis": False}
# Osteoporosis is a metabolic bone disease (dev2 reading 6): that criterion is broader than the answer.
BONE = [
    ("osteoporosis_is_a_metabolic_bone_disease", EXC, "Has metabolic bone disease", OSTEO, FAIL),
    ("no_osteoporosis_leaves_metabolic_bone_disease_open", EXC, "Has metabolic bone disease", NO_OSTEO, UNKNOWN),
    (
        "other_metabolic_bone_disease_covers_osteoporosis",
        EXC,
        "Paget's disease at involved segment or metastasis to the vertebra, osteomalacia, or other metabolic bone "
        "disease.",
        OSTEO,
        FAIL,
    ),
    (
        "bare_osteopenia_diagnosis_stays_narrower",
        EXC,
        "Previous diagnosis of osteopenia or osteomalacia",
        OSTEO,
        UNKNOWN,
    ),
]

CASES = LEVELS + PREDOMINANCE + FORWARD_WINDOWS + BONE


def test_every_case_quotes_a_real_record():
    assert [c[2] for c in CASES if not is_real(c[2])] == []


@pytest.mark.parametrize(("behaviour", "kind", "text", "profile", "outcome"), CASES, ids=[c[0] for c in CASES])
def test_criterion_outcome(behaviour, kind, text, profile, outcome):
    got, reason, _ = judge_line(kind, text, profile)
    assert got is outcome, reason
