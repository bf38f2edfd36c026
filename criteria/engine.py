"""``prepare`` a trial once (parse + compile), then ``evaluate`` it against any number of profiles.

Verdict (per the product contract):

=========  ==============================================================
excluded   at least one criterion fails
likely     nothing fails and every criterion the questionnaire covers passes
possible   nothing fails, and something covered is still unknown
=========  ==============================================================

``open_questions`` are the unanswered profile keys that would settle the unknowns,
most useful first (the number of criteria each one settles).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from criteria.compile import compile_criterion
from criteria.eligibility import Eligibility
from criteria.explain import answer, join, question, sentence
from criteria.model import CriterionResult, Kind, Outcome, TrialResult, Verdict
from criteria.parse import parse_criteria
from criteria.rules import Rule, Term
from criteria.structured import StructuredCheck, structured_checks

UNREADABLE = "This criterion is not one the questionnaire asks about; the study team will check it with you."


@dataclass(frozen=True, slots=True)
class PreparedTrial:
    """A trial parsed and compiled once; immutable, so it can be cached and shared across threads."""

    eligibility: Eligibility
    structured: tuple[StructuredCheck, ...]
    rules: tuple[Rule, ...]
    #: Results of criteria no answer can change (nothing recognised), built once.
    static: tuple[CriterionResult | None, ...]

    @property
    def nct_id(self) -> str:
        return self.eligibility.nct_id


def prepare(eligibility: Eligibility) -> PreparedTrial:
    """Parse and compile a trial's criteria (the expensive part), once."""
    structured = structured_checks(eligibility)
    rules = tuple(compile_criterion(c) for c in parse_criteria(eligibility.criteria_text))
    offset = len(structured)
    static = tuple(None if r.groups else _static_result(r, offset + i) for i, r in enumerate(rules))
    return PreparedTrial(eligibility, structured, rules, static)


def _static_result(rule: Rule, index: int) -> CriterionResult:
    crit = rule.criterion
    if not rule.keys:
        return CriterionResult(crit.kind, crit.text, Outcome.UNKNOWN, (), UNREADABLE, index, ())
    about = join((question(k) for k in rule.keys), "and")
    reason = (
        f"This criterion is about {about}, but asks more than the questionnaire can settle "
        f"({rule.caveat}); the study team will check it."
    )
    return CriterionResult(crit.kind, crit.text, Outcome.UNKNOWN, rule.keys, reason, index, ())


def _kleene_and(values: list[bool | None]) -> bool | None:
    if False in values:
        return False
    if None in values:
        return None
    return True


def _group_value(group: tuple[Term, ...], profile: Mapping[str, Any]) -> tuple[bool | None, list[Term]]:
    """OR over a group; also returns the terms that decided it (true ones, or all false ones)."""
    unknown = False
    falses: list[Term] = []
    for term in group:
        v = term.holds(profile)
        if v:
            return True, [term]
        if v is None:
            unknown = True
        else:
            falses.append(term)
    return (None, []) if unknown else (False, falses)


def _label(term: Term) -> str:
    return term.label


def judge_rule(rule: Rule, profile: Mapping[str, Any], index: int) -> CriterionResult:
    """Judge one compiled text criterion."""
    crit = rule.criterion
    values: list[bool | None] = []
    deciders: list[list[Term]] = []
    for group in rule.groups:
        v, terms = _group_value(group, profile)
        values.append(v)
        deciders.append(terms)
    met = _kleene_and(values)
    exclusion = crit.kind is Kind.EXCLUSION
    if met is None:
        missing: list[str] = []
        for group, v in zip(rule.groups, values, strict=True):
            if v is None:
                for term in group:
                    if term.holds(profile) is None:
                        missing.extend(term.missing(profile))
        open_keys = tuple(dict.fromkeys(missing))
        if open_keys:
            reason = f"Not answered yet: {join((question(k) for k in open_keys), 'or')}."
        else:
            said = join(answer(t, profile) for g in rule.groups for t in g)
            caveat = f" ({rule.caveat})" if rule.caveat else ""
            reason = (
                f"You said {said}, but this criterion is more specific than the questionnaire{caveat}; "
                "the study team will check it."
            )
        return CriterionResult(crit.kind, crit.text, Outcome.UNKNOWN, rule.keys, reason, index, open_keys)
    if met:
        terms = [t for ts in deciders for t in ts]
    else:
        terms = next(ts for v, ts in zip(values, deciders, strict=True) if v is False)
    said = join(answer(t, profile) for t in terms)
    labels = join((_label(t) for t in terms), "and" if met else "or")
    if exclusion:
        outcome = Outcome.FAIL if met else Outcome.PASS
        tail = "" if met else ", so this does not rule you out"
        reason = f"You said {said}; this trial excludes {labels}{tail}."
    else:
        outcome = Outcome.PASS if met else Outcome.FAIL
        tail = ", so this is met" if met else ""
        reason = f"You said {said}; this trial requires {labels}{tail}."
    return CriterionResult(crit.kind, crit.text, outcome, rule.keys, sentence(reason), index, ())


def evaluate(trial: Eligibility | PreparedTrial, profile: Mapping[str, Any]) -> TrialResult:
    """Judge every criterion of ``trial`` (structured fields first) against ``profile``.

    ``profile`` is a dict following ``patient_profile.schema.json`` (validated by the
    caller); an absent key is unknown, never "no". Never raises for a valid profile.
    """
    prepared = trial if isinstance(trial, PreparedTrial) else prepare(trial)
    results: list[CriterionResult] = [judge(profile, i) for i, (_, judge) in enumerate(prepared.structured)]
    offset = len(results)
    for i, (rule, static) in enumerate(zip(prepared.rules, prepared.static, strict=True)):
        results.append(static if static is not None else judge_rule(rule, profile, offset + i))
    return _verdict(prepared.nct_id, tuple(results))


def _verdict(nct_id: str, results: tuple[CriterionResult, ...]) -> TrialResult:
    failed = False
    covered_unsettled = False
    counts: dict[str, int] = {}
    for r in results:
        if r.outcome is Outcome.FAIL:
            failed = True
        elif r.outcome is Outcome.UNKNOWN and r.concepts:
            covered_unsettled = True
            for k in r.open_keys:
                counts[k] = counts.get(k, 0) + 1
    if failed:
        verdict = Verdict.EXCLUDED
    elif covered_unsettled:
        verdict = Verdict.POSSIBLE
    else:
        verdict = Verdict.LIKELY
    # Most criteria settled first; ties keep first-seen order (the trial's own order).
    open_questions = tuple(sorted(counts, key=lambda k: -counts[k]))
    return TrialResult(nct_id, verdict, results, open_questions)
