"""Criterion text -> ``Rule``: recognise the profile concepts a criterion is about and its constraint.

Steps: normalise and tokenise; find vocabulary phrases (concepts and context cues);
read numbers (age, pain duration/intensity, BMI, time windows); decide for each concept
whether it is denied ("no history of"), hidden (allergy to, scheduled for, with or
without, the exceptions after "other than"), or narrowed (uncontrolled, active, an
unread number); then combine. When in doubt a term is narrowed or dropped, which can
only turn a fail into unknown, never the other way.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache
from typing import Any

from criteria.explain import phrases
from criteria.lexicon import Match, find, normalise, phrase_key, tokenize
from criteria.model import Kind
from criteria.numbers import Finding, findings
from criteria.parse import Criterion
from criteria.rules import BROADER, NARROWER, SAME, UNSETTLED_SCOPE, WITHIN, Rule, Term
from criteria.vocab import TermSpec, cues, term_specs

_WEAK_NEGATION_REACH = 3
_STRONG_REACH = 12
_NARROW_BEFORE_REACH = 4
_NARROW_AFTER_REACH = 3
_WITH_OR_WITHOUT = ["with", "or", "without"]
_SEGMENT_BREAKS = frozenset({",", ";", ".", "or", "and", "(", ")", "/"})

_NUMERIC_KEYS = {"age": "age", "duration": "pain_duration_months", "intensity": "pain_intensity", "bmi": "bmi"}
_NOUNS = {"age": "age", "duration": "pain lasting", "intensity": "a pain score of", "bmi": "a BMI of"}
UNSETTLED = "it names this in a way the questionnaire cannot settle"
#: Caveat of a criterion written for another group of participants (healthy controls).
OTHER_GROUP = "other group"
_DURATION_TOLERANCE_MONTHS = 0.25
_AT_BOUNDARY = 0.01
_MEASURED_KEYS = frozenset({"pain_duration_months", "pain_intensity", "age", "bmi"})
_PAIN_CONTEXT_KEYS = frozenset({"pain_areas", "leg_pain_radiating"})
_CLINICAL = ["clinically", "significant"]
_AGE_WORDS = {"ge": "{} or older", "gt": "over {}", "le": "{} or younger", "lt": "under {}"}
_BMI_WORDS = {"ge": "{} or more", "gt": "over {}", "le": "{} or less", "lt": "under {}"}
_TIME_SINCE = re.compile(
    r"\b(?:at least|more than|over|>=?)\s*\d+\s*(?:months?|weeks?|years?)\s+(?:of evolution|since|after|post)\b"
)
_LIST_LABEL = re.compile(r"\d{1,2}\s*\)")
_CONDITIONAL_AGE = re.compile(r"\b(?:for|if)\b[^,;:.()]{0,30}$")
_PAIN_WORD = re.compile(r"\b(?:pain|symptom|sciatica|radicul|lumbago|lbp|ache|discomfort|episode|onset|complaint)")
_ADULT_AGE = 21
_MEDICATION_KEYS = frozenset({"medications", "took_medication"})
_SUBGROUP_AFTER = re.compile(
    r"[^,;.]{0,25}?(?:\bmust\b|(?<!and)(?<!or):|\bonly\b|\bat (?:the )?(?:time of )?(?:\w+ )?(?:onset|diagnosis)\b)"
)
_AGE_CONTEXT = re.compile(r"\bassent\b|\ballowing\b|\bflexibility\b")
_SYMBOLS = {">=": "at least", "<=": "at most", ">": "more than", "<": "less than", "=": ""}
_SYMBOL_WORDS = re.compile(r">=|<=|>|<|=")
_TRAILING_OR = re.compile(r"\b(?:or|and/or)\s*[:;,]?\s*$", re.IGNORECASE)
_OTHER_DURATION = re.compile(
    r"\b(?:surviv|life|expectancy|expected|disease|diabet|headache|migraine|cluster|remission|period|cough|fever"
    r"|employ|work|resid|follow|stable|dose|diagnos)"
)
_COUNTED_LIST = re.compile(r"\b(?:two|three|four|2|3|4) or more\b|\bat least (?:two|three|four|2|3|4)\b")
_LOWER, _UPPER = frozenset({"ge", "gt"}), frozenset({"le", "lt"})
_FORWARD = re.compile(r"\s*(?:of\s+|from\s+)?(?:following|after)\b")
_LIST_ROLES = frozenset({"disjunction", "sibling_exception", "negation_break"})


@dataclass(slots=True)
class _Hit:
    spec: TermSpec
    start: int  # token index
    end: int
    negated: bool = False
    suppressed: bool = False
    narrowed: bool = False
    history: bool = False
    cause: bool = False
    #: Narrowed by a qualifier that is not a mere grade ("active", not "severe"): its examples are narrowed too.
    qualified: bool = False


#: A T-score upper bound ("T-score of -1.0 or lower", "T score <= -1.5"): everything at or below it.
_TSCORE_UPPER = re.compile(
    r"\bt score (?:of )?(?:(?:<=|<|less than|lower than|below|worse than) )?-\s?(\d+(?:\.\d+)?)"
    r"(?P<post> or (?:lower|less|below|worse))?"
)


def _osteopenia_or_worse(text: str, tokens: list, h: _Hit) -> bool:
    """Osteopenia defined by a T-score bound that includes osteoporosis (-2.5 and below) is osteopenia or worse."""
    said = text[tokens[h.start].start : tokens[h.end - 1].end]
    if said != "osteopenia":
        return False
    for m in _TSCORE_UPPER.finditer(text):
        upper = m.group("post") or re.search(r"(?:<=|<|less than|lower than|below|worse than) -", m.group(0))
        if upper and float(m.group(1)) <= 2.5:
            return True
    return False


def _g(v: float) -> str:
    return f"{v:g}" if v != int(v) else str(int(v))


def _numeric_term(f: Finding, text: str) -> Term:
    key = _NUMERIC_KEYS[f.kind]
    # The trial's own words for the threshold ("6 or more weeks", ">50 mm") read better than a conversion.
    said = text[f.start : f.end].strip()
    noun = (
        "pain that began"
        if f.kind == "duration" and said.startswith(("within", "during", "in the"))
        else _NOUNS[f.kind]
    )
    label = f"{noun} {said}"
    if f.implied:
        noun = "pain lasting at least as long as the failed treatment it asks for:"
    if f.kind in ("age", "bmi"):
        # The trial's own words garble too easily ("nineteen (19) years or older", "10 and 16 years", "> 30)").
        words = _AGE_WORDS if f.kind == "age" else _BMI_WORDS
        label = ("age " if f.kind == "age" else "a BMI of ") + words[f.op].format(_g(f.value))
    else:
        if said.count("(") != said.count(")"):
            said = said.replace("(", " ").replace(")", " ")
        # ">= 40" is no plain language: "at least 40".
        said = " ".join(_SYMBOL_WORDS.sub(lambda m: f" {_SYMBOLS[m.group(0)]} ", said).split())
        label = f"{noun} {said}"
    # Durations are answered in whole months and registrants round weeks: an answer within about a week
    # of the threshold ("3 months" against "more than 3 months", "1 month" against "4 weeks") settles nothing.
    tol = max(f.tol, _DURATION_TOLERANCE_MONTHS) if f.kind == "duration" else f.tol
    if f.kind == "intensity" and f.op in ("gt", "lt") and not tol:
        # "VAS > 4" against an average of 4: the trial's score is taken on the day, the answer is an average.
        tol = _AT_BOUNDARY
    return Term(op=f.op, key=key, value=round(f.value, 3), label=label, tol=tol)


def _subgroup_age(text: str, f: Finding) -> bool:
    """Whether an age names the group the rest applies to rather than a requirement.

    "For subjects age between 2 and 5: ...", "Subjects aged 17 years and younger must have a parent ...",
    "(subjects aged 13 to 17 only)", "Less than 50 years of age at the time of migraine onset", anything about
    assent (only minors give it) and permissions ("allowing patients above 70 years to participate if ...").
    """
    return bool(
        _CONDITIONAL_AGE.search(text, 0, f.start) or _SUBGROUP_AFTER.match(text, f.end) or _AGE_CONTEXT.search(text)
    )


def _lead_in(text: str, start: int) -> str:
    """The words just before a number, within its clause or parenthesis ("cough" in "TB (cough >2 weeks")."""
    lead = re.split(r"[,;]", text[max(0, start - 40) : start])[-1]
    if "(" in lead:
        inner = lead.rsplit("(", 1)[1]
        if re.search(r"[a-z]", inner):
            return inner
    return lead


def _least_restrictive(numeric: list[Finding]) -> list[Finding]:
    """One lower and one upper bound per measure: the loosest wins.

    "Nineteen (19) years or older (for Puerto Rico residents, you must be 21 years or older)": the stricter
    bound is for a group we cannot see, so only the looser one may fail an inclusion.
    """
    kept: dict[tuple[str, bool], Finding] = {}
    for f in numeric:
        slot = (f.kind, f.op in _LOWER)
        old = kept.get(slot)
        if old is None or (f.value < old.value if f.op in _LOWER else f.value > old.value):
            kept[slot] = f
    return [f for f in numeric if kept.get((f.kind, f.op in _LOWER)) is f]


#: "A and/or B": either alternative alone meets the criterion.
_AND_OR = re.compile(r"\band\s*/\s*or\b")


def _scope(spec: TermSpec, kind: Kind) -> str:
    if kind is Kind.EXCLUSION and spec.exclusion_scope:
        return spec.exclusion_scope
    if kind is Kind.INCLUSION and spec.inclusion_scope:
        return spec.inclusion_scope
    return spec.scope


def _narrow(scope: str) -> str:
    # A qualifier on a broader phrase leaves nothing certain; on a same/narrower one, "no" still settles it.
    return NARROWER if scope in (SAME, NARROWER) else "none"


def compile_criterion(criterion: Criterion) -> Rule:
    """Compile one criterion; one nothing in the vocabulary recognises gets an empty rule (unknown)."""
    text = normalise(criterion.text)
    tokens = tokenize(text)
    matches = find(tokens)
    numbers = findings(text)
    kind = criterion.kind
    roles_at: list[tuple[Match, frozenset[str]]] = [(m, m.entry.roles) for m in matches if m.entry.roles]
    hits = [_Hit(spec, m.start, m.end) for m in matches for spec in m.entry.terms]
    if any("subgroup" in r for _, r in roles_at) or any(
        w in criterion.group.lower() for w in ("healthy", "control", "volunteer")
    ):
        # "Healthy controls must ...", or a section "for healthy participants": not about this person, so no
        # concepts: it neither asks a question nor keeps the trial from "likely".
        return Rule(criterion=criterion, caveat=OTHER_GROUP)
    if not hits and not any(f.kind in _NUMERIC_KEYS for f in numbers):
        return Rule(criterion=criterion)
    c = cues()

    # Token index of each number finding, to place it among the phrases.
    def tok_at(char: int) -> int:
        for i, t in enumerate(tokens):
            if t.end > char:
                return i
        return len(tokens)

    # Leading negation under the exclusion heading is read by intent ("Exclusion: No prior surgery").
    intent_end = -1
    if kind is Kind.EXCLUSION and roles_at and roles_at[0][0].start == 0 and "intent_negation" in roles_at[0][1]:
        intent_end = roles_at[0][0].end

    breaks = {i for i, t in enumerate(tokens) if t.text in (";", ".", ":")}
    words = [t.text for t in tokens]

    def same_clause(a: int, b: int) -> bool:
        lo, hi = (a, b) if a < b else (b, a)
        return not any(lo <= i < hi for i in breaks)

    def same_segment(a: int, b: int) -> bool:
        lo, hi = (a, b) if a < b else (b, a)
        return not any(words[i] in _SEGMENT_BREAKS for i in range(lo, hi))

    # Tokens that name something (a concept or a cue other than the list words "or", "and", ",").
    matched = {i for m in matches if m.entry.terms or m.entry.roles - _LIST_ROLES for i in range(m.start, m.end)}

    def adjective_series(a: int, b: int) -> bool:
        # A qualifier right before a comma, then only plain words and "or"/"and" up to the phrase, in one clause.
        return (
            a < b
            and words[a] == ","
            and same_clause(a, b)
            and not any(i in matched for i in range(a + 1, b))
            and all(w in (",", "or", "and") or w.isalpha() for w in words[a + 1 : b])
        )

    def leaves_parenthesis(a: int, b: int) -> bool:
        # "(in extension +/- pain in buttocks, groin, thigh) without radicular pain": "with or without" inside a
        # parenthesis does not reach past its closing bracket. ("Have family (first-degree relative) or personal
        # history of ...": other suppressors still do.)
        depth = 0
        for w in words[a:b]:
            depth += (w == "(") - (w == ")")
            if depth < 0:
                return True
        return False

    negation_breaks = [m.start for m, r in roles_at if "negation_break" in r]
    severity = set(c.lists["severity"])
    exception_at = [m for m, r in roles_at if "exception" in r]

    for h in hits:
        for m, roles in roles_at:
            if m.end <= h.start:
                gap = h.start - m.end
                is_negation = "negation" in roles or "strong_negation" in roles
                if is_negation and not (m.start == 0 and m.end == intent_end):
                    reach = _STRONG_REACH if "strong_negation" in roles else _WEAK_NEGATION_REACH
                    blocked = any(m.end <= b < h.start for b in negation_breaks)
                    if gap <= reach and same_clause(m.end, h.start) and not blocked:
                        h.negated = True
                if (
                    "suppress" in roles
                    and same_clause(m.end, h.start)
                    and gap <= _STRONG_REACH
                    and not (words[m.start : m.end] == _WITH_OR_WITHOUT and leaves_parenthesis(m.end, h.start))
                ):
                    h.suppressed = True
                if "exception" in roles and same_clause(m.end, h.start):
                    # Everything after "except"/"other than" in the clause is an exception, however long the list.
                    h.suppressed = True
                if "suppress_next" in roles and gap <= 3:
                    h.suppressed = True
                if (
                    "narrowing" in roles
                    and gap <= _NARROW_BEFORE_REACH
                    and (
                        # "Active, local or systemic malignancy": a list of qualifiers of one noun.
                        same_segment(m.end, h.start) or adjective_series(m.end, h.start)
                    )
                ):
                    h.narrowed = True
                    h.qualified = h.qualified or " ".join(words[m.start : m.end]) not in severity
                if "history" in roles and gap <= 6 and same_clause(m.end, h.start):
                    h.history = True
            elif m.start >= h.end:
                gap = m.start - h.end
                if "suppress_after" in roles and gap <= 2:
                    h.suppressed = True
                if "narrowing" in roles and gap <= _NARROW_AFTER_REACH and same_segment(h.end, m.start):
                    h.narrowed = True
                    h.qualified = h.qualified or " ".join(words[m.start : m.end]) not in severity
        # Text before an exception ("cancer other than skin cancer") is narrower unless the exception is harmless.
        for m in exception_at:
            if m.start >= h.end and same_clause(h.end, m.start) and not _other_item(h, m.start, words, hits):
                tail_words: list[str] = []
                for w in words[m.end : m.end + 12]:
                    if w in (")", ";", ".", ":"):
                        break
                    tail_words.append(w)
                tail = " ".join(tail_words)
                harmless = c.exception_harmless.get(h.spec.key, ())
                # "except non-melanoma skin cancer" is harmless; a long list of exceptions is not.
                if len(tail_words) > 8 or not any(w in tail for w in harmless):
                    h.narrowed = True
    for h in hits:
        # "oncological diseases with identified metastases": a "with" phrase naming a narrower kind of the same
        # concept says which kind is meant ("with or without" says nothing).
        if h.end + 1 < len(words) and words[h.end] == "with" and words[h.end + 1] != "or":
            if any(
                g.spec.key == h.spec.key
                and g.spec.scope == NARROWER
                and 0 < g.start - h.end <= 3
                and same_segment(h.end + 1, g.start)
                for g in hits
            ):
                h.narrowed = h.qualified = True
    if any("permission" in r or "whole_narrowing" in r for _, r in roles_at):
        # "(nucleoplasty at a non-index level is acceptable)": the criterion carves out cases we cannot see;
        # "... at the affected level", "signal abnormality ... (e.g. spondyloarthritis)": it asks about a level
        # or an imaging finding, which a "yes" to the condition does not settle.
        carve = _other_level_parenthesis(text, tokens, roles_at)
        for h in hits:
            h.narrowed = h.narrowed or not (carve and not carve[0] <= h.start < carve[1])
    for m, r in roles_at:
        if "judgement_gate" in r:
            # "Conditions that could preclude fusion in the Investigator's opinion (e.g. cancer, smoking)": someone
            # else decides whether the person's condition counts, so a "yes" in that sentence settles nothing.
            for h in hits:
                if same_clause(m.start, h.start):
                    h.narrowed = True
    judged_at = [m.start for m, r in roles_at if "judgement_gate" in r or words[m.start : m.end] == _CLINICAL]
    for m, r in roles_at:
        if "example" in r and any(q < m.start for q in judged_at):
            # "Clinically significant pain syndromes (for example, fibromyalgia)": a clinician decides whether the
            # person's condition is significant. Plain "serious"/"severe" categories keep their examples.
            for h in hits:
                if h.start >= m.end:
                    h.narrowed = True
        if "example" in r:
            # "Active, local or systemic malignancy such as lung cancer or leukemia": examples of a narrowed
            # category are instances of it, narrowed the same way.
            narrowed_keys = {
                g.spec.key for g in hits if g.qualified and g.end <= m.start and same_clause(g.end, m.start)
            }
            for h in hits:
                if h.start >= m.end and h.spec.key in narrowed_keys and same_clause(m.end, h.start):
                    h.narrowed = True
        if "cause" in r:
            # "DDD related to a benign or malignant tumor": a cause of the trial's condition, not a diagnosis the
            # person is asked about (pain words stay: "disability due to back pain" is still about the pain).
            for h in hits:
                if h.start >= m.end and h.start - m.end <= 8 and same_clause(m.end, h.start):
                    h.cause = h.spec.key not in _PAIN_CONTEXT_KEYS
    for g in [g for g in hits if g.qualified and g.end < len(words) and words[g.end] == "("]:
        # "an episode of major mental illness (psychosis, ... or schizophrenia)": a parenthesis right after a
        # narrowed category lists instances of it.
        close = next((i for i in range(g.end, len(words)) if words[i] == ")"), len(words))
        for h in hits:
            if g.end < h.start < close and h.spec.key == g.spec.key:
                h.narrowed = True
    if _COUNTED_LIST.search(text):
        # "Three or more of the following CAD risk factors:": one "yes" does not make three.
        for h in hits:
            h.narrowed = True
    if kind is Kind.INCLUSION and _TRAILING_OR.search(criterion.text):
        # "Not a woman of childbearing potential (WOCBP) OR": the alternative is the next line, unseen here.
        for h in hits:
            h.cause = True
    misuse = set(c.lists["misuse"])
    for h in hits:
        if h.spec.key in _MEDICATION_KEYS:
            after = words[h.end : h.end + 4]
            stop = next((i for i, w in enumerate(after) if w in (";", ".", ",", ":")), len(after))
            if misuse.intersection(after[:stop]):
                # "drug, opioid or alcohol abuse": a substance problem, not a medicine the person takes.
                h.suppressed = True
    live = [h for h in hits if not h.suppressed]
    # The same concept read both ways ("Non-English speaking ... the English-language surveys"): trust the first.
    first: dict[tuple[str, Any], bool] = {}
    kept: list[_Hit] = []
    for h in live:
        positive = bool(h.spec.value) if h.spec.op == "bool" else True
        slot = (h.spec.key, h.spec.value if h.spec.op == "has" else None)
        if first.setdefault(slot, positive != h.negated) == (positive != h.negated):
            kept.append(h)
    live = kept

    # Numbers: windows qualify time-bound concepts; unread numbers narrow the concepts next to them.
    # "plan to become pregnant within 1 year following the study surgery": a window after the study looks
    # forward; it says nothing about when something happened.
    windows = [(tok_at(f.start), f) for f in numbers if f.kind == "window" and not _FORWARD.match(text, f.end)]
    others = [tok_at(f.start) for f in numbers if f.kind == "other" and not _enumerator(text, f)]
    numeric = [f for f in numbers if f.kind in _NUMERIC_KEYS]
    if kind is Kind.EXCLUSION:
        # Under exclusions, an age deep inside a sentence describes a subgroup ("for subjects aged 6-12, ..."),
        # and a high pain score usually belongs to some other pain ("> 4/10 pain with palpation of ...").
        numeric = [
            f
            for f in numeric
            if not (f.kind == "age" and f.start > 30) and not (f.kind == "intensity" and f.op in ("gt", "ge"))
        ]
    for h in live:
        if any(abs(i - h.start) <= 6 and same_clause(i, h.start) for i in others):
            h.narrowed = True

    terms: list[Term] = []
    unsettled: list[str] = []
    tried = any("tried" in r or "operated_cohort" in r for _, r in roles_at)
    # "all patients who had undergone a first time uncomplicated disc surgery ... who had taken part in the original
    # RCT", "treated with surgery ... and registered in a national quality register": the study follows people
    # operated before it began, so a named operation is required; not when the same criterion also takes people
    # on their way to it ("Have had (retrospective cohort) or the decision has been made to have (prospective ...)").
    operated_before = (
        kind is Kind.INCLUSION
        and (any("operated_cohort" in r for _, r in roles_at) or _operated_since(text, live))
        and not any("operation_ahead" in r or "suppress" in r for _, r in roles_at)
    )
    whole = _whole_questions(live)
    for h in live:
        spec = h.spec
        scope = _scope(spec, kind)
        spine_site = False
        if operated_before and spec.key == "spine_surgery_months_ago" and scope == "none":
            scope = spec.scope
        if spec.part and spec.key in whole:
            # "worker's compensation, under litigation or on disability benefits" names every kind of claim
            # the question asks about; one kind alone ("a worker's compensation case") is narrower.
            scope = SAME
        value = spec.value
        # A window in the phrase's own clause; under exclusions, else anywhere in the criterion ("from four
        # weeks prior to baseline: corticosteroids and nerve blocks"), where a window only narrows what can fail.
        fallback = windows[0][1] if windows and kind is Kind.EXCLUSION else None
        window = next((f for i, f in windows if same_clause(i, h.start)), fallback)
        if scope == "none" and spec.key == "spine_surgery_months_ago" and kind is Kind.EXCLUSION and _spine_site(text):
            # "Operated patients (spine)", "History of surgery or algological procedure of the lumbar region": surgery
            # of any kind at a spine site, and no other site named, is spine surgery.
            scope = SAME
            spine_site = True
        if kind is Kind.INCLUSION and spec.key == "treatments_tried" and not (h.history or tried):
            # "Internet access ... to access the digital exercise program": a treatment named without past or
            # failure wording is the study's own or a plan, not one the person must already have tried.
            scope = "none"
        if h.history and spec.history_scope:
            # "History of vertebral fracture" asks what the question asks; a bare "Spinal fracture" is current.
            scope = spec.history_scope
        if spec.op == "within":
            if window is not None:
                if window.op != "le":
                    scope = NARROWER
                else:
                    value = round(window.value, 2)
        elif spec.window_months is None:
            if window is not None and spec.op in ("bool", "has"):
                # "heart attack within the past week" is an event, narrower than having heart disease.
                scope = _narrow(scope)
        else:
            if window is not None:
                if window.op != "le":
                    scope = _narrow(scope)
                # "30 days" is the question's "past month": compare within 10%.
                elif window.value < spec.window_months * 0.9:
                    scope = _narrow(scope)
                elif window.value > spec.window_months * 1.1:
                    # A longer window asks more than the question ("smoking within 6 weeks" vs smoking now).
                    scope = BROADER if scope in (SAME, BROADER) else "none"
            elif h.history:
                scope = BROADER if scope in (SAME, BROADER) else "none"
        if spec.key == "osteoporosis" and scope == NARROWER and _osteopenia_or_worse(text, tokens, h):
            # "osteopenia of the spine (T-score of -1.0 or lower)": the bound takes in osteoporosis (-2.5 and lower).
            scope = BROADER
            spec = replace(spec, label="osteopenia or worse, by a T-score bound that includes osteoporosis")
        if spec.narrowed_by and any(_present_word(text, w) for w in spec.narrowed_by):
            h.narrowed = True
        if h.narrowed:
            scope = _narrow(scope)
        if spec.unsettled_by and any(re.search(rf"\b{re.escape(w)}\b", text) for w in spec.unsettled_by):
            scope = "none"
        if h.cause:
            scope = "none"
        if h.negated and kind is Kind.EXCLUSION and spec.key not in c.negatable_in_exclusion:
            # A denied concept under the exclusion heading ("not able to tolerate exercise") would rule people
            # out for lacking it; that reading is too often wrong, so only a "yes" answer settles it (as a pass).
            scope = BROADER if scope == SAME else "none"
        if scope == "none":
            unsettled.append(spec.key)
            continue
        label = "back or spine surgery" if spine_site else spec.label
        if spec.scope == NARROWER:
            # Name the trial's own words: "a particular back or spine operation (microdiscectomy)".
            said = text[tokens[h.start].start : tokens[h.end - 1].end]
            if said not in label:
                label = f"{label} ({said})"
        if h.negated:
            label = f"not {label}" if label.split()[0].endswith("ing") else f"no {label}"
        if spec.op == WITHIN and value is not None:
            label = f"{label} in the past {_g(value)} months"
        terms.append(
            Term(
                op=spec.op,
                key=spec.key,
                value=value,
                aux_key=spec.aux_key,
                aux_value=spec.aux_value,
                scope=scope,
                negated=h.negated,
                label=label,
                hi=spec.hi,
                tol=_DURATION_TOLERANCE_MONTHS if spec.op == WITHIN and value is not None else 0.0,
                said=phrases(spec.op, spec.key, value, spec.aux_key),
            )
        )
    # "For subjects age between 2 and 5: willing to ...": the age names a subgroup, it is not required.
    numeric = [f for f in numeric if not (f.kind == "age" and _subgroup_age(text, f))]
    if kind is Kind.EXCLUSION and any(f.kind == "other" for f in numbers):
        # "Subject is 6 years or older and weighs less than 19 kg": a number we did not read may be a second
        # condition joined to the age, so the age alone cannot exclude.
        numeric = [f for f in numeric if f.kind != "age"]
    if kind is Kind.EXCLUSION:
        # "Pulmonary symptoms suggestive of TB (cough >2 weeks in duration ...)": a duration under exclusions
        # must be of pain or symptoms named just before it; "Subject is 18 years of age or older" under the
        # exclusion heading is a misfiled inclusion (it would exclude every adult).
        numeric = [
            f
            for f in numeric
            if not (f.kind == "duration" and not _PAIN_WORD.search(_lead_in(text, f.start)))
            and not (f.kind == "age" and f.op in _LOWER and f.value <= _ADULT_AGE)
        ]
    if kind is Kind.EXCLUSION or any(f.kind == "duration" and not f.implied for f in numeric):
        # "low back pain for at least six months who have failed at least 3 months of conservative care": the
        # pain's own duration says more than the treatment's; under exclusions a failed treatment is no duration.
        numeric = [f for f in numeric if not f.implied]
    if kind is Kind.INCLUSION:
        # "Expected survival duration of more than 3 months", "disease duration >= 18 months": a duration of
        # something else (life expectancy, another disease) is no pain duration.
        numeric = [
            f
            for f in numeric
            if not (
                f.kind == "duration"
                and _OTHER_DURATION.search(_lead_in(text, f.start))
                and not _PAIN_WORD.search(_lead_in(text, f.start))
            )
        ]
        numeric = _least_restrictive(numeric)
    num_terms = [_numeric_term(f, text) for f in numeric]
    if any(t.key == "pain_intensity" and t.op in ("le", "lt") for t in num_terms) and _pain_site().search(text):
        # "Low back pain intensity less than 80/100mm": an average pain above it may come from the leg; people
        # rate their pain by its worst part, so only a lower bound on one part's pain is settled by the average.
        num_terms = [
            replace(t, scope=BROADER) if t.key == "pain_intensity" and t.op in ("le", "lt") else t for t in num_terms
        ]
    if num_terms:
        # "Obesity (BMI > 40)": the number states the condition exactly; the word would add a looser one.
        measured = {t.key for t in num_terms}
        terms = [t for t in terms if t.key not in measured]
    context: list[Term] = []
    if num_terms and kind is Kind.EXCLUSION:
        # "Radicular symptoms < 3 months duration": the pain words say whose duration it is, so they are
        # required too (read with their inclusion scope: here they name the person's main pain).
        context = [
            replace(t, scope=_scope(next(h.spec for h in live if h.spec.key == t.key), Kind.INCLUSION))
            for t in terms
            if t.key in _PAIN_CONTEXT_KEYS and not t.negated
        ]
        context = [t for t in context if t.scope != "none"]
        terms = [t for t in terms if t.key not in _PAIN_CONTEXT_KEYS]
    terms = list(dict.fromkeys(terms))
    num_terms = list(dict.fromkeys(num_terms))
    if not terms and not num_terms:
        keys = tuple(dict.fromkeys(unsettled))
        return Rule(criterion=criterion, keys=keys, caveat=UNSETTLED)
    groups: list[tuple[Term, ...]]
    if kind is Kind.EXCLUSION:
        positive = [t for t in terms if not t.negated]
        denied = [t for t in terms if t.negated]
        if context:
            groups = [tuple(context), tuple(terms + num_terms)]
        elif positive and denied and {t.key for t in positive}.isdisjoint(t.key for t in denied):
            # "Axial neck pain only (no radicular symptoms)": the denial qualifies the condition (AND).
            groups = [tuple(positive + num_terms), tuple(denied)]
        else:
            groups = [tuple(terms + num_terms)]
    else:
        plain = _OR_BOUND.sub(" ", text.replace("with or without", " ").replace("whether or not", " "))
        disjunctive = " or " in plain or any(
            "disjunction" in r and tokens[m.start].text != "or" and not _is_fraction(tokens, m.start)
            for m, r in roles_at
        )
        if disjunctive and _alternatives_only_in_unread_item(tokens, live, roles_at):
            # "... with unilateral radiculopathy, on clinical evaluation, positive straight leg raise or femoral
            # stretch test, and identification of ... on MRI": the "or" joins two tests inside one item of a list
            # closed by "and", so the radiculopathy is still required.
            disjunctive = False
        if disjunctive and _alternatives_only_in_modifier(tokens, live, roles_at):
            # "Leg pain with a positive SLR test or femoral stretch test", "Radiating pain matched with ...
            # shown by CT or MRI": the alternatives describe the evidence, the condition is still required.
            disjunctive = False
        # Measurements ("chronic", "for 3 months") qualify the condition: always required, never alternatives,
        # except a measurement read from a word ("CLBP") in an "A and/or B" criterion: "severe CLBP and/or leg
        # pain" is met by recent leg pain, so there the word's measurement is one of the alternatives.
        worded = [t for t in terms if t.key in _MEASURED_KEYS]
        terms = [t for t in terms if t.key not in _MEASURED_KEYS]
        if disjunctive and terms and _AND_OR.search(criterion.text.lower()):
            terms = worded + terms
        else:
            num_terms = num_terms + worded
        groups = [(t,) for t in num_terms]
        if disjunctive:
            if terms:
                dropped = set(unsettled) - {t.key for t in terms} - set(_MEASURED_KEYS)
                if (dropped and not any(t.negated for t in terms)) or _unread_alternative(tokens, matches, numbers):
                    # An alternative no answer settles ("leg pain, and/or back pain requiring ... fusion": the
                    # back pain is narrowed by "requiring") leaves the list open for "no" just like an unread one.
                    # "(a) diminished reflex, (b) hypoesthesia or (c) weakness": "no" to the ones we read
                    # leaves the others open, so only a "yes" can settle the list.
                    terms = [replace(t, scope=BROADER if t.scope == SAME else t.scope) for t in terms]
                    unsettled.extend(t.key for t in terms if t.scope == NARROWER)
                    terms = [t for t in terms if t.scope != NARROWER]
                if terms:
                    groups.append(tuple(terms))
        else:
            by_key: dict[str, list[Term]] = {}
            for t in terms:
                by_key.setdefault(t.key, []).append(t)
            groups.extend(tuple(ts) for ts in by_key.values())
    if not groups:
        # Everything it names was too specific to settle ("a single contained or extruded disc herniation").
        return Rule(criterion=criterion, keys=tuple(dict.fromkeys(unsettled)), caveat=UNSETTLED)
    keys = tuple(dict.fromkeys(k for g in groups for t in g for k in t.keys))
    caveat = _caveat(terms)
    return Rule(criterion=criterion, groups=tuple(groups), keys=keys, caveat=caveat, sig=_intern(kind, groups, caveat))


def _other_item(h: _Hit, at: int, words: list[str], hits: list[_Hit]) -> bool:
    """Whether an exception at token ``at`` belongs to a later list item than ``h``.

    "History of spinal surgery, or spinal pathologies other than LDH": after ", or" the exception is about the
    pathologies, not the surgery. Not when the later item names the same concept ("malignancy, or cancer other than
    skin cancer") or the exception follows a comma or opens a parenthesis and so covers the whole list ("ocular
    trauma and / or ocular disease (except for ... refractive errors)").
    """
    between = words[h.end : at]
    seps = [i for i, w in enumerate(between) if w in (",", "or")]
    if not seps or between[-1] in (",", "(") or "(" in between:
        return False
    item_start = h.end + seps[-1] + 1
    if item_start >= at:
        return False
    return not any(g.spec.key == h.spec.key and item_start <= g.start < at for g in hits)


def _operated_since(text: str, live: list[_Hit]) -> bool:
    """Whether an inclusion opens with a spine operation and says how long ago it was.

    "Surgery of lumbar discectomy or lumbar arthrodesis with at least 3 months of evolution": the operation has
    happened (and time has passed since), so it is required, as in an operated cohort.
    """
    first = min((h for h in live), key=lambda h: h.start, default=None)
    return (
        first is not None
        and first.spec.key == "spine_surgery_months_ago"
        and first.start <= 4
        and _TIME_SINCE.search(text) is not None
    )


def _spine_site(text: str) -> bool:
    """Whether the criterion names a spine site and no other body site (`spine_site`, `other_site` in cues.json)."""
    lists = cues().lists

    def named(words: tuple[str, ...]) -> bool:
        return any(re.search(rf"\b{re.escape(w)}\b", text) for w in words)

    return named(lists["spine_site"]) and not named(lists["other_site"])


def _other_level_parenthesis(text: str, tokens: list, roles_at: list) -> tuple[int, int] | None:
    """The token span of a parenthesis holding every carve-out and level cue, when it names another level.

    "Patient has had prior lumbar spine surgery (nucleoplasty at non-index level is considered acceptable)": the
    carve-out is one narrow procedure elsewhere, so a plain "prior lumbar spine surgery" outside it still settles.
    """
    if not any(w in text for w in cues().lists["other_level"]):
        return None
    words = [t.text for t in tokens]
    if "(" not in words:
        return None
    start = len(words) - 1 - words[::-1].index("(")
    end = next((i for i in range(start, len(words)) if words[i] == ")"), len(words))
    inside = text[tokens[start].start : tokens[end - 1].end if end > start else len(text)]
    if not any(w in inside for w in cues().lists["other_level"]):
        return None
    gates = [m for m, r in roles_at if "permission" in r or "whole_narrowing" in r]
    if not all(start < m.start < end for m in gates):
        return None
    return start, end


def _enumerator(text: str, f: Finding) -> bool:
    """Whether an unread number is a list label: "... back pain. 3) a history of vertebral fracture, spinal surgery".

    A small whole number closing a bracket it did not open labels an item; it measures nothing, so it does not
    narrow the concepts next to it. ("(within 3)" or "BMI (< 30)" opened their bracket: those still count.)
    """
    if not _LIST_LABEL.match(text, f.start) or f.value != int(f.value) or f.value > 30:
        return False
    before = text[: f.start]
    return before.count("(") <= before.count(")") and (not before or not before[-1].isalnum())


def _present_word(text: str, word: str) -> bool:
    """Whether ``word`` ("currently", "using") occurs other than right after a history word ("History of using
    systemic steroids" is past use, not present use)."""
    for m in re.finditer(rf"\b{re.escape(word)}\b", text):
        before = text[max(0, m.start() - 20) : m.start()].split()
        if not (before and before[-1] in _PAST_LEAD or before[-2:] == ["history", "of"]):
            return True
    return False


_PAST_LEAD = frozenset({"previous", "previously", "prior", "past", "ever", "former", "formerly"})


def _whole_questions(live: list[_Hit]) -> frozenset[str]:
    """Keys whose every ``part`` (lawsuit, workers' compensation, disability claim) the criterion names."""
    named: dict[str, set[str]] = {}
    for h in live:
        if h.spec.part and not h.negated:
            named.setdefault(h.spec.key, set()).add(h.spec.part)
    return frozenset(k for k, got in named.items() if _parts().get(k, frozenset()) <= got)


@cache
def _parts() -> dict[str, frozenset[str]]:
    parts: dict[str, set[str]] = {}
    for spec in term_specs():
        if spec.part:
            parts.setdefault(spec.key, set()).add(spec.part)
    return {k: frozenset(v) for k, v in parts.items()}


#: Interned rule signatures (a memo of what has been compiled; the same text always gets the same number).
_SIGNATURES: dict[tuple[Any, ...], int] = {}


def _intern(
    kind: Kind, groups: list[tuple[Term, ...]] | tuple[tuple[Term, ...], ...], caveat: str, one_group: bool = False
) -> int:
    signature = (kind, tuple(groups), caveat, one_group)
    sig = _SIGNATURES.get(signature)
    if sig is None:
        sig = _SIGNATURES.setdefault(signature, len(_SIGNATURES))
    return sig


def compile_criteria(criteria: Sequence[Criterion]) -> tuple[Rule, ...]:
    """Compile a trial's criteria in order; a criterion that is an exception to the one before it
    ("Shorter duration in cases where symptoms significantly impair normal functioning") reopens it."""
    rules = [compile_criterion(c) for c in criteria]
    for i in range(len(rules) - 1):
        here, after = criteria[i], criteria[i + 1]
        if here.kind is after.kind and rules[i].groups:
            reopened = _reopen(rules[i], after)
            if reopened is not None:
                rules[i] = reopened
    for i, rule in enumerate(rules):
        if rule.groups and rule.criterion.cohort:
            # A section for one group of participants ("Subjects for the isolation of placenta-derived MSCs:"):
            # failing it only says the person belongs to another group.
            rules[i] = replace(
                rule, cohort=rule.criterion.cohort, sig=_intern(rule.criterion.kind, rule.groups, rule.caveat, True)
            )
    return tuple(rules)


_DURATION_WORDS = re.compile(r"\b(?:duration|shorter|longer|sooner|earlier|weeks?|months?|years?)\b")


def _reopen(rule: Rule, after: Criterion) -> Rule | None:
    """``rule`` loosened by the exception ``after`` states, or None when ``after`` is no exception to it."""
    head = tuple(t.text for t in tokenize(normalise(after.text))[:4])
    starts = [k for k in _sibling_starts() if head[: len(k)] == k]
    if not starts:
        return None
    kind = rule.criterion.kind
    if kind is Kind.EXCLUSION and all(k in (("or",), ("and", "or")) for k in starts):
        return None  # "or ..." after an exclusion adds another exclusion; it excuses nobody
    only_duration = bool(_DURATION_WORDS.search(normalise(after.text)))

    def loosen(t: Term) -> Term:
        if only_duration and t.key != "pain_duration_months":
            return t
        if kind is Kind.INCLUSION:
            # The exception may let in someone who misses the requirement: "no" no longer settles it.
            return replace(t, scope=BROADER if t.scope == SAME else UNSETTLED_SCOPE)
        return replace(t, scope=NARROWER if t.scope == SAME else UNSETTLED_SCOPE)

    groups = tuple(tuple(loosen(t) for t in g) for g in rule.groups)
    if groups == rule.groups:
        return None
    caveat = rule.caveat or "the next criterion gives an exception to it"
    return replace(rule, groups=groups, caveat=caveat, sig=_intern(kind, groups, caveat))


@cache
def _pain_site() -> re.Pattern[str]:
    words = sorted(cues().lists["pain_site"], key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b")


@cache
def _sibling_starts() -> tuple[tuple[str, ...], ...]:
    return tuple(phrase_key(p) for p in cues().lists["sibling_exception"])


_ALTERNATIVE_BREAKS = frozenset({",", ";", "or", "/", "(", ")", "eg", "ie", "including"})
_FILLER = frozenset(
    "with without and the of a an in on at to for by from any other such as who which that is are be been has have "
    "had must should will can may patient subject participant people person individual adult men women male female "
    "history current currently diagnosis diagnosed clinical evidence sign symptom presence one following least "
    "more than less either both also including include etc".split()
)


def _unread_alternative(tokens: list, matches: list[Match], numbers: list[Finding]) -> bool:
    """Whether a list of alternatives has an item (between commas/"or") that no phrase or number covers."""
    covered = [False] * len(tokens)
    for m in matches:
        for i in range(m.start, m.end):
            covered[i] = True
    for f in numbers:
        for i, t in enumerate(tokens):
            if f.start <= t.start < f.end:
                covered[i] = True
    segment_has_content = False
    segment_covered = False
    for i, t in enumerate(tokens):
        if t.text in _ALTERNATIVE_BREAKS:
            if segment_has_content and not segment_covered:
                return True
            segment_has_content = segment_covered = False
            continue
        if covered[i] and not (len(t.text) <= 3 and t.text in _ALTERNATIVE_BREAKS):
            if any(m.start <= i < m.end and m.entry.terms for m in matches) or not t.text.isalpha():
                segment_covered = True
        elif t.text.isalpha() and len(t.text) >= 3 and t.text not in _FILLER:
            segment_has_content = True
    return segment_has_content and not segment_covered


#: "5 or more", "18 years or older": a bound, not a list of alternatives ("one or more of the following" is one).
_OR_BOUND = re.compile(
    r"\bor (?:more|less|greater|higher|longer|above|below|older|younger|fewer|lower|over|under|equal|later|earlier)\b(?! of\b)"
)

#: Words that open a modifier of the phrase before them ("leg pain with a positive SLR test or FST").
_MODIFIER_OPENERS = frozenset({"with", "who", "which", "that", "matched", "confirmed", "documented", "shown", "in"})


def _alternatives_only_in_modifier(
    tokens: list, hits: list[_Hit], roles_at: list[tuple[Match, frozenset[str]]]
) -> bool:
    """Whether every concept comes before a modifier ("with ...") and every "or"/"e.g." after its start."""
    if not hits:
        return False
    last_concept = max(h.end for h in hits)
    opener = next((i for i in range(last_concept, len(tokens)) if tokens[i].text in _MODIFIER_OPENERS), None)
    if opener is None or opener != last_concept:
        return False
    ors = [i for i, t in enumerate(tokens) if t.text == "or"]
    ors += [m.start for m, r in roles_at if "disjunction" in r and not _is_fraction(tokens, m.start)]
    return bool(ors) and all(i > opener for i in ors)


def _alternatives_only_in_unread_item(
    tokens: list, hits: list[_Hit], roles_at: list[tuple[Match, frozenset[str]]]
) -> bool:
    """Whether every "or" sits in a comma item with no concept, and a later item opens with "and"."""
    items: list[int] = []  # item number of each token
    n = 0
    for t in tokens:
        if t.text in (",", ";"):
            n += 1
        items.append(n)
    ors = [i for i, t in enumerate(tokens) if t.text == "or"]
    if not ors or any(
        "disjunction" in r and tokens[m.start].text != "or" and not _is_fraction(tokens, m.start) for m, r in roles_at
    ):
        return False  # "including", "e.g.", "any of": a list of examples or alternatives
    with_concept = {items[h.start] for h in hits} | {items[h.end - 1] for h in hits}
    closing = {items[i] for i in range(1, len(tokens)) if tokens[i].text == "and" and tokens[i - 1].text == ","}
    return all(items[i] not in with_concept and any(c > items[i] for c in closing) for i in ors)


def _is_fraction(tokens: list, i: int) -> bool:
    """A "/" between two numbers ("1 / 3 of the canal", "40/100 mm") is no list of alternatives."""
    return (
        tokens[i].text == "/"
        and 0 < i < len(tokens) - 1
        and tokens[i - 1].text[:1].isdigit()
        and tokens[i + 1].text[:1].isdigit()
    )


def _caveat(terms: list[Term]) -> str:
    narrowed = [t.label for t in terms if t.scope == NARROWER]
    if narrowed:
        return f"it asks about something more specific, {narrowed[0]}"
    broader = [t.label for t in terms if t.scope == BROADER]
    if broader:
        return f"it covers more than the question about {broader[0]}"
    return ""
