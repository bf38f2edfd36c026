"""Ages that belong to a subgroup, treatments that are the study's own, and the plain words of age reasons.

Every line is quoted from a real record; one behaviour per case. A wrong "fail" hides a trial, so each case
either shows a reading that must stay unknown (or pass) or a control that must still fail.
"""

from __future__ import annotations

import pytest

from criteria import Kind, Outcome
from criteria.compile import compile_criterion
from criteria.engine import judge_rule
from criteria.parse import Criterion
from tests.criteria.conftest import is_real, judge_line

INC, EXC = Kind.INCLUSION, Kind.EXCLUSION
PASS, FAIL, UNKNOWN = Outcome.PASS, Outcome.FAIL, Outcome.UNKNOWN

PUERTO_RICO = (
    "The Registry is only intended at this time for residents of the United States and United States territories "
    "and Canada who are nineteen (19) years or older (for Puerto Rico residents, you must be 21 years or older to "
    "participate)."
)
WEIGHT = "Subject is 6 years or older and weighs less than 19 kg (subjects unable to complete 4 hours of YSI testing)."
TODDLERS = (
    "For subjects age between 2 and 5: willing to allow medical personnel to perform up to 16 capillary finger "
    "sticks to allow for capillary blood samples to be obtained per the study protocol."
)
ASSENT = (
    "Willing and able to provide informed consent; if under 18 years of age, willing and able to provide assent, "
    "and has a legal guardian willing and able to provide consent"
)
DIGITAL = "Internet access on a mobile smart phone to access the digital exercise program"
THERAPIST = "Modified Hoehn and Yahr stages 1-3 per physical exam by a licensed physical therapist"
FAILED_CARE = (
    "Failure of epidural steroid injection, facet injection, medial branch block, radiofrequency ablation or "
    "physical therapy"
)
TB = (
    "Pulmonary symptoms suggestive of TB (cough >2 weeks in duration and/or intermittent fever >1 week in duration "
    "and/or hemoptysis)."
)
ADULT = "Subject is 18 years of age or older."
CAD = "Three or more of the following CAD risk factors:\n    1. Current tobacco use"
HEPARIN = (
    "History or presence of allergy or intolerance to the study drugs or their components or drugs of their class. "
    "In addition, if heparin is used during pharmacokinetic (PK) sampling, participants with a history of "
    "sensitivity to heparin or heparin-induced thrombocytopenia must not be enrolled."
)
RADICULAR_SHORT = "Radicular symptoms < 3 months duration"
FAMILY = "Families where at least one first-degree family member has type 1 diabetes"
NOT_PARTICIPATED = (
    "Has not participated in user testing of PEAR-008 or any investigational drug trials within the past 30 days "
    "of enrollment"
)
OAB = "Symptoms of overactive bladder with urgency urinary incontinence, with or without nocturia/nocturnal enuresis"
COMPLY = (
    "willingness and ability to comply with all scheduled visits, laboratory tests, lifestyle considerations and "
    "other study procedures"
)
SURVIVAL = "Expected survival duration of more than 3 months；"
DISEASE_DURATION = "mRSS ≥ 15 with disease duration ≥ 18 months and active disease as defined by the protocol"
PAIN_3_MONTHS = "Duration of the pain: ≥ 3 months"
CRANIAL = "No cranial trauma history with loss of consciousness"
NOT_WOCBP_OR = "Not a woman of childbearing potential (WOCBP) OR"
OBESITY = "Obesity (BMI > 30)"
AXIAL_ONLY = "Axial back pain only (no radicular symptoms);"
UNDER_AGE = "Healthy adults under age 60"
PARENT = (
    "Subjects aged 17 years and younger must have a parent, guardian or legally authorized representative willing "
    "and able to provide written informed consent."
)
ASSENT_ONLY = (
    "Subject must be willing and able to provide written signed and dated informed assent (subjects aged 13 to 17 "
    "only)."
)
ONSET = "Less than 50 years of age at the time of migraine onset."
SKELETAL = "Skeletally mature (age at least 18 years) and:"

# (behaviour, kind, criterion quoted from a real record, profile, expected outcome)
CASES = [
    ("stricter_age_for_a_subgroup_does_not_fail", INC, PUERTO_RICO, {"age": 20}, PASS),
    ("looser_age_still_fails_younger", INC, PUERTO_RICO, {"age": 17}, FAIL),
    ("age_joined_to_an_unread_number_does_not_exclude", EXC, WEIGHT, {"age": 40}, UNKNOWN),
    ("age_after_for_names_a_subgroup", INC, TODDLERS, {"age": 40}, UNKNOWN),
    ("age_after_if_names_a_subgroup", INC, ASSENT, {"age": 17}, UNKNOWN),
    ("study_treatment_in_inclusion_is_not_required_as_tried", INC, DIGITAL, {"treatments_tried": []}, UNKNOWN),
    ("therapist_doing_an_exam_is_not_a_tried_treatment", INC, THERAPIST, {"treatments_tried": []}, UNKNOWN),
    ("duration_of_another_symptom_does_not_exclude", EXC, TB, {"pain_duration_months": 24}, UNKNOWN),
    ("adult_age_under_exclusions_is_a_misfiled_inclusion", EXC, ADULT, {"age": 45}, UNKNOWN),
    ("one_of_three_required_risk_factors_does_not_exclude", EXC, CAD, {"smoker": True}, UNKNOWN),
    ("sensitivity_to_heparin_is_not_taking_blood_thinners", EXC, HEPARIN, {"bleeding_risk": True}, UNKNOWN),
    (
        "duration_of_named_symptoms_still_excludes",
        EXC,
        RADICULAR_SHORT,
        {"pain_duration_months": 1, "leg_pain_radiating": True},
        FAIL,
    ),
    ("family_members_condition_is_not_required_of_the_person", INC, FAMILY, {"diabetes": False}, UNKNOWN),
    ("has_not_participated_denies_the_trial", INC, NOT_PARTICIPATED, {"in_other_trial": False}, PASS),
    # The question asks about *new* bladder or bowel problems (a red flag); "no" does not rule out incontinence.
    (
        "no_new_bladder_problems_does_not_fail_required_incontinence",
        INC,
        OAB,
        {"bladder_or_bowel_problems": False},
        UNKNOWN,
    ),
    ("other_study_procedures_is_not_another_trial", INC, COMPLY, {"in_other_trial": False}, UNKNOWN),
    ("life_expectancy_is_no_pain_duration", INC, SURVIVAL, {"pain_duration_months": 0.5}, UNKNOWN),
    ("another_diseases_duration_is_no_pain_duration", INC, DISEASE_DURATION, {"pain_duration_months": 4}, UNKNOWN),
    ("pain_duration_still_required", INC, PAIN_3_MONTHS, {"pain_duration_months": 0.5}, FAIL),
    ("head_trauma_is_not_an_injury_that_started_the_pain", INC, CRANIAL, {"recent_trauma": True}, UNKNOWN),
    ("inclusion_ending_in_or_leaves_its_alternative_open", INC, NOT_WOCBP_OR, {"pregnant": True}, UNKNOWN),
    ("comparison_before_the_word_age_is_read", INC, UNDER_AGE, {"age": 50}, PASS),
    ("comparison_before_the_word_age_still_fails_older", INC, UNDER_AGE, {"age": 70}, FAIL),
    ("age_before_must_names_a_subgroup", INC, PARENT, {"age": 50}, UNKNOWN),
    ("age_in_an_only_parenthesis_names_a_subgroup", INC, ASSENT_ONLY, {"age": 50}, UNKNOWN),
    ("age_at_onset_is_not_the_current_age", INC, ONSET, {"age": 50}, UNKNOWN),
    ("age_before_and_colon_is_still_required", INC, SKELETAL, {"age": 17}, FAIL),
    ("failed_treatments_still_required", INC, FAILED_CARE, {"treatments_tried": []}, FAIL),
]


def test_every_case_quotes_a_real_record():
    assert [c[2] for c in CASES if not is_real(c[2])] == []


@pytest.mark.parametrize(("behaviour", "kind", "text", "profile", "outcome"), CASES, ids=[c[0] for c in CASES])
def test_criterion_outcome(behaviour, kind, text, profile, outcome):
    got, reason, keys = judge_line(kind, text, profile)
    assert got is outcome, reason


def test_age_reason_uses_plain_words_not_the_garbled_quote():
    rule = compile_criterion(Criterion(INC, PUERTO_RICO, 0))
    reason = judge_rule(rule, {"age": 17}, 0).reason
    assert reason == "You said you are 17 years old; this trial requires age 19 or older."


@pytest.mark.parametrize(
    ("kind", "text", "profile", "reason"),
    [
        (INC, OBESITY, {"bmi": 27}, "You said your BMI is 27; this trial requires a BMI of over 30."),
        (
            EXC,
            AXIAL_ONLY,
            {"pain_areas": ["low_back"], "leg_pain_radiating": False},
            "You said your pain does not spread down your leg; this trial excludes people with no pain spreading "
            "down the leg (sciatica).",
        ),
        (
            INC,
            "Duration of the pain: ≥ 3 months",
            {"pain_duration_months": 0.5},
            "You said your pain has lasted 0.5 months; this trial requires pain lasting at least 3 months.",
        ),
    ],
    ids=["bmi_reason_in_plain_words", "denied_exclusion_names_the_people", "comparison_signs_become_words"],
)
def test_reason_reads_cleanly(kind, text, profile, reason):
    assert is_real(text)
    result = judge_rule(compile_criterion(Criterion(kind, text, 0)), profile, 0)
    assert (result.outcome, result.reason) == (FAIL, reason)
