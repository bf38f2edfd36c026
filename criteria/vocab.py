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
