"""The store itself: migrations keep rows, schema matches the tables, SQLite tuning, append-only audit."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import insert, select, text

from screener.audit import Action, append_audit, read_audit
from screener.auth import Recruiter
from screener.config import load_settings
from screener.errors import StoreError
from screener.leads import list_leads
from screener.schema import candidate, candidate_trial, criterion_outcome, metadata
from screener.store import current_revision, open_store

T0 = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)


def test_upgrading_an_existing_database_keeps_every_row(store_url):
    old = open_store(store_url, revision="0001")
    assert current_revision(old) == "0001"
    with old.write() as conn:
        cid = conn.execute(
            insert(candidate).values(
                reference_code="PS-AAAA-BBBB-CCCC", pseudonym="C000000001", name="Ana Pérez", email="ana@example.org",
                preferred_contact="email", consent_version="2026-11-v1", consented_at=T0, profile={"age": 54},
                submitted_at=T0,
            )
        ).inserted_primary_key[0]  # fmt: skip
        tid = conn.execute(
            insert(candidate_trial).values(
                candidate_id=cid, nct_id="NCT04467944", verdict="possible", status="new", furthest_status="new",
                last_action_at=T0,
            )
        ).inserted_primary_key[0]  # fmt: skip
        conn.execute(
            insert(criterion_outcome).values(
                candidate_trial_id=tid, idx=1, kind="exclusion", text="Lumbar infection and/or tumor diseases;",
                outcome="unknown", concepts=["cancer"], reason="not answered", open_keys=["cancer"], answers={},
            )
        )  # fmt: skip
        append_audit(conn, at=T0, actor="patient", action=Action.SUBMISSION, candidate="C000000001", detail="x")
    old.dispose()

    new = open_store(store_url)
    assert current_revision(new) == "0002"
    (lead,) = list_leads(new, Recruiter("alice", None), stale_days=7, now=T0)
    assert (lead.name, lead.nct_id, lead.questions) == (
        "Ana Pérez", "NCT04467944", ("Does this apply to them (it would exclude them)? “Lumbar infection and/or tumor diseases”",)
    )  # fmt: skip
    assert [e.candidate for e in read_audit(new)] == ["C000000001"]
    new.dispose()


def test_migrations_build_exactly_the_tables_the_code_uses(store):
    with store.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), metadata)
    assert diff == []


def test_opening_twice_is_harmless(store_url):
    for _ in range(2):
        s = open_store(store_url)
        assert current_revision(s) == "0002"
        s.dispose()


@pytest.mark.parametrize("statement", ["UPDATE audit SET actor = 'mallory'", "DELETE FROM audit"])
def test_database_refuses_to_edit_or_delete_audit_rows(store, statement):
    with store.write() as conn:
        append_audit(conn, at=T0, actor="alice", action=Action.LOGIN, detail="signed in")
    with pytest.raises(StoreError, match="append-only"):
        with store.write() as conn:
            conn.execute(text(statement))
    assert [e.actor for e in read_audit(store)] == ["alice"]


def test_sqlite_store_uses_wal_and_waits_for_other_writers(tmp_path):
    s = open_store(f"sqlite:///{tmp_path / 'c.sqlite'}")
    with s.read() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 5000
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    s.dispose()


def test_store_opens_from_settings_default_sqlite_file(tmp_path):
    settings = load_settings({"SCREENER_DATA_DIR": str(tmp_path / "var")})
    s = open_store(settings)
    with s.read() as conn:
        assert conn.execute(select(candidate.c.id)).all() == []
    assert (tmp_path / "var" / "candidates.sqlite").exists()
    s.dispose()


@pytest.mark.parametrize("url", ["not a url", "mysql://u@h/db"])
def test_unusable_database_url_raises_store_error(url):
    with pytest.raises(StoreError):
        open_store(url)


def test_unreachable_postgres_raises_store_error_without_the_password():
    with pytest.raises(StoreError) as err:
        open_store("postgresql+psycopg://u:secret@127.0.0.1:1/db")
    assert "secret" not in str(err.value)
