"""Bounds that take in the question's own answer: an osteopenia defined by a T-score bound reaching the osteoporosis
line, and a smoking stop dated "less than 6 weeks" ago (a current smoker stopped less recently than that).

Every line is quoted from a real record; one behaviour per case. Controls keep the narrower readings open.
"""

from __future__ import annotations

import pytest

from criteria import Kind, Outcome
from tests.criteria.conftest import is_real, judge_line

EXC = Kind.EXCLUSION
PASS, FAIL, UNKNOWN = Outcome.PASS, Outcome.FAIL, Outcome.UNKNOWN

OSTEO, NO_OSTEO = {"osteoporosis": True}, {"osteoporosis": False}
SMOKER, NON_SMOKER = {"smoker": True}, {"smoker": False}
OSTEOPENIA_T = "Patient has osteopenia of the spine (T-score of -1.0 or lower)."
CESSATION = "Smoker or cessation for less than 6 weeks"

CASES = [
    # dev2 reading 6: "T-score of -1.0 or lower" includes osteoporosis (-2.5 and lower).
    ("osteopenia_with_inclusive_t_score_fails_osteoporosis", EXC, OSTEOPENIA_T, OSTEO, FAIL),
    ("osteopenia_with_inclusive_t_score_leaves_no_open", EXC, OSTEOPENIA_T, NO_OSTEO, UNKNOWN),
    ("bare_osteopenia_stays_narrower", EXC, "Previous diagnosis of osteopenia or osteomalacia", OSTEO, UNKNOWN),
    (
        "t_score_below_the_osteoporosis_line_stays_open",
        EXC,
        "Below -3.5 T-score by DEXA bone densitometry",
        OSTEO,
        UNKNOWN,
    ),
    ("severe_osteopenia_stays_narrower", EXC, "Known osteoporosis or severe osteopenia.", NO_OSTEO, PASS),
    # A current smoker has not stopped at all: "cessation for less than 6 weeks" dates the last cigarette.
    ("current_smoker_meets_recent_cessation", EXC, CESSATION, SMOKER, FAIL),
    ("non_smoker_may_have_stopped_recently", EXC, CESSATION, NON_SMOKER, UNKNOWN),
    (
        "cessation_treatment_is_not_smoking",
        EXC,
        "Currently using a software app for smoking cessation.",
        SMOKER,
        UNKNOWN,
    ),
]


@pytest.mark.parametrize(("name", "kind", "line", "profile", "expected"), CASES, ids=[c[0] for c in CASES])
def test_bounds_that_include_the_answer(name: str, kind: Kind, line: str, profile: dict, expected: Outcome) -> None:
    assert is_real(line), line
    outcome, reason, _ = judge_line(kind, line, profile)
    assert outcome is expected, reason
