"""An inclusion that requires a specific treatment to have failed ("resistance to ... nerve root infiltrations")
is not met when the treatments-tried list is given and lacks it (devset guideline 6).

Every line is quoted from a real record.
"""

from __future__ import annotations

import pytest

from criteria import Kind, Outcome
from tests.criteria.conftest import is_real, judge_line

INC = Kind.INCLUSION
PASS, FAIL, UNKNOWN = Outcome.PASS, Outcome.FAIL, Outcome.UNKNOWN

RESISTANCE = "resistance to conservative treatment and nerve root infiltrations"

# (behaviour, kind, criterion quoted from a real record, profile, expected outcome)
CASES = [
    (
        "resistance_to_infiltrations_fails_list_without_injection",
        INC,
        RESISTANCE,
        {"treatments_tried": ["physical_therapy"]},
        FAIL,
    ),
    (
        "resistance_to_infiltrations_open_after_an_injection",
        INC,
        RESISTANCE,
        {"treatments_tried": ["physical_therapy", "spinal_injection"], "spinal_injection_months_ago": 0.5},
        UNKNOWN,
    ),
    ("resistance_to_infiltrations_open_without_treatments_answer", INC, RESISTANCE, {"age": 51}, UNKNOWN),
]


def test_every_case_quotes_a_real_record():
    assert [c[2] for c in CASES if not is_real(c[2])] == []


@pytest.mark.parametrize(("behaviour", "kind", "text", "profile", "outcome"), CASES, ids=[c[0] for c in CASES])
def test_criterion_outcome(behaviour, kind, text, profile, outcome):
    got, reason, keys = judge_line(kind, text, profile)
    assert got is outcome, reason
