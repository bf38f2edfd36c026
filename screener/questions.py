"""The patient question bank: questions as data (``screener/data/questions.json``), validated on load.

Every option value is checked against the public profile contract
(``patient_profile.schema.json``) when the bank loads, so a typo in the data file
fails at start-up with the question id, never as a silently unknown answer.

Answers are kept per question id; ``None`` means the person chose "Not sure", which
leaves the profile key out (unknown to the matcher, never false).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jsonschema

from screener.config import PACKAGE_DATA
from screener.errors import ConfigError

QUESTIONS_PATH = PACKAGE_DATA / "questions.json"
SCHEMA_PATH = PACKAGE_DATA / "patient_profile.schema.json"

TYPES = frozenset({"condition", "yes_no", "single", "multi", "integer", "location", "bmi"})
STAGES = ("core", "safety", "follow_up")
_QUESTION_KEYS = frozenset(
    {"id", "key", "stage", "order", "type", "text", "help", "options", "ask_if", "red_flag", "min", "max", "horizontal"}
)
_YES_NO = (("Yes", True), ("No", False))


@dataclass(frozen=True, slots=True)
class Option:
    label: str
    value: Any


@dataclass(frozen=True, slots=True)
class Question:
    id: str
    key: str | None
    stage: str
    order: int
    type: str
    text: str
    help: str = ""
    options: tuple[Option, ...] = ()
    ask_if: tuple[tuple[str, Any], ...] = ()
    red_flag: bool = False
    min: int | None = None
    max: int | None = None
    horizontal: bool = False

    def prompt(self, condition: str | None) -> str:
        """The question text with the person's own condition filled in."""
        return self.text.replace("{condition}", (condition or "your condition").strip().lower())

    def label_of(self, value: Any) -> str:
        """The option label for a stored value (or a readable form of it)."""
        if isinstance(value, list):
            return ", ".join(self.label_of(v) for v in value) if value else "None of these"
        for opt in self.options:
            # True == 1 in Python: compare bool-ness too so "Yes" never labels a pain score of 1.
            if opt.value == value and isinstance(opt.value, bool) == isinstance(value, bool):
                return opt.label
        if isinstance(value, Mapping):
            return str(value.get("label", ""))
        if isinstance(value, float):
            return f"{value:.1f}"
        return str(value)

    def applies(self, profile: Mapping[str, Any]) -> bool:
        """Whether the question is asked, given the answers so far (``ask_if``)."""
        for key, want in self.ask_if:
            have = profile.get(key)
            if isinstance(want, Mapping):
                if "contains" in want and not (isinstance(have, list) and want["contains"] in have):
                    return False
                if "present" in want and (have is not None) != bool(want["present"]):
                    return False
            elif have != want or type(have) is not type(want):
                return False
        return True


@dataclass(frozen=True, slots=True)
class QuestionBank:
    questions: tuple[Question, ...]
    not_sure_label: str
    none_label: str
    red_flag_notice: str
    urgent_when_all: tuple[str, ...]
    urgent_notice: str

    def by_id(self) -> dict[str, Question]:
        return {q.id: q for q in self.questions}

    def stage(self, stage: str) -> tuple[Question, ...]:
        return tuple(sorted((q for q in self.questions if q.stage == stage), key=lambda q: q.order))

    def to_profile(self, answers: Mapping[str, Any]) -> dict[str, Any]:
        """Turn per-question answers into a profile: "Not sure" and questions that no longer
        apply (an earlier answer changed) are left out, so they stay unknown."""
        profile: dict[str, Any] = {}
        for question in sorted(self.questions, key=lambda q: (STAGES.index(q.stage), q.order)):
            if question.key is None or answers.get(question.id) is None:
                continue
            if not question.applies(profile):
                continue
            value = answers[question.id]
            if question.type == "location":
                value = {k: value[k] for k in ("postal_code", "country", "lat", "lon") if value.get(k) is not None}
            profile[question.key] = value
        return profile


def _fail(where: str, message: str) -> ConfigError:
    return ConfigError(f"Question bank {where}: {message}", hint=f"Fix {QUESTIONS_PATH.name}.")


def _check_value(validator: jsonschema.Draft202012Validator, qid: str, key: str, value: Any) -> None:
    errors = list(validator.iter_errors({key: value}))
    if errors:
        raise _fail(f"question {qid!r}", f"value {value!r} is not allowed for profile key {key!r}: {errors[0].message}")


def _question(raw: Any, validator: jsonschema.Draft202012Validator, keys: set[str]) -> Question:
    if not isinstance(raw, Mapping) or not isinstance(raw.get("id"), str):
        raise _fail("entry", f"every question needs a string 'id', got {raw!r}")
    qid = raw["id"]
    unknown = set(raw) - _QUESTION_KEYS
    if unknown:
        raise _fail(f"question {qid!r}", f"unknown fields {sorted(unknown)}; allowed: {sorted(_QUESTION_KEYS)}")
    key = raw.get("key")
    if key is not None and key not in keys:
        raise _fail(f"question {qid!r}", f"key {key!r} is not in the profile schema")
    if raw.get("type") not in TYPES:
        raise _fail(f"question {qid!r}", f"type {raw.get('type')!r} is not one of {sorted(TYPES)}")
    if raw.get("stage") not in STAGES:
        raise _fail(f"question {qid!r}", f"stage {raw.get('stage')!r} is not one of {list(STAGES)}")
    if not isinstance(raw.get("text"), str) or not raw["text"].strip():
        raise _fail(f"question {qid!r}", "needs a non-empty 'text'")
    qtype = raw["type"]
    if qtype == "yes_no":
        options = tuple(Option(label, value) for label, value in _YES_NO)
    else:
        options = tuple(Option(str(o["label"]), o["value"]) for o in raw.get("options", []))
    if qtype in {"single", "multi"} and not options:
        raise _fail(f"question {qid!r}", f"a {qtype} question needs options")
    if key is not None:
        for opt in options:
            _check_value(validator, qid, key, [opt.value] if qtype == "multi" else opt.value)
    ask_if = raw.get("ask_if", {})
    for dep in ask_if:
        if dep not in keys:
            raise _fail(f"question {qid!r}", f"ask_if names {dep!r}, which is not a profile key")
    return Question(
        id=qid,
        key=key,
        stage=raw["stage"],
        order=int(raw.get("order", 0)),
        type=qtype,
        text=raw["text"].strip(),
        help=str(raw.get("help", "")).strip(),
        options=options,
        ask_if=tuple(ask_if.items()),
        red_flag=bool(raw.get("red_flag", False)),
        min=raw.get("min"),
        max=raw.get("max"),
        horizontal=bool(raw.get("horizontal", False)),
    )


def load_question_bank(path: Path = QUESTIONS_PATH, schema_path: Path = SCHEMA_PATH) -> QuestionBank:
    """Read and validate the question bank.

    Raises:
        ConfigError: the file is unreadable, a question is malformed, or an option value
            breaks the profile contract (the message names the question).
    """
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        schema = json.loads(schema_path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise _fail(str(path), f"cannot be read: {exc}") from exc
    validator = jsonschema.Draft202012Validator(schema)
    keys = set(schema["properties"])
    questions = tuple(_question(q, validator, keys) for q in raw.get("questions", []))
    ids = [q.id for q in questions]
    if len(ids) != len(set(ids)):
        raise _fail("ids", f"question ids repeat: {sorted(i for i in ids if ids.count(i) > 1)}")
    profile_keys = [q.key for q in questions if q.key]
    if len(profile_keys) != len(set(profile_keys)):
        raise _fail("keys", "two questions fill the same profile key")
    flags = raw.get("red_flags", {})
    urgent = tuple(flags.get("urgent_when_all", ()))
    by_id = {q.id: q for q in questions}
    missing = [u for u in urgent if u not in by_id or not by_id[u].red_flag]
    if missing:
        raise _fail("red_flags", f"urgent_when_all names {missing}, which are not red-flag questions")
    return QuestionBank(
        questions=questions,
        not_sure_label=str(raw.get("not_sure_label", "Not sure")),
        none_label=str(raw.get("none_label", "None of these")),
        red_flag_notice=str(flags.get("notice", "")),
        urgent_when_all=urgent,
        urgent_notice=str(flags.get("urgent_notice", "")),
    )
