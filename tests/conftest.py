"""Shared fixtures: paths to the real recorded registry data inside the repo."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
CTGOV = FIXTURES / "ctgov"


def load_jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="session")
def back_studies() -> list[dict[str, Any]]:
    """192 real back, spine and hip studies (API v2 JSON)."""
    return load_jsonl(CTGOV / "v2_subset_back_hip_spine.jsonl")
