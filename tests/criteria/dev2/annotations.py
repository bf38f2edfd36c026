"""Dev2 annotator's judgements, written by hand after reading each trial's whole criteria text.

A[nct_id] is a list of (verbatim criterion text, profile stems whose stated answers clearly violate it, why).
An empty list means the whole text was read and no stated answer clearly violates any criterion. Criteria no
stated answer clearly violates are not listed. Structured minimumAge/maximumAge/sex limits are applied by
build_labels.py. Guideline: tests/criteria/devset/README.md, "Annotation guideline" (readings in README.md here).
"""

H01, H02, H03, H04, H05, H06 = (
    "h01_teen_17",
    "h02_pregnant_29",
    "h03_postop_6mo_47",
    "h04_acute_3wk_36",
    "h05_elderly_80",
    "h06_cancer_injection_58",
)
H07, H08, H09, H10, H11 = (
    "h07_inflammatory_42",
    "h08_psych_substance_33",
    "h09_device_obese_64",
    "h10_minimal_non_english_51",
    "h11_complete_45",
)
D12, D13, D14 = (
    "d2_12_ddd_smoker_osteoporosis_61",
    "d2_13_stenosis_prior_laminectomy_72",
    "d2_14_herniation_sciatica_presurgery_38",
)

PREGNANT = "pregnant = true"
PRIOR_SPINE_SURGERY = "spine surgery stated (spine_surgery_months_ago / spine_surgery ticked)"
UNDER_6_MONTHS = (
    "pain has lasted under 6 months (h01 3, h02 5, h04 0.75, d14 4), so treatment for it cannot be 6 months"
)
OSTEOPOROSIS = "osteoporosis = true"

A: dict[str, list[tuple[str, list[str], str]]] = {
    # Age 25-65 structured. "Limited ROM" is an exam finding; no intensity is 3 or lower.
    "NCT04930523": [
        ("Malignancy.", [H06], "cancer in the past 5 years = true"),
        ("Trauma.", [H04], "recent_trauma = true: the pain started after a fall, accident or injury"),
    ],
    # Inclusion is a diagnosis (imaging); only exclusion is spinal infection; no stated answer touches either.
    "NCT06349226": [],
    # "Indications for discectomy" is the surgeon's call, so back-only pain does not settle it.
    "NCT04520009": [
        ("Sufficient fluency in English", [H10], "english = false"),
        ("Pregnant women", [H02], PREGNANT),
    ],
    # Post-operative education study: people are enrolled around their disc surgery, so lacking spine_surgery is
    # not a violation (holdout guideline-6 reading). Reading research guidelines is not English-specific.
    "NCT05695014": [],
    # "Clotting disorder" names a disorder only: bleeding_risk does not clearly violate it (guideline 3).
    "NCT03390920": [("Pregnancy, Lactating", [H02], PREGNANT)],
    # Fusion need, deformity, cord injury, renal function: not asked.
    "NCT05144126": [],
    # ASA class and eye findings are not asked (heart disease does not fix an ASA class).
    "NCT06070480": [],
    # The <18 text duplicates minimumAge. Indication (DDD needing fusion, trauma or tumour) is the surgeon's call.
    "NCT05821920": [
        ("Patients with BMI ≤ 35 kg/m2,", [H09], "bmi 38 > 35"),
        ("Patients who are pregnant or intend to become pregnant during the study.", [H02], PREGNANT),
    ],
    # "in the area of planned spinal fusion" needs the level, which is not asked (guideline 3). Cancer in 5 years
    # is not "identified metastases or risk of metastasis".
    "NCT06365307": [],
    # Max 75 structured. Rheumatoid/other inflammatory arthritis is not necessarily a spinal condition.
    "NCT04600544": [
        ("Prior surgeries at any level of the lumbar spine;", [H03, H09, D13], PRIOR_SPINE_SURGERY),
    ],
    # "Undergoing LDH surgery for the first time" is not violated by earlier spine surgery of an unasked type
    # (guideline 3: type and level not asked).
    "NCT06688773": [
        ("With psychiatric disorders,", [H08], "psychiatric_condition = true (severe) is a psychiatric disorder"),
    ],
    # Registry for surgery candidates: the other-study and psychiatric exclusions are narrower than the answers
    # ("whose protocol would conflict", "which may impair judgement"), so they are not clearly met.
    "NCT04839783": [
        ("Ability to speak and read comfortably in English", [H10], "english = false"),
        ("Women currently pregnant or expecting to become pregnant in the near future", [H02], PREGNANT),
    ],
    # Max 80 inclusive (h05 is 80). Stenosis diagnosis and levels are imaging. "lumbar fusion surgery" names a
    # surgery type, which is not asked (guideline 3). Cancer is not "Lumbar ... tumor".
    "NCT04469387": [
        ("Failed at least eight weeks conservative treatment;", [H04], "pain for 3 weeks (0.75 months) < 8 weeks"),
    ],
    # Asymptomatic-volunteer database; the text itself does not require being pain-free (ODI is not asked).
    # h04's injury is not stated to be of the spinal column (guideline 3 needs spine_fracture for that).
    "NCT03076658": [
        ("Males and females age 21-85 without a history of spine surgery.", [H03, H09, D13], PRIOR_SPINE_SURGERY),
        ("History of spine or neural axis surgery", [H03, H09, D13], PRIOR_SPINE_SURGERY),
        ("History of cancer with or without metastatic disease", [H06], "cancer in the past 5 years = true"),
        (
            "Connective tissue, rheumatologic (or other inflammatory arthropathies), or neurologic disorders",
            [H07, H09],
            "h07 inflammatory_arthritis = true; h09 neurological_disease = true",
        ),
        (
            "Compression fractures or other trauma of the spinal column",
            [H05],
            "spine_fracture = true (ever) in a history list (guideline 3)",
        ),
        ("Pregnant women", [H02], PREGNANT),
        ("BMI \\>37", [H09], "bmi 38 > 37"),
    ],
    # Max 80 inclusive. Dutch language is not violated by english = false; a spine fracture ever is not a current
    # "fractures" (guideline 3). Surgical indication and imaging are not asked.
    "NCT05963815": [
        ("Patients in a traumatic setting.", [H04], "recent_trauma = true: the pain started after an accident/injury"),
    ],
    # ASA 1-3 and the surgical indication are not asked.
    "NCT05846477": [
        ("Patients with BMI ≤ 35 kg/m2", [H09], "bmi 38 > 35"),
        ("Patients who are pregnant or intend to become pregnant during the study", [H02], PREGNANT),
        ("Known substance or alcohol abuse", [H08], "substance_use_disorder = true"),
    ],
    # Imaging grades, levels, spondylolisthesis, "non-specific back pain" are not asked. Steroid use is not an
    # "immunosuppressive disease".
    "NCT04631133": [
        (
            "Failed conservative treatment for low back pain conducted for at least 6 months",
            [H01, H02, H04, D14],
            "pain has lasted under 6 months (3, 5, 0.75, 4), so treatment for it cannot have lasted 6 months",
        ),
        ("Osteoporosis", [H05, D12], "osteoporosis = true"),
        ("Pregnant and lactating Women", [H02], PREGNANT),
        ("Severe mental illnesses", [H08], "psychiatric_condition = true (severe by its question)"),
        (
            "Patient with worker's compensation, under litigation or on disability benefits",
            [H03, D14],
            "litigation_or_compensation = true: lawsuit, workers' compensation or disability claim, all three named",
        ),
    ],
    # Neuropathy: h09's neurological disease and diabetes do not state a peripheral neuropathy. The other-study
    # exclusion is narrower ("which may compromise this study's results"). No profile ticked hip_surgery.
    "NCT05648474": [
        (
            "Female patients who are pregnant or wanting to become pregnant during the timeframe of study participation.",
            [H02],
            PREGNANT,
        ),
    ],
    # US site: "Language barrier" read as English (reading in README). Opioid naive / tolerant are dose
    # thresholds the medication list cannot settle; the neurological, psychiatric and coagulation exclusions are
    # narrower than the answers (CNS only; "that impedes ... consent"; parameters, not blood thinners).
    "NCT06199999": [
        (
            "Age: Greater than 18 years but less than 80",
            [H05],
            "age 80 is not less than 80 (the text is stricter than maximumAge 80)",
        ),
        ("Language barrier", [H10], "english = false in a US-only trial"),
        ("Pregnant females", [H02], PREGNANT),
    ],
    # Observational cohort of people treated with the fixation system: enrolment is around the index surgery,
    # so lacking spine_surgery is not a violation (holdout guideline-6 reading). The text calls osteoporosis
    # itself a relative contraindication, so it is not clearly exclusionary. "Pathological obesity" with BMI 38
    # is not clear (morbid obesity starts at 40). "presence of a malignant tumor" is current; cancer in 5 years
    # is not clearly that.
    "NCT06342765": [
        ("Pregnancy", [H02], PREGNANT),
        ("Mental illness", [H08], "psychiatric_condition = true is a mental illness"),
    ],
    # "history of malignancy ... within the past five years" matches the cancer question exactly. Steroid dose
    # and "currently" are not settled by oral_corticosteroid in the last 3 months.
    "NCT03853356": [
        (
            "If the patient is of child-bearing potential, the patient confirms not to be pregnant",
            [H02],
            PREGNANT,
        ),
        ("The patient is pregnant or nursing", [H02], PREGNANT),
        (
            "The patient has a history of malignancy, radiotherapy, or chemotherapy for malignancy within the past five years",
            [H06],
            "cancer in the past 5 years = true",
        ),
        (
            "The patient has a medical history of alcohol or drug abuse within the last year prior to the screening examination",
            [H08],
            "substance_use_disorder = true (addiction in the past year)",
        ),
        (
            "Patient is currently participating, or has participated in another clinical investigation within 6 months",
            [H08],
            "in_other_trial = true (now or in the past 30 days)",
        ),
    ],
    # "active malignancy or undergoes treatment" is current: not settled by cancer in 5 years. The other-study,
    # investigator-assessment and steroid-suppression criteria are narrower than any answer.
    "NCT05299762": [
        (
            "Has at least six months of nonoperative treatment prior to the study treatment",
            [H01, H02, H04, D14],
            "pain has lasted under 6 months (3, 5, 0.75, 4), so nonoperative treatment for it cannot be 6 months",
        ),
        ("Is pregnant or lactating", [H02], PREGNANT),
        ("Has metabolic bone disease", [H05, D12], "osteoporosis = true is a metabolic bone disease"),
        ("Has autoimmune disease", [H07], "inflammatory_arthritis = true counts as autoimmune (guideline 3)"),
    ],
    # "Prior back surgery at the same level" needs the level. Corticosteroids within 1 month: the medication list
    # covers 3 months (washout, guideline 3) and an injection is not necessarily a steroid. "Active" malignancy
    # and "Active rheumatoid arthritis" are narrower than the cancer and inflammatory-arthritis answers. The
    # other-trial exclusion is narrower ("therapy for back pain").
    "NCT03113786": [
        (
            "Suffer from radiating leg pain and low back pain that has failed a minimum of 6 months of conservative (non-operative) treatment options",
            [H01, H02, H04, H07, D12, D14],
            "h02/h07/d12 leg_pain_radiating = false; h01/h02/h04/d14 pain for under 6 months (3, 5, 0.75, 4)",
        ),
        ("Pregnancy or planning to become pregnant during study period", [H02], PREGNANT),
    ],
    # Age 25-65 structured. Epidural-steroid timing: the injection question also covers facet injections, so it
    # is not clearly an epidural (holdout reading). Worker's compensation and litigation are each narrower than
    # the claim answer (which also covers a disability claim). "chronic opioid" and "drug abuse within six
    # months" are narrower than the answers (guideline 3). "Bleeding disorders" names a disorder only, but
    # "Currently taking anticoagulant" names blood thinners (guideline 3).
    "NCT05287867": [
        (
            "Chronic back and/or leg pain having failed conservative treatment (e.g. NSAIDs, physician initiated physical therapy) for at least 6 months",
            [H01, H02, H04, D14],
            UNDER_6_MONTHS,
        ),
        (
            "Failure of epidural steroid injection, facet injection, medial branch block, radiofrequency ablation or physical therapy",
            [H02, H07, H08],
            "treatments_tried is given and lacks physical_therapy, spinal_injection and radiofrequency_ablation "
            "(guideline 6: a prerequisite treatment)",
        ),
        ("Smoker or cessation for less than 6 weeks", [H06, H08, D12], "smoker = true"),
        (
            "Inflammatory or auto-immune based pathology (e.g., rheumatoid arthritis, systemic lupus erythematosus, psoriatic arthritis, polymyalgia, polymyositis, gout pseudogout)",
            [H07],
            "inflammatory_arthritis = true",
        ),
        ("Is pregnant", [H02], PREGNANT),
        (
            "Currently taking anticoagulant or immunosuppressive medication",
            [H05, D13],
            "bleeding_risk = true violates a criterion naming anticoagulants (guideline 3)",
        ),
    ],
    # "previous lumbar arthrodesis" names a surgery type (not asked). Glucocorticoid "condition requiring
    # medications" is present tense and the list covers 3 months. Litigation/Worker's Compensation does not cover
    # a disability claim. Other-study and substance-abuse items are narrower or investigator's opinion.
    "NCT05182489": [
        (
            "Subject has been unresponsive to conservative care for a minimum of 6 months.",
            [H01, H02, H04, D14],
            UNDER_6_MONTHS,
        ),
        (
            "Subject has an open wound local to the operative area, or rapid joint disease, bone absorption, or osteoporosis.",
            [H05, D12],
            OSTEOPOROSIS,
        ),
        (
            "Subjects who are pregnant or plan to become pregnant in the next 12 months or who are lactating.",
            [H02],
            PREGNANT,
        ),
    ],
    # "severe depression or anxiety": the psychiatric answer may be schizophrenia/bipolar (holdout reading).
    # "symptomatic central vertebral canal stenosis": a stenosis diagnosis does not say central. Epidural timing
    # and systemic immunosuppressants are not settled (see NCT05287867). No pain above 60 months (h09 is 60).
    "NCT06325566": [
        (
            "Participants with moderate to severe low back pain for a duration of at least six months who have failed at least 3 months of conservative care.",
            [H01, H02, H04, D14],
            UNDER_6_MONTHS,
        ),
        (
            "Participants with low back pain duration of less than 6 months or greater than 60 months.",
            [H01, H02, H04, D14],
            "pain for under 6 months (3, 5, 0.75, 4)",
        ),
        (
            "Participants who have not received at least 3 months of conservative treatment for back pain without adequate pain relief.",
            [H04],
            "pain for 3 weeks (0.75 months) < 3 months",
        ),
        ("Participants with osteoporosis.", [H05, D12], OSTEOPOROSIS),
        ("Participants with alcohol or substance abuse problems.", [H08], "substance_use_disorder = true"),
    ],
    # Max 80 inclusive (text "≤ 80" too). Surgery "at the spinal segment intended" needs the level. Hip T-score
    # ≤ -3.0 is below the osteoporosis threshold, so osteoporosis does not settle it. The psychiatric item is
    # narrower ("that interferes with ... self-assessment"). h01's 3 months meets "at least 3 months".
    "NCT06115512": [
        (
            "Has not respond to conservative treatment (e.g, bed rest, physical therapy, drugs, local injections, manipulation and other non-surgical treatments) for a period of at least 3 months;",
            [H04],
            "pain for 3 weeks (0.75 months) < 3 months",
        ),
        (
            "Presence of active malignancy or prior history of malignancy;",
            [H06],
            "cancer in the past 5 years = true is a prior history of malignancy",
        ),
        ("Body weight index (BMI) \\<18.5 kg/m2 or BMI \\> 35 kg/m2;", [H09], "bmi 38 > 35"),
        (
            "Pregnant or lactating women; or plan to become pregnant within 1 year following the study surgery.",
            [H02],
            PREGNANT,
        ),
    ],
    # Min 21 structured. "active malignancy" is narrower than cancer in 5 years; diabetes is not "requiring daily
    # insulin"; BMI 38 is not > 40. Steroids for inflammation are explicitly allowed.
    "NCT05508360": [
        (
            "Patient has had prior lumbar spine surgery (nucleoplasty at non-index level is considered acceptable).",
            [H03, H09, D13],
            PRIOR_SPINE_SURGERY,
        ),
        (
            "Patient has been diagnosed with hepatitis, rheumatoid arthritis, lupus erythematosus, or other autoimmune disease including AIDS, ARC and HIV.",
            [H07],
            "inflammatory_arthritis = true counts as autoimmune (guideline 3)",
        ),
        (
            "Patient has osteopenia of the spine (T-score of -1.0 or lower).",
            [H05, D12],
            "osteoporosis = true: bone density below the osteopenia threshold (reading in README)",
        ),
        (
            "Patient belongs to a vulnerable population or has a condition such that his/her ability to provide informed consent, comply with follow-up requirements, or provide self-assessments is compromised (e.g. developmentally disabled, prisoner, chronic alcohol/ substance abuser)",
            [H08],
            "substance_use_disorder = true: the criterion names substance abusers as an excluded group (reading in README)",
        ),
    ],
    # Max 75 structured. The conservative-care list ("including ... and/or") is read as examples, so h08
    # (chiropractic, opioid) is not excluded by it. "Current alcohol or recreational drug dependency" is narrower
    # than addiction in the past year; "Current anticoagulation therapy" has an exception (suspended for
    # surgery), so bleeding_risk does not clearly violate it. Prior surgery is "at the index level" (not asked).
    "NCT04188236": [
        (
            "At least six weeks of failed conservative treatment prior to surgery, including physical therapy, use of anti-inflammatory medications at maximum specified dosage and/or administration of epidural/facet injections.",
            [H04],
            "pain for 3 weeks (0.75 months) < 6 weeks",
        ),
        (
            "Radiculopathy with positive straight leg raise test.",
            [H02, H07, D12],
            "leg_pain_radiating = false (the straight-leg-raise test itself is an exam)",
        ),
        ("Any metabolic bone disease.", [H05, D12], "osteoporosis = true is a metabolic bone disease"),
        ("Rheumatoid arthritis or other autoimmune disease.", [H07], "inflammatory_arthritis = true"),
        (
            "Active or history of any invasive malignancy; patients with curatively-treated malignancies who have been disease-free for at least 5 years are eligible.",
            [H06],
            "cancer diagnosis or treatment in the past 5 years = true: not disease-free for 5 years",
        ),
        ("Pregnant or interested in becoming pregnant in the following 24 months.", [H02], PREGNANT),
        (
            "Subject is currently participating or has participated in the previous 4 weeks in any other interventional clinical study.",
            [H08],
            "in_other_trial = true (now or in the past 30 days; 4 weeks ~ 1 month, guideline 3)",
        ),
    ],
    # Age 18-70 structured. Prior lumbar surgery: its exception (micro-discectomy/laminectomy > 6 months postop)
    # depends on the surgery type, which is not asked, and h03 sits on the 6-month boundary, so no one is
    # clearly excluded by it. "pending litigation" is narrower than the claim answer. Chronic disease and
    # psychological dysfunction are in the investigator's opinion.
    "NCT04015791": [
        (
            "Skeletally mature male or female (non-pregnant) between 18 and 70 years of age",
            [H02],
            PREGNANT,
        ),
        (
            "VAS back pain score ≥ 40 mm and that is greater than the VAS leg pain scores",
            [H03, H11, D13, D14],
            "leg_pain_worse_than_back = true: back pain is not greater than leg pain",
        ),
        (
            "Patient has failed at least ≥6 months of non-operative treatment that may have included physical therapy, bed rest, anti-inflammatory or analgesic medications, chiropractic care, acupuncture, massage therapy or home-directed lumbar exercise programs",
            [H01, H02, H04, D14],
            UNDER_6_MONTHS,
        ),
        (
            "Has presence of active malignancy or prior history of malignancy (except for basal cell carcinoma of the skin) during the past 5 years",
            [H06],
            "cancer in the past 5 years = true",
        ),
    ],
    # "using nonsteroidal anti inflammatory agents" is present use; the medication list covers 3 months
    # (guideline 3), so NSAID users are not excluded; smoking and anticoagulants are (smoker is current;
    # bleeding_risk violates a criterion naming anticoagulants). Device-specific items ("For the ... systems:")
    # do not clearly apply to a person. Neuromuscular/mental item is qualified by the risk judgement;
    # litigation "regarding a spine surgery" and worker's compensation are narrower than the claim answer.
    "NCT04911257": [
        ("Have had six months of lumbar non operative therapy.", [H01, H02, H04, D14], UNDER_6_MONTHS),
        (
            "Biological factors such as smoking or using nonsteroidal anti inflammatory agents/ anticoagulants.",
            [H05, H06, H08, D12, D13],
            "h06/h08/d12 smoker = true; h05/d13 bleeding_risk = true (anticoagulants named)",
        ),
        ("Obesity.", [H03, H09, D12], "bmi 31, 38, 33 >= 30 (obesity)"),
        (
            "Pregnancy, or if the patient intends to become pregnant during the course of the study.",
            [H02],
            PREGNANT,
        ),
    ],
    # Age 22-70 structured. Item 4 has alternatives (intractable pain), so h04's 3 weeks does not settle it.
    # VAS leg >= 60 is leg-only (guideline 3). "systemic disease" is not read as diabetes/heart disease: the text
    # lists diabetes separately only when insulin-requiring. Metabolic bone disease is "defined by use of
    # anti-resorptive medications or a history of fragility fracture", neither of which is asked. Dependence
    # "within previous six months", a current mental-illness episode, drug/device studies and litigation "which
    # may influence" reporting are narrower than the answers. Washouts (epidural/oral steroids, NSAIDs) are not
    # settled by a 3-month medication list.
    "NCT03433391": [
        (
            "Have radiculopathy (e.g., decreased motor strength, sensory deficits, decreased reflexes) from specific nerve root distribution from L4 to S1 with positive straight leg raise (0-60 degrees);",
            [H02, H07, D12],
            "leg_pain_radiating = false",
        ),
        ("Prior spine surgery at any lumbar level;", [H03, H09, D13], PRIOR_SPINE_SURGERY),
        (
            "Axial back pain only (no radicular symptoms);",
            [H02, H07, D12],
            "leg_pain_radiating = false (d12 also numbness_or_weakness = false): back pain without radicular symptoms",
        ),
        ("Any terminal, systemic or autoimmune disease;", [H07], "inflammatory_arthritis = true counts as autoimmune"),
        (
            "Pregnancy at time of enrollment, or planning to become pregnant, since this would contraindicate surgery2;",
            [H02],
            PREGNANT,
        ),
    ],
    # Age 22-75 structured. Back-pain VAS 40-90 is back-only (guideline 3). "L1-2 to L5-S1" spans the whole
    # lumbar spine, so it is "previous lumbar spine surgery", not an index-level criterion. Coagulopathy names a
    # disorder, but "currently taking anticoagulant ... antiplatelet" names blood thinners (guideline 3). The
    # psychiatric, substance, oral-steroid (daily > 30 days), neurological-deficit and MRI-device items are
    # narrower than the answers. Only insulin-dependent diabetes and unstable angina are named.
    "NCT06127745": [
        (
            "If female of childbearing potential, participant is non-pregnant, non-nursing, and agrees to use highly effective methods of contraception for a minimum of 24 months post-treatment.",
            [H02],
            PREGNANT,
        ),
        (
            "Chronic mechanical (axial) low back pain for at least 6 months",
            [H01, H02, H04, D14],
            "pain for under 6 months",
        ),
        ("Have failed 3 months of conservative back pain care", [H04], "pain for 3 weeks (0.75 months) < 3 months"),
        (
            "Low back pain predominant over leg pain on a 100mm VAS scale",
            [H03, H11, D13, D14],
            "leg_pain_worse_than_back = true",
        ),
        ("BMI \\> 35", [H09], "bmi 38 > 35"),
        (
            "Participant has had previous lumbar spine surgery at level L1-2 to L5-S1",
            [H03, H09, D13],
            PRIOR_SPINE_SURGERY,
        ),
        (
            "Participant has had significant systemic disease, such as unstable angina, autoimmune disease, rheumatoid arthritis, diabetes mellitus-insulin dependent, or muscular dystrophy.",
            [H07],
            "inflammatory_arthritis = true (autoimmune / rheumatoid arthritis named)",
        ),
        (
            "Participant is currently taking anticoagulant, antineoplastic, antiplatelet, or thrombocytopenia inducing medications (except for aspirin or nonsteroidal anti- inflammatory drugs \\[NSAIDS\\])",
            [H05, D13],
            "bleeding_risk = true violates a criterion naming anticoagulants (guideline 3)",
        ),
        (
            "Compensation injuries or ongoing litigation regarding back pain/ injury, or financial or other incentives to remain impaired.",
            [H03, D14],
            "litigation_or_compensation = true: lawsuit, compensation or disability claim are all covered",
        ),
    ],
}
