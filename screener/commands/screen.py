"""Batch commands: ``screen`` a profile against a trials file, and report vocabulary ``coverage``."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TextIO

from criteria import PreparedTrial, evaluate_many, prepare
from criteria.coverage import coverage
from screener.errors import ProfileError, ScreenerError, TrialDataError
from screener.profile import validate_profile
from screener.trial import parse_study


def read_profile(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ProfileError(f"The profile file {path} could not be read: {exc.strerror or exc}.") from exc
    except json.JSONDecodeError as exc:
        raise ProfileError(f"The profile file {path} is not valid JSON: {exc}.") from exc
    return validate_profile(data)


def iter_prepared(path: Path, *, errors: TextIO) -> Iterator[PreparedTrial]:
    """Yield each trial line prepared; a malformed line is reported with its number and skipped."""
    try:
        fh = path.open(encoding="utf-8")
    except OSError as exc:
        raise TrialDataError(f"The trials file {path} could not be read: {exc.strerror or exc}.") from exc
    with fh:
        for number, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            try:
                study = json.loads(line)
                trial = parse_study(study)
            except json.JSONDecodeError as exc:
                print(f"{path}:{number}: skipped: not valid JSON ({exc.msg}).", file=errors)
                continue
            except TrialDataError as exc:
                print(f"{path}:{number}: skipped: {exc}", file=errors)
                continue
            yield prepare(trial.eligibility)


def cmd_screen(args: argparse.Namespace) -> int:
    profile = read_profile(Path(args.profile))
    out: TextIO
    if args.out:
        try:
            out = open(args.out, "w", encoding="utf-8")  # noqa: SIM115 - closed below
        except OSError as exc:
            raise ScreenerError(f"Cannot write results to {args.out}: {exc.strerror or exc}.") from exc
    else:
        out = sys.stdout
    try:
        prepared = list(iter_prepared(Path(args.trials), errors=sys.stderr))
        for result in evaluate_many(prepared, profile):
            out.write(json.dumps(result.to_json(), ensure_ascii=False) + "\n")
    finally:
        if out is not sys.stdout:
            out.close()
    return 0


def cmd_coverage(args: argparse.Namespace) -> int:
    report = coverage(iter_prepared(Path(args.trials), errors=sys.stderr), top=args.top)
    print(
        f"overall: {report.mapped}/{report.total} free-text criteria map to at least one profile concept "
        f"({report.share:.1%}) across {len(report.trials)} trials"
    )
    print(
        f"with the structured fields (sex, age limits, healthy volunteers) counted as criteria: "
        f"{report.all_mapped}/{report.all_total} ({report.all_share:.1%})"
    )
    print("by trial:")
    for t in report.trials:
        print(
            f"  {t.nct_id}\t{t.mapped}/{t.total}\t{t.share:.0%}\t(+{t.structured_mapped}/{t.structured_total} structured)"
        )
    print("most frequent unmapped phrases:")
    for phrase, count in report.unmapped_phrases:
        print(f"  {count}\t{phrase}")
    return 0


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("screen", help="Screen one patient profile against a file of trials (JSON lines).")
    p.add_argument("--profile", required=True, help="Patient profile JSON (see patient_profile.schema.json).")
    p.add_argument("--trials", required=True, help="One ClinicalTrials.gov API v2 study object per line.")
    p.add_argument("--out", default="", help="Write results (JSON lines) here instead of standard output.")
    p.set_defaults(func=cmd_screen)
    c = sub.add_parser("coverage", help="Share of criteria that map to a profile concept, and unmapped phrases.")
    c.add_argument("--trials", required=True, help="One ClinicalTrials.gov API v2 study object per line.")
    c.add_argument("--top", type=int, default=20, help="How many unmapped phrases to list.")
    c.set_defaults(func=cmd_coverage)
