"""Recruiter accounts: argon2 password hashes, lockout after repeated failures, session timeout, trial scope."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy import insert, select, update

from screener.audit import Action, append_audit
from screener.errors import AccessDenied, AuthError, LoginLocked, StoreError
from screener.schema import recruiter as recruiter_table
from screener.store import CandidateStore

MIN_PASSWORD_LENGTH = 12
NCT_ID = re.compile(r"^NCT\d{8}$")
_NAME = re.compile(r"^[\w.@+-]{1,80}$")
_HASHER = PasswordHasher()
# Verified against when the name is unknown, so a wrong name takes as long as a wrong password.
_DUMMY_HASH = _HASHER.hash("not a real password, only for timing")


@dataclass(frozen=True, slots=True)
class Recruiter:
    """A signed-in recruiter. ``trials`` None means every trial; otherwise only those NCT ids."""

    name: str
    trials: frozenset[str] | None

    def can_see(self, nct_id: str) -> bool:
        return self.trials is None or nct_id in self.trials

    def check_trial(self, nct_id: str) -> None:
        if not self.can_see(nct_id):
            raise AccessDenied(f"{self.name} is not set up to see candidates for {nct_id}.")


def _clean_trials(trials: Iterable[str] | None) -> list[str] | None:
    if trials is None:
        return None
    cleaned = sorted({t.strip().upper() for t in trials})
    bad = [t for t in cleaned if not NCT_ID.match(t)]
    if bad or not cleaned:
        raise AuthError(f"Not NCT numbers: {', '.join(bad) or '(none given)'}.", hint="Use NCT followed by 8 digits.")
    return cleaned


def add_recruiter(
    store: CandidateStore, name: str, password: str, *, trials: Iterable[str] | None = None, now: datetime | None = None
) -> Recruiter:
    """Create an account (command line only: ``python -m screener add-recruiter NAME``).

    Raises:
        AuthError: the name is malformed or taken, the password too short, or a trial id malformed.
    """
    now = now or datetime.now(UTC)
    if not _NAME.match(name):
        raise AuthError(f"Recruiter name {name!r} must be 1-80 letters, digits or . _ @ + -.")
    if len(password) < MIN_PASSWORD_LENGTH:
        raise AuthError(f"The password must have at least {MIN_PASSWORD_LENGTH} characters.")
    scope = _clean_trials(trials)
    with store.read() as conn:
        if conn.execute(select(recruiter_table.c.id).where(recruiter_table.c.name == name)).first():
            raise AuthError(f"A recruiter named {name!r} already exists.", hint="Choose another name.")
    with store.write() as conn:
        conn.execute(
            insert(recruiter_table).values(
                name=name, password_hash=_HASHER.hash(password), trials=scope, failed_logins=0, created_at=now
            )
        )
        append_audit(
            conn,
            at=now,
            actor="command-line",
            action=Action.ACCOUNT,
            detail=f"created recruiter {name} for {'all trials' if scope is None else ', '.join(scope)}",
        )
    return Recruiter(name, None if scope is None else frozenset(scope))


def get_recruiter(store: CandidateStore, name: str) -> Recruiter:
    """Reload an account (each page run), so a narrowed trial scope applies at once."""
    with store.read() as conn:
        row = conn.execute(select(recruiter_table).where(recruiter_table.c.name == name)).first()
    if row is None:
        raise AuthError(f"The account {name!r} no longer exists.", hint="Sign in again.")
    return Recruiter(row.name, None if row.trials is None else frozenset(row.trials))


def authenticate(
    store: CandidateStore,
    name: str,
    password: str,
    *,
    max_failures: int,
    lockout_min: float,
    now: datetime | None = None,
) -> Recruiter:
    """Check a sign-in; count failures and lock the account after ``max_failures`` in a row.

    Raises:
        AuthError: wrong name or password (the message does not say which).
        LoginLocked: the account is locked; the message says until when.
    """
    now = now or datetime.now(UTC)
    name = name.strip()[:80]
    error: AuthError | None = None
    with store.write() as conn:
        row = conn.execute(select(recruiter_table).where(recruiter_table.c.name == name).with_for_update()).first()
        if row is None:
            _verify(_DUMMY_HASH, password)
            append_audit(conn, at=now, actor=name or "(blank)", action=Action.LOGIN_FAILED, detail="unknown name")
            error = AuthError("Wrong name or password.")
        elif row.locked_until is not None and now < row.locked_until:
            append_audit(conn, at=now, actor=name, action=Action.LOGIN_LOCKED, detail="sign-in refused: locked")
            error = _locked(row.locked_until, now)
        elif not _verify(row.password_hash, password):
            failures = row.failed_logins + 1
            values: dict[str, object] = {"failed_logins": failures}
            detail = f"wrong password ({failures} in a row)"
            error = AuthError(f"Wrong name or password. {max_failures - failures} attempt(s) left before a lockout.")
            if failures >= max_failures:
                until = now + timedelta(minutes=lockout_min)
                values = {"failed_logins": 0, "locked_until": until}
                detail += f"; locked for {lockout_min:g} min"
                error = _locked(until, now)
            conn.execute(update(recruiter_table).where(recruiter_table.c.id == row.id).values(**values))
            append_audit(conn, at=now, actor=name, action=Action.LOGIN_FAILED, detail=detail)
        else:
            values = {"failed_logins": 0, "locked_until": None}
            if _HASHER.check_needs_rehash(row.password_hash):
                values["password_hash"] = _HASHER.hash(password)
            conn.execute(update(recruiter_table).where(recruiter_table.c.id == row.id).values(**values))
            append_audit(conn, at=now, actor=name, action=Action.LOGIN, detail="signed in")
    # Raised after the commit: the failure count and the audit row must survive the error.
    if error is not None:
        raise error
    assert row is not None
    return Recruiter(row.name, None if row.trials is None else frozenset(row.trials))


def record_logout(store: CandidateStore, recruiter: Recruiter, *, reason: str, now: datetime | None = None) -> None:
    with store.write() as conn:
        append_audit(conn, at=now or datetime.now(UTC), actor=recruiter.name, action=Action.LOGOUT, detail=reason)


def session_expired(last_seen: datetime | None, now: datetime, timeout_min: float) -> bool:
    """True once a session has been idle for longer than ``timeout_min`` minutes (or never seen)."""
    return last_seen is None or now - last_seen > timedelta(minutes=timeout_min)


def _verify(password_hash: str, password: str) -> bool:
    try:
        return _HASHER.verify(password_hash, password)
    except VerifyMismatchError:
        return False
    except (InvalidHashError, VerificationError) as exc:
        raise StoreError("A stored password hash is damaged; reset the account from the command line.") from exc


def _locked(until: datetime, now: datetime) -> LoginLocked:
    minutes = max(1, round((until - now).total_seconds() / 60))
    return LoginLocked(
        f"Too many failed sign-ins: this account is locked until {until:%H:%M} UTC (about {minutes} min).",
        hint="Wait, or ask an administrator.",
    )
