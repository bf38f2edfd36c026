"""Result types of the criteria engine: three-valued outcomes that explain themselves.

These are the contract between the engine, the patient app, the recruiter store and
the ``screen`` command (JSON shape: ``TrialResult.to_json()``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class Kind(StrEnum):
    INCLUSION = "inclusion"
    EXCLUSION = "exclusion"


class Outcome(StrEnum):
    """Whether the person meets what the criterion asks for a trial to accept them.

    ``pass``: the answers satisfy it (an inclusion is met, an exclusion does not apply);
    ``fail``: the answers rule the person out; ``unknown``: not answered or not readable.
    """

    PASS = "pass"
    FAIL = "fail"
    UNKNOWN = "unknown"


class Verdict(StrEnum):
    """``excluded``: a criterion fails. ``likely``: nothing fails and every criterion the
    questionnaire covers is answered and passes. ``possible``: nothing fails, something
    the person could still answer is unknown."""

    LIKELY = "likely"
    POSSIBLE = "possible"
    EXCLUDED = "excluded"


@dataclass(frozen=True, slots=True)
class CriterionResult:
    kind: Kind
    text: str
    outcome: Outcome
    concepts: tuple[str, ...]
    reason: str
    #: Position of the criterion in the trial's list (stable id for storing answers against it).
    index: int = 0
    #: Profile keys that would settle this criterion if it is unknown.
    open_keys: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": str(self.kind),
            "text": self.text,
            "outcome": str(self.outcome),
            "concepts": list(self.concepts),
            "reason": self.reason,
        }


@dataclass(frozen=True, slots=True)
class TrialResult:
    nct_id: str
    verdict: Verdict
    criteria: tuple[CriterionResult, ...]
    open_questions: tuple[str, ...] = field(default_factory=tuple)

    def to_json(self) -> dict[str, Any]:
        return {
            "nct_id": self.nct_id,
            "verdict": str(self.verdict),
            "criteria": [c.to_json() for c in self.criteria],
            "open_questions": list(self.open_questions),
        }
