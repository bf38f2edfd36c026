"""Candidate-store fixtures: a fresh real database per test, SQLite file or (in CI) PostgreSQL."""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from screener.store import CandidateStore, open_store


def postgres_url_or_skip() -> str:
    url = os.environ.get("TEST_DATABASE_URL", "")
    if url:
        return url
    if os.environ.get("SCREENER_REQUIRE_POSTGRES") == "1":
        pytest.fail("SCREENER_REQUIRE_POSTGRES=1 but TEST_DATABASE_URL is not set: start PostgreSQL (see .ci/run).")
    pytest.skip("PostgreSQL store tests need TEST_DATABASE_URL=postgresql+psycopg://... (CI sets it in .ci/run).")


@contextmanager
def database_url(backend: str, tmp_path: Path) -> Iterator[str]:
    """A URL of an empty database: a SQLite file in tmp_path, or a new database on the test server."""
    if backend == "sqlite":
        yield f"sqlite:///{tmp_path / 'candidates.sqlite'}"
        return
    server = make_url(postgres_url_or_skip())
    name = f"screener_test_{secrets.token_hex(6)}"
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield server.set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


#: Store tests run on both; the PostgreSQL half skips (locally) or fails (CI) without a server.
BACKENDS = ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]


@pytest.fixture(params=BACKENDS)
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    with database_url(request.param, tmp_path) as url:
        yield url


@pytest.fixture
def store(store_url: str) -> Iterator[CandidateStore]:
    s = open_store(store_url)
    yield s
    s.dispose()
