"""Registry codes in plain words."""

from __future__ import annotations

import pytest

from screener.plain import distance_label, phase_label, short_summary, status_label
from screener.snapshot import load_embedded_snapshot


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
    summary = next(t.brief_summary for t in load_embedded_snapshot().trials if t.nct_id == "NCT06349226")
    flat = " ".join(summary.split())
    cut = short_summary(summary, limit=320)
    assert len(flat) > 320
    assert flat.startswith(cut)
    assert cut.endswith(".")
    assert len(cut) <= 320


@pytest.mark.parametrize(
    ("miles", "label"), [(None, "distance not known"), (0.4, "less than 1 mile"), (1234.4, "1,234 miles")]
)
def test_distance_in_plain_words(miles, label):
    assert distance_label(miles) == label
