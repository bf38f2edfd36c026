"""Real eligibility text for the criteria tests: every quoted line must come from a real record."""

from __future__ import annotations

import gzip
import json
import re
from functools import cache
from pathlib import Path

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
