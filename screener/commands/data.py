"""Data-layer commands: ``trials`` (list the snapshot), ``refresh`` (fetch from the registry), ``version``."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from typing import TextIO

from screener.config import Settings, load_settings
from screener.ctgov import DEFAULT_PAGE_SIZE, DEFAULT_STATUSES, CtGovClient, GeoPoint, StudyQuery
from screener.errors import InvalidQuery
from screener.refresh import PageProgress, refresh_snapshot
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


def make_client(settings: Settings, base_url: str | None = None) -> CtGovClient:
    """The client the commands use: base URL from --base-url, else CTGOV_BASE_URL, with the settings' pacing."""
    return CtGovClient(
        base_url=base_url or settings.ctgov_base_url,
        timeout=settings.ctgov_timeout_s,
        min_interval_s=settings.ctgov_min_interval_s,
    )


def query_from_args(args: argparse.Namespace) -> StudyQuery | None:
    """The search the options describe; None when an incremental refresh should reuse the stored one."""
    given = args.condition or args.term or args.near or args.advanced
    if args.incremental and not given:
        return None
    statuses = tuple(s.strip().upper() for s in args.status.split(",") if s.strip()) if args.status else ()
    if args.status and args.status.strip().upper() == "ANY":
        statuses = ()
    if args.miles is not None and not args.near:
        raise InvalidQuery("--miles needs --near LAT,LON.")
    return StudyQuery(
        condition=args.condition or "",
        term=args.term or "",
        near=GeoPoint.parse(args.near) if args.near else None,
        miles=args.miles,
        statuses=statuses,
        advanced=args.advanced or "",
        page_size=args.page_size,
    )


def progress_reporter(stream: TextIO) -> tuple[Callable[[PageProgress], None], Callable[[], None]]:
    """A progress bar (pages, studies, elapsed) on a terminal; one plain log line per page otherwise."""
    if stream.isatty():
        from tqdm import tqdm  # only a terminal needs it

        bar: list[tqdm] = []

        def on_page(p: PageProgress) -> None:
            if not bar:
                bar.append(tqdm(total=p.total, unit=" studies", file=stream, dynamic_ncols=True))
            bar[0].set_postfix_str(f"page {p.number}", refresh=False)
            bar[0].update(p.studies_in_page)

        def done() -> None:
            if bar:
                bar[0].close()

        return on_page, done

    def log_page(p: PageProgress) -> None:
        of = f" of {p.total:,}" if p.total is not None else ""
        print(
            f"page {p.number}: {p.studies_in_page:,} studies ({p.studies_so_far:,}{of} so far), {p.elapsed_s:.1f} s",
            file=stream,
            flush=True,
        )

    return log_page, lambda: None


def cmd_refresh(args: argparse.Namespace) -> int:
    settings = load_settings(os.environ)
    query = query_from_args(args)
    on_page, done = progress_reporter(sys.stderr)
    with make_client(settings, args.base_url) as client:
        try:
            result = refresh_snapshot(
                settings.snapshot_path, query, client=client, incremental=args.incremental, on_page=on_page
            )
        finally:
            done()
    change = f", {result.removed:,} no longer matching removed" if result.mode == "incremental" else ""
    print(
        f"{result.mode} refresh: {result.studies_fetched:,} studies fetched in {result.pages} pages "
        f"({result.elapsed_s:.1f} s){change}; {result.study_count:,} trials in {result.path}; "
        f"registry data as of {result.data_timestamp}."
    )
    if result.skipped:
        print(f"warning: {result.skipped} records without an NCT id were not stored.", file=sys.stderr)
    return 0


def cmd_version(args: argparse.Namespace) -> int:
    settings = load_settings(os.environ)
    snapshot = load_current_snapshot(settings)
    meta = snapshot.meta
    print(f"local snapshot: {meta.source}, {meta.study_count} trials, registry data as of {meta.data_timestamp}")
    if args.offline:
        return 0
    with make_client(settings, args.base_url) as client:
        version = client.version()
    print(f"{client.base_url}: API {version.api_version}, registry data as of {version.data_timestamp}")
    return 0


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("trials", help="List trials in the local snapshot.")
    p.add_argument("--condition", default="", help="Only trials whose condition, keyword or title contains this text.")
    p.set_defaults(func=cmd_trials)

    r = sub.add_parser(
        "refresh",
        help="Fetch trials from ClinicalTrials.gov into the local snapshot (atomic: a failed refresh changes nothing).",
    )
    r.add_argument("--condition", default="", help='Condition or disease (query.cond), e.g. "low back pain".')
    r.add_argument("--term", default="", help="Other terms (query.term, Essie syntax).")
    r.add_argument("--near", default="", metavar="LAT,LON", help="Only trials with a site near this point.")
    r.add_argument("--miles", type=float, default=None, help="Distance for --near (default 50).")
    r.add_argument(
        "--status",
        default=",".join(DEFAULT_STATUSES),
        help="Comma-separated overall statuses (default %(default)s; ANY for no status filter).",
    )
    r.add_argument("--advanced", default="", help="Extra filter.advanced expression (Essie syntax).")
    r.add_argument("--page-size", type=int, default=DEFAULT_PAGE_SIZE, help="Studies per page (max 1000).")
    r.add_argument("--base-url", default=None, help="API root (default: CTGOV_BASE_URL or the public API).")
    r.add_argument(
        "--incremental",
        action="store_true",
        help="Only fetch studies updated since the last refresh (reuses the stored search) and update the snapshot.",
    )
    r.set_defaults(func=cmd_refresh)

    v = sub.add_parser("version", help="Show the registry's data version and the local snapshot's.")
    v.add_argument("--base-url", default=None, help="API root (default: CTGOV_BASE_URL or the public API).")
    v.add_argument("--offline", action="store_true", help="Only show the local snapshot.")
    v.set_defaults(func=cmd_version)
