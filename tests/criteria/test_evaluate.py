"""Judging real criteria lines against profiles: pass, fail or unknown, with the concepts used."""

from __future__ import annotations

import pytest

from criteria import Eligibility, Kind, Outcome, Verdict, evaluate, prepare
from criteria.compile import compile_criterion
from criteria.engine import judge_rule
from criteria.parse import Criterion
from tests.criteria.conftest import is_real

INC, EXC = Kind.INCLUSION, Kind.EXCLUSION
PASS, FAIL, UNKNOWN = Outcome.PASS, Outcome.FAIL, Outcome.UNKNOWN
SURGERY_8_MONTHS = {"treatments_tried": ["spine_surgery"], "spine_surgery_months_ago": 8}

# (behaviour, kind, criterion quoted from a real record, profile, expected outcome, a concept it must report)
CASES = [
    (
        "prior_spine_surgery_excludes_operated",
        EXC,
        "Previous lumbar spine surgery.",
        SURGERY_8_MONTHS,
        FAIL,
        "treatments_tried",
    ),
    (
        "prior_spine_surgery_passes_unoperated",
        EXC,
        "Previous lumbar spine surgery.",
        {"treatments_tried": ["physical_therapy"]},
        PASS,
        "treatments_tried",
    ),
    (
        "prior_spine_surgery_unknown_unanswered",
        EXC,
        "Previous lumbar spine surgery.",
        {"age": 50},
        UNKNOWN,
        "treatments_tried",
    ),
    (
        "surgery_window_excludes_recent",
        EXC,
        "Spinal surgery within the last year",
        SURGERY_8_MONTHS,
        FAIL,
        "spine_surgery_months_ago",
    ),
    (
        "surgery_window_passes_older",
        EXC,
        "Any lumbar surgery within six months of the baseline examination",
        SURGERY_8_MONTHS,
        PASS,
        "spine_surgery_months_ago",
    ),
    (
        "surgery_window_excludes_inside",
        EXC,
        "Any lumbar surgery within six months of the baseline examination",
        {"spine_surgery_months_ago": 3},
        FAIL,
        "spine_surgery_months_ago",
    ),
    (
        "surgery_window_unknown_when_date_missing",
        EXC,
        "Spinal surgery within the last year",
        {"treatments_tried": ["spine_surgery"]},
        UNKNOWN,
        "spine_surgery_months_ago",
    ),
    # The injection question also covers facet injections: an epidural window leaves a recent one open (holdout
    # and dev2 readings); "Epidural or facet ... injections" still excludes (test_narrower_wordings.py).
    (
        "epidural_window_leaves_recent_injection_unknown",
        EXC,
        "Prior epidural steroid injection within the past 8 weeks",
        {"spinal_injection_months_ago": 1},
        UNKNOWN,
        "spinal_injection_months_ago",
    ),
    (
        "injection_window_passes_older",
        EXC,
        "Prior epidural steroid injection within the past 8 weeks",
        {"spinal_injection_months_ago": 4},
        PASS,
        "spinal_injection_months_ago",
    ),
    ("pregnancy_excludes_pregnant", EXC, "Pregnancy", {"pregnant": True}, FAIL, "pregnant"),
    ("pregnancy_passes_not_pregnant", EXC, "Pregnancy", {"pregnant": False}, PASS, "pregnant"),
    (
        "negation_unable_english_excludes_non_english",
        EXC,
        "Unable to read or speak English",
        {"english": False},
        FAIL,
        "english",
    ),
    (
        "negation_unable_english_passes_english",
        EXC,
        "Unable to read or speak English",
        {"english": True},
        PASS,
        "english",
    ),
    (
        "anticoagulation_excludes_blood_thinners",
        EXC,
        "Coagulopathies or oral anti-coagulation therapy",
        {"bleeding_risk": True},
        FAIL,
        "bleeding_risk",
    ),
    ("bmi_threshold_excludes_above", EXC, "Body Mass Index (BMI) > 40 kg/m2.", {"bmi": 45}, FAIL, "bmi"),
    ("bmi_threshold_passes_below", EXC, "Body Mass Index (BMI) > 40 kg/m2.", {"bmi": 35}, PASS, "bmi"),
    (
        "vas_mm_threshold_excludes_low_pain",
        EXC,
        "Pain on VAS below 50 mm",
        {"pain_intensity": 4},
        FAIL,
        "pain_intensity",
    ),
    (
        "vas_mm_threshold_passes_high_pain",
        EXC,
        "Pain on VAS below 50 mm",
        {"pain_intensity": 6},
        PASS,
        "pain_intensity",
    ),
    (
        "duration_weeks_excludes_short",
        EXC,
        "Symptoms less than 6 weeks.",
        {"pain_duration_months": 1},
        FAIL,
        "pain_duration_months",
    ),
    (
        "duration_weeks_passes_long",
        EXC,
        "Symptoms less than 6 weeks.",
        {"pain_duration_months": 3},
        PASS,
        "pain_duration_months",
    ),
    (
        "duration_year_words_excludes_long",
        EXC,
        "Pain existing longer than one year",
        {"pain_duration_months": 24},
        FAIL,
        "pain_duration_months",
    ),
    (
        "active_malignancy_is_narrower_than_cancer_answer",
        EXC,
        "Patient has any known active malignancy.",
        {"cancer": True},
        UNKNOWN,
        "cancer",
    ),
    (
        "active_malignancy_passes_no_cancer",
        EXC,
        "Patient has any known active malignancy.",
        {"cancer": False},
        PASS,
        "cancer",
    ),
    (
        "exclusion_heading_negative_read_by_intent",
        EXC,
        "No neurological deficit",
        {"numbness_or_weakness": False},
        PASS,
        "numbness_or_weakness",
    ),
    (
        "allergy_to_drug_is_not_taking_it",
        EXC,
        "allergic reaction against gabapentin and/or pregabalin",
        {"medications": ["gabapentinoid"]},
        UNKNOWN,
        None,
    ),
    (
        "compensation_claim_excludes",
        EXC,
        "Worker's compensation, injury litigation, disability remuneration",
        {"litigation_or_compensation": True},
        FAIL,
        "litigation_or_compensation",
    ),
    ("smoker_excludes_smoker", EXC, "Smoker", {"smoker": True}, FAIL, "smoker"),
    ("or_list_excludes_either", EXC, "Osteopenia/Osteoporosis", {"osteoporosis": True}, FAIL, "osteoporosis"),
    (
        "denied_sciatica_excludes_axial_pain_only",
        EXC,
        "Axial back pain only (no radicular symptoms);",
        {"leg_pain_radiating": False},
        FAIL,
        "leg_pain_radiating",
    ),
    (
        "denied_sciatica_passes_sciatica",
        EXC,
        "Axial back pain only (no radicular symptoms);",
        {"leg_pain_radiating": True},
        PASS,
        "leg_pain_radiating",
    ),
    (
        "negated_treatment_under_exclusion_never_fails",
        EXC,
        "(1) unwilling or unable to receive splint and/or exercise therapy;",
        {"treatments_tried": []},
        UNKNOWN,
        None,
    ),
    (
        # Two independent annotators: a narrow procedure at another level does not reopen prior spine surgery.
        "other_level_carve_out_keeps_surgery_failing",
        EXC,
        "Patient has had prior lumbar spine surgery (nucleoplasty at non-index level is considered acceptable).",
        SURGERY_8_MONTHS,
        FAIL,
        "spine_surgery_months_ago",
    ),
    (
        "epidural_abscess_is_not_an_injection",
        EXC,
        "Current infection or prior history of spinal infection (e.g., discitis, septic arthritis, epidural abscess) or an active systemic infection;",
        {"spinal_injection_months_ago": 2},
        UNKNOWN,
        None,
    ),
    (
        "opioid_abuse_is_addiction_not_pain_medicine",
        EXC,
        "Abuses opioids or has a history of significant drug or alcohol abuse within the past year as determined by investigator",
        {"medications": ["opioid"], "substance_use_disorder": False},
        PASS,
        "substance_use_disorder",
    ),
    (
        "substance_history_excludes_addiction",
        EXC,
        "Subjects with a history of significant drug or alcohol abuse within the past year",
        {"substance_use_disorder": True},
        UNKNOWN,
        "substance_use_disorder",
    ),
    (
        "substance_history_passes_no_addiction",
        EXC,
        "Current drug or alcohol abuse.",
        {"substance_use_disorder": False},
        PASS,
        "substance_use_disorder",
    ),
    (
        "duration_or_more_weeks_requires_length",
        INC,
        "Duration of symptoms: 6 or more weeks.",
        {"pain_duration_months": 1},
        FAIL,
        "pain_duration_months",
    ),
    (
        "duration_or_more_weeks_met",
        INC,
        "Duration of symptoms: 6 or more weeks.",
        {"pain_duration_months": 3},
        PASS,
        "pain_duration_months",
    ),
    ("age_range_in_text_fails_outside", INC, "Age 21 - 55", {"age": 60}, FAIL, "age"),
    ("age_range_in_text_passes_inside", INC, "Age 21 - 55", {"age": 40}, PASS, "age"),
    ("vas_ten_point_threshold_fails_below", INC, "VAS > 4.0", {"pain_intensity": 3}, FAIL, "pain_intensity"),
    (
        "vas_mm_scale_converted_to_ten_point",
        INC,
        "Mean leg pain on visual analogue scale (VAS) \\>50 mm (0 -100)",
        {"pain_intensity": 7, "pain_areas": ["leg"]},
        PASS,
        "pain_intensity",
    ),
    (
        "vas_mm_scale_fails_below",
        INC,
        "Mean leg pain on visual analogue scale (VAS) \\>50 mm (0 -100)",
        {"pain_intensity": 4},
        FAIL,
        "pain_intensity",
    ),
    (
        "with_or_without_back_pain_requires_sciatica",
        INC,
        "Sciatica with or without lower back pain for \\> 3 months",
        {"leg_pain_radiating": False},
        FAIL,
        "leg_pain_radiating",
    ),
    (
        "with_or_without_back_pain_met",
        INC,
        "Sciatica with or without lower back pain for \\> 3 months",
        {"leg_pain_radiating": True, "pain_duration_months": 6},
        PASS,
        "leg_pain_radiating",
    ),
    (
        "leg_dominant_pain_required",
        INC,
        "Leg pain must be of greater impact than concomitant back-pain",
        {"leg_pain_worse_than_back": False},
        FAIL,
        "leg_pain_worse_than_back",
    ),
    (
        "failed_conservative_care_needs_some_treatment",
        INC,
        "Subjects who have failed conservative care for at least 6 weeks.",
        {"treatments_tried": [], "took_medication": False},
        FAIL,
        "treatments_tried",
    ),
    (
        "failed_conservative_care_unknown_when_tried",
        INC,
        "Subjects who have failed conservative care for at least 6 weeks.",
        {"treatments_tried": ["physical_therapy"]},
        UNKNOWN,
        "treatments_tried",
    ),
    (
        "preferred_wording_is_not_a_requirement",
        INC,
        "Preferred no prior surgery or no spine surgery in previous 6 months.",
        SURGERY_8_MONTHS,
        UNKNOWN,
        None,
    ),
    (
        "inclusion_no_prior_surgery_fails_operated",
        INC,
        "No previous history of spinal surgery.",
        SURGERY_8_MONTHS,
        FAIL,
        "treatments_tried",
    ),
    (
        "inclusion_no_prior_surgery_passes_unoperated",
        INC,
        "No previous history of spinal surgery.",
        {"treatments_tried": []},
        PASS,
        "treatments_tried",
    ),
    (
        "unread_alternatives_keep_list_open",
        INC,
        "At least one additional neurological sign should be present including- (a) Diminished Achillis/Hamstring tendon reflex, tested in the supine position or (b) Hyposthesia in any of the L4-S2 dermatome, or (c) Muscle weakness in any of the L4-S2 myotome.",
        {"numbness_or_weakness": False},
        UNKNOWN,
        "numbness_or_weakness",
    ),
    (
        "duration_exclusion_applies_only_to_that_pain",
        EXC,
        "Radicular symptoms \\< 3 months duration",
        {"leg_pain_radiating": False, "pain_duration_months": 2},
        PASS,
        "leg_pain_radiating",
    ),
    (
        "duration_exclusion_with_its_pain_excludes",
        EXC,
        "Radicular symptoms \\< 3 months duration",
        {"leg_pain_radiating": True, "pain_duration_months": 2},
        FAIL,
        "pain_duration_months",
    ),
    (
        "duration_band_either_side_excludes",
        EXC,
        "Participants with low back pain duration of less than 6 months or greater than 60 months.",
        {"pain_areas": ["low_back"], "pain_duration_months": 70},
        FAIL,
        "pain_duration_months",
    ),
    (
        "bare_steroids_in_surgical_context_never_exclude",
        EXC,
        "Concurrent use of steroids, immunosuppressants, orpsychotropic medications or any other medication that can interrupt the study result",
        {"medications": ["oral_corticosteroid"]},
        UNKNOWN,
        "medications",
    ),
    (
        "planned_procedure_is_not_surgical_history",
        INC,
        "Suitable for transforaminal lumbar interbody fusion (TLIF) surgery.",
        {"treatments_tried": []},
        UNKNOWN,
        None,
    ),
    (
        "not_older_than_is_an_upper_age_bound",
        INC,
        "Skeletally mature and at least 18 years old but not older than 75 years old",
        {"age": 45},
        PASS,
        "age",
    ),
    (
        "hours_window_is_narrower_than_three_months",
        EXC,
        "Treatment with aspirin or other non-steroidal anti-inflammatory drugs within seventy-two (72) hours prior to the surgery;",
        {"medications": ["nsaid"]},
        UNKNOWN,
        "medications",
    ),
    (
        "past_treatment_excludes_who_tried_it",
        EXC,
        "Previous lumbar spine surgery.",
        {"treatments_tried": ["spine_surgery"]},
        FAIL,
        "treatments_tried",
    ),
    (
        "treatment_in_a_window_is_narrower_than_ever_tried",
        EXC,
        "Physical therapy within the last year due to back pain",
        {"treatments_tried": ["physical_therapy"], "pain_areas": ["low_back"]},
        UNKNOWN,
        "treatments_tried",
    ),
    (
        "treatment_named_as_unsafe_is_not_a_treatment_history",
        EXC,
        "Patients for whom acupuncture may be inappropriate or unsafe (e.g. hemorrhagic diseases, blood clotting disorders, history of anti-coagulation medicine, severe diabetes with risk of infection, severe cardiovascular diseases or other conditions deemed unsuitable)",
        {"treatments_tried": ["acupuncture"], "bleeding_risk": False, "diabetes": False},
        PASS,
        "bleeding_risk",
    ),
    (
        "drug_name_maps_to_class",
        EXC,
        "Patients who are already on opioids, benzodiazepines, barbiturates, ethanol (alcohol)",
        {"medications": ["nsaid"]},
        PASS,
        "medications",
    ),
    (
        "already_on_opioids_not_settled_by_three_month_answer",
        EXC,
        "Patients who are already on opioids, benzodiazepines, barbiturates, ethanol (alcohol)",
        {"medications": ["opioid"]},
        UNKNOWN,
        "medications",
    ),
    (
        "no_medication_settles_drug_exclusion",
        EXC,
        "Patients who are already on opioids, benzodiazepines, barbiturates, ethanol (alcohol)",
        {"took_medication": False},
        PASS,
        "medications",
    ),
]


def _judge(kind: Kind, text: str, profile: dict):
    return judge_rule(compile_criterion(Criterion(kind, text, 0)), profile, 0)


def test_every_case_quotes_a_real_record():
    assert [c[2] for c in CASES if not is_real(c[2])] == []


@pytest.mark.parametrize(
    ("behaviour", "kind", "text", "profile", "outcome", "concept"), CASES, ids=[c[0] for c in CASES]
)
def test_criterion_outcome(behaviour, kind, text, profile, outcome, concept):
    rule = compile_criterion(Criterion(kind, text, 0))
    result = judge_rule(rule, profile, 0) if rule.groups else None
    got = result.outcome if result else UNKNOWN
    assert got is outcome, result.reason if result else "no checks compiled"
    if concept is not None:
        assert concept in rule.keys
    if result:
        assert result.reason and result.text == text


def test_fail_reason_reads_answer_back_with_the_trial_rule():
    result = _judge(EXC, "Spinal surgery within the last year", {"spine_surgery_months_ago": 8})
    assert result.reason == (
        "You said you had back or spine surgery 8 months ago; this trial excludes back or spine surgery in the past 12 months."
    )


def test_unknown_names_the_question_that_would_settle_it():
    result = _judge(EXC, "Pregnancy", {})
    assert result.outcome is UNKNOWN and result.open_keys == ("pregnant",)
    assert "pregnancy" in result.reason.lower()


def _trial(text: str, **fields) -> Eligibility:
    return Eligibility(nct_id="NCT00000410", criteria_text=text, **fields)


BACK_TRIAL = "Inclusion Criteria:\n\n* Duration of symptoms: 6 or more weeks.\n\nExclusion Criteria:\n\n* Previous lumbar spine surgery.\n* Possible pregnancy.\n* Age less than 18 years."


def test_exclusion_met_makes_trial_excluded():
    result = evaluate(_trial(BACK_TRIAL), {"pain_duration_months": 6, **SURGERY_8_MONTHS})
    assert result.verdict is Verdict.EXCLUDED


def test_everything_covered_and_passing_makes_trial_likely():
    profile = {"pain_duration_months": 6, "treatments_tried": [], "pregnant": False, "age": 40, "sex": "male"}
    result = evaluate(_trial(BACK_TRIAL, sex="ALL", minimum_age_years=18.0), profile)
    assert result.verdict is Verdict.LIKELY
    assert result.open_questions == ()


def test_unanswered_covered_criterion_makes_trial_possible_and_asks_for_it():
    result = evaluate(_trial(BACK_TRIAL), {"pain_duration_months": 6, "age": 40})
    assert result.verdict is Verdict.POSSIBLE
    assert set(result.open_questions) >= {"treatments_tried", "pregnant"}


def test_open_questions_ordered_by_how_many_criteria_they_settle():
    text = "Exclusion Criteria:\n\n* Pregnancy\n* Women who are pregnant or breast feeding.\n* Smoker"
    result = evaluate(_trial(text), {})
    assert result.open_questions[0] == "pregnant"


def test_structured_fields_are_inclusion_criteria_first():
    result = evaluate(
        _trial("", sex="FEMALE", minimum_age_years=18.0, maximum_age_years=65.0, healthy_volunteers=False),
        {"sex": "male", "age": 70},
    )
    texts = [c.text for c in result.criteria]
    assert texts[:3] == ["Sex: female only", "Minimum age: 18 years", "Maximum age: 65 years"]
    assert [c.outcome for c in result.criteria[:3]] == [FAIL, PASS, FAIL]
    assert all(c.kind is INC for c in result.criteria)
    assert result.verdict is Verdict.EXCLUDED


def test_absent_age_leaves_age_limits_unknown_not_failed():
    result = evaluate(_trial("", minimum_age_years=18.0), {})
    assert result.criteria[0].outcome is UNKNOWN and result.criteria[0].open_keys == ("age",)


def test_prepared_trial_gives_same_result_as_raw_eligibility():
    trial = _trial(BACK_TRIAL, sex="ALL", minimum_age_years=18.0)
    profile = {"age": 30, "pregnant": True}
    assert evaluate(prepare(trial), profile) == evaluate(trial, profile)


def test_every_criterion_has_a_result_with_its_original_text():
    result = evaluate(_trial(BACK_TRIAL), {})
    assert [c.text for c in result.criteria] == [
        "Duration of symptoms: 6 or more weeks.",
        "Previous lumbar spine surgery.",
        "Possible pregnancy.",
        "Age less than 18 years.",
    ]
    assert [c.index for c in result.criteria] == [0, 1, 2, 3]


def test_criteria_for_healthy_controls_never_exclude_a_patient():
    text = "Inclusion Criteria:\n\n* Healthy controls must be generally healthy individuals in the age range of 18-65.\n* Patients, 18 to 65 years old, who have undergone or will undergo MRI as part of the diagnosis of back pain and are diagnosed with one or more herniated discs in the lumbar spine (aka, disc rupture)."
    assert is_real("Healthy controls must be generally healthy individuals in the age range of 18-65.")
    result = evaluate(_trial(text), {"age": 70})
    healthy = result.criteria[0]
    assert healthy.outcome is UNKNOWN and healthy.concepts == ()
    assert "another group" in healthy.reason


def test_section_for_healthy_participants_is_another_group():
    text = "Specific inclusion criteria for healthy participants:\n\n* Healthy participants as established by medical history and clinical examination before entering the study."
    assert is_real("Specific inclusion criteria for healthy participants:")
    crits = evaluate(_trial(text), {"diagnosed": True}).criteria
    assert crits[0].outcome is UNKNOWN and "another group" in crits[0].reason
