"""Recruiter accounts from the command line: ``python -m screener add-recruiter NAME [--trials NCT...]``.

Accounts are never created from the web app, so there is no sign-up page to attack.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys

from screener.auth import MIN_PASSWORD_LENGTH, add_recruiter
from screener.config import load_settings
from screener.errors import AuthError
from screener.store import open_store


def _read_password(args: argparse.Namespace) -> str:
    if args.password_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    first = getpass.getpass(f"Password for {args.name} (at least {MIN_PASSWORD_LENGTH} characters): ")
    if getpass.getpass("Repeat the password: ") != first:
        raise AuthError("The two passwords differ; nothing was created.")
    return first


def cmd_add_recruiter(args: argparse.Namespace) -> int:
    password = _read_password(args)
    store = open_store(load_settings(os.environ).effective_database_url)
    try:
        recruiter = add_recruiter(store, args.name, password, trials=args.trials)
    finally:
        store.dispose()
    scope = "all trials" if recruiter.trials is None else ", ".join(sorted(recruiter.trials))
    print(f"Recruiter {recruiter.name} created; may see candidates for {scope}.")
    return 0


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "add-recruiter", help="Create a recruiter account (password asked for, never on the command line)."
    )
    p.add_argument("name", help="Sign-in name (letters, digits, . _ @ + -).")
    p.add_argument(
        "--trials", nargs="+", metavar="NCT", help="Limit the account to these trials (default: all trials)."
    )
    p.add_argument(
        "--password-stdin", action="store_true", help="Read the password from the first line of stdin (scripts)."
    )
    p.set_defaults(func=cmd_add_recruiter)
