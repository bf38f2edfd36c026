"""Pure eligibility core: parse free-text criteria and judge them against a profile.

Nothing here does I/O: no requests, no database, no Streamlit (a test enforces it).
The only files read are the engine's own vocabulary tables (``criteria/vocab.py``).

Public API::

    parse_criteria(text) -> tuple[Criterion, ...]
    prepare(eligibility) -> PreparedTrial          # parse + compile once (immutable, cacheable)
    evaluate(trial_or_prepared, profile) -> TrialResult
    evaluate_many(prepared_trials, profile) -> list[TrialResult]   # same results, faster for a batch
"""

from criteria.eligibility import Eligibility
from criteria.engine import PreparedTrial, evaluate, evaluate_many, prepare
from criteria.model import CriterionResult, Kind, Outcome, TrialResult, Verdict
from criteria.parse import Criterion, parse_criteria

__all__ = [
    "Criterion",
    "CriterionResult",
    "Eligibility",
    "Kind",
    "Outcome",
    "PreparedTrial",
    "TrialResult",
    "Verdict",
    "evaluate",
    "evaluate_many",
    "parse_criteria",
    "prepare",
]
