"""Fixtures shared by the UI tests."""

from __future__ import annotations

import sys
from collections.abc import Iterator

import pytest


@pytest.fixture(autouse=True)
def restore_main_module() -> Iterator[None]:
    """Put back the real ``__main__`` after an AppTest run.

    Streamlit's script runner installs the page as ``sys.modules["__main__"]`` and leaves it there;
    a later test that starts "spawn" processes (tests/screener/test_candidates.py) would then make
    every child re-run that page as its main script and crash.
    """
    main = sys.modules["__main__"]
    yield
    sys.modules["__main__"] = main
