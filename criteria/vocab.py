"""Loads and validates the engine's vocabulary tables in ``criteria/data/`` (the only file reading in criteria).

Each table is JSON; a malformed entry raises ``VocabularyError`` naming the file, the
entry, and the allowed values, so a typo in a synonym list fails loudly at load time.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

DATA = Path(__file__).resolve().parent / "data"

CONCEPT_KINDS = ("bool", "number", "list", "text")


class VocabularyError(ValueError):
    """A vocabulary data file breaks its format (criteria/ cannot import screener's error tree)."""


@dataclass(frozen=True, slots=True)
class Concept:
    key: str
    kind: str
    question: str
    yes: str = ""
    no: str = ""
    value: str = ""
    has: str = ""
    has_not: str = ""
    values: tuple[tuple[str, str], ...] = ()

    def value_label(self, value: str) -> str:
        return dict(self.values).get(value, value.replace("_", " "))


def read_json(name: str) -> Any:
    path = DATA / name
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise VocabularyError(f"Vocabulary file criteria/data/{name} could not be read: {exc}") from exc


def check_fields(where: str, entry: Any, required: set[str], optional: set[str]) -> dict[str, Any]:
    """Reject a non-object, missing fields or unknown fields, naming the allowed ones."""
    if not isinstance(entry, dict):
        raise VocabularyError(f"{where}: expected an object, got {type(entry).__name__}.")
    unknown = set(entry) - required - optional
    if unknown:
        raise VocabularyError(f"{where}: unknown field(s) {sorted(unknown)}; allowed: {sorted(required | optional)}.")
    missing = required - set(entry)
    if missing:
        raise VocabularyError(f"{where}: missing field(s) {sorted(missing)}.")
    return entry


def check_enum(where: str, value: Any, allowed: tuple[str, ...] | frozenset[str]) -> str:
    if value not in allowed:
        raise VocabularyError(f"{where}: {value!r} is not allowed; allowed values: {sorted(allowed)}.")
    return str(value)


def parse_concepts(raw: Any, where: str = "concepts.json") -> dict[str, Concept]:
    top = check_fields(where, raw, {"concepts"}, {"_doc"})
    out: dict[str, Concept] = {}
    for key, entry in top["concepts"].items():
        w = f"{where}: concept {key!r}"
        e = check_fields(w, entry, {"kind", "question"}, {"yes", "no", "value", "has", "has_not", "values"})
        kind = check_enum(f"{w} kind", e["kind"], CONCEPT_KINDS)
        if kind == "bool" and not (e.get("yes") and e.get("no")):
            raise VocabularyError(f"{w}: a bool concept needs 'yes' and 'no' phrases.")
        if kind == "list" and not (e.get("has") and e.get("has_not") and isinstance(e.get("values"), dict)):
            raise VocabularyError(f"{w}: a list concept needs 'has', 'has_not' and 'values'.")
        if kind in ("number", "text") and "{v}" not in e.get("value", ""):
            raise VocabularyError(f"{w}: a {kind} concept needs a 'value' phrase containing {{v}}.")
        out[key] = Concept(
            key=key,
            kind=kind,
            question=e["question"],
            yes=e.get("yes", ""),
            no=e.get("no", ""),
            value=e.get("value", ""),
            has=e.get("has", ""),
            has_not=e.get("has_not", ""),
            values=tuple((str(k), str(v)) for k, v in (e.get("values") or {}).items()),
        )
    return out


@cache
def concepts() -> dict[str, Concept]:
    """Profile keys the engine knows, with the phrases used to explain answers."""
    return parse_concepts(read_json("concepts.json"))


OPS = ("bool", "has", "within", "any", "ge", "gt", "le", "lt", "band")
SCOPES = ("same", "narrower", "broader", "none")


@dataclass(frozen=True, slots=True)
class TermSpec:
    """One vocabulary entry: phrases that name a profile concept, and how an answer settles it."""

    key: str
    op: str
    value: Any
    label: str
    phrases: tuple[str, ...]
    scope: str = "same"
    inclusion_scope: str = ""
    exclusion_scope: str = ""
    aux_key: str = ""
    aux_value: Any = None
    hi: float = 0.0
    window_months: float | None = None
    narrowed_by: tuple[str, ...] = ()
    #: Words that, anywhere in the criterion, make this entry another question ("presence of an indwelling
    #: ... stimulator" asks what is implanted now, not what was ever tried): it is covered but never settles.
    unsettled_by: tuple[str, ...] = ()
    #: Scope when a history word ("history of", "previous") comes before the phrase: a bare "Spinal
    #: fracture" is a current one, narrower than the question's "ever", but "history of" asks the same.
    history_scope: str = ""
    #: The part of its question this entry names when the question asks about several kinds of one thing
    #: (a lawsuit, workers' compensation or a disability claim): alone it is narrower, all parts together same.
    part: str = ""


def parse_terms(raw: Any, known: dict[str, Concept], where: str = "terms.json") -> tuple[TermSpec, ...]:
    top = check_fields(where, raw, {"terms"}, {"_doc"})
    out: list[TermSpec] = []
    for i, entry in enumerate(top["terms"]):
        w = f"{where}: term #{i}"
        e = check_fields(
            w,
            entry,
            {"key", "op", "label", "phrases"},
            {
                "value",
                "scope",
                "inclusion_scope",
                "exclusion_scope",
                "aux_key",
                "aux_value",
                "hi",
                "window_months",
                "narrowed_by",
                "unsettled_by",
                "history_scope",
                "part",
            },
        )
        key = check_enum(f"{w} key", e["key"], frozenset(known))
        op = check_enum(f"{w} op", e["op"], OPS)
        for field in ("scope", "inclusion_scope", "exclusion_scope", "history_scope"):
            if field in e:
                check_enum(f"{w} {field}", e[field], SCOPES)
        concept = known[key]
        value = e.get("value")
        if op == "bool" and not isinstance(value, bool):
            raise VocabularyError(f"{w}: op 'bool' needs a true/false value, got {value!r}.")
        if op == "has":
            check_enum(f"{w} value", value, frozenset(k for k, _ in concept.values))
        if op in ("ge", "gt", "le", "lt", "band") and not isinstance(value, int | float):
            raise VocabularyError(f"{w}: op {op!r} needs a number value, got {value!r}.")
        if op == "any":
            check_enum(f"{w} aux_key", e.get("aux_key"), frozenset(known))
        if op == "within":
            aux = check_enum(f"{w} aux_key", e.get("aux_key"), frozenset(known))
            check_enum(f"{w} aux_value", e.get("aux_value"), frozenset(k for k, _ in known[aux].values))
        phrases = e["phrases"]
        if not isinstance(phrases, list) or not all(isinstance(p, str) and p.strip() for p in phrases):
            raise VocabularyError(f"{w}: 'phrases' must be a list of non-empty strings.")
        out.append(
            TermSpec(
                key=key,
                op=op,
                value=value,
                label=str(e["label"]),
                phrases=tuple(p.lower() for p in phrases),
                scope=e.get("scope", "same"),
                inclusion_scope=e.get("inclusion_scope", ""),
                exclusion_scope=e.get("exclusion_scope", ""),
                aux_key=e.get("aux_key", ""),
                aux_value=e.get("aux_value"),
                hi=float(e.get("hi", 0.0)),
                window_months=e.get("window_months"),
                narrowed_by=tuple(str(w).lower() for w in e.get("narrowed_by", ())),
                unsettled_by=tuple(str(w).lower() for w in e.get("unsettled_by", ())),
                history_scope=e.get("history_scope", ""),
                part=str(e.get("part", "")),
            )
        )
    return tuple(out)


def parse_drugs(raw: Any, known: dict[str, Concept], where: str = "drugs.json") -> tuple[TermSpec, ...]:
    """Medicine names become ``has`` terms on ``medications`` (``took_medication: false`` settles them)."""
    top = check_fields(where, raw, {"classes", "window_months"}, {"_doc", "narrowed_by"})
    narrowed_by = top.get("narrowed_by", [])
    if not isinstance(narrowed_by, list) or not all(isinstance(w, str) and w.strip() for w in narrowed_by):
        raise VocabularyError(f"{where}: 'narrowed_by' must be a list of non-empty strings.")
    classes = frozenset(k for k, _ in known["medications"].values)
    out: list[TermSpec] = []
    for name, entry in top["classes"].items():
        w = f"{where}: class {name!r}"
        check_enum(w, name, classes)
        e = check_fields(w, entry, {"names", "drugs"}, {"broader"})
        label = known["medications"].value_label(name)
        for field, scope in (("names", "same"), ("drugs", "narrower"), ("broader", "broader")):
            phrases = e.get(field, [])
            if not isinstance(phrases, list) or not all(isinstance(p, str) and p.strip() for p in phrases):
                raise VocabularyError(f"{w}: {field!r} must be a list of non-empty strings.")
            if phrases:
                out.append(
                    TermSpec(
                        key="medications",
                        op="has",
                        value=name,
                        label=label if scope == "same" else (f"some {label}" if scope == "narrower" else label),
                        phrases=tuple(p.lower() for p in phrases),
                        scope=scope,
                        # "Has tried NSAIDs" may mean before the 3 months the answer covers.
                        inclusion_scope="broader" if scope != "narrower" else "none",
                        # Bare "steroids" under exclusions is as often an injection or an implant material.
                        exclusion_scope="none" if scope == "broader" else "",
                        aux_key="took_medication",
                        window_months=float(top["window_months"]),
                        narrowed_by=tuple(w.lower() for w in narrowed_by),
                    )
                )
    return tuple(out)


CUE_LISTS = (
    "other_level",
    "spine_site",
    "other_site",
    "negation",
    "strong_negation",
    "intent_negation",
    "negation_break",
    "suppress",
    "suppress_next",
    "suppress_after",
    "narrowing",
    "history",
    "exception",
    "disjunction",
    "permission",
    "subgroup",
    "whole_narrowing",
    "mask",
    "sibling_exception",
    "pain_site",
    "judgement_gate",
    "example",
    "cause",
    "tried",
    "misuse",
    "severity",
    "operated_cohort",
    "operation_ahead",
    "cohort_heading",
    "all_cohorts",
)


#: Cue lists the parser reads from whole lines (cohort headings); they are no phrases for the lexicon.
LINE_CUE_LISTS = frozenset({"cohort_heading", "all_cohorts", "other_level", "spine_site", "other_site"})


@dataclass(frozen=True, slots=True)
class Cues:
    lists: dict[str, tuple[str, ...]]
    exception_harmless: dict[str, tuple[str, ...]]
    negatable_in_exclusion: frozenset[str] = frozenset()


def parse_cues(raw: Any, known: dict[str, Concept], where: str = "cues.json") -> Cues:
    top = check_fields(where, raw, set(CUE_LISTS), {"_doc", "exception_harmless", "negatable_in_exclusion"})
    lists: dict[str, tuple[str, ...]] = {}
    for name in CUE_LISTS:
        items = top[name]
        if not isinstance(items, list) or not all(isinstance(p, str) and p.strip() for p in items):
            raise VocabularyError(f"{where}: {name!r} must be a list of non-empty strings.")
        lists[name] = tuple(p.lower() for p in items)
    harmless = top.get("exception_harmless", {})
    for key in harmless:
        check_enum(f"{where}: exception_harmless", key, frozenset(known))
    negatable = top.get("negatable_in_exclusion", [])
    for key in negatable:
        check_enum(f"{where}: negatable_in_exclusion", key, frozenset(known))
    return Cues(lists, {k: tuple(v) for k, v in harmless.items()}, frozenset(negatable))


@cache
def term_specs() -> tuple[TermSpec, ...]:
    known = concepts()
    return parse_terms(read_json("terms.json"), known) + parse_drugs(read_json("drugs.json"), known)


@cache
def cues() -> Cues:
    return parse_cues(read_json("cues.json"), concepts())
