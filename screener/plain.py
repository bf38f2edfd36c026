"""Registry codes in plain words, shared by the patient page and the doctor summary."""

from __future__ import annotations

import re
from collections.abc import Iterable

from criteria.model import Outcome, Verdict

VERDICT_LABELS = {
    Verdict.LIKELY: "Likely eligible",
    Verdict.POSSIBLE: "Possibly eligible",
    Verdict.EXCLUDED: "Not eligible",
}
OUTCOME_MARKS = {Outcome.PASS: "✓", Outcome.FAIL: "✗", Outcome.UNKNOWN: "?"}
OUTCOME_WORDS = {Outcome.PASS: "you meet this", Outcome.FAIL: "rules you out", Outcome.UNKNOWN: "to be checked"}

_STATUS = {
    "RECRUITING": "Recruiting now",
    "NOT_YET_RECRUITING": "Opening soon (not recruiting yet)",
    "ENROLLING_BY_INVITATION": "By invitation only",
    "ACTIVE_NOT_RECRUITING": "Running, not taking new people",
    "COMPLETED": "Finished",
    "SUSPENDED": "Paused",
    "TERMINATED": "Stopped early",
    "WITHDRAWN": "Withdrawn before it started",
    "UNKNOWN": "Status not known",
}
_PHASE = {
    "EARLY_PHASE1": "Early phase 1 (first tests in people)",
    "PHASE1": "Phase 1 (is it safe?)",
    "PHASE2": "Phase 2 (does it work, and at what dose?)",
    "PHASE3": "Phase 3 (is it better than usual care?)",
    "PHASE4": "Phase 4 (after approval)",
    "NA": "No phase (not a drug study)",
}


def status_label(status: str | None) -> str:
    return _STATUS.get(status or "", (status or "Status not given").replace("_", " ").capitalize())


def phase_label(phases: Iterable[str]) -> str:
    labels = [_PHASE.get(p, p.replace("_", " ").title()) for p in phases]
    return " / ".join(labels) if labels else "Phase not given"


def tested_label(interventions: Iterable[str]) -> str:
    items = list(interventions)
    return "; ".join(items) if items else "Not given"


def short_summary(text: str | None, limit: int = 320) -> str:
    """The first sentences of the registry summary, cut at a sentence end near ``limit``."""
    if not text:
        return "No summary given."
    flat = re.sub(r"\s+", " ", text).strip()
    if len(flat) <= limit:
        return flat
    cut = flat[:limit]
    end = cut.rfind(". ")
    return cut[: end + 1] if end > limit // 3 else cut.rstrip() + "…"


def distance_label(miles: float | None) -> str:
    if miles is None:
        return "distance not known"
    return "less than 1 mile" if miles < 1 else f"{miles:,.0f} miles"
