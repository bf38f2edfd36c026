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

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from criteria.compile import OTHER_GROUP, compile_criteria
from criteria.eligibility import Eligibility
from criteria.explain import answer, join, question, sentence
from criteria.model import CriterionResult, Kind, Outcome, TrialResult, Verdict
from criteria.parse import parse_criteria
from criteria.rules import Rule, Term
from criteria.structured import StructuredCheck, structured_checks

UNREADABLE = "This criterion is not one the questionnaire asks about; the study team will check it with you."
OTHER_GROUP_REASON = "This criterion is for another group of participants (such as healthy volunteers), not for you."


@dataclass(frozen=True, slots=True)
class PreparedTrial:
    """A trial parsed and compiled once; immutable, so it can be cached and shared across threads."""

    eligibility: Eligibility
    structured: tuple[StructuredCheck, ...]
    rules: tuple[Rule, ...]
    #: Every criterion's result when none of its profile keys is answered (built once; most criteria
    #: of most trials stay like this, so evaluate only re-judges the ones a profile can change).
    absent: tuple[CriterionResult, ...]
    #: Verdict bookkeeping of ``absent``: how many covered criteria are unsettled, and open-key counts.
    absent_unsettled: int
    absent_counts: tuple[tuple[str, int], ...]
    #: (position, keys it reads, compiled rule or structured check) for the criteria an answer can change.
    dynamic: tuple[tuple[int, frozenset[str], Rule | Callable[[Mapping[str, Any], int], CriterionResult]], ...]

    @property
    def nct_id(self) -> str:
        return self.eligibility.nct_id


def prepare(eligibility: Eligibility) -> PreparedTrial:
    """Parse and compile a trial's criteria (the expensive part), once."""
    structured = structured_checks(eligibility)
    rules = compile_criteria(parse_criteria(eligibility.criteria_text))
    absent: list[CriterionResult] = []
    dynamic: list[tuple[int, frozenset[str], Rule | Callable[[Mapping[str, Any], int], CriterionResult]]] = []
    for i, (_, check) in enumerate(structured):
        result = check({}, i)
        absent.append(result)
        # "Sex: all" and the healthy-volunteers note read no answer: judged once, like unreadable text.
        probes = (check({"sex": "female", "age": 30}, i), check({"sex": "male", "age": 70}, i))
        if any(p != result for p in probes):
            dynamic.append((i, frozenset(result.concepts), check))
    offset = len(structured)
    for i, rule in enumerate(rules):
        if not rule.groups:
            absent.append(_static_result(rule, offset + i))
        else:
            absent.append(judge_rule(rule, {}, offset + i))
            dynamic.append((offset + i, frozenset(rule.keys), rule))
    unsettled = sum(1 for r in absent if _unsettled(r))
    counts: dict[str, int] = {}
    for r in absent:
        if _unsettled(r):
            for k in r.open_keys:
                counts[k] = counts.get(k, 0) + 1
    return PreparedTrial(
        eligibility, structured, rules, tuple(absent), unsettled, tuple(counts.items()), tuple(dynamic)
    )


def _unsettled(r: CriterionResult) -> bool:
    """A criterion the questionnaire covers that is not settled yet (keeps a trial at "possible")."""
    return r.outcome is Outcome.UNKNOWN and bool(r.concepts)


def _static_result(rule: Rule, index: int) -> CriterionResult:
    crit = rule.criterion
    if not rule.keys:
        reason = OTHER_GROUP_REASON if rule.caveat == OTHER_GROUP else UNREADABLE
        return CriterionResult(crit.kind, crit.text, Outcome.UNKNOWN, (), reason, index, ())
    about = join((question(k) for k in rule.keys), "and")
    reason = (
        f"This criterion is about {about}, but asks more than the questionnaire can settle: "
        f"{rule.caveat}. The study team will check it."
    )
    return CriterionResult(crit.kind, crit.text, Outcome.UNKNOWN, rule.keys, reason, index, ())


_NOT_ANSWERED: dict[tuple[str, ...], str] = {}


def _not_answered(keys: tuple[str, ...]) -> str:
    """ "Not answered yet: ..." for a set of profile keys (the phrase depends on key names only, so it is kept)."""
    text = _NOT_ANSWERED.get(keys)
    if text is None:
        text = f"Not answered yet: {join((question(k) for k in keys), 'or')}."
        if len(_NOT_ANSWERED) < 10_000:
            _NOT_ANSWERED[keys] = text
    return text


def _kleene_and(values: list[bool | None]) -> bool | None:
    if False in values:
        return False
    if None in values:
        return None
    return True


def _group_value(group: tuple[Term, ...], profile: Mapping[str, Any]) -> tuple[bool | None, list[Term]]:
    """OR over a group; also returns the terms that decided it (a true one, all false ones, or the open ones)."""
    unknowns: list[Term] = []
    falses: list[Term] = []
    for term in group:
        v = term.holds(profile)
        if v:
            return True, [term]
        if v is None:
            unknowns.append(term)
        else:
            falses.append(term)
    # An open group reports the terms that left it open.
    return (None, unknowns) if unknowns else (False, falses)


def _label(term: Term) -> str:
    return term.label


ONE_GROUP_REASON = (
    "This criterion applies to one group of participants ({group}); the trial has other groups, so the study "
    "team will check which one you would join."
)


def judge_rule(rule: Rule, profile: Mapping[str, Any], index: int) -> CriterionResult:
    """Judge one compiled text criterion."""
    result = _judge_rule(rule, profile, index)
    if rule.cohort and result.outcome is Outcome.FAIL:
        reason = ONE_GROUP_REASON.format(group=rule.cohort)
        return CriterionResult(result.kind, result.text, Outcome.UNKNOWN, result.concepts, reason, index, ())
    return result


def _judge_rule(rule: Rule, profile: Mapping[str, Any], index: int) -> CriterionResult:
    crit = rule.criterion
    if len(rule.groups) == 1 and len(rule.groups[0]) == 1:
        # Most criteria read one concept: skip the general bookkeeping.
        term = rule.groups[0][0]
        met1 = term.holds(profile)
        if met1 is None:
            open1 = term.missing(profile)
            if open1:
                return CriterionResult(
                    crit.kind, crit.text, Outcome.UNKNOWN, rule.keys, _not_answered(open1), index, open1
                )
        else:
            said = answer(term, profile)
            if crit.kind is Kind.EXCLUSION:
                if met1:
                    return CriterionResult(
                        crit.kind,
                        crit.text,
                        Outcome.FAIL,
                        rule.keys,
                        f"You said {said}; this trial excludes {_excluded(term.label)}.",
                        index,
                        (),
                    )
                return CriterionResult(
                    crit.kind,
                    crit.text,
                    Outcome.PASS,
                    rule.keys,
                    f"You said {said}; this trial excludes {_excluded(term.label)}, so this does not rule you out.",
                    index,
                    (),
                )
            if met1:
                return CriterionResult(
                    crit.kind,
                    crit.text,
                    Outcome.PASS,
                    rule.keys,
                    f"You said {said}; this trial requires {term.label}, so this is met.",
                    index,
                    (),
                )
            return CriterionResult(
                crit.kind,
                crit.text,
                Outcome.FAIL,
                rule.keys,
                f"You said {said}; this trial requires {term.label}.",
                index,
                (),
            )
    values: list[bool | None] = []
    deciders: list[list[Term]] = []
    for group in rule.groups:
        v, terms = _group_value(group, profile)
        values.append(v)
        deciders.append(terms)
    met = _kleene_and(values)
    exclusion = crit.kind is Kind.EXCLUSION
    if met is None:
        open_terms = [t for v, ts in zip(values, deciders, strict=True) if v is None for t in ts]
        open_keys = tuple(dict.fromkeys(k for t in open_terms for k in t.missing(profile)))
        if open_keys:
            reason = _not_answered(open_keys)
        else:
            # Read back only the answers that left it open, not the ones that were settled.
            said = join(answer(t, profile) for t in open_terms)
            caveat = f": {rule.caveat}" if rule.caveat else ""
            reason = f"You said {said}, which does not settle this criterion{caveat}. The study team will check it."
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
        reason = f"You said {said}; this trial excludes {_excluded(labels)}{tail}."
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
    return _evaluate(prepared, profile, _answered(profile), None)


def evaluate_many(trials: Iterable[PreparedTrial], profile: Mapping[str, Any]) -> list[TrialResult]:
    """``evaluate`` one profile against many prepared trials, judging each distinct criterion once.

    Registries repeat criteria word for word ("Pregnancy", "Previous lumbar spine surgery."), so a
    screening run keeps the outcome and reason of each compiled criterion it has judged for this
    profile and reuses them; the results equal ``[evaluate(t, profile) for t in trials]``.
    """
    answered = _answered(profile)
    memo: dict[int, tuple[Outcome, str, tuple[str, ...]]] = {}
    return [_evaluate(t, profile, answered, memo) for t in trials]


def _answered(profile: Mapping[str, Any]) -> frozenset[str]:
    return frozenset(k for k, v in profile.items() if v is not None)


def _evaluate(
    prepared: PreparedTrial,
    profile: Mapping[str, Any],
    answered: frozenset[str],
    memo: dict[int, tuple[Outcome, str, tuple[str, ...]]] | None,
) -> TrialResult:
    absent = prepared.absent
    results = list(absent)
    failed = False
    unsettled = prepared.absent_unsettled
    counts = dict(prepared.absent_counts)
    for position, keys, judge in prepared.dynamic:
        if answered.isdisjoint(keys):
            continue
        if type(judge) is Rule:
            hit = memo.get(judge.sig) if memo is not None else None
            if hit is None:
                r = judge_rule(judge, profile, position)
                if memo is not None:
                    memo[judge.sig] = (r.outcome, r.reason, r.open_keys)
            else:
                crit = judge.criterion
                r = CriterionResult(crit.kind, crit.text, hit[0], judge.keys, hit[1], position, hit[2])
        else:
            r = judge(profile, position)  # type: ignore[operator]
        results[position] = r
        # Swap the "nothing answered" contribution for this result's.
        before = absent[position]
        if _unsettled(before):
            unsettled -= 1
            for k in before.open_keys:
                counts[k] -= 1
        if r.outcome is Outcome.FAIL:
            failed = True
        elif _unsettled(r):
            unsettled += 1
            for k in r.open_keys:
                counts[k] = counts.get(k, 0) + 1
    covered_unsettled = unsettled > 0
    if failed:
        verdict = Verdict.EXCLUDED
    elif covered_unsettled:
        verdict = Verdict.POSSIBLE
    else:
        verdict = Verdict.LIKELY
    counts = {k: n for k, n in counts.items() if n > 0}
    # Most criteria settled first; ties keep first-seen order (the trial's own order).
    open_questions = tuple(sorted(counts, key=lambda k: -counts[k]))
    return TrialResult(prepared.nct_id, verdict, tuple(results), open_questions)


def _excluded(labels: str) -> str:
    """'excludes no pain spreading down the leg' reads as a double negative: name the people instead."""
    if labels.startswith("no "):
        return f"people with {labels}"
    if labels.startswith("not "):
        return f"people {labels}"
    return labels
