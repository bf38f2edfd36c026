"""Recruiter tables as display rows: a missing value is a blank cell, never the text "None" or "nan".

The recruiter page and the exports both show optional data (no location means no distance, a
withdrawn person has no name, an audit row may name no trial). Python's ``str(None)`` and
pandas' ``NaN`` would print as "None"/"nan"; every cell goes through ``cell_text`` instead.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from typing import Any

from screener.audit import AuditEntry
from screener.leads import CriterionRow, Lead
from screener.pipeline import LABELS

#: What the page shows for a missing value (exports leave the cell empty instead).
MISSING = "—"
OUTCOME_ICON = {"pass": "✓", "fail": "✗", "unknown": "?"}

#: Columns of the candidate list; "Miles to site" stays a number (None when unknown) so it sorts.
LEAD_COLUMNS = (
    "Candidate", "Submitted", "Verdict", "Miles to site", "To check", "Ask", "Status", "Owner", "Last action",
    "Stale",
)  # fmt: skip
MILES_COLUMN = "Miles to site"


def is_missing(value: Any) -> bool:
    """None, NaN or an infinite float: nothing a person should read as a value."""
    return value is None or (isinstance(value, float) and not math.isfinite(value))


def cell_text(value: Any, *, missing: str = "") -> str:
    """A value in words: yes/no for booleans, lists joined with commas, ``missing`` for None or NaN.

    >>> cell_text({"postal_code": "02115", "lat": None})
    'postal_code 02115'
    """
    if is_missing(value):
        return missing
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, list | tuple):
        return ", ".join(t for t in (cell_text(v) for v in value) if t)
    if isinstance(value, Mapping):
        return ", ".join(f"{k} {t}" for k, t in ((k, cell_text(v)) for k, v in value.items()) if t)
    return str(value)


def answers_text(answers: Mapping[str, Any] | None, *, sep: str = ": ", join: str = "; ") -> str:
    """``age: 54; smoker: no; treatments_tried: physical_therapy``; unanswered (None) keys are left out."""
    if not answers:
        return ""
    return join.join(f"{k}{sep}{t}" for k, t in ((k, cell_text(v)) for k, v in answers.items()) if t)


def lead_list_rows(leads: Iterable[Lead]) -> list[dict[str, Any]]:
    """The candidate list, one dict per lead keyed by ``LEAD_COLUMNS``; only "Miles to site" may be None."""
    return [
        {
            "Candidate": lead.name or f"(withdrawn) {lead.pseudonym}",
            "Submitted": f"{lead.submitted_at:%Y-%m-%d}",
            "Verdict": cell_text(lead.verdict, missing=MISSING),
            MILES_COLUMN: None if is_missing(lead.distance_miles) else lead.distance_miles,
            "To check": len(lead.questions),
            "Ask": " · ".join(lead.questions[:3]) + (" …" if len(lead.questions) > 3 else ""),
            "Status": LABELS[lead.status],
            "Owner": cell_text(lead.owner),
            "Last action": f"{lead.last_action_at:%Y-%m-%d}",
            "Stale": "⚠ stale" if lead.stale else "",
        }
        for lead in leads
    ]


def miles_text(miles: float | None) -> str:
    """``12 miles``, or ``—`` when the person gave no location."""
    return MISSING if is_missing(miles) else f"{miles:.0f} miles"


def criterion_rows(criteria: Iterable[CriterionRow]) -> list[dict[str, str]]:
    """One lead's criteria: outcome icon, kind, original text, reason and the answers it was judged on."""
    return [
        {
            "": OUTCOME_ICON.get(c.outcome, c.outcome),
            "Kind": c.kind,
            "Criterion": c.text,
            "Reason": cell_text(c.reason),
            "Answers": answers_text(c.answers, sep="=", join=", "),
        }
        for c in criteria
    ]


def audit_rows(entries: Iterable[AuditEntry]) -> list[dict[str, str]]:
    """The audit trail; rows about no candidate or trial (a sign-in) have blank cells there."""
    return [
        {
            "When": f"{e.at:%Y-%m-%d %H:%M:%S}",
            "Who": e.actor,
            "What": str(e.action),
            "Candidate": cell_text(e.candidate),
            "Trial": cell_text(e.nct_id),
            "Detail": cell_text(e.detail),
        }
        for e in entries
    ]
