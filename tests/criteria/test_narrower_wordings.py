"""Criteria that name one kind of what the questionnaire asks (one kind of claim, active or metastatic cancer,
one kind of injection, medicines taken now, a current episode): a "yes" must stay unknown, a "no" still passes.

Every line is quoted from a real record; one behaviour per case. Controls keep the fails an annotator agrees with.
"""

from __future__ import annotations

import pytest

from criteria import Kind, Outcome
from tests.criteria.conftest import is_real, judge_line

INC, EXC = Kind.INCLUSION, Kind.EXCLUSION
PASS, FAIL, UNKNOWN = Outcome.PASS, Outcome.FAIL, Outcome.UNKNOWN

CLAIM, NO_CLAIM = {"litigation_or_compensation": True}, {"litigation_or_compensation": False}

# The claim question covers a lawsuit, workers' compensation or a disability claim: one kind is narrower.
LITIGATION = [
    ("workers_comp_case_alone_is_narrower", EXC, "Condition represents a worker's compensation case", CLAIM, UNKNOWN),
    ("no_claim_passes_workers_comp_case", EXC, "Condition represents a worker's compensation case", NO_CLAIM, PASS),
    (
        "litigation_or_workers_comp_is_narrower",
        EXC,
        "Subject is involved in or planning to engage in litigation or receiving Worker's Compensation related to neck "
        "or back pain.",
        CLAIM,
        UNKNOWN,
    ),
    (
        "litigation_including_workers_comp_is_narrower",
        EXC,
        "Currently involved in litigation which may influence the subject's reporting of symptoms including workers "
        "comp;",
        CLAIM,
        UNKNOWN,
    ),
    ("pending_spinal_litigation_is_narrower", EXC, "Involved in current or pending spinal litigations", CLAIM, UNKNOWN),
    (
        "all_three_kinds_named_excludes",
        EXC,
        "Patient with worker's compensation, under litigation or on disability benefits",
        CLAIM,
        FAIL,
    ),
    (
        "three_kinds_in_a_list_excludes",
        EXC,
        "Worker's compensation, injury litigation, disability remuneration",
        CLAIM,
        FAIL,
    ),
    (
        "incentives_to_remain_impaired_cover_every_claim",
        EXC,
        "Compensation injuries or ongoing litigation regarding back pain/ injury, or financial or other incentives to "
        "remain impaired.",
        CLAIM,
        FAIL,
    ),
    (
        "remuneration_for_pain_covers_every_claim",
        EXC,
        "Those receiving remuneration for their pain treatment (e.g., disability, worker's compensation).",
        CLAIM,
        FAIL,
    ),
]

CANCER, NO_CANCER = {"cancer": True}, {"cancer": False}
PSYCH = {"psychiatric_condition": True}

# "Active", "with identified metastases", "evidence of": a cancer now, narrower than cancer in the past 5 years.
CANCER_CASES = [
    (
        "active_before_a_list_of_qualifiers_narrows",
        EXC,
        "Active, local or systemic malignancy such as lung cancer or leukemia",
        CANCER,
        UNKNOWN,
    ),
    (
        "no_cancer_passes_active_malignancy",
        EXC,
        "Active, local or systemic malignancy such as lung cancer or leukemia",
        NO_CANCER,
        PASS,
    ),
    (
        "disease_with_identified_metastases_is_narrower",
        EXC,
        "oncological diseases with identified metastases or risk of metastasis",
        CANCER,
        UNKNOWN,
    ),
    (
        "active_or_residual_disease_is_narrower",
        EXC,
        "Subjects with any active malignancy or who have been previously diagnosed with a malignancy and have "
        "evidence of residual disease",
        CANCER,
        UNKNOWN,
    ),
    ("bare_neoplastic_disease_still_excludes", EXC, "Neoplastic disease.", CANCER, FAIL),
    ("malignancy_still_excludes", EXC, "Malignancy.", CANCER, FAIL),
    (
        "with_or_without_metastases_does_not_narrow",
        EXC,
        "History of cancer with or without metastatic disease",
        CANCER,
        FAIL,
    ),
    (
        "active_or_history_still_excludes",
        EXC,
        "Presence of active malignancy or prior history of malignancy;",
        CANCER,
        FAIL,
    ),
]

# A current episode is narrower than having a serious psychiatric condition; graded categories keep examples.
EPISODE = [
    (
        "current_episode_of_mental_illness_is_narrower",
        EXC,
        "Currently experiencing an episode of major mental illness (psychosis, major affective disorder, or "
        "schizophrenia)",
        PSYCH,
        UNKNOWN,
    ),
    (
        "no_psychiatric_condition_passes_current_episode",
        EXC,
        "Currently experiencing an episode of major mental illness (psychosis, major affective disorder, or "
        "schizophrenia)",
        {"psychiatric_condition": False},
        PASS,
    ),
    (
        "examples_of_major_psychiatric_disorders_still_exclude",
        EXC,
        "Subjects who have major psychiatric disorders, such as major depression, bipolar disorder and schizophrenia, "
        "as defined by the DSM-V",
        PSYCH,
        FAIL,
    ),
    ("severe_mental_illness_excludes", EXC, "Severe mental illnesses", PSYCH, FAIL),
    (
        "illness_that_impedes_consent_is_narrower",
        EXC,
        "Significant psychiatric illnesses that impedes the subject's ability to provide informed consent",
        PSYCH,
        UNKNOWN,
    ),
]

RELATIVE = (
    "Rapidly evolving joint diseases, bone absorption, osteopenia and/or osteoporosis. Osteoporosis is a relative "
    "contraindication, as this medical condition can limit the expected correction gain and stability of mechanical "
    "fixation"
)
OSTEO_DEXA = (
    "Osteopenia or osteoporosis. To confirm eligibility, at the Clinical Investigator's discretion, the following "
    "subjects may have a DEXA scan performed:"
)
# A carve-out anywhere in the criterion ("... is a relative contraindication") leaves a "yes" to the surgeon.
CARVE_OUTS = [
    ("relative_contraindication_is_not_an_exclusion", EXC, RELATIVE, {"osteoporosis": True}, UNKNOWN),
    ("no_osteoporosis_passes_relative_contraindication", EXC, RELATIVE, {"osteoporosis": False}, PASS),
    ("plain_osteoporosis_exclusion_still_excludes", EXC, OSTEO_DEXA, {"osteoporosis": True}, FAIL),
]

ESI = "Participants who received an epidural steroid injection within 6 weeks prior to informed consent."
EPIDURAL_OR_FACET = (
    "Epidural or facet joint steroid, platelet rich plasma (PRP) or bone marrow concentrate (BMC) injections, or radio "
    "frequency ablation (RFA), within 6 months prior to baseline."
)
INJECTED = {"spinal_injection_months_ago": 0.5, "treatments_tried": ["spinal_injection"]}
# The injection question covers every spinal injection: an epidural (or a facet block) alone is one kind of it.
INJECTIONS = [
    ("recent_injection_does_not_settle_epidural_window", EXC, ESI, INJECTED, UNKNOWN),
    (
        "injection_long_ago_passes_epidural_window",
        EXC,
        ESI,
        {"spinal_injection_months_ago": 12, "treatments_tried": ["spinal_injection"]},
        PASS,
    ),
    ("no_injection_passes_epidural_window", EXC, ESI, {"treatments_tried": ["physical_therapy"]}, PASS),
    ("epidural_or_facet_names_every_kind", EXC, EPIDURAL_OR_FACET, INJECTED, FAIL),
]

BIOLOGICAL = "Biological factors such as smoking or using nonsteroidal anti inflammatory agents/ anticoagulants."
NOT_TAKING = (
    "Not taking any medication such as analgesics, anti-inflammatory drugs or muscle relaxants to treat the symptoms."
)
NSAID_3_MONTHS = {"took_medication": True, "medications": ["nsaid"]}
# The medication answer covers 3 months: present tense ("using", "taking") is narrower, like "currently".
PRESENT_TENSE = [
    ("using_nsaids_is_narrower_than_3_months", EXC, BIOLOGICAL, NSAID_3_MONTHS, UNKNOWN),
    (
        "no_medication_passes_using_nsaids",
        EXC,
        BIOLOGICAL,
        {"took_medication": False, "smoker": False, "bleeding_risk": False},
        PASS,
    ),
    ("smoker_still_excluded_beside_using", EXC, BIOLOGICAL, {"smoker": True}, FAIL),
    ("blood_thinners_still_excluded_beside_using", EXC, BIOLOGICAL, {"bleeding_risk": True}, FAIL),
    (
        "history_of_using_steroids_is_past_use",
        EXC,
        "History of using systemic steroids.",
        {"took_medication": True, "medications": ["oral_corticosteroid"]},
        FAIL,
    ),
    ("not_taking_medication_passes_no_medication", INC, NOT_TAKING, {"took_medication": False}, PASS),
    ("not_taking_medication_leaves_3_month_yes_open", INC, NOT_TAKING, NSAID_3_MONTHS, UNKNOWN),
]

CASES = LITIGATION + CANCER_CASES + EPISODE + CARVE_OUTS + INJECTIONS + PRESENT_TENSE


def test_every_case_quotes_a_real_record():
    assert [c[2] for c in CASES if not is_real(c[2])] == []


@pytest.mark.parametrize(("behaviour", "kind", "text", "profile", "outcome"), CASES, ids=[c[0] for c in CASES])
def test_criterion_outcome(behaviour, kind, text, profile, outcome):
    got, reason, _ = judge_line(kind, text, profile)
    assert got is outcome, reason
