"""The audit trail: append and read, nothing else (the database refuses UPDATE and DELETE too).

Rows name the candidate by pseudonym, never by name, so the trail can outlive a withdrawal.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from sqlalchemy import Connection, insert, or_, select

from screener.schema import audit
from screener.store import CandidateStore


class Action(StrEnum):
    SUBMISSION = "submission"
    WITHDRAWAL = "withdrawal"
    LOGIN = "login"
    LOGIN_FAILED = "login_failed"
    LOGIN_LOCKED = "login_locked"
    LOGOUT = "logout"
    VIEW = "view"
    STATUS_CHANGE = "status_change"
    NOTE = "note"
    EXPORT = "export"
    ACCOUNT = "account"


@dataclass(frozen=True, slots=True)
class AuditEntry:
    at: datetime
    actor: str
    action: Action
    candidate: str | None
    nct_id: str | None
    detail: str


def append_audit(
    conn: Connection,
    *,
    at: datetime,
    actor: str,
    action: Action,
    detail: str,
    candidate: str | None = None,
    nct_id: str | None = None,
) -> None:
    """Add one row inside the caller's transaction, so the action and its record commit together."""
    conn.execute(
        insert(audit).values(at=at, actor=actor, action=str(action), candidate=candidate, nct_id=nct_id, detail=detail)
    )


def read_audit(
    store: CandidateStore, *, trials: Sequence[str] | None = None, actor: str | None = None, limit: int = 500
) -> list[AuditEntry]:
    """Newest first. With ``trials``, only rows about those trials plus ``actor``'s own rows."""
    query = select(audit).order_by(audit.c.id.desc()).limit(limit)
    if trials is not None:
        query = query.where(or_(audit.c.nct_id.in_(list(trials)), audit.c.actor == (actor or "")))
    with store.read() as conn:
        return [
            AuditEntry(r.at, r.actor, Action(r.action), r.candidate, r.nct_id, r.detail) for r in conn.execute(query)
        ]
