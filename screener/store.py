"""The candidate store: one SQLAlchemy engine (SQLite file by default, PostgreSQL by URL), migrated on open.

SQLite is tuned for several Streamlit sessions writing at once: WAL journal (readers never
block the writer), a busy timeout (a writer waits instead of failing), and write transactions
that start with ``BEGIN IMMEDIATE`` so two writers never deadlock upgrading a read lock.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, SQLAlchemyError

from screener.config import Settings
from screener.errors import StoreError

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
#: Milliseconds a SQLite writer waits for another writer before giving up.
SQLITE_BUSY_TIMEOUT_MS = 30_000
#: Any constant: PostgreSQL advisory lock key so two app instances never migrate at once.
PG_MIGRATION_LOCK = 7_315_550_212
_WRITE = "screener_write"


def _tune_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        # Take transaction control away from the sqlite3 module so BEGIN below is ours.
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA synchronous=NORMAL")  # safe with WAL; a crash loses at most the last commit
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get(_WRITE) else "BEGIN")


def make_engine(database_url: str) -> Engine:
    """An engine for ``database_url`` (``sqlite:///path`` or ``postgresql+psycopg://...``)."""
    try:
        url = make_url(database_url)
    except ArgumentError as exc:
        raise StoreError(
            f"DATABASE_URL {database_url!r} is not a database URL.",
            hint="Use sqlite:///path/to/file.sqlite or postgresql+psycopg://user:password@host/db.",
        ) from exc
    if url.get_backend_name() == "sqlite":
        if url.database and url.database != ":memory:":
            Path(url.database).expanduser().parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": SQLITE_BUSY_TIMEOUT_MS / 1000})
        _tune_sqlite(engine)
        return engine
    if url.get_backend_name() != "postgresql":
        raise StoreError(
            f"Unsupported database {url.get_backend_name()!r} in DATABASE_URL.", hint="Use SQLite or PostgreSQL."
        )
    return create_engine(url, pool_pre_ping=True)


@dataclass(frozen=True)
class CandidateStore:
    """An open, migrated store. Get one from ``open_store``; pass it to the service functions."""

    engine: Engine

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @contextmanager
    def write(self) -> Iterator[Connection]:
        """A transaction that will write: serialised against other writers, committed on exit."""
        try:
            with self.engine.connect() as conn:
                conn.execution_options(**{_WRITE: True})
                with conn.begin():
                    yield conn
        except SQLAlchemyError as exc:
            raise StoreError(f"The candidate store could not save the change: {exc.__class__.__name__}: {exc}") from exc

    @contextmanager
    def read(self) -> Iterator[Connection]:
        """A read-only transaction (a consistent snapshot in WAL mode; never blocks writers)."""
        try:
            with self.engine.connect() as conn, conn.begin():
                yield conn
        except SQLAlchemyError as exc:
            raise StoreError(f"The candidate store could not be read: {exc.__class__.__name__}: {exc}") from exc

    def dispose(self) -> None:
        self.engine.dispose()


def alembic_config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def upgrade(store: CandidateStore, revision: str = "head") -> None:
    """Bring the schema to ``revision``, keeping every row (Alembic migrations in screener/migrations)."""
    cfg = alembic_config()
    with store.write() as conn:
        if store.dialect == "postgresql":
            conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": PG_MIGRATION_LOCK})
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)


def current_revision(store: CandidateStore) -> str | None:
    with store.read() as conn:
        try:
            return conn.execute(text("SELECT version_num FROM alembic_version")).scalar_one_or_none()
        except SQLAlchemyError:
            return None


def open_store(database_url: str | Settings, *, revision: str = "head") -> CandidateStore:
    """Open the store at ``database_url`` (or ``settings.effective_database_url``) and migrate it first.

    Migration is ``alembic upgrade head`` run in-process, so an older database gains the new
    schema without losing a row.

    Raises:
        StoreError: the URL is malformed or the database cannot be reached or migrated.
    """
    if isinstance(database_url, Settings):
        database_url = database_url.effective_database_url
    store = CandidateStore(make_engine(database_url))
    try:
        upgrade(store, revision)
    except StoreError as exc:
        store.dispose()
        safe = make_url(database_url).render_as_string(hide_password=True)
        raise StoreError(f"Could not open the candidate store at {safe}: {exc.message}") from exc
    return store
