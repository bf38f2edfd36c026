"""``python -m screener add-recruiter``: creates an account without the password on the command line."""

from __future__ import annotations

import io

import pytest

from screener.__main__ import main
from screener.auth import authenticate
from screener.store import open_store


@pytest.fixture
def db(tmp_path, monkeypatch):
    url = f"sqlite:///{tmp_path / 'c.sqlite'}"
    monkeypatch.setenv("DATABASE_URL", url)
    return url


def test_add_recruiter_reads_the_password_from_stdin_and_limits_trials(db, monkeypatch, capsys):
    monkeypatch.setattr("sys.stdin", io.StringIO("correct horse battery\n"))
    assert main(["add-recruiter", "bob", "--trials", "NCT03076658", "--password-stdin"]) == 0
    assert "NCT03076658" in capsys.readouterr().out
    store = open_store(db)
    bob = authenticate(store, "bob", "correct horse battery", max_failures=5, lockout_min=15)
    assert bob.trials == frozenset({"NCT03076658"})
    store.dispose()


def test_add_recruiter_prompts_twice_and_refuses_a_mismatch(db, monkeypatch, capsys):
    answers = iter(["correct horse battery", "correct horse batterY"])
    monkeypatch.setattr("getpass.getpass", lambda prompt="": next(answers))
    assert main(["add-recruiter", "alice"]) == 2
    assert "differ" in capsys.readouterr().err


def test_short_password_is_refused_with_a_message(db, monkeypatch, capsys):
    monkeypatch.setattr("sys.stdin", io.StringIO("short\n"))
    assert main(["add-recruiter", "alice", "--password-stdin"]) == 2
    assert "at least 12" in capsys.readouterr().err
