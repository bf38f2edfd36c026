"""Hand-written judgements for the second held-out set (see README.md).

``A[nct_id]`` lists (verbatim criterion text, profiles whose STATED answers clearly violate it, why). Written by
reading each trial's whole criteria text (``view.py``) against every profile's answers; criteria that no stated
answer clearly violates are not listed. Structured minimumAge/maximumAge/sex are applied by ``build_labels``.
"""

from __future__ import annotations

A: dict[str, list[tuple[str, tuple[str, ...], str]]] = {}

# Profiles (stated answers that matter most): h01 17F PT; h02 29F pregnant, back-only, no radiating; h03 47M surgery
# 6 mo ago, opioid+gabapentinoid, litigation, BMI 31; h04 36M pain 3 weeks after an accident, no treatments list;
# h05 80F osteoporosis, spine fracture, heart, blood thinners, numbness, injection 9 mo ago; h06 58M cancer,
# diabetes, smoker, injection 2 weeks ago; h07 42F inflammatory arthritis, back-only, oral steroid; h08 33M severe
# psychiatric, substance use, other trial, smoker, opioid; h09 64M implanted device, diabetes, neurological, BMI 38,
# surgery 30 mo ago; h10 51F 4 keys, English = false; h11 45F every condition no; k12 56F degenerative disc disease,
# back+buttock only (no radiating, no numbness), osteoporosis, BMI 33, smoker, opioid, injection 4 mo ago; k13 71M
# stenosis, laminectomy 8 years ago, heart, blood thinners, diabetes, numbness; k14 27M herniation 2 months,
# numbness, oral steroid + opioid, smoker, litigation, pain after an injury, PT only.

SURGERY_NOT_TICKED = ("h01", "h02", "h05", "h06", "h07", "h08", "h11", "k12", "k14")  # list given, no spine_surgery
OPERATED = ("h03", "h09", "k13")  # spine surgery stated (months ago + ticked)

# Only the structured limits decide here (17-70): nothing in the text is answerable.
A["NCT03810573"] = []

A["NCT04601363"] = [
    (
        "Patient is pregnant or planning on becoming pregnant during the duration of their study participation",
        ("h02",),
        "pregnant = true",
    ),
]

A["NCT04885140"] = [
    ("Lumbar malignant tumors, lumbar tuberculosis and osteoporosis", ("h05", "k12"), "osteoporosis = true"),
    ("People with mental system diseases.", ("h08",), "psychiatric_condition = true (severe)"),
]

# "reoperation": like "revision surgery", prior spine surgery does not violate it (guideline 3). "treated with
# TPELD": not clearly a review of already-treated patients (time perspective OTHER), so guideline 6 is not applied.
A["NCT05521750"] = []

# Peri-operative RCT that enrols people on their way to LDH surgery: no guideline-6 exclusion.
A["NCT05687305"] = []

A["NCT05752838"] = [
    (
        "presence of LDH-related symptoms such as pain, numbness, weakness, or tingling in the legs",
        ("k12",),
        "no leg in pain_areas, leg_pain_radiating = false and numbness_or_weakness = false "
        "(h02/h07 left: numbness not stated)",
    ),
]

A["NCT05976516"] = [
    ("No previous history of spinal surgery", OPERATED, "spine surgery stated"),
    ("Patients with osteoporosis.", ("h05", "k12"), "osteoporosis = true"),
]

A["NCT06226272"] = []

A["NCT06367855"] = [
    ("Previously undergone spine surgery.", OPERATED, "spine surgery stated"),
    ("History of using systemic steroids.", ("h07", "k14"), "oral_corticosteroid in medications"),
]

A["NCT06447194"] = [
    (
        "Preoperative history of moderate to severe hepatic, renal, cardiac, or psychiatric illness",
        ("h05", "h08", "k13"),
        "heart_disease = true (h05, k13) or psychiatric_condition = true, severe by its question (h08)",
    ),
]

# Retrospective (completed) review of patients already operated with UBE: guideline 6 applies to the
# treatments list. "other serious illnesses": read like a 'significant' qualifier (guideline 3): cancer in
# 5 years, heart, neurological, severe psychiatric and inflammatory/autoimmune disease count; diabetes does not.
A["NCT06448416"] = [
    ("Patient operated with UBE technique", SURGERY_NOT_TICKED, "treatments_tried given without spine_surgery"),
    (
        "Patient suffering from other serious illnesses",
        ("h05", "h06", "h07", "h08", "h09", "k13"),
        "cancer (h06), heart disease (h05, k13), neurological (h09), severe psychiatric (h08), inflammatory "
        "arthritis (h07)",
    ),
]

# Three cohorts (DDD surgery 30-60, adipose donors 18-50, placenta donors): the text's 30-60 applies to one cohort
# only, so only the structured 18-60 decides.
A["NCT06490887"] = []

# --- end of entries (new trials go above this line) ---

# Entries name profiles by their 3-character prefix; expand to the profile file stems build_labels uses.
STEMS = {
    stem[:3]: stem
    for stem in (
        "h01_teen_17",
        "h02_pregnant_29",
        "h03_postop_6mo_47",
        "h04_acute_3wk_36",
        "h05_elderly_80",
        "h06_cancer_injection_58",
        "h07_inflammatory_42",
        "h08_psych_substance_33",
        "h09_device_obese_64",
        "h10_minimal_non_english_51",
        "h11_complete_45",
        "k12_ddd_fusion_candidate_56",
        "k13_stenosis_prior_laminectomy_71",
        "k14_herniation_sciatica_27",
    )
}
A = {nct: [(quote, tuple(STEMS[p] for p in who), why) for quote, who, why in rows] for nct, rows in A.items()}
