"""The refreshed trial snapshot on disk: one SQLite file of raw study JSON, indexed columns and meta.

Raw API v2 JSON is kept so a newer ``parse_study`` can re-read old refreshes; the
indexed columns (status, title, conditions, dates) let commands filter without
parsing every record. A store file is only ever written under a temporary name and
swapped in whole by ``screener.refresh`` (never edited in place).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from screener.errors import SnapshotError, TrialDataError
from screener.trial import Trial, parse_study

SCHEMA_VERSION = 1

_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE trials (
    nct_id TEXT PRIMARY KEY,
    overall_status TEXT,
    brief_title TEXT NOT NULL,
    conditions TEXT NOT NULL,
    last_update_date TEXT,
    data_date TEXT,
    study_json TEXT NOT NULL
);
CREATE INDEX trials_status ON trials (overall_status);
CREATE INDEX trials_last_update ON trials (last_update_date);
"""

_UPSERT = (
    "INSERT OR REPLACE INTO trials (nct_id, overall_status, brief_title, conditions, last_update_date, data_date,"
    " study_json) VALUES (?, ?, ?, ?, ?, ?, ?)"
)


@dataclass(frozen=True, slots=True)
class PutResult:
    """What one batch did: studies stored, ids removed (status no longer wanted), records without an NCT id."""

    stored: int = 0
    removed: int = 0
    skipped: int = 0


def _row(study: Mapping[str, Any], trial: Trial, raw: str | None) -> tuple[Any, ...]:
    return (
        trial.nct_id,
        trial.overall_status,
        trial.brief_title,
        "\n".join(trial.conditions),
        trial.last_update_date,
        trial.data_date,
        raw if raw is not None else json.dumps(study, ensure_ascii=False, separators=(",", ":")),
    )


class SnapshotStore:
    """An open store file. ``create`` for a new (temporary) file, ``open`` for an existing one."""

    def __init__(self, conn: sqlite3.Connection, path: Path) -> None:
        self._conn = conn
        self.path = path

    @classmethod
    def create(cls, path: Path) -> SnapshotStore:
        """A new, empty store at ``path`` (which must not exist yet)."""
        if path.exists():
            raise SnapshotError(f"Will not overwrite {path}: a new store needs a fresh file.")
        conn = sqlite3.connect(path)
        # Rows are 5-15 KB of JSON: 16 KiB pages keep most in one page instead of overflow chains
        # (inserts measured ~2x faster than with the 4 KiB default). Must precede the first table.
        conn.execute("PRAGMA page_size=16384")
        # The file is private until it is swapped in whole; a crash just leaves a temp file, so
        # skip the rollback journal and per-commit fsync (the swap itself is fsynced).
        conn.execute("PRAGMA journal_mode=OFF")
        conn.execute("PRAGMA synchronous=OFF")
        with conn:
            conn.executescript(_SCHEMA)
            conn.execute("INSERT INTO meta VALUES ('schema_version', ?)", (json.dumps(SCHEMA_VERSION),))
        return cls(conn, path)

    @classmethod
    def open(cls, path: Path, *, writable: bool = False) -> SnapshotStore:
        """An existing store; read-only unless ``writable`` (an incremental refresh's private copy)."""
        if not path.is_file():
            raise SnapshotError(f"There is no trial snapshot at {path}.", hint="Run `python -m screener refresh`.")
        try:
            uri = path.resolve().as_uri() + ("" if writable else "?mode=ro")
            conn = sqlite3.connect(uri, uri=True)
            if writable:
                conn.execute("PRAGMA journal_mode=OFF")
                conn.execute("PRAGMA synchronous=OFF")
            row = conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        except sqlite3.Error as exc:
            raise SnapshotError(
                f"The trial snapshot {path} cannot be read: {exc}.",
                hint="Delete it to fall back to the embedded snapshot, or run `python -m screener refresh`.",
            ) from exc
        if row is None or json.loads(row[0]) != SCHEMA_VERSION:
            conn.close()
            raise SnapshotError(
                f"The trial snapshot {path} was written by another version of the app.",
                hint="Run `python -m screener refresh` to rebuild it.",
            )
        return cls(conn, path)

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> SnapshotStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def put_studies(
        self,
        studies: Sequence[Mapping[str, Any]],
        *,
        raw: Sequence[str] | None = None,
        keep_statuses: frozenset[str] | None = None,
    ) -> PutResult:
        """Insert or replace studies in one transaction.

        ``raw`` is each study's JSON text as received (``Page.raw_studies``); it is stored as is,
        which saves re-serialising (the most expensive step). Without it the object is dumped.

        With ``keep_statuses``, a study whose overall status is not in it is removed instead
        (an incremental refresh learning that a trial stopped recruiting). A record without
        an NCT id cannot be stored or found again, so it is counted as skipped.
        """
        rows: list[tuple[Any, ...]] = []
        gone: list[tuple[str]] = []
        skipped = 0
        texts: Sequence[str | None] = raw if raw is not None and len(raw) == len(studies) else [None] * len(studies)
        for study, text in zip(studies, texts, strict=True):
            try:
                trial = parse_study(study)
            except TrialDataError:
                skipped += 1
                continue
            if keep_statuses is not None and trial.overall_status not in keep_statuses:
                gone.append((trial.nct_id,))
            else:
                rows.append(_row(study, trial, text))
        with self._conn:
            self._conn.executemany(_UPSERT, rows)
            before = self._conn.total_changes
            self._conn.executemany("DELETE FROM trials WHERE nct_id = ?", gone)
            removed = self._conn.total_changes - before
        return PutResult(stored=len(rows), removed=removed, skipped=skipped)

    def write_meta(self, meta: Mapping[str, Any]) -> None:
        with self._conn:
            self._conn.executemany(
                "INSERT OR REPLACE INTO meta VALUES (?, ?)", [(k, json.dumps(v)) for k, v in meta.items()]
            )

    def read_meta(self) -> dict[str, Any]:
        return {k: json.loads(v) for k, v in self._conn.execute("SELECT key, value FROM meta")}

    def count(self) -> int:
        return int(self._conn.execute("SELECT count(*) FROM trials").fetchone()[0])

    def iter_studies(self) -> Iterator[dict[str, Any]]:
        """Raw study JSON in NCT order, read lazily."""
        for (raw,) in self._conn.execute("SELECT study_json FROM trials ORDER BY nct_id"):
            yield json.loads(raw)

    def iter_trials(self) -> Iterator[Trial]:
        for study in self.iter_studies():
            yield parse_study(study)

    def copy_to(self, path: Path) -> None:
        """A consistent copy of this store at ``path`` (SQLite's online backup, not a file copy)."""
        target = sqlite3.connect(path)
        try:
            self._conn.backup(target)
        finally:
            target.close()
