"""General readings the dev2 annotators made that the engine missed: a spinal-level phrase that covers every level,
back pain predominant over leg pain, bare trauma, and the other classes below.

Every line is quoted from a real record; one behaviour per case. Controls keep the narrower readings unknown.
"""

from __future__ import annotations

import pytest

from criteria import Kind, Outcome
from tests.criteria.conftest import is_real, judge_line

INC, EXC = Kind.INCLUSION, Kind.EXCLUSION
PASS, FAIL, UNKNOWN = Outcome.PASS, Outcome.FAIL, Outcome.UNKNOWN

OPERATED = {"spine_surgery_months_ago": 30, "treatments_tried": ["spine_surgery"]}
NOT_OPERATED = {"treatments_tried": ["physical_therapy"]}

# "Any level" and a range from L1 to S1 are no index level: they ask about lumbar surgery at all.
LEVELS = [
    (
        "any_level_of_lumbar_spine_excludes_surgery",
        EXC,
        "Prior surgeries at any level of the lumbar spine;",
        OPERATED,
        FAIL,
    ),
    ("any_lumbar_level_excludes_surgery", EXC, "Prior spine surgery at any lumbar level;", OPERATED, FAIL),
    ("any_lumbar_level_passes_no_surgery", EXC, "Prior spine surgery at any lumbar level;", NOT_OPERATED, PASS),
    (
        "level_range_l1_to_s1_is_the_whole_lumbar_spine",
        EXC,
        "Participant has had previous lumbar spine surgery at level L1-2 to L5-S1",
        OPERATED,
        FAIL,
    ),
    (
        "same_level_surgery_stays_narrower",
        EXC,
        "Prior back surgery at the same level",
        OPERATED,
        UNKNOWN,
    ),
]

CASES = LEVELS


def test_every_case_quotes_a_real_record():
    assert [c[2] for c in CASES if not is_real(c[2])] == []


@pytest.mark.parametrize(("behaviour", "kind", "text", "profile", "outcome"), CASES, ids=[c[0] for c in CASES])
def test_criterion_outcome(behaviour, kind, text, profile, outcome):
    got, reason, _ = judge_line(kind, text, profile)
    assert got is outcome, reason
