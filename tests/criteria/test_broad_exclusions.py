"""Broad categories that a stated narrower "yes" clearly meets: "Active pregnancy", "any psychological
disorders", "neurological injury or disease".

Every line is quoted from a real record; "no" answers still pass, and a "no" to the severe psychiatric question leaves "any
psychological disorder" open.
"""

from __future__ import annotations

import pytest

from criteria import Kind, Outcome
from tests.criteria.conftest import is_real, judge_line

INC, EXC = Kind.INCLUSION, Kind.EXCLUSION
PASS, FAIL, UNKNOWN = Outcome.PASS, Outcome.FAIL, Outcome.UNKNOWN

ACTIVE_PREGNANCY = "Active pregnancy"
PSYCHOLOGICAL = "The patients do not have any psychological disorders,"
NEURO = "Participants with a history of neurological injury or disease will be excluded."

# (behaviour, kind, criterion quoted from a real record, profile, expected outcome)
CASES = [
    ("active_pregnancy_excludes_pregnant", EXC, ACTIVE_PREGNANCY, {"pregnant": True}, FAIL),
    ("active_pregnancy_passes_not_pregnant", EXC, ACTIVE_PREGNANCY, {"pregnant": False}, PASS),
    (
        "no_psychological_disorder_fails_serious_psychiatric_condition",
        INC,
        PSYCHOLOGICAL,
        {"psychiatric_condition": True},
        FAIL,
    ),
    (
        "no_psychological_disorder_open_without_serious_condition",
        INC,
        PSYCHOLOGICAL,
        {"psychiatric_condition": False},
        UNKNOWN,
    ),
    ("neurological_injury_or_disease_excludes_neurological_disease", EXC, NEURO, {"neurological_disease": True}, FAIL),
    ("neurological_injury_or_disease_passes_none", EXC, NEURO, {"neurological_disease": False}, PASS),
]


def test_every_case_quotes_a_real_record():
    assert [c[2] for c in CASES if not is_real(c[2])] == []


@pytest.mark.parametrize(("behaviour", "kind", "text", "profile", "outcome"), CASES, ids=[c[0] for c in CASES])
def test_criterion_outcome(behaviour, kind, text, profile, outcome):
    got, reason, keys = judge_line(kind, text, profile)
    assert got is outcome, reason
