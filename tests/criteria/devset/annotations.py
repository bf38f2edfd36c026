"""Hand-written judgements, one block per trial, made after reading the trial's whole eligibility text.

Each entry is (exact criterion text as it appears in the record, which stated answers violate it, why).
Only criteria that some stated answer can clearly violate are written down; criteria the questionnaire
cannot settle (imaging, exams, labs, consent) are left out because they can never exclude. Structured
age and sex limits are applied from ``eligibilityModule`` by build_labels.py.
"""

from __future__ import annotations

from tests.criteria.devset.annotation_helpers import (  # noqa: F401
    all_of,
    any_of,
    bleeding,
    cancer,
    device,
    diabetes,
    duration_above,
    duration_below,
    false,
    fibromyalgia,
    fracture,
    gt,
    heart,
    inflammatory,
    injection_within,
    intensity_below,
    leg_not_worse,
    litigation,
    lt,
    neuro,
    no_english,
    no_leg_pain,
    not_tried,
    osteoporosis,
    other_trial,
    pregnant,
    psych,
    smoker,
    substance,
    surgery_ever,
    surgery_within,
    takes,
    tried,
    true,
)

A = {}

#: Neither low back pain (pain areas answered without it) nor radiating leg pain.
no_back_nor_leg_pain = all_of(lambda p: "pain_areas" in p and "low_back" not in p["pain_areas"], no_leg_pain)

A["NCT00000410"] = [
    ("Duration of symptoms: 6 or more weeks.", duration_below(1.4), "pain for less than 6 weeks"),
    ("Symptoms less than 6 weeks.", duration_below(1.4), "pain for less than 6 weeks"),
    (
        "Treatments tried: Non-steroidal anti-inflammatory medical therapy and physical therapy.",
        not_tried("physical_therapy"),
        "has not tried physical therapy",
    ),
    (
        "Surgical screening: Persistent radicular pain provoked by moderate exercise, sitting, increased abdominal pressure, decreased mobility, list (scoliosis), straight leg raising.",
        no_leg_pain,
        "no radiating leg (radicular) pain",
    ),
    ("Previous lumbar spine surgery.", surgery_ever, "has had back surgery"),
    ("Possible pregnancy.", pregnant, "pregnant"),
    (
        "Active malignancy: A patient with a history of any invasive malignancy (except non-melanoma skin cancer) is ineligible unless he or she has been treated with a curative intent AND there has been no clinical signs or symptoms of the malignancy for at least 5 years.",
        cancer,
        "cancer within the past 5 years",
    ),
    ("Age less than 18 years.", lt("age", 18), "under 18"),
]

A["NCT00124774"] = [
    (
        "Mono radicular leg pain for at least 6 weeks as a result from a lumbar contained herniated disc. Leg pain must be of greater impact than concomitant back-pain",
        any_of(no_leg_pain, leg_not_worse, duration_below(1.4)),
        "no radiating leg pain, leg pain not worse than back pain, or under 6 weeks",
    ),
    ("Age \\>18 and \\< 60 years", any_of(lt("age", 18), gt("age", 60)), "age outside 18-60"),
    ("Pain on VAS below 50 mm", intensity_below(4), "average pain 0-3/10"),
    ("Pain existing longer than one year", duration_above(12), "pain for more than a year"),
    (
        "History of back surgery, chemonucleolysis or other intra discal procedures",
        surgery_ever,
        "has had back surgery",
    ),
    ("Coagulopathies or oral anti-coagulation therapy", bleeding, "bleeding disorder or blood thinners"),
    ("Pregnancy", pregnant, "pregnant"),
]

A["NCT00220935"] = [
    ("Age 21 - 55", any_of(lt("age", 21), gt("age", 55)), "age outside 21-55"),
    (
        "Preferred no prior surgery or no spine surgery in previous 6 months.",
        surgery_within(6),
        "spine surgery within the past 6 months",
    ),
    ("VAS \\> 4.0", intensity_below(4), "average pain 0-3/10"),
    ("Symptoms unresolved after 4 weeks", duration_below(0.9), "pain for under 4 weeks"),
    ("Reduced leg pain on recumbency", no_leg_pain, "no radiating leg pain (trial is for radiating leg pain)"),
]

A["NCT00405041"] = [
    (
        "Men and women with diagnosis of herniated lumbar disc with nerve root compression, up to 3 months from beginning of symptoms.",
        duration_above(3),
        "pain for more than 3 months",
    ),
    ("Women who are pregnant or breast feeding.", pregnant, "pregnant"),
    (
        "Participants with any significant clinical, medical or surgical condition, such as: cardiovascular (including those with hypertension and treated with antihypertensive agents), pulmonary, hepatic, renal, immune, endocrine, metabolic, digestive, malignancy, or allergic.",
        any_of(heart, cancer, true("diabetes"), inflammatory),
        "heart disease, cancer, diabetes or immune (inflammatory) disease",
    ),
    (
        "Participants with any musculoskeletal diseases.",
        any_of(osteoporosis, inflammatory),
        "osteoporosis or inflammatory arthritis",
    ),
    ("Participants with any neurological diseases.", neuro, "neurological disease"),
    (
        "Participants with any history of alcohol or substance abuse within the last 2 years.",
        substance,
        "alcohol/drug addiction in the past year",
    ),
    ("Participants participating in other clinical trials.", other_trial, "in another trial now"),
]

A["NCT00415220"] = [
    ("Radicular symptoms \\< 3 months duration", duration_below(3), "pain for less than 3 months"),
    (
        "Consecutive patients presenting through elective referral by primary care physicians to one of the three participating spinal neurosurgeons (SC, SJD, RJH) between December 2000 and May 2004 were screened for symptoms of unilateral lumbar radiculopathy secondary to LDH at L3/4, L4/5 or L5/S1.",
        no_leg_pain,
        "no radiating leg pain (radiculopathy required)",
    ),
    ("Substance abuse", substance, "alcohol/drug addiction"),
    (
        "Systemic or visceral disease (e.g. auto-immune diseases, major system failure)",
        inflammatory,
        "autoimmune inflammatory arthritis",
    ),
    ("Hemorrhagic disorders, anticoagulation therapy", bleeding, "bleeding disorder or blood thinners"),
    ("Osteopenia/Osteoporosis", osteoporosis, "osteoporosis"),
    ("Unable to read or speak English", no_english, "does not read/speak English well"),
    ("Age \\< 18", lt("age", 18), "under 18"),
    ("Pregnancy", pregnant, "pregnant"),
]

A["NCT00934284"] = [
    (
        "Pain and/or paresthesia in the lumbar spine and a distribution extending distal to the gluteal fold within 24 hours of enrollment",
        all_of(no_leg_pain, false("numbness_or_weakness")),
        "neither radiating leg pain nor numbness/tingling in the legs",
    ),
    (
        "Any lumbar surgery within six months of the baseline examination",
        surgery_within(6),
        "spine surgery within 6 months",
    ),
    (
        "Medical red flags indicating a serious pathology such as neoplasm, infection, or fracture",
        any_of(all_of(cancer, true("weight_loss")), all_of(fracture, true("recent_trauma"))),
        "red flags: recent cancer with unexplained weight loss, or spine fracture with pain after a fall",
    ),
]

A["NCT01339377"] = [
    (
        "Sciatica with or without lower back pain for \\> 3 months",
        any_of(no_leg_pain, duration_below(3)),
        "no sciatica, or pain for 3 months or less",
    ),
    (
        "A preoperative leg or back VAS (pain) score between 40 and 90 mm on a 100 mm scale. (moderate to severe pain)",
        intensity_below(4),
        "average pain 0-3/10",
    ),
    (
        "Previous spine surgery in the lumbar region or adjacent to the disc of interest",
        surgery_ever,
        "has had back surgery",
    ),
    ("Women who are pregnant", pregnant, "pregnant"),
    ("Worker's compensation, injury litigation, disability remuneration", litigation, "lawsuit/compensation claim"),
    ("Smoker", smoker, "smokes"),
]

A["NCT01367860"] = [
    (
        "single disc herniation, posterolateral, at any lumbar level, with a size of up to 1 / 3 of the spinal canal sagittal diameter, with radicular pain correlated with findings at MRI",
        no_leg_pain,
        "no radiating leg pain",
    ),
    (
        "Failure of nonoperative treatment with at least one anti-inflammatory medication and at least two weeks of physical therapy within a period of 6 months",
        not_tried("physical_therapy"),
        "has not tried physical therapy",
    ),
    ("Pregnancy", pregnant, "pregnant"),
]

A["NCT01811251"] = [
    ("Patients previously operated for lumbar spinal surgery.", surgery_ever, "has had back surgery"),
    ("Drug addiction.", substance, "alcohol/drug addiction"),
    ("Pregnant or nursing women.", pregnant, "pregnant"),
]

A["NCT01978912"] = [
    (
        "Subject has leg pain with a documented positive straight leg raise (SLR) test or femoral stretch test (FST).",
        no_leg_pain,
        "no leg pain",
    ),
    (
        "Subject has experiences herniated disc symptoms for at least 6 weeks prior to the study without relief with pain medications and other therapies.",
        duration_below(1.4),
        "symptoms for less than 6 weeks",
    ),
    ("Subject has a BMI of 18 to 35 kg/m2", gt("bmi", 35), "BMI above 35"),
    (
        "Previous intradiscal therapeutic intervention or has had any lumbar surgery",
        surgery_ever,
        "has had back surgery",
    ),
    ("Active smoker or is unable to abstain from tobacco use for 2 weeks prior to study injection", smoker, "smokes"),
    (
        "Subject has a history or presence of significant cardiovascular, pulmonary, hepatic, renal, hematologic, gastrointestinal, endocrine, immunologic, dermatologic, neurologic, or psychiatric disease",
        any_of(heart, inflammatory, neuro, psych),
        "heart, immune (inflammatory arthritis), neurological or severe psychiatric disease",
    ),
]

A["NCT02120703"] = [
    ("30-60 years age", any_of(lt("age", 30), gt("age", 60)), "age outside 30-60"),
    ("history of steroids or alcohol use,", takes("oral_corticosteroid"), "has taken oral corticosteroids"),
    ("use of anticonvulsant drugs,", takes("gabapentinoid"), "takes gabapentin/pregabalin (anticonvulsants)"),
    ("Obesity (BMI \\>30)", gt("bmi", 30), "BMI above 30"),
]

A["NCT02300909"] = [
    ("Non-English speaking patients", no_english, "does not speak English well"),
    (
        "Non-surgical candidate defined as any patient deemed by the surgeon not to be a surgical candidate cannot participate for the following reasons: that patient does not meet indications for lumbar laminectomy or microdiscectomy surgery, patient has a contraindication to surgery such as medical comorbidities, pregnancy, etc.",
        pregnant,
        "pregnant (named contraindication)",
    ),
    (
        "Is involved in worker's compensation or other litigation relative to the spine injury",
        litigation,
        "compensation claim/lawsuit about this pain",
    ),
    (
        "Has a history of drug or alcohol abuse within the last 12 months",
        substance,
        "alcohol/drug addiction in the past year",
    ),
    ("Previous spinal surgery", surgery_ever, "has had spine surgery"),
    (
        "Has signs or symptoms of any disease, such as autoimmune disease, which could result in allograft failure, or has experienced allograft failure in the past",
        inflammatory,
        "autoimmune inflammatory arthritis",
    ),
]

A["NCT02384928"] = [
    (
        "Sciatica patients with an average sciatic pain NRS of 5 or higher during the preceding 3 days",
        any_of(no_leg_pain, intensity_below(5)),
        "no sciatica, or average pain below 5",
    ),
    (
        "Onset of at least 4 weeks previous for current sciatic pain episode",
        duration_below(0.9),
        "pain for under 4 weeks",
    ),
    (
        "Non-spinal or soft tissue pathologies which may cause LBP or sciatic pain (e.g. spinal tumors, rheumatic arthritis)",
        inflammatory,
        "inflammatory (rheumatic) arthritis",
    ),
    ("Pregnancy", pregnant, "pregnant"),
    (
        "History of spinal surgery, or spinal pathologies other than LDH (e.g. spinal dislocation, fracture)",
        any_of(surgery_ever, fracture),
        "has had spine surgery or a spine fracture",
    ),
    (
        "Patients for whom acupuncture may be inappropriate or unsafe (e.g. hemorrhagic diseases, blood clotting disorders, history of anti-coagulation medicine, severe diabetes with risk of infection, severe cardiovascular diseases or other conditions deemed unsuitable)",
        bleeding,
        "bleeding disorder or blood thinners",
    ),
]

A["NCT02598232"] = [
    (
        "Patients with moderate disability based on the Oswestry Disability Index (ODI), among those diagnosed with a single level of unilateral herniated intervertebral disc among the 3rd-4th and 4th-5th lumbar vertebrae, or the 5th lumbar vertebra-sacral vertebra with back pain or radiating pain in the lower extremities that has been unresponsive to conservative therapy for more than six weeks",
        any_of(duration_below(1.4), no_back_nor_leg_pain),
        "pain for less than 6 weeks, or neither back pain nor radiating leg pain",
    ),
    # Second pass: "coagulation disorder" alone is not violated by bleeding_risk, which also covers
    # people who only take blood thinners (see README, resolved disagreements).
    (
        "Patients with a history of malignant tumor (except those with a cured tumor and no re- occurrence for the last five years)",
        cancer,
        "cancer within the past 5 years",
    ),
    (
        "Patients who had participated in another clinical study within 30 days from their screening visit",
        other_trial,
        "in another trial now or in the past 30 days",
    ),
    ("Patients who are pregnant or breastfeeding", pregnant, "pregnant"),
]

A["NCT02609854"] = [
    (
        "Diagnosis of Chronic low back pain, may be secondary to herniated nucleus pulposus (HNP) or other causes",
        lambda p: "pain_areas" in p and "low_back" not in p["pain_areas"],
        "no low back pain",
    ),
    (
        "Has Numeric Rating Scale (NRS) pain severity score of at least 4 for a minimum 5 days over the 1 week Baseline Period prior to being randomized to treatment",
        intensity_below(4),
        "average pain 0-3/10",
    ),
    ("Pain lasting \\>3 months", lambda p: p.get("pain_duration_months", 99) <= 3, "pain for 3 months or less"),
    (
        "Has the presence of radicular pain as assessed by a health care practitioner",
        no_leg_pain,
        "no radiating leg pain",
    ),
    ("Is pregnant.", pregnant, "pregnant"),
    ("Has a known neuropathy (disease of the brain or spinal nerves).", neuro, "neurological disease"),
    ("Has BMI ≥30", lambda p: p.get("bmi", 0) >= 30, "BMI 30 or more"),
]

# NCT03101033: "Diabetes mellitus with uncontrolled blood glucose" and "Severe osteoporosis" are not
# settled by a yes/no answer (control and severity are not asked).
A["NCT03101033"] = [
    # Second pass: the bladder/bowel question asks exactly about impaired cauda equina function.
    (
        "Impaired function of cauda equina",
        true("bladder_or_bowel_problems"),
        "new bladder/bowel control trouble or groin numbness",
    ),
]

A["NCT03236753"] = [
    (
        "Radiating pain matched with severer abnormality than bulging shown by CT or MRI on lumbar spine",
        no_leg_pain,
        "no radiating pain",
    ),
    ("40 or higher low back pain on 100mm pain VAS", intensity_below(4), "average pain 0-3/10"),
    ("Congenital abnormalities or surgical history on lumbar regions", surgery_ever, "has had back surgery"),
    (
        "Red flag signs that may be suspected of cauda equina syndrome, such as bladder and bowel dysfunction or saddle anesthesia",
        true("bladder_or_bowel_problems"),
        "new bladder/bowel trouble or groin numbness",
    ),
    (
        "Inappropriate condition for thread-embedding acupuncture due to skin disease or hemostatic disorder (PT INR \\> 2.0 or taking anticoagulant)",
        bleeding,
        "bleeding disorder or blood thinners",
    ),
    (
        "Other diseases that could affect or interfere with therapeutic outcomes, including severe gastrointestinal disease, cardiovascular disease, hypertension, diabetes, renal disease, liver disease or thyroid disorder",
        any_of(heart, diabetes),
        "heart disease or diabetes",
    ),
    ("Pregnant women or other inappropriate condition for thread-embedding acupuncture", pregnant, "pregnant"),
]

A["NCT03386149"] = [
    (
        "Radiating pain matched with severer abnormality than bulging shown by CT or MRI on lumbar spine",
        no_leg_pain,
        "no radiating pain",
    ),
    (
        "low back pain between 40 and 80 point on 100mm pain visual analogue scale",
        intensity_below(4),
        "average pain 0-3/10",
    ),
    ("Congenital abnormalities or surgical history on lumbar regions", surgery_ever, "has had back surgery"),
    (
        "Red flag signs that may be suspected of cauda equina syndrome, such as bladder and bowel dysfunction or saddle anesthesia",
        true("bladder_or_bowel_problems"),
        "new bladder/bowel trouble or groin numbness",
    ),
    (
        "Other diseases that could affect or interfere with therapeutic outcomes, including severe gastrointestinal disease, cardiovascular disease, hypertension, diabetes, renal disease, liver disease or thyroid disorder",
        any_of(heart, diabetes),
        "heart disease or diabetes",
    ),
    (
        "Inappropriate condition for acupuncture due to skin disease or hemostatic disorder (PT INR \\> 2.0 or taking anticoagulant)",
        bleeding,
        "bleeding disorder or blood thinners",
    ),
    ("Women who is pregnant, breastfeeding or having pregnancy plan", pregnant, "pregnant"),
    ("participation in other clinical trial with 1 month", other_trial, "in another trial now or in the past 30 days"),
]

A["NCT03571503"] = [
    (
        "Inpatients with radiating leg pain distal to the gluteal fold with or without low back pain (LBP)",
        no_leg_pain,
        "no radiating leg pain",
    ),
    (
        "Patients with onset of radiating leg pain occurrence within the last six months, and current pain intensity of numeric rating scale (NRS) ≥5",
        any_of(duration_above(6), intensity_below(5)),
        "pain for more than 6 months, or average pain below 5",
    ),
    (
        "Patients with soft tissue pathologies or pathologies of non-spinal origin that may cause LBP or radiating leg pain (e.g. spinal tumor, rheumatoid arthritis)",
        inflammatory,
        "inflammatory (rheumatoid-type) arthritis",
    ),
    (
        "Patients for whom acupuncture treatment may be inappropriate or unsafe (e.g. hemorrhagic diseases, blood clotting disorders, history of anti-coagulation medicine intake, serious diabetes with risk of infection, severe cardiovascular diseases, or other conditions deemed unsuitable for acupuncture treatment)",
        bleeding,
        "bleeding disorder or blood thinners",
    ),
    ("Pregnant patients or patients planning pregnancy", pregnant, "pregnant"),
    ("Patients with serious psychological disorders", psych, "severe psychiatric condition"),
    (
        "Participating in other clinical studies other than observational studies",
        other_trial,
        "in another clinical trial now",
    ),
]

A["NCT03607838"] = [
    (
        "Subjects with radiculopathy/radicular leg pain in the unilateral leg for 6 weeks or more but 1 year or less.",
        any_of(no_leg_pain, duration_below(1.4), duration_above(12)),
        "no radiating leg pain, or leg pain under 6 weeks or over a year",
    ),
    ("Subjects with a body mass index (BMI) ≥40.", lambda p: p.get("bmi", 0) >= 40, "BMI 40 or more"),
    (
        "Subjects who are receiving compensation according to the Workers' Compensation Act or are involved in personal injury litigation due to a lumbar-related injury.",
        litigation,
        "compensation claim/lawsuit about this pain",
    ),
]

A["NCT03784144"] = [
    ("Age between 20-50 years.", any_of(lt("age", 20), gt("age", 50)), "age outside 20-50"),
    (
        "Surgery of lumbar discectomy or lumbar arthrodesis with at least 3 months of evolution.",
        any_of(all_of(lambda p: "spine_surgery_months_ago" not in p, not_tried("spine_surgery")), surgery_within(3)),
        "no back surgery (or surgery under 3 months ago)",
    ),
    (
        "Recent trauma (\\<6 months).",
        all_of(true("recent_trauma"), duration_below(6)),
        "pain began after an injury in the past 6 months",
    ),
    ("Use of corticosteroids.", takes("oral_corticosteroid"), "takes oral corticosteroids"),
    ("Pregnancy.", pregnant, "pregnant"),
    (
        "History of rheumatological diseases.",
        any_of(inflammatory, fibromyalgia),
        "inflammatory arthritis or fibromyalgia",
    ),
]

A["NCT03835182"] = [
    (
        "3) history of low back pain for greater than three months",
        any_of(
            lambda p: p.get("pain_duration_months", 99) <= 3,
            lambda p: "pain_areas" in p and "low_back" not in p["pain_areas"],
        ),
        "pain for 3 months or less, or no low back pain",
    ),
    (
        "1)lower extremity neurological deficit, 2) infectious, inflammatory, metabolic, neoplastic, abdominal, pelvic aetiology of back pain. 3) a history of vertebral fracture, spinal surgery, spondylolisthesis 4) heat intolerance/medical contraindication to thermal treatment 5) presence of metal prosthesis",
        any_of(fracture, surgery_ever, inflammatory),
        "spine fracture, spine surgery, or inflammatory back pain",
    ),
]

A["NCT03924700"] = [
    (
        "patients who has radiating pain (VAS \\>=40) on lower extremities with HIVD",
        any_of(no_leg_pain, intensity_below(4)),
        "no radiating leg pain or pain 0-3/10",
    ),
    (
        "patients with a history of other spinal diseases (compression fracture, spondylitis, tumor)",
        fracture,
        "spine fracture",
    ),
    (
        "women with positive pregnancy tests before the trial or who planned to become pregnant within the following 3 years",
        pregnant,
        "pregnant",
    ),
    (
        "patients with a history of malignant tumor or malignant diseases (but the cases of cured disease with no relapse for the past 5 years were included in the present study)",
        cancer,
        "cancer within the past 5 years",
    ),
]

A["NCT03933150"] = [
    (
        "Patients with LDP with unilateral radiculopathy diagnosed by routine clinical examination and MRI,",
        no_leg_pain,
        "no radiating leg pain",
    ),
    (
        "Vertebral fractures, direct trauma, spinal inflammatory disease, spinal infection, bleeding tendency, LBP with tumors, bilateral radiculopathy, cauda equina syndrome, spinal canal stenosis, post-laminectomy surgery, diabetic and hypertensive patients.",
        any_of(bleeding, diabetes, all_of(fracture, true("recent_trauma"))),
        "bleeding tendency, diabetes, or spine fracture after trauma",
    ),
]

A["NCT04049812"] = [
    (
        "Unilateral radicular pain for at least 3 months",
        any_of(no_leg_pain, duration_below(3)),
        "no radiating leg pain, or pain under 3 months",
    ),
    ("Severity of radicular pain with Visual Analog Score of at least 4/10", intensity_below(4), "pain 0-3/10"),
    ("Pregnancy or lactation", pregnant, "pregnant"),
    (
        "Cardiac pacemaker, or any metal implants or electronic devices anywhere in the body",
        device,
        "implanted electronic device",
    ),
    (
        "History of surgery or algological procedure of the lumbar region",
        any_of(
            surgery_ever,
            lambda p: "spinal_injection_months_ago" in p,
            tried("spinal_injection"),
            tried("radiofrequency_ablation"),
        ),
        "back surgery or a spinal pain procedure (injection, radiofrequency)",
    ),
    (
        "Physical therapy within the last year due to back pain",
        all_of(tried("physical_therapy"), lambda p: p.get("pain_duration_months", 99) <= 12),
        "physical therapy for a pain that began within the last year",
    ),
    ("Malignancy or suspicion", cancer, "cancer within the past 5 years"),
    ("Presence of inflammatory joint pain", inflammatory, "inflammatory arthritis"),
    ("Fibromyalgia", fibromyalgia, "fibromyalgia"),
    ("Advanced mood disorder", psych, "severe psychiatric condition (severe depression/bipolar)"),
]

A["NCT04134910"] = [
    (
        "Current activity limiting low back pain",
        lambda p: "pain_areas" in p and "low_back" not in p["pain_areas"],
        "no low back pain",
    ),
    ("Documented history of prior spinal surgery", surgery_ever, "has had spine surgery"),
    ("pregnancy", pregnant, "pregnant"),
    ("implanted electronic devices", device, "implanted electronic device"),
]

A["NCT04276519"] = [
    (
        "Lumbosacral radiculopathy with symptoms of radicular pain, sensation dysfunction, and motor dysfunction proved by EMG diagnostics.",
        no_leg_pain,
        "no radiating leg pain",
    ),
    ("Age older than 60", gt("age", 60), "older than 60"),
]

A["NCT04305509"] = [
    (
        "Also excluded will be patients with previous spinal surgery, signs of cauda equina syndrome (CES), sequestration of disc material, body mass index \\>30, spondylolisthesis, neurogenic claudication and pregnancy.",
        any_of(surgery_ever, true("bladder_or_bowel_problems"), gt("bmi", 30), pregnant),
        "spine surgery, bladder/bowel signs of CES, BMI over 30, or pregnant",
    ),
]

A["NCT04728685"] = [
    ("Back pain for less than 3 months", lambda p: p.get("pain_duration_months", 0) >= 3, "pain for 3 months or more"),
    (
        "Positive unilateral Straight Leg Raise test which includes reports of back and leg pain or paraesthesia below 45-degree hip flexion",
        all_of(no_leg_pain, false("numbness_or_weakness")),
        "neither leg pain nor leg numbness/tingling",
    ),
    ("Malignancy, Tuberculosis, Osteoporosis, Osteomyelitis of the vertebral column", osteoporosis, "osteoporosis"),
    (
        "Cord compression, Pregnancy, Hypertension, Cardiovascular disease, Joint hyper mobility",
        any_of(pregnant, heart),
        "pregnant or heart disease",
    ),
]

A["NCT04833270"] = [
    (
        "Numeric rating scale (NRS) score of radiating pain 5 or more for recent 3 serial days.",
        any_of(no_leg_pain, intensity_below(5)),
        "no radiating pain, or pain below 5",
    ),
    ("Onset time of radiating pain occurred within 12 weeks.", duration_above(3), "pain for more than 12 weeks"),
    (
        "Soft tissue diseases that can induce low back pain(ie. cancer, fibromyalgia, rheumatoid arthritis, gout,etc)",
        any_of(cancer, fibromyalgia, inflammatory),
        "cancer, fibromyalgia or inflammatory arthritis",
    ),
    (
        "Hemorrhagic disease, severe diabetes or taking anticoagulant drug",
        bleeding,
        "bleeding disorder or blood thinners",
    ),
    ("Pregnant or lactating women", pregnant, "pregnant"),
    (
        "Participants who had participated in other clinical trial within 1 month, or have plan for participation in other trial during follow up period of this trial",
        other_trial,
        "in another trial now or in the past 30 days",
    ),
]

A["NCT05326594"] = [
    (
        "Aged 18-50 years old",
        any_of(lt("age", 18), gt("age", 50)),
        "age outside 18-50 (structured minimum is 18 Months)",
    ),
]

A["NCT05375201"] = [
    ("previous lumbar surgery", surgery_ever, "has had back surgery"),
    ("neurological disorder such as stroke or spinal cord injury", neuro, "neurological disease"),
    ("metabolic disease such as diabetes mellitus", diabetes, "diabetes"),
]

# NCT05375500: cognitive impairment, motion sickness, seizures, skin infection, blood clots: none asked.
A["NCT05375500"] = []

A["NCT05484791"] = [
    ("Be between the ages of 18 and 65", any_of(lt("age", 18), gt("age", 65)), "age outside 18-65"),
    ("History Of Spinal Surgery", surgery_ever, "has had spine surgery"),
    (
        "History Of Autoimmune Disease (Ankylosing Spondylitis, Rheumatoid Arthritis Or Other Disease)",
        inflammatory,
        "inflammatory (autoimmune) arthritis",
    ),
    ("Cardiac Pathology", heart, "heart disease"),
    ("Osteoporosis", osteoporosis, "osteoporosis"),
]

A["NCT05549596"] = [
    ("Body mass index (BMI) 18.5 over to less than 30", lambda p: p.get("bmi", 0) >= 30, "BMI 30 or more"),
    ("Subject with fibromyalgia, dystonia, and epilepsy", fibromyalgia, "fibromyalgia"),
]

A["NCT05615597"] = [
    (
        "Chronic medial or lateralized (same side as MODIC 1) low back pain for at least 3 months with a mean pain intensity ≥ 40/100 mm on a VAS.",
        any_of(
            duration_below(3), intensity_below(4), lambda p: "pain_areas" in p and "low_back" not in p["pain_areas"]
        ),
        "no low back pain, pain under 3 months, or pain 0-3/10",
    ),
    ("Patients with a history of lumbar spine surgery.", surgery_ever, "has had back surgery"),
    (
        "Patients on anticoagulant or antiaggregant therapy, or with a coagulation disorder.",
        bleeding,
        "bleeding disorder or blood thinners",
    ),
    (
        "Patient with sphincter disturbances indicative of cauda equina syndrome.",
        true("bladder_or_bowel_problems"),
        "new bladder/bowel control trouble",
    ),
    ("Pregnancy (βHCG positive), breastfeeding", pregnant, "pregnant"),
    ("Patient participating in an interventional study", other_trial, "in another clinical trial now"),
]

A["NCT05626283"] = [
    (
        "Patients with clinical and radiological evidence of L4-L5 disc prolapse manifesting as radicular pain and/or low back pain unresponsive to medical treatment and physiotherapy over a period of at least three months.",
        any_of(duration_below(3), not_tried("physical_therapy"), no_back_nor_leg_pain),
        "pain under 3 months, no physiotherapy tried, or neither back nor radicular pain",
    ),
    (
        "History of spinal surgery, spinal trauma, spinal deformities, spinal neoplasm or any spinal inflammatory lesion, hip osteoarthritis or sacroiliitis.",
        any_of(surgery_ever, all_of(fracture, true("recent_trauma"))),
        "spine surgery, or spine fracture with pain after a fall",
    ),
    ("Pregnant women were excluded", pregnant, "pregnant"),
]

A["NCT05659342"] = [
    (
        "Patients having Lumbar radiculopathy diagnosed with lumbar disc herniation.",
        no_leg_pain,
        "no radiating leg pain",
    ),
    (
        "recent back surgery and patient whom surgery for lumbar disc herniation/prolapse intervertebral disc already advised by neurosurgeon",
        surgery_within(6),
        "back surgery 4 months ago (recent)",
    ),
]

A["NCT05753579"] = [
    (
        "Having pain of at least 3 levels or more according to the Visual Analogue Scale",
        intensity_below(3),
        "pain 0-2/10",
    ),
    ("History of spinal surgery", surgery_ever, "has had spine surgery"),
    (
        "History of autoimmune disease (ankylosing spondylitis, rheumatoid arthritis or other)",
        inflammatory,
        "inflammatory (autoimmune) arthritis",
    ),
    ("Heart pathology", heart, "heart disease"),
    ("Pregnancy", pregnant, "pregnant"),
]

A["NCT06359470"] = [
    (
        "All patients had a second-grade disc bulge (2-3mm) which was detected from the T2 axial view of MRI. All patients had radiculopathy due to lumbar disc prolapse. The diagnosis was confirmed by physical, neurological examination (motor assessment, sensory assessment, reflexes), and radiological assessment (CT or MRI)",
        no_leg_pain,
        "no radiating leg pain",
    ),
    (
        "bilateral and multilevel disc prolapse, sequestrated , migrated and disc herniation defined by MRI , acute onset of pain (pain less than three months), presence of active infection in the lumbar spine, any spinal deformities e.g., moderate, or severe scoliosis deformity (Cobb angle ≥ 25°), postoperative cases, Cauda equine lesion, the presence of any comorbidities, history of patients who suffered from cancer, unexplained weight loss, immunosuppression, prolonged use of steroids, intravenous drug use, urinary tract infection, pain that is increased or unrelieved by rest, fever, significant trauma related to age, bladder or bowel incontinence, urinary retention (with overflow incontinence), saddle anesthesia, loss of anal sphincter tone, major motor weakness in lower extremities, fever, and vertebral tenderness",
        any_of(
            duration_below(3),
            surgery_ever,
            cancer,
            true("weight_loss"),
            true("fever"),
            true("bladder_or_bowel_problems"),
            heart,
            diabetes,
            inflammatory,
            neuro,
            psych,
            substance,
            osteoporosis,
        ),
        "pain under 3 months, spine surgery, cancer, weight loss, fever, bladder/bowel trouble, or a comorbidity",
    ),
]

A["NCT06503835"] = [
    (
        "Files of patients underwent transforaminal epidural steroid or combination of steroid and ozone injection",
        not_tried("spinal_injection"),
        "has not had a spinal injection",
    ),
    ("Body mass index (BMI) \\<35,", lambda p: p.get("bmi", 0) >= 35, "BMI 35 or more"),
    ("VAS score ≥ 4", intensity_below(4), "pain 0-3/10"),
    (
        "Radicular pain not responding to conservative therapy related to lumbar disk herniation on magnetic resonance imaging",
        no_leg_pain,
        "no radiating leg pain",
    ),
    ("Duration of pain of \\>3 months", lambda p: p.get("pain_duration_months", 99) <= 3, "pain for 3 months or less"),
    ("Pregnancy", pregnant, "pregnant"),
    ("Infective or inﬂammatory diseases", inflammatory, "inflammatory arthritis"),
    ("Malignancy", cancer, "cancer within the past 5 years"),
]

A["NCT06508918"] = [
    (
        "Meeting the diagnostic criteria for failed back surgery syndrome",
        all_of(lambda p: "spine_surgery_months_ago" not in p, not_tried("spine_surgery")),
        "has not had back surgery",
    ),
    (
        "Radicular pain that begins any time after surgery and lasts for at least 6 months",
        any_of(no_leg_pain, surgery_within(6), duration_below(6)),
        "no radiating leg pain, or pain/surgery less than 6 months ago",
    ),
    ("Nrs equal to or greater than 4", intensity_below(4), "pain 0-3/10"),
    ("Isolated axial low back pain", no_leg_pain, "back pain without leg pain"),
    (
        "History of adverse statements against local anesthesia or steroids being pregnant or breastfeeding",
        pregnant,
        "pregnant",
    ),
]

A["NCT06525896"] = [
    (
        "Diagnosis of chronic LBP for a minimum of 3 months caused by pathological intervertebral disc, degenerative disc disease, posterior facet syndrome, and/or sciatica.",
        any_of(duration_below(3), lambda p: "pain_areas" in p and "low_back" not in p["pain_areas"]),
        "pain under 3 months or no low back pain",
    ),
    (
        "Known serious spinal pathology (e.g., vertebral fracture, tumor, osteoporosis)",
        any_of(osteoporosis, fracture),
        "osteoporosis or spine fracture",
    ),
    ("Other chronic pain conditions", fibromyalgia, "fibromyalgia"),
    ("Pregnancy", pregnant, "pregnant"),
]

A["NCT06569069"] = [
    (
        "presence of neuropathic symptomatology in the path of the tibial nerve",
        all_of(no_leg_pain, false("numbness_or_weakness")),
        "no leg pain, numbness or tingling",
    ),
    (
        "presence of posterolateral disc herniation of the L4-L5 and/or L5-S1 vertebral segment of more than 3 months of evolution diagnosed by magnetic resonance imaging",
        lambda p: p.get("pain_duration_months", 99) <= 3,
        "pain for 3 months or less",
    ),
    ("cardiovascular or nervous pathology of medical relevance", any_of(heart, neuro), "heart or neurological disease"),
    ("surgical history in the lumbar region", surgery_ever, "has had back surgery"),
    ("pregnant women", pregnant, "pregnant"),
]

A["NCT06615518"] = [
    (
        "Patients aged 18-85 years with symptoms of sciatica lasting more than 6 weeks",
        no_leg_pain,
        "no sciatica (duration has a stated exception)",
    ),
    ("Previous lumbar spine surgery in the lumbar-sacral region", surgery_ever, "has had back surgery"),
    ("Pregnancy", pregnant, "pregnant"),
]

A["NCT01534065"] = [
    (
        "At least six (6) weeks of failed, conservative treatment prior to surgery, including physical therapy, use of anti-inflammatory medications at maximum specified dosage and/or administration of epidural/facet injections.;",
        duration_below(1.4),
        "pain for less than 6 weeks",
    ),
    (
        "Lower back pain and/or sciatica with or without spinal claudication.",
        no_back_nor_leg_pain,
        "neither back pain nor sciatica",
    ),
    ("VAS leg pain of at least 40/100 at baseline.", no_leg_pain, "no leg pain"),
    (
        "Subject has cauda equine syndrome or neurogenic bowel/bladder dysfunction.",
        true("bladder_or_bowel_problems"),
        "new bladder/bowel control trouble",
    ),
    (
        "Subject is morbidly obese (defined as a body mass index \\>40, or weighs more than 100 lbs over ideal body weight).",
        gt("bmi", 40),
        "BMI over 40",
    ),
    (
        "Subject has been diagnosed with rheumatoid arthritis or other autoimmune disease.",
        inflammatory,
        "inflammatory (autoimmune) arthritis",
    ),
    ("Subject is pregnant or interested in becoming pregnant in the next three (3) years.", pregnant, "pregnant"),
    (
        "Subject has a current chemical/alcohol dependency or significant psychosocial disturbance.",
        any_of(substance, psych),
        "addiction or severe psychiatric condition",
    ),
]

A["NCT04042844"] = [
    (
        "Chronic Lower Back Pain for at least 6 months",
        any_of(duration_below(6), lambda p: "pain_areas" in p and "low_back" not in p["pain_areas"]),
        "no low back pain, or pain under 6 months",
    ),
    (
        "Screening of ≥ 40 mm and ≤ 80 mm on low back pain visual analog scales (VAS) (average pain in the last week)",
        intensity_below(4),
        "average pain 0-3/10",
    ),
    (
        "Thigh or Leg pain, if present, is non prevailing and of nonradicular origin, i.e., not due to stimulation of nerve roots or dorsal root ganglion of a spinal nerve by compressive forces",
        true("leg_pain_worse_than_back"),
        "leg pain is worse than back pain (prevailing)",
    ),
    (
        "No evidence of contraindications to the procedure such as pregnancy, active infection, bleeding disorder, or metastatic cancer.",
        pregnant,
        "pregnant",
    ),
    (
        "Extreme obesity, as defined by National Institute of Health (NIH) Clinical Guidelines Body Mass Index (BMI \\>40",
        gt("bmi", 40),
        "BMI over 40",
    ),
    (
        "Has undergone any previous lumbosacral spine surgery (e.g. discectomy, laminectomy, foraminotomy, fusion, intradiscal electrothermal therapy, intradiscal radiofrequency thermocoagulation.) or therapeutic percutaneous disc intervention",
        surgery_ever,
        "has had back surgery",
    ),
    (
        "Known autoimmune disease (e.g., systemic lupus erythematosus)",
        inflammatory,
        "inflammatory (autoimmune) arthritis",
    ),
    ("Pregnant or lactating women", pregnant, "pregnant"),
    (
        "History of using nicotine delivery products (active within 3 months of study treatment prior to informed consent date)",
        smoker,
        "smokes",
    ),
    (
        "Actively on workers compensation or no-fault case for this complaint or any other active case or litigation pertaining to their lumbosacral pain",
        litigation,
        "compensation claim/lawsuit about this pain",
    ),
]

A["NCT06053242"] = [
    (
        "Subjects must have failed at least two standard of care (SOC) therapies before being enrolled in the study: 1) exercise/physical therapy; 2) oral analgesic including nonsteroidal anti-inflammatory drugs (NSAIDs) and acetaminophen; 3) skeletal muscle relaxants. Subjects must have tried each SOC therapy for at least 3 months before failure is determined.",
        duration_below(3),
        "pain for under 3 months, too short to have failed 3-month therapies",
    ),
    (
        "Proof for one of the following tests already performed in the clinical care of the patient for lower back pain: 1) MRI scan demonstrating at least one disc level with grade II or greater disc degeneration using the Pfirrmann grading system; 2) Oswestry Disability Index for Back Pain score of 21-80%; 3) Visual Analogue Scale for pain of \\>5 on a scale of 0-10.",
        lambda p: "pain_areas" in p and "low_back" not in p["pain_areas"],
        "no low back pain",
    ),
    (
        "Female subjects must not be breast feeding and must have no intention to become pregnant during the study, and she is using contraceptive drugs or devices.",
        pregnant,
        "pregnant, breastfeeding or planning pregnancy",
    ),
    ("History of cancer in the last five years.", cancer, "cancer within the past 5 years"),
    ("Positive pregnancy test.", pregnant, "pregnant"),
    ("Recent smoking history or substance abuse (within six weeks).", smoker, "smokes now"),
    ("Body Mass Index (BMI) \\> 40 kg/m2.", gt("bmi", 40), "BMI over 40"),
]
