"""Which question to ask next: the fixed opening, one safety step, then the most useful follow-up.

Follow-ups follow DQueST's idea in its simplest form: ask about the profile key that
would settle the most trials still marked *possible* (from the engine's
``open_questions``), ties broken by the bank's plain-language order. A question that
would settle no trial is not asked; "Not sure" never removes a trial.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from criteria.model import TrialResult
from screener.questions import Question, QuestionBank


@dataclass(frozen=True, slots=True)
class Step:
    """One screen of the questionnaire: usually one question, the safety check groups several."""

    id: str
    stage: str
    questions: tuple[Question, ...]
    #: How many trials still marked possible this step could settle (follow-ups only).
    settles: int = 0


def _pending(questions: Iterable[Question], answers: Mapping[str, Any], profile: Mapping[str, Any]) -> list[Question]:
    return [q for q in questions if q.id not in answers and q.applies(profile)]


def follow_up_scores(
    bank: QuestionBank, answers: Mapping[str, Any], profile: Mapping[str, Any], open_results: Iterable[TrialResult]
) -> list[tuple[Question, int]]:
    """Unasked follow-ups that would settle at least one open trial, best first."""
    counts = Counter(key for result in open_results for key in set(result.open_questions))
    scored = [(q, counts[q.key]) for q in _pending(bank.stage("follow_up"), answers, profile) if counts[q.key] > 0]
    return sorted(scored, key=lambda pair: (-pair[1], pair[0].order))


def next_step(
    bank: QuestionBank, answers: Mapping[str, Any], profile: Mapping[str, Any], open_results: Iterable[TrialResult]
) -> Step | None:
    """The next screen to show, or ``None`` when no remaining question would change a result."""
    core = _pending(bank.stage("core"), answers, profile)
    if core:
        return Step(id=core[0].id, stage="core", questions=(core[0],))
    safety = bank.stage("safety")
    if _pending(safety, answers, profile):
        return Step(id="safety", stage="safety", questions=tuple(q for q in safety if q.applies(profile)))
    scored = follow_up_scores(bank, answers, profile, open_results)
    if scored:
        question, settles = scored[0]
        return Step(id=question.id, stage="follow_up", questions=(question,), settles=settles)
    return None


def remaining_estimate(
    bank: QuestionBank, answers: Mapping[str, Any], profile: Mapping[str, Any], open_results: Iterable[TrialResult]
) -> int:
    """About how many more screens the person will see (for the progress bar)."""
    core = len(_pending(bank.stage("core"), answers, profile))
    safety = 1 if _pending(bank.stage("safety"), answers, profile) else 0
    return core + safety + len(follow_up_scores(bank, answers, profile, open_results))


def step_by_id(bank: QuestionBank, step_id: str, profile: Mapping[str, Any]) -> Step | None:
    """The screen for an earlier step (to go back or change an answer); ``None`` if it no longer applies."""
    if step_id == "safety":
        questions = tuple(q for q in bank.stage("safety") if q.applies(profile))
        return Step(id="safety", stage="safety", questions=questions) if questions else None
    question = bank.by_id().get(step_id)
    if question is None or not question.applies(profile):
        return None
    return Step(id=question.id, stage=question.stage, questions=(question,))
