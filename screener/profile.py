"""Validate a patient profile against the public contract (``screener/data/patient_profile.schema.json``)."""

from __future__ import annotations

import json
from functools import cache
from typing import Any

from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError

from screener.config import PACKAGE_DATA
from screener.errors import ProfileError

SCHEMA_PATH = PACKAGE_DATA / "patient_profile.schema.json"


@cache
def _validator() -> Draft202012Validator:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def _schema() -> dict[str, Any]:
    return _validator().schema  # type: ignore[no-any-return]


PROFILE_KEYS: tuple[str, ...] = tuple(_schema()["properties"])


def _describe(error: ValidationError) -> tuple[str, str]:
    """(key path, problem) for one schema error, in words a person can act on."""
    path = ".".join(str(p) for p in error.absolute_path)
    if error.validator == "additionalProperties":
        allowed = sorted(error.schema.get("properties", {}))
        extra = sorted(set(error.instance) - set(allowed)) if isinstance(error.instance, dict) else []
        name = ".".join(filter(None, [path, extra[0] if extra else ""]))
        return (
            name or "(profile)",
            f"unknown key {', '.join(repr(e) for e in extra)}; allowed keys: {', '.join(allowed)}",
        )
    if error.validator == "enum":
        return path or "(profile)", f"{error.instance!r} is not one of {', '.join(map(repr, error.validator_value))}"
    return path or "(profile)", error.message


def validate_profile(data: Any) -> dict[str, Any]:
    """Return ``data`` as a dict if it follows the profile schema; else raise ``ProfileError`` naming the key."""
    if not isinstance(data, dict):
        raise ProfileError(
            f"A profile must be a JSON object of answers, got {type(data).__name__}.",
            hint="See screener/data/patient_profile.schema.json.",
        )
    errors = sorted(_validator().iter_errors(data), key=lambda e: (list(map(str, e.absolute_path)), e.message))
    if errors:
        described = [_describe(e) for e in errors]
        key = described[0][0]
        raise ProfileError(
            "; ".join(f"Profile key {k!r}: {problem}" for k, problem in described) + ".",
            key=key.split(".")[0],
            hint="See screener/data/patient_profile.schema.json for the allowed keys and values.",
        )
    return dict(data)
