"""General readings from the h2a labelling half that the engine got wrong: a trailing level qualifier, "and/or",
degree qualifiers, named instances of a category, and the misses listed per class below.

Every line is quoted from a real record; one behaviour per case. Controls keep the plain readings settled.
"""

from __future__ import annotations

import pytest

from criteria import Kind, Outcome
from tests.criteria.conftest import is_real, judge_line

INC, EXC = Kind.INCLUSION, Kind.EXCLUSION
PASS, FAIL, UNKNOWN = Outcome.PASS, Outcome.FAIL, Outcome.UNKNOWN

OPERATED = {"spine_surgery_months_ago": 30, "treatments_tried": ["spine_surgery"]}
NOT_OPERATED = {"treatments_tried": ["physical_therapy"], "spinal_injection_months_ago": None}

# A level or segment at the end of a list reaches every alternative in it: spine surgery elsewhere is not excluded.
LEVELS = [
    (
        "painful_segment_reaches_the_surgery_alternative",
        EXC,
        "History of spinal surgery or previous infiltration therapy on the currently painful segment",
        OPERATED,
        UNKNOWN,
    ),
    ("plain_prior_surgery_still_fails", EXC, "Previous lumbar spine surgery", OPERATED, FAIL),
]

CASES = LEVELS


@pytest.mark.parametrize(("kind", "line", "profile", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_h2a_reading(kind: Kind, line: str, profile: dict, expected: Outcome) -> None:
    assert is_real(line), line
    outcome, reason, _ = judge_line(kind, line, profile)
    assert outcome is expected, reason
