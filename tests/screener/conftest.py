"""Fixtures for the data layer (loopback ClinicalTrials.gov replay server) and the candidate store
(a fresh real database per test, SQLite file or, in CI, PostgreSQL)."""

from __future__ import annotations

import json
import os
import secrets
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from screener.ctgov import CtGovClient
from screener.store import CandidateStore, open_store
from tests.conftest import CTGOV
from tests.screener.replay_server import ReplayServer, Reply

#: A real /version answer (see tests/fixtures/ctgov/README.md).
VERSION = json.loads((CTGOV / "version.json").read_text(encoding="utf-8"))


@pytest.fixture
def ctgov_server() -> Iterator[ReplayServer]:
    with ReplayServer() as server:
        server.route("/version", Reply.json(VERSION))
        yield server


@pytest.fixture
def sleeps() -> list[float]:
    """Every pause the client asked for (it is injected instead of time.sleep)."""
    return []


@pytest.fixture
def make_client(ctgov_server: ReplayServer, sleeps: list[float]) -> Iterator[Callable[..., CtGovClient]]:
    """Clients aimed at the replay server whose waits are recorded, not slept."""
    made: list[CtGovClient] = []

    def make(**overrides: Any) -> CtGovClient:
        options: dict[str, Any] = {
            "base_url": ctgov_server.base_url,
            "timeout": 5.0,
            "min_interval_s": 0.0,
            "sleep": sleeps.append,
        }
        options.update(overrides)
        client = CtGovClient(**options)
        made.append(client)
        return client

    yield make
    for client in made:
        client.close()


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
