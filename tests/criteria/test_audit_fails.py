"""The wrong-fail audit script records engine fails, diffs two records, and never shows the unseen sets."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _load_script():
    spec = importlib.util.spec_from_file_location("audit_fails", ROOT / "scripts" / "audit_fails.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


audit = _load_script()


def _row(nct: str, text: str, profile: str, reason: str = "r") -> dict[str, str]:
    return {"nct_id": nct, "text": text, "profile": profile, "reason": reason}


def test_diff_lists_a_newly_failing_line_once_with_its_profile_count():
    before = [_row("NCT1", "Pregnancy", "a")]
    after = [
        _row("NCT1", "Pregnancy", "a"),
        _row("NCT2", "Active malignancy", "a"),
        _row("NCT2", "Active malignancy", "b"),
    ]
    report = audit.diff(before, after)
    assert "new on 1 lines, gone on 0 lines" in report
    assert "- NCT2: Active malignancy" in report
    assert "2 profiles" in report


def test_diff_lists_a_line_that_stopped_failing():
    report = audit.diff([_row("NCT1", "Pregnancy", "a")], [])
    assert "gone on 1 lines" in report
    assert "- NCT1: Pregnancy  (1 profiles)" in report


def test_unseen_studies_are_skipped_by_default():
    skip = audit.skipped_ids(list(audit.DEFAULT_SKIP))
    unseen = (ROOT / "tests" / "criteria" / "holdout2" / "split_unseen.txt").read_text(encoding="utf-8").split()
    assert set(unseen) <= skip
    prepared_ids = {p.eligibility.nct_id for p in audit.load_prepared(skip)}
    assert prepared_ids and not prepared_ids & skip


def test_record_names_each_fail_with_its_study_text_and_profile():
    rows = audit.record(["holdout"], audit.skipped_ids(list(audit.DEFAULT_SKIP)))
    assert rows
    assert all(set(row) == {"nct_id", "text", "profile", "reason"} for row in rows)
    assert all(row["profile"].startswith("holdout/") for row in rows)
