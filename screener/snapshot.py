"""The trial snapshot the app screens against: the embedded one, or a refreshed store.

The embedded snapshot ships inside the package (``screener/data``) so the app works
offline out of the box; a refresh (``python -m screener refresh``) writes a SQLite store
at ``settings.snapshot_path`` (``screener.snapshot_store``), which is used once it exists.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from screener.config import PACKAGE_DATA, Settings
from screener.errors import SnapshotError
from screener.snapshot_store import SnapshotStore
from screener.trial import Trial, parse_study

EMBEDDED_SNAPSHOT = PACKAGE_DATA / "embedded_snapshot.jsonl.gz"
EMBEDDED_META = PACKAGE_DATA / "embedded_snapshot.meta.json"


@dataclass(frozen=True, slots=True)
class SnapshotMeta:
    """Where a snapshot came from: the registry data date and the query that produced it."""

    source: str
    data_timestamp: str | None
    study_count: int
    query: dict[str, Any] = field(default_factory=dict)
    refreshed_at: str | None = None
    #: The store file a refreshed snapshot was read from (None for the embedded one).
    path: str | None = None
    #: "full" or "incremental" for a refreshed snapshot.
    mode: str | None = None
    #: The API root the refresh used (a mirror or proxy shows up here).
    base_url: str | None = None


@dataclass(frozen=True, slots=True)
class Snapshot:
    meta: SnapshotMeta
    trials: tuple[Trial, ...]

    def by_id(self) -> dict[str, Trial]:
        return {t.nct_id: t for t in self.trials}


def iter_embedded_studies(path: Path = EMBEDDED_SNAPSHOT) -> Iterator[dict[str, Any]]:
    """Yield the raw API v2 study objects of the embedded snapshot."""
    try:
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    yield json.loads(line)
    except (OSError, json.JSONDecodeError) as exc:
        raise SnapshotError(
            f"The embedded trial snapshot {path} could not be read: {exc}.",
            hint="Reinstall the app or rebuild it with scripts/build_embedded_snapshot.py.",
        ) from exc


def load_embedded_snapshot() -> Snapshot:
    meta_raw = json.loads(EMBEDDED_META.read_text(encoding="utf-8"))
    trials = tuple(parse_study(s) for s in iter_embedded_studies())
    meta = SnapshotMeta(
        source="embedded",
        data_timestamp=meta_raw.get("data_timestamp"),
        study_count=len(trials),
        query=meta_raw.get("query", {}),
    )
    return Snapshot(meta=meta, trials=trials)


def snapshot_meta_from_store(meta: dict[str, Any], *, path: Path, study_count: int) -> SnapshotMeta:
    return SnapshotMeta(
        source="refreshed",
        data_timestamp=meta.get("data_timestamp"),
        study_count=study_count,
        query=meta.get("query") or {},
        refreshed_at=meta.get("refreshed_at"),
        path=str(path),
        mode=meta.get("mode"),
        base_url=meta.get("base_url"),
    )


def load_store_snapshot(path: Path) -> Snapshot:
    """Read a refreshed store (``screener.snapshot_store``) into a ``Snapshot``."""
    with SnapshotStore.open(path) as store:
        trials = tuple(store.iter_trials())
        meta = snapshot_meta_from_store(store.read_meta(), path=path, study_count=len(trials))
    return Snapshot(meta=meta, trials=trials)


def load_current_snapshot(settings: Settings) -> Snapshot:
    """The refreshed snapshot at ``settings.snapshot_path`` if one exists, else the embedded one."""
    if settings.snapshot_path.is_file():
        return load_store_snapshot(settings.snapshot_path)
    return load_embedded_snapshot()
