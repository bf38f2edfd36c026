"""SnapshotStore: raw study JSON plus indexed columns and meta in one SQLite file."""

from __future__ import annotations

import sqlite3

import pytest

from screener.errors import SnapshotError
from screener.snapshot import load_store_snapshot
from screener.snapshot_store import SnapshotStore
from screener.trial import parse_study


def test_stored_studies_come_back_as_the_same_json_and_trials(tmp_path, back_studies):
    with SnapshotStore.create(tmp_path / "s.sqlite") as store:
        result = store.put_studies(back_studies)
        store.write_meta({"data_timestamp": "2026-09-25T09:00:04", "query": {"condition": "back pain"}})
    assert (result.stored, result.removed, result.skipped) == (len(back_studies), 0, 0)
    with SnapshotStore.open(tmp_path / "s.sqlite") as store:
        key = lambda s: s["protocolSection"]["identificationModule"]["nctId"]  # noqa: E731
        assert list(store.iter_studies()) == sorted(back_studies, key=key)
        assert store.read_meta()["query"] == {"condition": "back pain"}
    snapshot = load_store_snapshot(tmp_path / "s.sqlite")
    assert snapshot.by_id() == {t.nct_id: t for t in map(parse_study, back_studies)}


def test_a_record_without_nct_id_is_skipped_and_counted(tmp_path, back_studies):
    with SnapshotStore.create(tmp_path / "s.sqlite") as store:
        result = store.put_studies([back_studies[0], {"protocolSection": {}}])
        assert (result.stored, result.skipped, store.count()) == (1, 1, 1)


def test_studies_outside_the_kept_statuses_are_removed_not_stored(tmp_path, back_studies):
    completed = [s for s in back_studies if s["protocolSection"]["statusModule"]["overallStatus"] == "COMPLETED"][:3]
    with SnapshotStore.create(tmp_path / "s.sqlite") as store:
        store.put_studies(completed)
        result = store.put_studies(completed, keep_statuses=frozenset({"RECRUITING"}))
        assert (result.stored, result.removed, store.count()) == (0, 3, 0)


def test_create_refuses_to_overwrite_an_existing_file(tmp_path):
    (tmp_path / "s.sqlite").write_bytes(b"")
    with pytest.raises(SnapshotError, match="Will not overwrite"):
        SnapshotStore.create(tmp_path / "s.sqlite")


def test_a_file_that_is_not_a_store_is_a_clear_error(tmp_path):
    (tmp_path / "s.sqlite").write_text("not a database, just text " * 100)
    with pytest.raises(SnapshotError, match="cannot be read"):
        SnapshotStore.open(tmp_path / "s.sqlite")


def test_a_store_from_another_schema_version_asks_for_a_refresh(tmp_path):
    with SnapshotStore.create(tmp_path / "s.sqlite"):
        pass
    with sqlite3.connect(tmp_path / "s.sqlite") as conn:
        conn.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
    conn.close()
    with pytest.raises(SnapshotError, match="another version"):
        SnapshotStore.open(tmp_path / "s.sqlite")


def test_opening_read_only_cannot_write(tmp_path, back_studies):
    with SnapshotStore.create(tmp_path / "s.sqlite"):
        pass
    with SnapshotStore.open(tmp_path / "s.sqlite") as store, pytest.raises(sqlite3.OperationalError):
        store.put_studies(back_studies[:1])
