"""Radicular diagnoses required by an inclusion are not met by someone whose pain does not spread down the leg.

Every line is quoted from a real record. An "or" joining two tests inside one item of a list closed by "and"
does not make the radiculopathy optional; a list of examples ("including; myelopathy, radiculopathy, ...") still
does.
"""

from __future__ import annotations

import pytest

from criteria import Kind, Outcome
from tests.criteria.conftest import is_real, judge_line

INC = Kind.INCLUSION
PASS, FAIL, UNKNOWN = Outcome.PASS, Outcome.FAIL, Outcome.UNKNOWN
NO_SCIATICA = {"leg_pain_radiating": False, "pain_areas": ["low_back"]}
SCIATICA = {"leg_pain_radiating": True, "pain_areas": ["low_back", "leg"]}

PROLAPSE = (
    "lumbar disc prolapse with unilateral radiculopathy, on clinical evaluation, positive straight leg raise or "
    "femoral stretch test, and identification of a single nerve root lesion on MRI"
)
RADICULALGIA = "radiculalgia related to lumbar disc herniation with clinical radiological concordance"
LEG_AND_BACK = "Severe leg and back pain associated with large LDH"
EXAMPLES = (
    "Diagnosis of symptomatic degenerative disc disease, including; myelopathy, radiculopathy, myeloradiculopathy, "
    "stenosis, herniated nucleus pulposus, spondylosis, osteophyte complexes, and foraminal stenosis"
)

# (behaviour, kind, criterion quoted from a real record, profile, expected outcome)
CASES = [
    ("radiculopathy_with_tests_joined_by_or_fails_no_sciatica", INC, PROLAPSE, NO_SCIATICA, FAIL),
    ("radiculopathy_with_tests_joined_by_or_open_for_sciatica", INC, PROLAPSE, SCIATICA, UNKNOWN),
    ("radiculalgia_fails_no_sciatica", INC, RADICULALGIA, NO_SCIATICA, FAIL),
    ("radiculalgia_open_for_sciatica", INC, RADICULALGIA, SCIATICA, UNKNOWN),
    ("leg_and_back_pain_fails_back_only_pain", INC, LEG_AND_BACK, NO_SCIATICA, FAIL),
    ("radiculopathy_among_examples_not_required", INC, EXAMPLES, NO_SCIATICA, UNKNOWN),
]


def test_every_case_quotes_a_real_record():
    assert [c[2] for c in CASES if not is_real(c[2])] == []


@pytest.mark.parametrize(("behaviour", "kind", "text", "profile", "outcome"), CASES, ids=[c[0] for c in CASES])
def test_criterion_outcome(behaviour, kind, text, profile, outcome):
    got, reason, keys = judge_line(kind, text, profile)
    assert got is outcome, reason
