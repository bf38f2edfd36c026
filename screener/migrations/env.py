"""Alembic environment: migrates the candidate store at the app's own URL.

``screener.store.open_store`` runs this programmatically with an open connection in
``config.attributes["connection"]``; ``alembic upgrade head`` from the repository root
(alembic.ini) uses DATABASE_URL / SCREENER_DATA_DIR like the app.
"""

from __future__ import annotations

import os

from alembic import context
from sqlalchemy import Connection

from screener.config import load_settings
from screener.schema import metadata


def _run(connection: Connection) -> None:
    context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connection = context.config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    from screener.store import make_engine  # late: store imports alembic's command module

    url = context.config.get_main_option("sqlalchemy.url") or load_settings(os.environ).effective_database_url
    engine = make_engine(url)
    try:
        with engine.begin() as conn:
            _run(conn)
    finally:
        engine.dispose()


if context.is_offline_mode():
    raise SystemExit("Offline (--sql) migrations are not supported; run against a database.")
run_migrations_online()
