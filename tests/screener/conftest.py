"""Fixtures for the data layer: a loopback ClinicalTrials.gov replay server and clients aimed at it."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from screener.ctgov import CtGovClient
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
