"""Red flags: answers that mean "see a doctor soon" (seed 004's list). A notice, never a gate.

The flags, the notice texts and the "seek urgent care now" combination are data in the
question bank; this module only reads the person's answers against them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from screener.questions import QuestionBank


@dataclass(frozen=True, slots=True)
class SafetyNotice:
    urgent: bool
    message: str
    #: The red-flag questions the person answered "Yes" to, in their own words.
    reasons: tuple[str, ...]


def safety_notice(bank: QuestionBank, answers: Mapping[str, Any]) -> SafetyNotice | None:
    """A notice when any red-flag question is answered "Yes"; ``None`` otherwise.

    Bladder or bowel trouble together with numbness (the bank's ``urgent_when_all``)
    turns it into "seek urgent care now". "Not sure" is not a yes.
    """
    flagged = tuple(q for q in bank.questions if q.red_flag and answers.get(q.id) is True)
    if not flagged:
        return None
    flagged_ids = {q.id for q in flagged}
    urgent = bool(bank.urgent_when_all) and all(i in flagged_ids for i in bank.urgent_when_all)
    return SafetyNotice(
        urgent=urgent,
        message=bank.urgent_notice if urgent else bank.red_flag_notice,
        reasons=tuple(q.prompt(None) for q in sorted(flagged, key=lambda q: q.order)),
    )
