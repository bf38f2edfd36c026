"""Refresh the trial snapshot from ClinicalTrials.gov, atomically.

Pages are streamed into a NEW store file next to the current one (never the whole
result in memory) and the file is swapped in with ``os.replace`` only after the last
page and the meta are written. If anything fails or the refresh is interrupted, the
temporary file is removed and the previous snapshot is untouched and still in use.

An incremental refresh copies the current store, fetches only studies whose
``LastUpdatePostDate`` is on or after the previous registry data date (any status, so
trials that stopped recruiting are removed), upserts them, and swaps the same way.
"""

from __future__ import annotations

import os
import sqlite3
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from screener.ctgov import CtGovClient, StudyQuery
from screener.errors import RefreshFailed, ScreenerError
from screener.snapshot_store import SnapshotStore


@dataclass(frozen=True, slots=True)
class PageProgress:
    """Reported after each stored page (the CLI draws a progress bar or logs a line)."""

    number: int
    studies_in_page: int
    studies_so_far: int
    total: int | None
    elapsed_s: float


@dataclass(frozen=True, slots=True)
class RefreshResult:
    path: Path
    mode: str
    pages: int
    studies_fetched: int
    study_count: int
    removed: int
    skipped: int
    data_timestamp: str
    elapsed_s: float


def _utc_now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _fsync(path: Path) -> None:
    with open(path, "rb") as fh:
        os.fsync(fh.fileno())


def _previous(target: Path) -> tuple[StudyQuery, dict[str, object]]:
    with SnapshotStore.open(target) as store:
        meta = store.read_meta()
    query = meta.get("query")
    if not isinstance(query, dict):
        raise RefreshFailed(f"The snapshot {target} does not record its query.", hint="Run a full refresh.")
    return StudyQuery.from_json(query), meta


def _since_day(meta: dict[str, object]) -> str:
    # The previous registry data date: records posted as updated that day or later may be new to us.
    for key in ("data_timestamp", "refreshed_at"):
        value = meta.get(key)
        if isinstance(value, str) and len(value) >= 10:
            return value[:10]
    raise RefreshFailed("The previous snapshot has no data date to update from.", hint="Run a full refresh.")


def refresh_snapshot(
    target: Path,
    query: StudyQuery | None,
    *,
    client: CtGovClient,
    incremental: bool = False,
    on_page: Callable[[PageProgress], None] | None = None,
    clock: Callable[[], float] = time.monotonic,
) -> RefreshResult:
    """Fetch ``query`` into a new snapshot at ``target`` and swap it in; ``RefreshFailed`` leaves the old one.

    Args:
        target: the snapshot file (``settings.snapshot_path``).
        query: the search; for ``incremental`` it may be None (reuse the stored one) and must
            otherwise equal the stored query.
        client: the API client (its base URL is recorded in the meta).
        on_page: called after every stored page.
    """
    started = clock()
    previous_note = (
        f"The previous snapshot {target} is unchanged and still in use."
        if target.is_file()
        else "No refreshed snapshot existed; the app keeps using the embedded one."
    )
    keep_statuses: frozenset[str] | None = None
    if incremental:
        if not target.is_file():
            raise RefreshFailed(
                f"There is no refreshed snapshot at {target} to update.",
                hint="Run a full refresh first (without --incremental).",
            )
        stored_query, old_meta = _previous(target)
        if query is not None and query != stored_query:
            was, now = stored_query.to_json(), query.to_json()
            differs = "; ".join(f"{k}: stored {was[k]!r}, given {now[k]!r}" for k in was if was[k] != now.get(k))
            raise RefreshFailed(
                f"An incremental refresh must repeat the stored search ({differs}).",
                hint="Drop the search options to reuse the stored search, or run a full refresh.",
            )
        query = stored_query
        fetch = stored_query.updated_since(_since_day(old_meta))
        keep_statuses = frozenset(stored_query.statuses) if stored_query.statuses else None
    elif query is None:
        raise RefreshFailed(
            "A full refresh needs a search.", hint='Give --condition, e.g. --condition "low back pain".'
        )
    else:
        fetch = query

    temp = target.with_name(f".{target.name}.{os.getpid()}.{uuid.uuid4().hex[:8]}.tmp")
    store: SnapshotStore | None = None
    pages = fetched = removed = skipped = 0
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        version = client.version()
        if incremental:
            with SnapshotStore.open(target) as current:
                current.copy_to(temp)
            store = SnapshotStore.open(temp, writable=True)
        else:
            store = SnapshotStore.create(temp)
        total: int | None = None
        for page in client.iter_study_pages(fetch):
            if page.number == 1:
                total = page.total_count
            result = store.put_studies(page.studies, raw=page.raw_studies, keep_statuses=keep_statuses)
            pages = page.number
            fetched += len(page.studies)
            removed += result.removed
            skipped += result.skipped
            if on_page is not None:
                on_page(PageProgress(page.number, len(page.studies), fetched, total, clock() - started))
            del page  # free it before the next page is fetched: one page in memory at a time
        study_count = store.count()
        store.write_meta(
            {
                "source": "refreshed",
                "mode": "incremental" if incremental else "full",
                "query": query.to_json(),
                "fetch_params": fetch.to_params(),
                "data_timestamp": version.data_timestamp,
                "api_version": version.api_version,
                "base_url": client.base_url,
                "refreshed_at": _utc_now(),
                "study_count": study_count,
                "pages": pages,
                "studies_fetched": fetched,
                "removed": removed,
                "skipped": skipped,
                "registry_total_count": total,
            }
        )
        store.close()
        store = None
        _fsync(temp)
        os.replace(temp, target)
    except (ScreenerError, sqlite3.Error, OSError, KeyboardInterrupt) as exc:
        if store is not None:
            store.close()
        temp.unlink(missing_ok=True)
        if isinstance(exc, RefreshFailed):
            raise
        what = "was interrupted" if isinstance(exc, KeyboardInterrupt) else f"failed: {exc}"
        where = f" on page {pages + 1} after {fetched:,} studies" if pages else " before the first page was stored"
        raise RefreshFailed(f"The refresh{where} {what}", hint=previous_note) from exc
    except BaseException:
        if store is not None:
            store.close()
        temp.unlink(missing_ok=True)
        raise
    return RefreshResult(
        path=target,
        mode="incremental" if incremental else "full",
        pages=pages,
        studies_fetched=fetched,
        study_count=study_count,
        removed=removed,
        skipped=skipped,
        data_timestamp=version.data_timestamp,
        elapsed_s=clock() - started,
    )
