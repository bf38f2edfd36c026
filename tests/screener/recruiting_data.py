"""Test candidates built on REAL trials: NCT ids and criteria lines quoted from the embedded snapshot.

The outcomes are what a plausible profile would get; they are written out here (not computed by
the engine) so the store and export tests do not depend on the matcher.
"""

from __future__ import annotations

from criteria.model import CriterionResult, Kind, Outcome, TrialResult, Verdict
from screener.candidates import ContactDetails, TrialSubmission

INC, EXC = Kind.INCLUSION, Kind.EXCLUSION
P, F, U = Outcome.PASS, Outcome.FAIL, Outcome.UNKNOWN

#: (kind, text quoted from the record, concepts, open keys) for three recruiting back/spine trials.
CRITERIA = {
    # The SPINUS II Study: Spinal Fusion for Multilevel SPECT/CT Positive Lumbar Degeneration
    "NCT04893720": (
        (
            INC,
            "Lower back pain (in extension +/- pain in buttocks, groin, thigh) without radicular pain",
            ("pain_areas", "leg_pain_radiating"),
        ),
        (
            INC,
            "Symptoms > 6 months after the failure of conservative management in the primary care setting",
            ("pain_duration_months",),
        ),
        (INC, "MRI signs of degenerative disc disease or facet arthropathy", ()),
        (INC, "Two- or more levels of positivity on lumbar SPECT/CT", ()),
        (EXC, "Other spinal pathology (tumors, congenital defects, spondylolysis, or spondylolisthesis)", ("cancer",)),
        (EXC, "Intolerance of SPECT examination", ()),
        (EXC, "Pregnancy", ("pregnant",)),
    ),
    # Open Access Database of Standing Full Body Radiographs in Asymptomatic Volunteers
    "NCT03076658": (
        (INC, "Males and females age 21-85 without a history of spine surgery.", ("age", "treatments_tried")),
        (EXC, "History of spine or neural axis surgery", ("treatments_tried",)),
        (EXC, "History of cancer with or without metastatic disease", ("cancer",)),
        (EXC, "Pregnant women", ("pregnant",)),
        (EXC, "BMI >37", ("bmi",)),
    ),
    # Effect of Pre-existing Adjacent Segment Degeneration on Long-term Effectiveness After Lumbar Fusion Surgery
    "NCT04467944": (
        (INC, "Failed at least eight weeks conservative treatment;", ("treatments_tried",)),
        (EXC, "Lumbar infection and/or tumor diseases;", ("cancer",)),
        (EXC, "A previous history of lumbar fusion surgery.", ("treatments_tried",)),
    ),
}
TRIALS = tuple(CRITERIA)

PROFILE = {
    "condition": "Lower back pain",
    "diagnosed": True,
    "age": 54,
    "sex": "female",
    "pain_areas": ["low_back"],
    "leg_pain_radiating": False,
    "pain_duration_months": 14,
    "cancer": False,
    "treatments_tried": ["physical_therapy"],
    "location": {"postal_code": "02115", "country": "United States"},
}


def trial_result(nct_id: str, outcomes: tuple[Outcome, ...] | None = None) -> TrialResult:
    """The trial's real criteria with ``outcomes`` (default: pass where a concept is answered, else unknown)."""
    rows = CRITERIA[nct_id]
    results = []
    for index, (kind, text, concepts) in enumerate(rows):
        answered = bool(concepts) and all(c in PROFILE for c in concepts)
        outcome = outcomes[index] if outcomes else (P if answered else U)
        open_keys = () if outcome is not U else tuple(c for c in concepts if c not in PROFILE)
        reason = {P: "answered: meets it", F: "answered: rules the person out", U: "to be checked by the study team"}[
            outcome
        ]
        results.append(CriterionResult(kind, text, outcome, concepts, reason, index, open_keys))
    if any(r.outcome is F for r in results):
        verdict = Verdict.EXCLUDED
    elif any(r.outcome is U for r in results):
        verdict = Verdict.POSSIBLE
    else:
        verdict = Verdict.LIKELY
    questions = tuple(dict.fromkeys(k for r in results for k in r.open_keys))
    return TrialResult(nct_id, verdict, tuple(results), questions)


def submission(
    nct_id: str, outcomes: tuple[Outcome, ...] | None = None, *, miles: float | None = 12.5
) -> TrialSubmission:
    site = {
        "NCT04893720": "Aarhus University Hospital",
        "NCT03076658": "Columbia University",
        "NCT04467944": "Peking University Third Hospital",
    }
    return TrialSubmission(trial_result(nct_id, outcomes), "2025-06-17", miles, site[nct_id])


def contact(
    name: str = "Ana Pérez", *, email: str | None = "ana@example.org", phone: str | None = None
) -> ContactDetails:
    return ContactDetails(name=name, email=email, phone=phone, preferred_contact="email" if email else "phone")
