"""Recruiter workspace speed: 100,000 candidate×trial rows in the store.

Measures the filtered list for one trial (target < 1 s) and a full export (target < 10 s),
with how much each step raised the process's peak RSS. Trials and criteria text
come from the embedded snapshot of real registry records; people and outcomes are synthetic.

    .venv/bin/python benchmarks/bench_recruiter.py [--rows 100000] [--database-url URL-of-an-EMPTY-database]
"""

from __future__ import annotations

import argparse
import random
import re
import resource
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import insert  # noqa: E402

from screener.auth import Recruiter  # noqa: E402
from screener.leads import list_leads  # noqa: E402
from screener.review import export_leads, iter_export_rows  # noqa: E402
from screener.schema import candidate, candidate_trial, criterion_outcome  # noqa: E402
from screener.snapshot import load_embedded_snapshot  # noqa: E402
from screener.store import CandidateStore, open_store  # noqa: E402

TRIALS = 20
TRIALS_PER_CANDIDATE = 2
MAX_CRITERIA = 12
BATCH = 5_000


def _criteria(text: str) -> list[tuple[str, str]]:
    """Bullet lines of a real criteria text with their section (a crude split, enough for load)."""
    kind, out = "inclusion", []
    for line in text.splitlines():
        line = line.strip()
        if re.match(r"(?i)exclusion criteria", line):
            kind = "exclusion"
        elif line.startswith(("*", "-")) or re.match(r"^\d+\.", line):
            out.append((kind, line.lstrip("*-0123456789. ").strip()))
    return out[:MAX_CRITERIA] or [("inclusion", text[:200])]


def build(store: CandidateStore, rows: int, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    trials = [t for t in load_embedded_snapshot().trials if t.eligibility.criteria_text][:TRIALS]
    crit = {t.nct_id: _criteria(t.eligibility.criteria_text) for t in trials}
    nct_ids = list(crit)
    t0 = datetime(2026, 1, 1, tzinfo=UTC)
    people = rows // TRIALS_PER_CANDIDATE
    ct_id = 0
    for start in range(0, people, BATCH):
        cands, cts, outs = [], [], []
        for cid in range(start + 1, min(people, start + BATCH) + 1):
            when = t0 + timedelta(minutes=cid)
            cands.append({
                "id": cid, "reference_code": f"PS-{cid:012d}", "pseudonym": f"C{cid:09d}", "name": f"Person {cid} Øster",
                "email": f"p{cid}@example.org", "phone": None, "preferred_contact": "email",
                "consent_version": "bench", "consented_at": when, "submitted_at": when,
                "profile": {"age": 20 + cid % 60, "sex": "female" if cid % 2 else "male", "diagnosed": True},
            })  # fmt: skip
            for nct in rng.sample(nct_ids, TRIALS_PER_CANDIDATE):
                ct_id += 1
                outcomes = [rng.choice(("pass", "pass", "unknown", "fail")) for _ in crit[nct]]
                verdict = "excluded" if "fail" in outcomes else "possible" if "unknown" in outcomes else "likely"
                cts.append({
                    "id": ct_id, "candidate_id": cid, "nct_id": nct, "verdict": verdict,
                    "distance_miles": rng.uniform(0, 300), "nearest_site": "Site", "registry_data_date": "2025-06-17",
                    "status": "new", "furthest_status": "new", "last_action_at": when,
                })  # fmt: skip
                outs.extend(
                    {
                        "candidate_trial_id": ct_id, "idx": i, "kind": k, "text": text, "outcome": o,
                        "concepts": [], "reason": "bench", "open_keys": [], "answers": {},
                    }
                    for i, ((k, text), o) in enumerate(zip(crit[nct], outcomes, strict=True))
                )  # fmt: skip
        with store.write() as conn:
            conn.execute(insert(candidate), cands)
            conn.execute(insert(candidate_trial), cts)
            conn.execute(insert(criterion_outcome), outs)
    return nct_ids


def _rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure(label: str, fn: Callable[[], Any], repeat: int) -> Any:
    """Median wall and CPU time (CPU time is fairer on a shared machine); memory as the growth of the peak RSS.

    tracemalloc would distort the timing, so memory is the process's peak RSS before and after.
    """
    times, cpu, result = [], [], None
    before = _rss_mib()
    for _ in range(repeat):
        t, c = time.perf_counter(), time.process_time()
        result = fn()
        times.append(time.perf_counter() - t)
        cpu.append(time.process_time() - c)
    spread = f" (min {min(times):.3f}, max {max(times):.3f}, n={repeat})" if repeat > 1 else ""
    print(
        f"{label:<44} median {statistics.median(times):7.3f} s{spread}, CPU {statistics.median(cpu):.3f} s, "
        f"peak RSS +{_rss_mib() - before:.0f} MiB"
    )
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--database-url", default="")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(args.database_url or f"sqlite:///{tmp}/bench.sqlite")
        t = time.perf_counter()
        nct_ids = build(store, args.rows)
        print(
            f"built {args.rows:,} candidate×trial rows over {len(nct_ids)} real trials in {time.perf_counter() - t:.1f} s"
        )
        everyone = Recruiter("bench", None)
        leads = measure(
            "filtered list, one trial", lambda: list_leads(store, everyone, nct_id=nct_ids[0], stale_days=7), 5
        )
        print(f"  ({len(leads):,} leads, {sum(len(x.questions) for x in leads):,} questions)")
        limited = Recruiter("bench", frozenset(nct_ids[:1]))
        measure("filtered list, one trial, limited recruiter", lambda: list_leads(store, limited, stale_days=7), 5)
        for fmt in ("csv", "xlsx"):
            measure(
                f"filtered export, one trial, {fmt}",
                lambda fmt=fmt: export_leads(store, everyone, fmt=fmt, identified=True, nct_id=nct_ids[0]),
                3,
            )
        # What the writers below add to: reading and formatting the rows, written nowhere.
        measure(
            "full export rows only (no file)",
            lambda: sum(1 for _ in iter_export_rows(store, everyone, identified=True)),
            1,
        )
        csv = measure(
            "full export, identified CSV", lambda: export_leads(store, everyone, fmt="csv", identified=True), 1
        )
        xlsx = measure(
            "full export, identified xlsx", lambda: export_leads(store, everyone, fmt="xlsx", identified=True), 1
        )
        print(f"  (CSV {len(csv) / 2**20:.1f} MiB, xlsx {len(xlsx) / 2**20:.1f} MiB)")
        store.dispose()
    print(f"peak RSS of the process: {_rss_mib():.0f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
