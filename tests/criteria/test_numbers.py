"""Reading numeric thresholds and time windows from real criteria lines."""

from __future__ import annotations

import pytest

from criteria.lexicon import normalise
from criteria.numbers import findings
from tests.criteria.conftest import is_real

# (behaviour, real criterion, expected (kind, op, value) findings that must be present)
CASES = [
    ("weeks_converted_to_months", "Symptoms less than 6 weeks.", [("duration", "lt", 6 / 4.345)]),
    ("or_more_before_unit", "Duration of symptoms: 6 or more weeks.", [("duration", "ge", 6 / 4.345)]),
    ("year_in_words", "Pain existing longer than one year", [("duration", "gt", 12.0)]),
    ("vas_mm_to_ten_point_scale", "Pain on VAS below 50 mm", [("intensity", "lt", 5.0)]),
    ("vas_hundred_scale_or_higher", "40 or higher low back pain on 100mm pain VAS", [("intensity", "ge", 4.0)]),
    ("unicode_greater_equal", "VAS score ≥ 4", [("intensity", "ge", 4.0)]),
    ("age_range_with_dash", "Age 21 - 55", [("age", "ge", 21.0), ("age", "le", 55.0)]),
    ("age_range_between_the_ages", "Being between the ages of 18-65.", [("age", "ge", 18.0), ("age", "le", 65.0)]),
    (
        "not_older_than",
        "Skeletally mature and at least 18 years old but not older than 75 years old",
        [("age", "ge", 18.0), ("age", "le", 75.0)],
    ),
    ("bmi_with_units", "Body Mass Index (BMI) > 40 kg/m2.", [("bmi", "gt", 40.0)]),
    ("window_last_year", "Spinal surgery within the last year", [("window", "le", 12.0)]),
    (
        "window_spelled_months",
        "Any lumbar surgery within six months of the baseline examination",
        [("window", "le", 6.0)],
    ),
    ("window_weeks", "Prior epidural steroid injection within the past 8 weeks", [("window", "le", 8 / 4.345)]),
]


def test_every_case_quotes_a_real_record():
    assert [c[1] for c in CASES if not is_real(c[1])] == []


@pytest.mark.parametrize(("behaviour", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_thresholds_are_read_with_units(behaviour, text, expected):
    got = {(f.kind, f.op, round(f.value, 2)) for f in findings(normalise(text))}
    assert {(k, o, round(v, 2)) for k, o, v in expected} <= got


@pytest.mark.parametrize(
    "text",
    [
        "A preoperative ODI (function) score between 40 and 90 (moderate to severe functional disability)",
        "Bilateral radicular signs/symptoms (< 90% laterality of pain intensity, or bilateral neurological signs).",
    ],
)
def test_other_scales_are_not_pain_measurements(text):
    assert is_real(text)
    assert not [f for f in findings(normalise(text)) if f.kind in ("intensity", "duration")]


def test_failed_treatment_length_is_only_a_lower_bound_for_the_pain():
    text = "radicular pain that persisted despite 4-6 weeks of conservative treatment,"
    assert is_real(text)
    got = [(f.kind, f.op, round(f.value, 2), f.implied) for f in findings(normalise(text))]
    assert got == [("duration", "ge", round(4 / 4.345, 2), True)]
