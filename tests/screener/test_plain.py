"""Registry codes in plain words."""

from __future__ import annotations

import pytest

from screener.plain import distance_label, phase_label, short_summary, status_label


@pytest.mark.parametrize(
    ("phases", "label"),
    [
        (("NA",), "No phase (not a drug study)"),
        (("PHASE2", "PHASE3"), "Phase 2 (does it work, and at what dose?) / Phase 3 (is it better than usual care?)"),
        ((), "Phase not given"),
    ],
)
def test_phase_in_plain_words(phases, label):
    assert phase_label(phases) == label


@pytest.mark.parametrize(
    ("status", "label"),
    [
        ("RECRUITING", "Recruiting now"),
        ("NOT_YET_RECRUITING", "Opening soon (not recruiting yet)"),
        (None, "Status not given"),
    ],
)
def test_status_in_plain_words(status, label):
    assert status_label(status) == label


def test_long_summary_is_cut_at_a_sentence_end():
    # The opening sentences of NCT06349226's brief summary (embedded snapshot).
    text = (
        "Low back pain, associated with intrinsic disorders of the spine, is a very frequent clinical condition "
        "that is accompanied by high morbidity with effects both on psychosocial aspects, and health care system. "
        "It occurs in approximately 80% of the population throughout life. "
        "It occurs in approximately 80% of the population throughout life."
    )
    cut = short_summary(text, limit=320)
    assert cut.endswith("throughout life.")
    assert len(cut) <= 320


@pytest.mark.parametrize(
    ("miles", "label"), [(None, "distance not known"), (0.4, "less than 1 mile"), (1234.4, "1,234 miles")]
)
def test_distance_in_plain_words(miles, label):
    assert distance_label(miles) == label
