"""Command line: ``python -m screener COMMAND ...`` (``--help`` lists the commands)."""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence

from screener.errors import ScreenerError

#: Each module has ``register(subparsers)``; a parser's ``func(args) -> int`` runs the command.
COMMAND_MODULES = (
    "screener.commands.data",
    "screener.commands.screen",
    "screener.commands.recruiter",
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m screener", description="Clinical-trial eligibility pre-screener.")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except ScreenerError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    os.environ.setdefault("PYTHONUNBUFFERED", "1")
    sys.exit(main())
