"""Shorthands the annotator used to write down, per trial, which stated answers violate which criterion.

Each trial's judgements in ``annotations.py`` were written by hand after reading that trial's full
eligibility text (see README.md). These helpers only read profile answers; an absent answer is never a
violation, so every helper returns False when the key is missing.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

Profile = dict[str, Any]
Check = Callable[[Profile], bool]


def true(key: str) -> Check:
    return lambda p: p.get(key) is True


def false(key: str) -> Check:
    return lambda p: p.get(key) is False


def any_of(*checks: Check) -> Check:
    return lambda p: any(c(p) for c in checks)


def all_of(*checks: Check) -> Check:
    return lambda p: all(c(p) for c in checks)


def lt(key: str, value: float) -> Check:
    return lambda p: key in p and p[key] < value


def gt(key: str, value: float) -> Check:
    return lambda p: key in p and p[key] > value


def duration_below(months: float) -> Check:
    return lt("pain_duration_months", months)


def duration_above(months: float) -> Check:
    return gt("pain_duration_months", months)


def intensity_below(value: int) -> Check:
    return lt("pain_intensity", value)


def surgery_ever(p: Profile) -> bool:
    return "spine_surgery_months_ago" in p or "spine_surgery" in p.get("treatments_tried", [])


def surgery_within(months: float) -> Check:
    return lt("spine_surgery_months_ago", months)


def injection_within(months: float) -> Check:
    return lt("spinal_injection_months_ago", months)


def takes(med: str) -> Check:
    return lambda p: med in p.get("medications", [])


def tried(treatment: str) -> Check:
    return lambda p: treatment in p.get("treatments_tried", [])


def not_tried(treatment: str) -> Check:
    """The person answered the treatments question and did not tick this one."""
    return lambda p: "treatments_tried" in p and treatment not in p["treatments_tried"]


no_leg_pain = false("leg_pain_radiating")
leg_not_worse = false("leg_pain_worse_than_back")
pregnant = true("pregnant")
cancer = true("cancer")
osteoporosis = true("osteoporosis")
inflammatory = true("inflammatory_arthritis")
neuro = true("neurological_disease")
psych = true("psychiatric_condition")
substance = true("substance_use_disorder")
device = true("implanted_device")
bleeding = true("bleeding_risk")
diabetes = true("diabetes")
heart = true("heart_disease")
smoker = true("smoker")
litigation = true("litigation_or_compensation")
other_trial = true("in_other_trial")
no_english = false("english")
fracture = true("spine_fracture")
fibromyalgia = true("fibromyalgia")
