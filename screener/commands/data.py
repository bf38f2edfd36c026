"""Data-layer commands: list trials from the snapshot (refresh lands with the API client)."""

from __future__ import annotations

import argparse
import os

from screener.config import load_settings
from screener.snapshot import load_current_snapshot
from screener.trial import Trial


def _matches(trial: Trial, condition: str) -> bool:
    needle = condition.casefold().strip()
    hay = (trial.brief_title, trial.official_title or "", *trial.conditions, *trial.keywords, *trial.mesh_terms)
    return any(needle in h.casefold() for h in hay)


def cmd_trials(args: argparse.Namespace) -> int:
    snapshot = load_current_snapshot(load_settings(os.environ))
    shown = 0
    for trial in snapshot.trials:
        if args.condition and not _matches(trial, args.condition):
            continue
        print(f"{trial.nct_id}\t{trial.overall_status or '-'}\t{trial.brief_title}")
        shown += 1
    print(f"# {shown} trials; registry data as of {snapshot.meta.data_timestamp} ({snapshot.meta.source})")
    return 0


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("trials", help="List trials in the local snapshot.")
    p.add_argument("--condition", default="", help="Only trials whose condition, keyword or title contains this text.")
    p.set_defaults(func=cmd_trials)
