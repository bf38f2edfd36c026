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

# Names cervical or lumbar radiculopathy: back-only pain with no radiating leg pain and no neck pain meets neither.
# "Known bleeding diathesis" reads as "bleeding tendency" (guideline 3); the anticoagulant line itself says
# aspirin/clopidogrel are no contraindication, so bleeding_risk does not clearly violate it. "Active neoplasm" is
# narrower than cancer in 5 years; "Osseous spinal or foraminal stenosis" needs imaging.
A["NCT01945554"] = [
    (
        "Symptomatic (pain) one-level cervical (C3-C8) or lumbar (L1-S1) radiculopathy",
        ("h02", "h07", "k12"),
        "leg_pain_radiating = false and no neck pain: no radicular pain",
    ),
    ("Pregnancy", ("h02",), "pregnant = true"),
    ("Known bleeding diathesis", ("h05", "k13"), "bleeding_risk = true (guideline 3: bleeding tendency)"),
    ("Rheumatic disease", ("h07",), "inflammatory_arthritis = true"),
]

# Exclusion 1 "Not undergone previous spinal surgery at the affected disc level(s)." is a drafting slip for
# "undergone": read by intent (like the first holdout's NCT05999253), and the level is not asked, so it excludes
# nobody. "Evidence of tumour and/or malignant disease" is read like "current" (narrower than cancer in 5 years).
# "Known rheumatoid arthritis, ankylosing spondylitis" names two diseases: inflammatory_arthritis may be another.
# "drug treatment that may affect bone metabolism": not clearly met by oral steroids in the last 3 months.
A["NCT04416321"] = [
    (
        "Completed at least 6 months of conservative non-operative treatment.",
        ("h02", "h04", "k14"),
        "pain for 5, 0.75 and 2 months: six months of treatment for it is impossible",
    ),
    ("Known osteoporosis or severe osteopenia.", ("h05", "k12"), "osteoporosis = true"),
    ("Female subjects who are pregnant or lactating.", ("h02",), "pregnant = true"),
    (
        "Current smokers or have stopped smoking less than 6 months ago.",
        ("h06", "h08", "k12", "k14"),
        "smoker = true",
    ),
    ("Known drug or alcohol abusers.", ("h08",), "substance_use_disorder = true"),
    ("Currently enrolled in a clinical study.", ("h08",), "in_other_trial = true"),
]

# US study: "Able to read and understand all documents" names no language, so English = false (h10) is not a clear
# violation.
A["NCT05023733"] = [
    ("Current smokers", ("h06", "h08", "k12", "k14"), "smoker = true"),
    ("Subject is pregnant, plans to become pregnant or is breast feeding", ("h02",), "pregnant = true"),
]

# "severe metabolic or systemic bone disorders": osteoporosis of unknown severity is not clearly severe.
A["NCT05037968"] = [
    (
        "Failed conservative treatment (physical therapy, bed rest, medications, spinal injections, manipulations, "
        "or transcutaneous electrical nerve stimulation) for a minimum period of 3 months prior to study enrollment.",
        ("h04", "k14"),
        "pain for 0.75 and 2 months: 3 months of failed conservative care is impossible",
    ),
]

# "tumor" here is bare (the list is not spine-only: Parkinson's, peripheral nerves), read like "malignancy".
# neurological_disease (MS, Parkinson's, stroke, neuropathy...) always falls in "CNS disorders / diseases ... of
# the peripheral nerves". Spine trauma needs spine_fracture with recent_trauma: nobody states both.
A["NCT05238740"] = [
    (
        "Patients with tumor/ spine trauma/ known bone disease / parkinsons disease and similar central nervous "
        "system (CNS) disorders / diseases or injuries of the peripheral nerves",
        ("h05", "h06", "h09", "k12"),
        "osteoporosis = true (h05, k12: bone disease), cancer = true (h06: tumor), neurological_disease = true (h09)",
    ),
    ("Current Smoking", ("h06", "h08", "k12", "k14"), "smoker = true"),
    ("Pregnant or breastfeeding patients", ("h02",), "pregnant = true"),
    (
        "Participation in another interventional study within the 30 days preceding and during the present study",
        ("h08",),
        "in_other_trial = true",
    ),
]

# Only "investigator's opinion" and consent criteria: the structured >= 21 decides.
A["NCT05329129"] = []

# Cardiac, endocrine and other organ criteria carry "unsuitable for surgery" (surgeon's judgement).
A["NCT06029764"] = [
    ("Drug or alcohol abusers", ("h08",), "substance_use_disorder = true"),
    (
        "pregnant and breastfeeding women as well as those who are planning to become pregnant in the near future",
        ("h02",),
        "pregnant = true",
    ),
    (
        "those who have participated in other clinical trials within 3 months",
        ("h08",),
        "in_other_trial = true (now or in the past 30 days)",
    ),
]

# "Obesity" = BMI 30 or more. "Participation in other studies on drugs or devices" is narrower than
# in_other_trial. "Treatment with drugs that can interfere with bone metabolism": as in NCT04416321, not clear.
A["NCT06209684"] = [
    ("Metabolic bone disease.", ("h05", "k12"), "osteoporosis = true (a metabolic bone disease)"),
    ("Neoplastic disease.", ("h06",), "cancer = true (bare 'neoplastic disease' read like 'malignancy')"),
    ("History of mental disorder or current psychiatric treatment.", ("h08",), "psychiatric_condition = true"),
    ("Pregnancy.", ("h02",), "pregnant = true"),
    ("Alcohol and/or drug abuse", ("h08",), "substance_use_disorder = true"),
    ("Obesity", ("h03", "h09", "k12"), "bmi 31, 38, 33 (30 or more)"),
]

# Not listed: "previous attempts at fusion" (type not asked), osteoporosis "to a degree that spinal
# instrumentation would be contraindicated" (judgement), "uncontrolled ... insulin-dependent" diabetes (type not
# asked), "active malignancy" (narrower), "other concurrent ... conditions which are likely to affect" (judgement).
A["NCT04615260"] = [
    ("Patients who are suffering from autoimmune disease.", ("h07",), "inflammatory_arthritis = true"),
    ("Pregnant women", ("h02",), "pregnant = true"),
    ("Non-English speaking subjects.", ("h10",), "english = false"),
]

# "planned for ... or patient implant with": people on their way to surgery qualify (no guideline 6).
# Osteopenia is listed bare among abnormalities of bone remodelling, so osteoporosis is one a fortiori.
A["NCT05997121"] = [
    ("Pregnancy", ("h02",), "pregnant = true"),
    (
        "Any abnormality present which affects the normal process of bone remodelling including, but not limited to "
        "severe osteoporosis involving spine, bone absorption, osteopenia",
        ("h05", "k12"),
        "osteoporosis = true (osteopenia, its milder form, is listed)",
    ),
    ("Mental illness", ("h08",), "psychiatric_condition = true (severe)"),
]

# Not listed: "Rheumatoid or psoriatic arthritis" (inflammatory_arthritis may be another disease); "Compressive
# pathology due to stenosis or herniated or sequestered discs" (imaging; the condition text is a search term);
# litigation/compensation lines (the answer also covers disability claims, as in the first holdout's
# NCT05029726); "Physical or mental conditions" (truncated catch-all); "ferromagnetic implants" (device type
# not asked); "non-interventional research" (in_other_trial asks about clinical trials).
A["NCT06144970"] = [
    (
        "Chronic lower back pain for at least 6 months.",
        ("h02", "h04", "k14"),
        "pain for 5, 0.75, 2 months",
    ),
    (
        "Back pain twice as great as leg pain measured using NRS",
        ("h03", "h11", "k13", "k14"),
        "leg_pain_worse_than_back = true",
    ),
    (
        "Inadequate response to at least one medication (e.g., NSAID, acetaminophen, muscle relaxant) and some form "
        "of formal physical therapy over a period of at least 6 months",
        ("h02", "h07", "h08"),
        "treatments_tried given without physical_therapy (guideline 6); h02 also took no medication",
    ),
    ("BMI \\>15 and \\< 30 kg/m2", ("h03", "h09", "k12"), "bmi 31, 38, 33"),
    ("History of endocrine or metabolic disorder", ("h06", "h09", "k13"), "diabetes = true"),
    (
        "Epidural or facet joint steroid, platelet rich plasma (PRP) or bone marrow concentrate (BMC) injections, or "
        "radio frequency ablation (RFA), within 6 months prior to baseline.",
        ("h06", "k12"),
        "spinal injection 0.5 and 4 months ago",
    ),
    ("Pregnant", ("h02",), "pregnant = true"),
    ("Transient or has a history of any substance use disorder", ("h08",), "substance_use_disorder = true"),
    (
        "On chronic anti-coagulation therapy or have confirmed coagulopathy",
        ("h05", "k13"),
        "bleeding_risk = true (guideline 3: names anticoagulant therapy)",
    ),
]

# Not listed: "clinical trials related to this project" (narrower); "intervertebral disc interventional therapy"
# (h06's injection is epidural/facet/steroid, not intradiscal); "including physical therapy, manual therapy and
# non-morphine drug therapy" read as what conservative care comprises, not a checklist. Severity qualifiers on
# autoimmune disease are taken as met (guideline 3's 'significant').
A["NCT06589271"] = [
    (
        "The symptoms are lumbago combined with radiating pain of one lower limb;",
        ("h02", "h07", "k12"),
        "leg_pain_radiating = false",
    ),
    ("Failed conservative treatment for 3 months", ("h04", "k14"), "pain for 0.75 and 2 months"),
    ("No previous history of spinal surgery.", OPERATED, "spine surgery stated"),
    ("Previous history of tumor and spinal infection;", ("h06",), "cancer = true (history of tumor)"),
    (
        "Patients with severe coagulation disorders, a history of drug abuse or taking oral anticoagulants;",
        ("h05", "h08", "k13"),
        "bleeding_risk = true names anticoagulants (h05, k13); substance_use_disorder = true (h08)",
    ),
    (
        "MRI contraindications (history of cardiovascular and cerebrovascular stent implantation, pacemaker, "
        "biostimulator, etc.);",
        ("h09",),
        "implanted_device = true (pacemaker, stimulator, pain pump...)",
    ),
    ("Pregnancy or breastfeeding;", ("h02",), "pregnant = true"),
    (
        "Patients with severe autoimmune disease or who are receiving immunosuppressive therapy;",
        ("h07",),
        "inflammatory_arthritis = true",
    ),
    (
        "Mental disorders, cognitive disorders, or other physical diseases affecting the research results;",
        ("h08",),
        "psychiatric_condition = true",
    ),
]

# "with or without referred non-radicular leg pain": radiating leg pain (sciatica) is radicular, as in the first
# holdout's NCT04893720. Bare "Fracture of the spine" is not violated by spine_fracture ever (guideline 3).
A["NCT06615505"] = [
    (
        "Chronic axial midline low-back pain with or without referred non-radicular leg pain for at least 6 months",
        ("h02", "h04", "k14"),
        "pain for 5, 0.75, 2 months",
    ),
    (
        "with or without referred non-radicular leg pain",
        ("h03", "h04", "h05", "h06", "h08", "h09", "h10", "h11", "k13", "k14"),
        "leg_pain_radiating = true: radicular leg pain",
    ),
    (
        "Fracture of the spine, previous lumbar spine surgery or previous treatment of the target disc(s)",
        OPERATED,
        "spine surgery stated",
    ),
    (
        "Women who are pregnant or breastfeeding at the time of enrollment and/or plan to become pregnant",
        ("h02",),
        "pregnant = true",
    ),
]

# Same template as NCT05037968 (bone disorders "severe", calcium-metabolism drugs: not listed). "active litigation
# relating to his/her spinal condition": the answer also covers compensation/disability claims. "investigational
# study ... for study devices" is narrower than in_other_trial.
A["NCT04679844"] = [
    (
        "Failed conservative treatment (physical therapy, bed rest, medications, spinal injections, manipulations, "
        "or transcutaneous electrical nerve stimulation) for a minimum period of 3 months prior to study enrollment.",
        ("h04", "k14"),
        "pain for 0.75 and 2 months",
    ),
    ("Women who are or intend to become pregnant within the next 12 months.", ("h02",), "pregnant = true"),
    ("Has history or presence of active malignancy.", ("h06",), "cancer = true (history of malignancy)"),
    (
        "Has known substance abuse, psychiatric disorder",
        ("h08",),
        "substance_use_disorder = true and psychiatric_condition = true",
    ),
]

# "Steroids used to treat inflammation are allowed" (immunosuppression line); "active malignancy" narrower; insulin
# and morbid obesity (BMI > 40) not met by stated answers. Osteoporosis means a T-score of -2.5 or lower.
A["NCT05105490"] = [
    (
        "Patient has had prior lumbar spine surgery (nucleoplasty at non-index level is considered acceptable).",
        OPERATED,
        "spine surgery stated",
    ),
    (
        "Patient has been diagnosed with hepatitis, rheumatoid arthritis, lupus erythematosus, or other autoimmune "
        "disease",
        ("h07",),
        "inflammatory_arthritis = true",
    ),
    ("Patient has osteopenia of the spine (T-score of -1.0 or lower).", ("h05", "k12"), "osteoporosis = true"),
]

# "prior lumbar spine fusion surgery at any level": fusion type not asked (guideline 3).
A["NCT05614284"] = [
    (
        "Subject must have been unresponsive to conservative care for at least 6 months prior to fusion surgery.",
        ("h02", "h04", "k14"),
        "pain for 5, 0.75, 2 months",
    ),
    (
        "Subject is currently undergoing treatment for malignancy or has undergone treatment for malignancy in the "
        "past 5 years",
        ("h06",),
        "cancer = true (diagnosis or treatment in the past 5 years)",
    ),
    (
        "Subject is pregnant (confirmed by pregnancy test) or nursing or planning to become pregnant",
        ("h02",),
        "pregnant = true",
    ),
]

# "sciatica" is exactly what leg_pain_radiating asks ("spread down one or both legs (sciatica)"). "physical
# exercise therapy in the last three months": only k14 (pain for 2 months, physical therapy ticked for it) must
# have had it inside the window (the devset's NCT04049812 reading). Not listed: "lumbar vertebral body fracture"
# (level not asked), MRI contraindications (only "for patients that need to perform a MRI at the screening
# visit"), "drug or device clinical study" (narrower).
A["NCT04757038"] = [
    ("Chronic low back pain for at least 3 months from the screening;", ("h04", "k14"), "pain for 0.75, 2 months"),
    ("Previous lumbar spine surgery;", OPERATED, "spine surgery stated"),
    (
        "Patients that did physical exercise therapy in the last three months before screening;",
        ("k14",),
        "physical_therapy ticked for pain that began 2 months ago",
    ),
    (
        "Patients with symptomatic hernia, sciatica or spinal cord injury:",
        ("h03", "h04", "h05", "h06", "h08", "h09", "h10", "h11", "k13", "k14"),
        "leg_pain_radiating = true (sciatica)",
    ),
    (
        "Significant systemic disease, including unstable angina, autoimmune disease, rheumatoid arthritis, and "
        "muscular dystrophy;",
        ("h05", "h07", "k13"),
        "heart_disease = true (h05, k13; 'significant' met, guideline 3), inflammatory_arthritis = true (h07)",
    ),
    (
        "currently taking anticoagulant, antineoplastic, antiplatelet, or thrombocytopenia-inducing medications",
        ("h05", "k13"),
        "bleeding_risk = true (names anticoagulant/antiplatelet therapy)",
    ),
    (
        "Females known to be pregnant or nursing at time of enrolment or with plans to become pregnant",
        ("h02",),
        "pregnant = true",
    ),
]

# Not listed: "Previous lumbar spine surgery with the exception of discectomy and/or laminectomy at the target
# levels" (the surgery's type and level are not asked, so the exception may apply); autoimmune and endocrine lines
# need "the investigator's opinion"; "Chronic use of steroids (... more than 6 weeks ...)" (duration not asked);
# "alcohol and/or drug abuse within 6 months" (the answer covers the past year); "heavy nicotine use";
# "investigational therapy" (narrower than being in a trial).
A["NCT05405374"] = [
    (
        "Non-responsive to non-operative treatment (e.g., bed rest, physical therapy, medication,spinal injection, "
        "manipulation, and/or TENS) for at least 6 months;",
        ("h02", "h04", "k14"),
        "pain for 5, 0.75, 2 months",
    ),
    (
        "Documented history of osteoporosis, osteomalacia, Paget's disease or metabolic bone disease",
        ("h05", "k12"),
        "osteoporosis = true",
    ),
    (
        "Presence of active malignancy or prior history of malignancy",
        ("h06",),
        "cancer = true",
    ),
    ("Pregnant or nursing.", ("h02",), "pregnant = true"),
]

# Radicular pain "by history within the past six (6) months": radiating leg pain (sciatica) is radicular, as in
# NCT06615505. Not listed: "History of vertebral fractures in the lumbar spine" (level not asked); "active litigation
# including worker's compensation cases" (the answer also covers disability claims); anticoagulants "within three
# (3) days" (washout); "Endocrine or metabolic disorder known to affect osteogenesis" (diabetes not clearly);
# "severe osteoporosis" (needs DEXA and fragility fractures); investigator-judgement lines.
A["NCT06011551"] = [
    (
        "Subjects presenting with LBP greater than leg pain",
        ("h03", "h11", "k13", "k14"),
        "leg_pain_worse_than_back = true",
    ),
    (
        "symptoms of DDD of the lumbar region (L1- S1) of at least six (6) months duration",
        ("h02", "h04", "k14"),
        "pain for 5, 0.75, 2 months",
    ),
    ("English fluency", ("h10",), "english = false"),
    (
        "Epidural steroid injection, intradiscal injection, trigger point injection, facet or medial branch block "
        "within 60 days of enrollment",
        ("h06",),
        "spinal injection 2 weeks ago",
    ),
    (
        "Subjects presenting with radicular pain greater than back pain or by history within the past six (6) months.",
        ("h03", "h04", "h05", "h06", "h08", "h09", "h10", "h11", "k13", "k14"),
        "leg_pain_radiating = true (current radicular leg pain)",
    ),
    ("Subjects with any prior back surgery on the lumbar spine", OPERATED, "spine surgery stated"),
    (
        "Subjects who have a history (in the last five (5) years) of substance abuse or chemical dependency",
        ("h08",),
        "substance_use_disorder = true (past year)",
    ),
    (
        "Subjects who have major psychiatric disorders, such as major depression, bipolar disorder and schizophrenia",
        ("h08",),
        "psychiatric_condition = true (severe depression, bipolar, schizophrenia...)",
    ),
    (
        "If female, subjects who are pregnant or are trying to become pregnant during the course of the trial",
        ("h02",),
        "pregnant = true",
    ),
    (
        "Subjects having participated in any other clinical study within the last three (3) months, or are actively "
        "participating in any other clinical study",
        ("h08",),
        "in_other_trial = true",
    ),
    ("Body Mass Index (BMI) \\>35 kg/m2", ("h09",), "bmi 38"),
    ("Current smoker or nicotine and/or tobacco user", ("h06", "h08", "k12", "k14"), "smoker = true"),
]

# Not listed: prior instrumentation/interbody fusion (type not asked); "active malignancy"; neurological condition
# "that would interfere with evaluation" and drugs for "chronic systemic steroids" (judgement, duration not asked);
# drug/device investigational studies (narrower); litigation "or workers compensation claimants" (the answer also
# covers disability claims).
A["NCT06462729"] = [
    (
        "Participant has not responded to conservative treatment (e.g. medications, injections, physical therapy, "
        "etc.) for a period of 6 months",
        ("h02", "h04", "k14"),
        "pain for 5, 0.75, 2 months",
    ),
    (
        "Pregnant, planning to become pregnant during the follow-up time period, or breast-feeding women",
        ("h02",),
        "pregnant = true",
    ),
    (
        "Currently smoking or using nicotine products",
        ("h06", "h08", "k12", "k14"),
        "smoker = true",
    ),
    ("Body Mass Index \\> 35", ("h09",), "bmi 38"),
    ("Osteopenia or osteoporosis of the spine, DEXA T score of ≤ -1.0", ("h05", "k12"), "osteoporosis = true"),
    (
        "Any secondary causes of osteoporosis (e.g. chronic liver or kidney disease, uncontrolled hyper- or "
        "hypothyroidism, type I or type II diabetes mellitus",
        ("h06", "h09", "k13"),
        "diabetes = true (named)",
    ),
    (
        "Current or recent history of chemical/alcohol abuse or dependency",
        ("h08",),
        "substance_use_disorder = true (past year)",
    ),
]

# German-language trial: English = false does not violate the German questionnaire line (guideline 3). Not listed:
# "back and/or leg pain (radicular pain)" (back pain alone is accepted), neurological condition "that would
# interfere" (judgement), heavy nicotine (> 20 a day, not asked), "previous fragility fractures" (h05's fracture
# cause not asked), "Known diabetes, drug treated" (treatment not asked), "spinal tumor".
A["NCT01640457"] = [
    (
        "The patient confirms that s/he did not participate in a clinical study 90 days prior study inclusion.",
        ("h08",),
        "in_other_trial = true (now or in the past 30 days)",
    ),
    ("BMI \\> 35 kg/m2", ("h09",), "bmi 38"),
    (
        "The patient has current or recent history of illicit drug, nicotine (more than 20 cigarettes per day) or "
        "alcohol abuse or dependence",
        ("h08",),
        "substance_use_disorder = true (past year)",
    ),
    ("The patient is pregnant, breastfeeding or actual planning to become pregnant.", ("h02",), "pregnant = true"),
    (
        "The patient has a history or a suspicion of a disease with chronically inflammable character, as rheumatoid "
        "arthritis, gout, pseudo-gout, metabolic bone diseases, Crohn's disease, ulcerative colitis, lupus "
        "erythematosus, or other autoimmune disorders",
        ("h05", "h07", "k12"),
        "inflammatory_arthritis = true (h07); osteoporosis = true, a metabolic bone disease named in the list (h05, "
        "k12)",
    ),
    ("Known osteoporosis", ("h05", "k12"), "osteoporosis = true"),
    (
        "The patient has a history of blood coagulation disease of different genesis, including known haemorrhagic "
        "diathesis of unknown cause",
        ("h05", "k13"),
        "bleeding_risk = true (haemorrhagic diathesis read as bleeding tendency, guideline 3)",
    ),
    (
        "had any cancer other than non-melanoma skin cancer treated with curative intent within the past 5 years",
        ("h06",),
        "cancer = true (past 5 years)",
    ),
    (
        "The patient has previous trauma, discography or any other surgical intervention at the lumbar spine",
        OPERATED,
        "spine surgery stated",
    ),
]

# The criteria list is printed twice; quotes match both copies. The text's ">= 45" is stricter than the
# structured 18. Not listed: "Cauda equina syndrome (... bowel or bladder dysfunction)" (nobody ticks bladder/bowel
# trouble); "significant mental illness ... that could impair the consent process" and "other systemic disease that
# would affect" (conditional/judgement); "active rheumatoid arthritis" (narrower); spine litigation "or worker's
# compensation" (the answer also covers disability claims); "drug or device clinical investigation" (narrower).
A["NCT05587465"] = [
    (
        "Male or female subjects ≥ 45 years of age.",
        ("h01", "h02", "h04", "h07", "h08", "k14"),
        "age 17, 29, 36, 42, 33, 27",
    ),
    (
        "Persistent leg/buttock/groin pain, with or without back pain",
        ("h02", "h07"),
        "pain_areas = low back only and leg_pain_radiating = false",
    ),
    (
        "Subjects who have been symptomatic and undergoing conservative care treatment for at least 6 months.",
        ("h02", "h04", "k14"),
        "pain for 5, 0.75, 2 months",
    ),
    ("Axial back pain only.", ("h02", "h07"), "pain_areas = low back only and leg_pain_radiating = false"),
    ("Osteopenia or osteoporosis.", ("h05", "k12"), "osteoporosis = true"),
    ("Prior surgery of the lumbar spine.", OPERATED, "spine surgery stated"),
    (
        "Tumor in the spine or a malignant tumor except for basal cell carcinoma",
        ("h06",),
        "cancer = true (a malignant tumor)",
    ),
    ("Known or suspected history of alcohol and/or drug abuse.", ("h08",), "substance_use_disorder = true"),
    ("Pregnant or lactating.", ("h02",), "pregnant = true"),
]

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
