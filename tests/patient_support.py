"""Helpers shared by the patient-app tests: the real back/hip/spine records as a prepared snapshot."""

from __future__ import annotations

from pathlib import Path

from screener.service import PreparedSnapshot, prepare_snapshot
from screener.snapshot import Snapshot, SnapshotMeta
from screener.trial import parse_study
from tests.conftest import CTGOV, load_jsonl

BACK_STUDIES = CTGOV / "v2_subset_back_hip_spine.jsonl"


def back_snapshot(path: Path = BACK_STUDIES) -> Snapshot:
    trials = tuple(parse_study(s) for s in load_jsonl(path))
    meta = SnapshotMeta(source="test", data_timestamp="2025-11-14", study_count=len(trials))
    return Snapshot(meta=meta, trials=trials)


def back_prepared() -> PreparedSnapshot:
    return prepare_snapshot(back_snapshot())
