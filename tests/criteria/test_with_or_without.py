"""A "+/-" is "with or without": it hides what it names inside its parenthesis, never a later "without
radicular pain", and never makes the criterion a list of alternatives.

Every line is quoted from a real record.
"""

from __future__ import annotations

import pytest

from criteria import Kind, Outcome
from criteria.lexicon import normalise
from tests.criteria.conftest import is_real, judge_line

INC, EXC = Kind.INCLUSION, Kind.EXCLUSION
PASS, FAIL, UNKNOWN = Outcome.PASS, Outcome.FAIL, Outcome.UNKNOWN

PLUS_MINUS = "Lower back pain (in extension +/- pain in buttocks, groin, thigh) without radicular pain"
FAMILY = (
    "Have family (first-degree relative) or personal history of medullary thyroid cancer (MTC) or multiple endocrine "
    "neoplasia (MEN)2 syndrome."
)
TIMING = (
    "Receipt of any contrast agent < 72 h prior to the study MRIs or planned to receive any contrast agent during "
    "the trial until 24 h +/- 4 h after the second study MRI."
)

# (behaviour, kind, criterion quoted from a real record, profile, expected outcome)
CASES = [
    (
        "plus_minus_list_does_not_hide_without_radicular_pain",
        INC,
        PLUS_MINUS,
        {"pain_areas": ["low_back", "leg"], "leg_pain_radiating": True},
        FAIL,
    ),
    (
        "plus_minus_list_met_by_back_pain_without_sciatica",
        INC,
        PLUS_MINUS,
        {"pain_areas": ["low_back", "buttock"], "leg_pain_radiating": False},
        PASS,
    ),
    ("control_family_parenthesis_still_hides_cancer", EXC, FAMILY, {"cancer": True}, UNKNOWN),
]


def test_every_case_quotes_a_real_record():
    assert [c[2] for c in CASES if not is_real(c[2])] == []


@pytest.mark.parametrize(("behaviour", "kind", "text", "profile", "outcome"), CASES, ids=[c[0] for c in CASES])
def test_criterion_outcome(behaviour, kind, text, profile, outcome):
    got, reason, keys = judge_line(kind, text, profile)
    assert got is outcome, reason


def test_plus_minus_before_a_word_reads_with_or_without():
    assert "extension with or without pain" in " ".join(normalise(PLUS_MINUS).split())


def test_plus_minus_before_a_number_is_left_alone():
    assert is_real(TIMING)
    assert "24 h +/- 4 h" in normalise(TIMING)
