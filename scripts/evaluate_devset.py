"""Score the criteria engine on the labelled development set through the public ``screen`` command.

For each profile in ``tests/criteria/devset/profiles/`` this runs::

    python -m screener screen --profile P.json --trials trials.jsonl --out results.jsonl

joins the output with ``labels.jsonl`` and reports the two figures the engine is judged on:

- false-exclusion rate: share of pairs labelled ``not_excluded`` that come out ``excluded`` (bar: <= 2%);
- caught-exclusion rate: share of pairs labelled ``excluded`` that come out ``excluded`` (bar: >= 80%).

Every error is listed with the pair and the criterion involved: for a false exclusion the criteria the
engine marked ``fail``; for a missed exclusion the annotators' deciding criteria and what the engine said
about them. ``--json`` prints the same report as one JSON object.

Usage: ``python scripts/evaluate_devset.py [--json] [--devset DIR] [--only IDS.txt] [--in-process]``
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DEVSET = ROOT / "tests" / "criteria" / "devset"
MAX_FALSE_EXCLUSION_RATE = 0.02
MIN_CAUGHT_EXCLUSION_RATE = 0.80
#: Structured eligibility fields are quoted as "<field>: <value>" in labels.
STRUCTURED_PREFIXES = ("minimumAge:", "maximumAge:", "sex:", "healthyVolunteers:")

#: (profile path, trials path, output path) -> None; raises ScreenFailed when the command fails.
ScreenRunner = Callable[[Path, Path, Path], None]


class ScreenFailed(RuntimeError):
    """The ``screen`` command exited non-zero or wrote no usable output."""


@dataclass
class PairError:
    profile: str
    nct_id: str
    label: str
    verdict: str
    #: For a false exclusion: criteria the engine failed. For a missed exclusion: the deciding criteria.
    criteria: list[dict[str, str]]
    rationale: str


@dataclass
class Report:
    pairs: int = 0
    labelled_excluded: int = 0
    labelled_not_excluded: int = 0
    false_exclusions: int = 0
    caught_exclusions: int = 0
    missing_results: int = 0
    #: Excluded pairs whose every deciding criterion is a structured field (age/sex), and how many were caught.
    structured_only_excluded: int = 0
    structured_only_caught: int = 0
    errors: list[PairError] = field(default_factory=list)

    @property
    def false_exclusion_rate(self) -> float:
        return self.false_exclusions / self.labelled_not_excluded if self.labelled_not_excluded else 0.0

    @property
    def caught_exclusion_rate(self) -> float:
        return self.caught_exclusions / self.labelled_excluded if self.labelled_excluded else 0.0

    @property
    def passes(self) -> bool:
        return (
            self.missing_results == 0
            and self.false_exclusion_rate <= MAX_FALSE_EXCLUSION_RATE
            and self.caught_exclusion_rate >= MIN_CAUGHT_EXCLUSION_RATE
        )

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["false_exclusion_rate"] = round(self.false_exclusion_rate, 4)
        data["caught_exclusion_rate"] = round(self.caught_exclusion_rate, 4)
        data["bars"] = {
            "max_false_exclusion_rate": MAX_FALSE_EXCLUSION_RATE,
            "min_caught_exclusion_rate": MIN_CAUGHT_EXCLUSION_RATE,
        }
        data["passes"] = self.passes
        return data


def run_screen_subprocess(profile: Path, trials: Path, out: Path, *, python: str = sys.executable) -> None:
    """Run the public command line exactly as a user would (from the repository root)."""
    cmd = [python, "-m", "screener", "screen", "--profile", str(profile), "--trials", str(trials), "--out", str(out)]
    done = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=600, check=False)
    if done.returncode != 0:
        raise ScreenFailed(f"`{' '.join(cmd[1:])}` exited {done.returncode}: {done.stderr.strip()[-2000:]}")


def run_screen_in_process(profile: Path, trials: Path, out: Path) -> None:
    """Same command through ``screener.__main__.main`` without a new interpreter (faster in tests)."""
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    from screener.__main__ import main

    err = io.StringIO()
    try:
        with contextlib.redirect_stderr(err):
            code = main(["screen", "--profile", str(profile), "--trials", str(trials), "--out", str(out)])
    except SystemExit as exc:  # argparse exits, e.g. when the ``screen`` command does not exist yet
        code = exc.code if isinstance(exc.code, int) else 2
    if code != 0:
        raise ScreenFailed(f"`python -m screener screen` exited {code}: {err.getvalue().strip()[-2000:]}")


def load_jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _is_structured(quote: str) -> bool:
    return quote.startswith(STRUCTURED_PREFIXES)


def _engine_view(quote: str, result: dict[str, Any]) -> dict[str, str]:
    """What the engine said about one deciding criterion (matched by its text)."""
    if _is_structured(quote):
        return {"text": quote, "engine": "structured field"}
    for crit in result.get("criteria", []):
        text = crit.get("text", "")
        if quote in text or (text and text in quote):
            return {"text": quote, "engine": f"{crit.get('outcome')}: {crit.get('reason', '')}"}
    return {"text": quote, "engine": "criterion not found in output"}


def score(labels: list[dict[str, Any]], results: dict[tuple[str, str], dict[str, Any]]) -> Report:
    report = Report()
    for lab in labels:
        key = (lab["profile"], lab["nct_id"])
        report.pairs += 1
        result = results.get(key)
        verdict = result.get("verdict", "missing") if result else "missing"
        if result is None:
            report.missing_results += 1
        said_excluded = verdict == "excluded"
        if lab["label"] == "excluded":
            report.labelled_excluded += 1
            structured_only = all(_is_structured(q) for q in lab["deciding_criteria"])
            report.structured_only_excluded += structured_only
            if said_excluded:
                report.caught_exclusions += 1
                report.structured_only_caught += structured_only
            else:
                views = [_engine_view(q, result or {}) for q in lab["deciding_criteria"]]
                report.errors.append(PairError(*key, "excluded", verdict, views, lab["rationale"]))
        else:
            report.labelled_not_excluded += 1
            if said_excluded:
                report.false_exclusions += 1
                failed = [
                    {"text": c.get("text", ""), "engine": f"fail: {c.get('reason', '')}"}
                    for c in result.get("criteria", [])
                    if c.get("outcome") == "fail"
                ]
                report.errors.append(PairError(*key, "not_excluded", verdict, failed, lab["rationale"]))
            elif result is None:
                report.errors.append(PairError(*key, "not_excluded", verdict, [], lab["rationale"]))
    return report


def evaluate(
    devset: Path = DEVSET, runner: ScreenRunner = run_screen_subprocess, *, only: frozenset[str] | None = None
) -> Report:
    """Score every labelled pair, or only the pairs of the trials in ``only`` (a split of one set)."""
    labels = load_jsonl(devset / "labels.jsonl")
    if only is not None:
        unknown = only - {lab["nct_id"] for lab in labels}
        if unknown:
            raise ScreenFailed(f"--only lists trials with no labels in {devset}: {', '.join(sorted(unknown))}")
        labels = [lab for lab in labels if lab["nct_id"] in only]
    trials = devset / "trials.jsonl"
    results: dict[tuple[str, str], dict[str, Any]] = {}
    wanted = sorted({lab["profile"] for lab in labels})
    with tempfile.TemporaryDirectory(prefix="devset-") as tmp:
        for stem in wanted:
            out = Path(tmp) / f"{stem}.results.jsonl"
            runner(devset / "profiles" / f"{stem}.json", trials, out)
            if not out.exists():
                raise ScreenFailed(f"screen wrote no output file for profile {stem}")
            for row in load_jsonl(out):
                results[(stem, row["nct_id"])] = row
    return score(labels, results)


def _short(text: str, width: int = 110) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def print_report(report: Report) -> None:
    print(
        f"pairs: {report.pairs}  (labelled excluded {report.labelled_excluded}, not excluded {report.labelled_not_excluded})"
    )
    print(
        f"false exclusions: {report.false_exclusions}/{report.labelled_not_excluded} = "
        f"{report.false_exclusion_rate:.1%}  (bar <= {MAX_FALSE_EXCLUSION_RATE:.0%})"
    )
    print(
        f"caught exclusions: {report.caught_exclusions}/{report.labelled_excluded} = "
        f"{report.caught_exclusion_rate:.1%}  (bar >= {MIN_CAUGHT_EXCLUSION_RATE:.0%})"
    )
    text_excluded = report.labelled_excluded - report.structured_only_excluded
    text_caught = report.caught_exclusions - report.structured_only_caught
    if text_excluded:
        print(
            f"  of which decided by free-text criteria: {text_caught}/{text_excluded} = {text_caught / text_excluded:.1%}"
            f" (age/sex-only: {report.structured_only_caught}/{report.structured_only_excluded})"
        )
    if report.missing_results:
        print(f"pairs with no result from screen: {report.missing_results}")
    for kind, title in (("not_excluded", "FALSE EXCLUSIONS"), ("excluded", "MISSED EXCLUSIONS")):
        errs = [e for e in report.errors if e.label == kind]
        print(f"\n{title} ({len(errs)})")
        for e in errs:
            print(f"- {e.profile} x {e.nct_id}: verdict {e.verdict}")
            for crit in e.criteria:
                print(f"    criterion: {_short(crit['text'])}")
                print(f"      engine: {_short(crit['engine'])}")
            if kind == "excluded":
                print(f"    annotators: {_short(e.rationale)}")
    print("\nPASS" if report.passes else "\nFAIL")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--devset", type=Path, default=DEVSET, help="Directory with trials.jsonl, labels.jsonl, profiles/."
    )
    parser.add_argument("--json", action="store_true", help="Print the report as one JSON object.")
    parser.add_argument(
        "--only", type=Path, help="Score only the trials listed in this file (one NCT id per line): a split of the set."
    )
    parser.add_argument(
        "--in-process", action="store_true", help="Call screener.__main__.main instead of a subprocess."
    )
    parser.add_argument("--python", default=sys.executable, help="Interpreter for the subprocess (default: this one).")
    args = parser.parse_args(argv)

    def runner(profile: Path, trials: Path, out: Path) -> None:
        run_screen_subprocess(profile, trials, out, python=args.python)

    only = None
    if args.only is not None:
        only = frozenset(line.strip() for line in args.only.read_text(encoding="utf-8").splitlines() if line.strip())
    try:
        report = evaluate(args.devset, run_screen_in_process if args.in_process else runner, only=only)
    except ScreenFailed as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(report.to_json(), indent=2, ensure_ascii=False))
    else:
        print_report(report)
    return 0 if report.passes else 1


if __name__ == "__main__":
    sys.exit(main())
