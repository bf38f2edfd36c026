"""Data-layer speed: parse+store throughput, and a 50,000-study refresh's time and peak memory.

Run: ``.venv/bin/python benchmarks/bench_data.py [--studies 50000] [--runs 3]``

Targets (issue 2): parse and store >= 2,000 studies/s; refresh 50,000 studies with peak
memory < 500 MB. The studies are the REAL records shipped in the repo (embedded snapshot
plus test fixtures) repeated with changed NCT ids (NCT9xxxxxxx, which no real trial uses);
they exist only inside this benchmark. The refresh runs ``python -m screener refresh`` in a
subprocess against the loopback replay server (pages of 1000, min interval 0); that process
reports its own peak RSS (VmHWM), so the server's memory is not counted.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from screener.ctgov import parse_page_body  # noqa: E402
from screener.snapshot import iter_embedded_studies  # noqa: E402
from screener.snapshot_store import SnapshotStore  # noqa: E402
from tests.conftest import CTGOV, load_jsonl  # noqa: E402
from tests.screener.conftest import VERSION  # noqa: E402
from tests.screener.replay_server import ReplayServer, Reply, paged  # noqa: E402

PARSE_STORE_TARGET = 2_000.0  # studies per second
PEAK_RSS_TARGET_MB = 500.0
PAGE_SIZE = 1000

# Runs `python -m screener ...` and reports the process's own peak RSS (VmHWM) and CPU time.
# Not ru_maxrss from wait4: Linux carries the parent's RSS at fork into the child's ru_maxrss,
# and this parent (server + generated pages) is large.
CHILD = """
import os, re, runpy, sys
sys.argv[0] = "screener"
try:
    runpy.run_module("screener", run_name="__main__", alter_sys=True)
finally:
    status = open("/proc/self/status").read()
    times = os.times()
    print("BENCH_PEAK_RSS_KB=" + re.search(r"VmHWM:\\s+(\\d+)", status).group(1), file=sys.stderr)
    print(f"BENCH_CPU_S={times.user + times.system}", file=sys.stderr)
"""


def real_studies() -> list[dict[str, Any]]:
    """Every real record in the repo, deduplicated by NCT id."""
    studies = list(iter_embedded_studies()) + load_jsonl(CTGOV / "v2_subset_back_hip_spine.jsonl")
    for path in sorted(CTGOV.glob("stud*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        studies.extend(data["studies"] if "studies" in data else [data])
    by_id = {s["protocolSection"]["identificationModule"]["nctId"]: s for s in studies}
    return list(by_id.values())


def with_id(study: dict[str, Any], n: int) -> dict[str, Any]:
    """A shallow copy of a real study under the synthetic id NCT9nnnnnnn (benchmark only)."""
    ps = dict(study["protocolSection"])
    ps["identificationModule"] = dict(ps["identificationModule"], nctId=f"NCT9{n:07d}")
    return dict(study, protocolSection=ps)


def as_api_sends(study: dict[str, Any]) -> dict[str, Any]:
    """The study as ``GET /studies`` returns it for ``DEFAULT_FIELDS``: the same nested tree, only those leaves."""
    ps, derived = study.get("protocolSection", {}), study.get("derivedSection", {})
    ident, design = ps.get("identificationModule", {}), ps.get("designModule", {})
    out: dict[str, Any] = {
        "identificationModule": {k: ident[k] for k in ("nctId", "briefTitle", "officialTitle") if k in ident},
        "designModule": {k: design[k] for k in ("phases", "studyType") if k in design},
    }
    if "briefSummary" in ps.get("descriptionModule", {}):
        out["descriptionModule"] = {"briefSummary": ps["descriptionModule"]["briefSummary"]}
    for module in ("conditionsModule", "statusModule", "eligibilityModule", "contactsLocationsModule"):
        if module in ps:
            out[module] = ps[module]
    interventions = ps.get("armsInterventionsModule", {}).get("interventions")
    if interventions:
        out["armsInterventionsModule"] = {
            "interventions": [{k: i[k] for k in ("type", "name") if k in i} for i in interventions]
        }
    slim_derived: dict[str, Any] = {}
    if "versionHolder" in derived.get("miscInfoModule", {}):
        slim_derived["miscInfoModule"] = {"versionHolder": derived["miscInfoModule"]["versionHolder"]}
    meshes = derived.get("conditionBrowseModule", {}).get("meshes")
    if meshes:
        slim_derived["conditionBrowseModule"] = {"meshes": [{"term": m["term"]} for m in meshes if "term" in m]}
    return {"protocolSection": out, "derivedSection": slim_derived}


def page_of(base: list[dict[str, Any]], index: int, size: int = PAGE_SIZE) -> list[dict[str, Any]]:
    start = index * size
    return [with_id(base[(start + j) % len(base)], start + j) for j in range(size)]


def bench_parse_store(base: list[dict[str, Any]], *, studies: int, runs: int) -> dict[str, float]:
    """Decode each page body, parse every study and store it: the refresh's per-page work, minus HTTP.

    Rates use wall time and, because other jobs may share the machine, process CPU time too.
    """
    bodies = [
        json.dumps({"studies": page_of(base, i)}, ensure_ascii=False).encode("utf-8")
        for i in range(studies // PAGE_SIZE)
    ]
    rates: dict[str, list[float]] = {"store_wall": [], "total_wall": [], "total_cpu": []}
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as tmp:
            store = SnapshotStore.create(Path(tmp) / "bench.sqlite")
            stored = 0
            decode_s = store_s = cpu_s = 0.0
            for body in bodies:
                c0, t0 = time.process_time(), time.perf_counter()
                page = parse_page_body(body)
                t1 = time.perf_counter()
                stored += store.put_studies(page.studies, raw=page.raw_studies).stored
                t2, c2 = time.perf_counter(), time.process_time()
                decode_s += t1 - t0
                store_s += t2 - t1
                cpu_s += c2 - c0
            store.close()
        rates["store_wall"].append(stored / store_s)
        rates["total_wall"].append(stored / (decode_s + store_s))
        rates["total_cpu"].append(stored / cpu_s)
    return {"studies": float(stored)} | {k: statistics.median(v) for k, v in rates.items()}


def bench_refresh(base: list[dict[str, Any]], *, studies: int, runs: int) -> dict[str, float]:
    pages = studies // PAGE_SIZE
    walls, cpus, peaks = [], [], []
    with ReplayServer() as server:
        server.route("/version", Reply.json(VERSION))
        server.route("/studies", paged(page_size=PAGE_SIZE, page_count=pages, make_page=lambda i: page_of(base, i)))
        for _ in range(runs):
            with tempfile.TemporaryDirectory() as tmp:
                env = dict(os.environ, SCREENER_DATA_DIR=tmp, CTGOV_MIN_INTERVAL_S="0", PYTHONPATH=str(REPO))
                argv = [sys.executable, "-c", CHILD, "refresh", "--condition", "low back pain"]
                t0 = time.perf_counter()
                proc = subprocess.run(
                    [*argv, "--base-url", server.base_url], cwd=REPO, env=env, capture_output=True, text=True
                )
                walls.append(time.perf_counter() - t0)
                if proc.returncode != 0:
                    raise SystemExit(f"refresh failed ({proc.returncode}): {proc.stdout}{proc.stderr}")
                measured = dict(line.split("=", 1) for line in proc.stderr.splitlines() if line.startswith("BENCH_"))
                peaks.append(int(measured["BENCH_PEAK_RSS_KB"]) / 1024.0)
                cpus.append(float(measured["BENCH_CPU_S"]))
                with SnapshotStore.open(Path(tmp) / "snapshot.sqlite") as store:
                    count = store.count()
                if count != studies:
                    raise SystemExit(f"refresh stored {count} studies, expected {studies}")
    wall = statistics.median(walls)
    cpu = statistics.median(cpus)
    return {"refresh_s": wall, "refresh_per_s": studies / wall, "cpu_s": cpu, "peak_rss_mb": max(peaks)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--studies", type=int, default=50_000, help="studies in the refresh (multiple of 1000)")
    parser.add_argument("--store-studies", type=int, default=20_000, help="studies in the parse+store run")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    base = real_studies()
    print(f"{len(base)} distinct real records, repeated with synthetic ids NCT9nnnnnnn")

    shaped = [as_api_sends(s) for s in base]
    for label, records in (("as the API sends them (DEFAULT_FIELDS)", shaped), ("full records (worst case)", base)):
        size = statistics.mean(len(json.dumps(s, ensure_ascii=False).encode()) for s in records) / 1024
        ps = bench_parse_store(records, studies=args.store_studies, runs=args.runs)
        print(
            f"decode+parse+store, {label}, {size:.1f} KB/study: median {ps['total_wall']:,.0f} studies/s wall "
            f"({ps['total_wall'] / PARSE_STORE_TARGET:.1f}x the {PARSE_STORE_TARGET:,.0f}/s target), "
            f"{ps['total_cpu']:,.0f}/s per CPU second ({ps['total_cpu'] / PARSE_STORE_TARGET:.1f}x); "
            f"parse+store alone {ps['store_wall']:,.0f}/s wall; {ps['studies']:,.0f} studies x {args.runs} runs"
        )

    rf = bench_refresh(base, studies=args.studies, runs=args.runs)
    print(
        f"refresh {args.studies:,} full records over loopback (subprocess): median {rf['refresh_s']:.1f} s wall "
        f"({rf['refresh_per_s']:,.0f} studies/s end to end), {rf['cpu_s']:.1f} s CPU; "
        f"peak RSS {rf['peak_rss_mb']:.0f} MB ({rf['peak_rss_mb'] / PEAK_RSS_TARGET_MB:.2f} of the "
        f"{PEAK_RSS_TARGET_MB:.0f} MB limit); {args.runs} runs"
    )


if __name__ == "__main__":
    main()
