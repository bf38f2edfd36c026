"""Benchmark the criteria engine on real registry records.

1. Parse + compile the criteria of 1,000 real trials, cold (fresh process: includes loading the
   vocabulary tables). The repository holds 804 real study records (612 in the embedded snapshot +
   192 in tests/fixtures, which overlap: 612 distinct); the list is repeated in order to reach
   1,000. Nothing is cached between trials, so a repeat costs the same as a first parse.
2. Screen one profile against the 1,000 prepared trials, 31 times, with ``evaluate_many`` (the batch
   call the ``screen`` command uses; each run starts with an empty memo) and with a plain
   ``evaluate`` loop; report median and spread of wall-clock time, and the CPU time of the process
   (the wall clock is inflated when other processes share the machine).

Bars (issue 3): parsing <= 5 s; screening <= 50 ms median.
Run: python benchmarks/bench_criteria.py
"""

from __future__ import annotations

import gzip
import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PROFILE = {
    "condition": "low back pain",
    "diagnosed": True,
    "took_medication": True,
    "medications": ["nsaid", "opioid"],
    "age": 52,
    "sex": "female",
    "pregnant": False,
    "pain_areas": ["low_back", "leg"],
    "pain_duration_months": 14,
    "pain_intensity": 6,
    "leg_pain_radiating": True,
    "leg_pain_worse_than_back": False,
    "treatments_tried": ["physical_therapy", "spinal_injection"],
    "spinal_injection_months_ago": 4,
    "cancer": False,
    "osteoporosis": False,
    "bmi": 29.5,
    "smoker": False,
    "english": True,
}


def load_eligibilities(n: int = 1000) -> list:
    from screener.trial import parse_study

    studies = []
    with gzip.open(ROOT / "screener/data/embedded_snapshot.jsonl.gz", "rt", encoding="utf-8") as fh:
        studies.extend(json.loads(line) for line in fh if line.strip())
    back = ROOT / "tests/fixtures/ctgov/v2_subset_back_hip_spine.jsonl"
    studies.extend(json.loads(line) for line in back.read_text(encoding="utf-8").splitlines() if line.strip())
    real = len(studies)
    while len(studies) < n:
        studies.extend(studies[: n - len(studies)])
    print(f"trials: {n} ({real} real records, repeated to reach {n})")
    return [parse_study(s).eligibility for s in studies[:n]]


def main() -> int:
    eligibilities = load_eligibilities()
    t0 = time.perf_counter()
    from criteria import evaluate, prepare  # vocabulary tables load lazily on the first prepare

    prepared = [prepare(e) for e in eligibilities]
    parse_s = time.perf_counter() - t0
    criteria = sum(len(p.rules) + len(p.structured) for p in prepared)
    print(f"parse+compile cold: {parse_s:.2f} s for {len(prepared)} trials, {criteria} criteria (bar 5 s)")

    from criteria import evaluate_many

    def timed(fn) -> tuple[list[float], list[float]]:
        wall, cpu = [], []
        for _ in range(31):
            t, c = time.perf_counter(), time.process_time()
            fn()
            wall.append((time.perf_counter() - t) * 1000)
            cpu.append((time.process_time() - c) * 1000)
        return sorted(wall), sorted(cpu)

    def report(name: str, wall: list[float], cpu: list[float]) -> None:
        print(
            f"{name}: median {statistics.median(wall):.1f} ms wall (min {wall[0]:.1f}, p90 {wall[27]:.1f}, "
            f"max {wall[-1]:.1f}); median {statistics.median(cpu):.1f} ms CPU (31 runs; bar 50 ms median)"
        )

    many_wall, many_cpu = timed(lambda: evaluate_many(prepared, PROFILE))
    report(f"screen 1 profile x {len(prepared)} prepared trials, evaluate_many", many_wall, many_cpu)
    loop_wall, loop_cpu = timed(lambda: [evaluate(p, PROFILE) for p in prepared])
    report(f"screen 1 profile x {len(prepared)} prepared trials, evaluate loop", loop_wall, loop_cpu)
    runs = many_wall
    ok = parse_s <= 5.0 and statistics.median(runs) <= 50.0
    print("PASS" if ok else "OVER BUDGET")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
