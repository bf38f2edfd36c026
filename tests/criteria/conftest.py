"""Real eligibility text for the criteria tests: every quoted line must come from a real record."""

from __future__ import annotations

import gzip
import json
import re
from functools import cache
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]


@cache
def real_texts() -> tuple[str, ...]:
    """eligibilityCriteria of the 192 back/hip/spine fixtures and the 612 embedded studies."""
    texts: list[str] = []
    back = ROOT / "tests/fixtures/ctgov/v2_subset_back_hip_spine.jsonl"
    lines = back.read_text(encoding="utf-8").splitlines()
    with gzip.open(ROOT / "screener/data/embedded_snapshot.jsonl.gz", "rt", encoding="utf-8") as fh:
        lines.extend(fh)
    for line in lines:
        if line.strip():
            module = json.loads(line)["protocolSection"].get("eligibilityModule", {})
            texts.append(module.get("eligibilityCriteria", ""))
    return tuple(texts)


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"\\(.)", r"\1", text)).strip()


@cache
def _corpus() -> str:
    return "\n".join(_squash(t) for t in real_texts())


def is_real(line: str) -> bool:
    """Whether ``line`` (markdown escapes and spacing aside) is quoted from a real record."""
    return _squash(line) in _corpus()


def judge_line(kind: Any, text: str, profile: dict[str, Any]) -> tuple[Any, str, frozenset[str]]:
    """Compile one criterion line and judge it: (outcome, reason, profile keys it reads).

    A line with no checks compiled is unknown (it stays for the study team).
    """
    from criteria.compile import compile_criterion
    from criteria.engine import judge_rule
    from criteria.model import Outcome
    from criteria.parse import Criterion

    rule = compile_criterion(Criterion(kind, text, 0))
    if not rule.groups:
        return Outcome.UNKNOWN, "no checks compiled", frozenset(rule.keys)
    result = judge_rule(rule, profile, 0)
    return result.outcome, result.reason, frozenset(rule.keys)
