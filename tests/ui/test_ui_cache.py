"""The UI's snapshot cache follows a refresh made while the app runs."""

from __future__ import annotations

import os

from screener import ui
from screener.config import load_settings
from screener.snapshot_store import SnapshotStore


def test_a_refresh_made_while_the_app_runs_is_picked_up(tmp_path, back_studies):
    settings = load_settings({"SCREENER_DATA_DIR": str(tmp_path)})
    ui._load_snapshot.clear()
    before = ui._load_snapshot(settings, ui._snapshot_version(settings))
    assert before.meta.source == "embedded"

    with SnapshotStore.create(settings.snapshot_path) as store:
        store.put_studies(back_studies[:5])
        store.write_meta({"data_timestamp": "2026-09-25T09:00:04", "query": {"condition": "back pain"}})
    after = ui._load_snapshot(settings, ui._snapshot_version(settings))
    assert after.meta.source != "embedded"
    assert len(after.trials) == 5

    # Same file, same version: the cached snapshot is reused, not re-read.
    assert ui._load_snapshot(settings, ui._snapshot_version(settings)) is after
    os.utime(settings.snapshot_path, ns=(1, 1))
    assert ui._load_snapshot(settings, ui._snapshot_version(settings)) is not after
    ui._load_snapshot.clear()
