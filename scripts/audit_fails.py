"""Wrong-fail audit: every (study, criterion, profile) the engine fails, across the embedded snapshot.

An engine rule that catches more exclusions can also fail people it should not. Before a rule lands, its author
records the fails before and after and reads every criterion line that newly fails::

    python scripts/audit_fails.py record /tmp/before.json          # on the old engine
    python scripts/audit_fails.py record /tmp/after.json           # on the new engine
    python scripts/audit_fails.py diff /tmp/before.json /tmp/after.json

To mine wordings a rule should cover, ``lines REGEX [--profile tests/criteria/SET/profiles/X.json]`` prints every
criterion of those studies whose text matches, with its kind, concepts and (given a profile) outcome and reason.

The profiles are those of the labelled sets tuned on (``--sets``); the studies are the 612 embedded ones minus the
studies of sets that must stay unseen (``--skip-ids``; by default holdout2's unseen half and dev3a/dev3b), so the
audit never shows their text to someone writing rules.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from criteria import evaluate_many, prepare  # noqa: E402
from screener.trial import parse_study  # noqa: E402

SNAPSHOT = ROOT / "screener" / "data" / "embedded_snapshot.jsonl.gz"
SETS = ROOT / "tests" / "criteria"
DEFAULT_SETS = ("devset", "holdout", "dev2", "holdout2")
DEFAULT_SKIP = ("holdout2/split_unseen.txt", "dev3a/ids.txt", "dev3b/ids.txt")


def skipped_ids(files: list[str]) -> set[str]:
    out: set[str] = set()
    for name in files:
        path = SETS / name
        if path.exists():
            out.update(path.read_text(encoding="utf-8").split())
    return out


def load_profiles(sets: list[str]) -> dict[str, dict[str, Any]]:
    profiles = {}
    for name in sets:
        for path in sorted((SETS / name / "profiles").glob("*.json")):
            profiles[f"{name}/{path.stem}"] = json.loads(path.read_text(encoding="utf-8"))
    return profiles


def load_prepared(skip: set[str]) -> list[Any]:
    with gzip.open(SNAPSHOT, "rt", encoding="utf-8") as fh:
        trials = [parse_study(json.loads(line)) for line in fh if line.strip()]
    return [prepare(t.eligibility) for t in trials if t.nct_id not in skip]


def matching_lines(pattern: str, skip: set[str], profile: dict[str, Any]) -> list[str]:
    regex = re.compile(pattern, re.IGNORECASE)
    out = []
    for result in evaluate_many(load_prepared(skip), profile):
        for c in result.criteria:
            if regex.search(c.text):
                concepts = ",".join(c.concepts) or "-"
                out.append(f"{result.nct_id} {c.kind.value[:3]} [{concepts}] {c.outcome.value}: {c.text}")
                if profile:
                    out.append(f"    reason: {c.reason}")
    return out


def record(sets: list[str], skip: set[str]) -> list[dict[str, Any]]:
    prepared = load_prepared(skip)
    rows = []
    for stem, profile in load_profiles(sets).items():
        for result in evaluate_many(prepared, profile):
            for c in result.criteria:
                if c.outcome.value == "fail":
                    rows.append({"nct_id": result.nct_id, "text": c.text, "profile": stem, "reason": c.reason})
    return rows


def diff(before: list[dict[str, Any]], after: list[dict[str, Any]]) -> str:
    def keyed(rows: list[dict[str, Any]]) -> dict[tuple[str, str, str], str]:
        return {(r["nct_id"], r["text"], r["profile"]): r["reason"] for r in rows}

    old, new = keyed(before), keyed(after)
    added = defaultdict(list)
    for key in new.keys() - old.keys():
        added[(key[0], key[1])].append((key[2], new[key]))
    removed = defaultdict(list)
    for key in old.keys() - new.keys():
        removed[(key[0], key[1])].append(key[2])
    lines = [f"fails before {len(old)}, after {len(new)}; new on {len(added)} lines, gone on {len(removed)} lines"]
    lines.append("")
    lines.append("NEW FAILS (read every line):")
    for (nct, text), hits in sorted(added.items()):
        lines.append(f"- {nct}: {text}")
        lines.append(f"    {len(hits)} profiles, e.g. {hits[0][0]}: {hits[0][1]}")
    lines.append("")
    lines.append("FAILS THAT WENT AWAY:")
    for (nct, text), stems in sorted(removed.items()):
        lines.append(f"- {nct}: {text}  ({len(stems)} profiles)")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="cmd", required=True)
    rec = sub.add_parser("record", help="Write every failing (study, criterion, profile) to a JSON file.")
    rec.add_argument("out")
    rec.add_argument("--sets", nargs="+", default=list(DEFAULT_SETS))
    rec.add_argument("--skip-ids", nargs="+", default=list(DEFAULT_SKIP), help="id files under tests/criteria")
    dif = sub.add_parser("diff", help="Print the criterion lines that newly fail, grouped.")
    dif.add_argument("before")
    dif.add_argument("after")
    lin = sub.add_parser("lines", help="Print the criteria whose text matches REGEX (case-insensitive).")
    lin.add_argument("regex")
    lin.add_argument("--profile", help="a profile JSON file: also print each line's outcome and reason for it")
    lin.add_argument("--skip-ids", nargs="+", default=list(DEFAULT_SKIP), help="id files under tests/criteria")
    args = parser.parse_args(argv)
    if args.cmd == "lines":
        profile = json.loads(Path(args.profile).read_text(encoding="utf-8")) if args.profile else {}
        print("\n".join(matching_lines(args.regex, skipped_ids(args.skip_ids), profile)))
    elif args.cmd == "record":
        rows = record(args.sets, skipped_ids(args.skip_ids))
        Path(args.out).write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
        print(f"{len(rows)} failing (study, criterion, profile) triples written to {args.out}")
    else:
        before = json.loads(Path(args.before).read_text(encoding="utf-8"))
        after = json.loads(Path(args.after).read_text(encoding="utf-8"))
        print(diff(before, after))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
