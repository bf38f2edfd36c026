"""Recruiter accounts: hashing, lockout, session timeout, trial scope."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from screener.audit import Action, read_audit
from screener.auth import add_recruiter, authenticate, get_recruiter, session_expired
from screener.errors import AccessDenied, AuthError, LoginLocked
from screener.schema import recruiter as recruiter_table

PASSWORD = "correct horse battery"
T0 = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)


def _login(store, password, *, now=T0, name="alice"):
    return authenticate(store, name, password, max_failures=3, lockout_min=15, now=now)


def test_password_is_stored_as_an_argon2_hash_never_in_clear(store):
    add_recruiter(store, "alice", PASSWORD)
    with store.read() as conn:
        stored = conn.execute(select(recruiter_table.c.password_hash)).scalar_one()
    assert stored.startswith("$argon2id$") and PASSWORD not in stored


def test_correct_password_signs_in_and_is_audited(store):
    add_recruiter(store, "alice", PASSWORD, trials=["nct04893720"])
    recruiter = _login(store, PASSWORD)
    assert recruiter.trials == frozenset({"NCT04893720"})
    assert read_audit(store)[0].action is Action.LOGIN


@pytest.mark.parametrize("name,password", [("alice", "wrong password!"), ("mallory", PASSWORD)])
def test_wrong_name_or_password_gives_the_same_message(store, name, password):
    add_recruiter(store, "alice", PASSWORD)
    with pytest.raises(AuthError, match="Wrong name or password"):
        _login(store, password, name=name)


def test_third_failure_locks_the_account_until_the_lockout_ends(store):
    add_recruiter(store, "alice", PASSWORD)
    for _ in range(2):
        with pytest.raises(AuthError):
            _login(store, "wrong password!")
    with pytest.raises(LoginLocked):
        _login(store, "wrong password!")
    with pytest.raises(LoginLocked, match="09:15 UTC"):
        _login(store, PASSWORD, now=T0 + timedelta(minutes=14))
    assert _login(store, PASSWORD, now=T0 + timedelta(minutes=16)).name == "alice"


def test_success_resets_the_failure_count(store):
    add_recruiter(store, "alice", PASSWORD)
    for _ in range(2):
        with pytest.raises(AuthError):
            _login(store, "wrong password!")
    _login(store, PASSWORD)
    for _ in range(2):
        with pytest.raises(AuthError) as err:
            _login(store, "wrong password!")
        assert not isinstance(err.value, LoginLocked)


@pytest.mark.parametrize(
    "name,password,trials,message",
    [
        ("alice", "short", None, "at least 12"),
        ("has space", PASSWORD, None, "letters, digits"),
        ("alice", PASSWORD, ["NCT123"], "Not NCT numbers"),
    ],
)
def test_bad_account_details_are_refused(store, name, password, trials, message):
    with pytest.raises(AuthError, match=message):
        add_recruiter(store, name, password, trials=trials)


def test_duplicate_recruiter_name_is_refused(store):
    add_recruiter(store, "alice", PASSWORD)
    with pytest.raises(AuthError, match="already exists"):
        add_recruiter(store, "alice", PASSWORD)


def test_limited_recruiter_is_denied_other_trials(store):
    add_recruiter(store, "bob", PASSWORD, trials=["NCT03076658"])
    bob = get_recruiter(store, "bob")
    assert bob.can_see("NCT03076658") and not bob.can_see("NCT04893720")
    with pytest.raises(AccessDenied):
        bob.check_trial("NCT04893720")


@pytest.mark.parametrize("idle_min,expired", [(None, True), (0, False), (29, False), (31, True)])
def test_session_expires_after_the_idle_timeout(idle_min, expired):
    last_seen = None if idle_min is None else T0 - timedelta(minutes=idle_min)
    assert session_expired(last_seen, T0, 30) is expired
