"""Recruiter actions on leads: move them through the pipeline, add notes, chart the funnel, export.

Each action writes its audit row in the same transaction, so there is no action without a record.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Literal

from sqlalchemy import func, insert, select, update

from screener.audit import Action, append_audit
from screener.auth import Recruiter
from screener.errors import CandidateNotFound, ExportError, StoreError
from screener.export import (
    DEIDENTIFIED_COLUMNS,
    IDENTIFIED_COLUMNS,
    deidentified_answers,
    to_csv_bytes,
    to_xlsx_bytes,
)
from screener.lead_table import answers_text, is_missing
from screener.leads import iter_export_records, scoped
from screener.pipeline import STAGES, Status, allowed_moves, furthest
from screener.schema import candidate, candidate_trial, criterion_outcome, note
from screener.store import CandidateStore

MAX_NOTE_LENGTH = 4000


@dataclass(frozen=True, slots=True)
class ExcludingCriterion:
    nct_id: str
    index: int
    kind: str
    text: str
    count: int


def _locked_lead(conn: Any, recruiter: Recruiter, lead_id: int) -> Any:
    row = conn.execute(
        scoped(
            select(candidate_trial, candidate.c.pseudonym)
            .join(candidate, candidate.c.id == candidate_trial.c.candidate_id)
            .where(candidate_trial.c.id == lead_id)
            .with_for_update(),
            recruiter,
            None,
            None,
        )
    ).first()
    if row is None:
        raise CandidateNotFound(f"Lead {lead_id} was not found among your trials' candidates.")
    return row


def change_status(
    store: CandidateStore,
    recruiter: Recruiter,
    lead_id: int,
    new_status: Status,
    *,
    reason: str | None = None,
    criterion_index: int | None = None,
    now: datetime | None = None,
) -> None:
    """Move a lead along the pipeline. A screen failure needs a reason: a failing criterion or written text.

    The recruiter becomes the owner if the lead had none.

    Raises:
        StoreError: the move is not allowed from the current status, or a screen failure has no reason.
        CandidateNotFound: the lead is not among this recruiter's trials.
    """
    now = now or datetime.now(UTC)
    with store.write() as conn:
        row = _locked_lead(conn, recruiter, lead_id)
        current = Status(row.status)
        if new_status not in allowed_moves(current):
            allowed = ", ".join(s.label for s in allowed_moves(current)) or "none"
            raise StoreError(f"A lead that is {current.label} cannot become {new_status.label}. Allowed: {allowed}.")
        fail_reason: str | None = None
        if new_status is Status.SCREEN_FAILED:
            if criterion_index is not None:
                text = conn.execute(
                    select(criterion_outcome.c.text).where(
                        criterion_outcome.c.candidate_trial_id == lead_id, criterion_outcome.c.idx == criterion_index
                    )
                ).scalar_one_or_none()
                if text is None:
                    raise StoreError(f"Criterion {criterion_index} is not one of this trial's criteria.")
                fail_reason = text
            elif reason and reason.strip():
                fail_reason = reason.strip()[:MAX_NOTE_LENGTH]
            else:
                raise StoreError("A screen failure needs a reason: pick the failing criterion or write one.")
        conn.execute(
            update(candidate_trial)
            .where(candidate_trial.c.id == lead_id)
            .values(
                status=str(new_status),
                furthest_status=str(furthest(Status(row.furthest_status), new_status)),
                owner=row.owner or recruiter.name,
                screen_fail_reason=fail_reason,
                screen_fail_criterion=criterion_index if new_status is Status.SCREEN_FAILED else None,
                last_action_at=now,
            )
        )
        detail = f"{current} -> {new_status}"
        if new_status is Status.SCREEN_FAILED:
            detail += f" (criterion {criterion_index})" if criterion_index is not None else " (reason written)"
        append_audit(
            conn,
            at=now,
            actor=recruiter.name,
            action=Action.STATUS_CHANGE,
            candidate=row.pseudonym,
            nct_id=row.nct_id,
            detail=detail,
        )


def add_note(
    store: CandidateStore, recruiter: Recruiter, lead_id: int, text: str, *, now: datetime | None = None
) -> None:
    """Add a free-text note (deleted if the person withdraws; the audit row never holds the text)."""
    now = now or datetime.now(UTC)
    body = text.strip()
    if not body:
        raise StoreError("The note is empty.")
    if len(body) > MAX_NOTE_LENGTH:
        raise StoreError(f"The note is longer than {MAX_NOTE_LENGTH} characters.")
    with store.write() as conn:
        row = _locked_lead(conn, recruiter, lead_id)
        if row.status == Status.WITHDRAWN:
            raise StoreError("This person withdrew; no notes can be added.")
        conn.execute(insert(note).values(candidate_trial_id=lead_id, author=recruiter.name, created_at=now, text=body))
        conn.execute(update(candidate_trial).where(candidate_trial.c.id == lead_id).values(last_action_at=now))
        append_audit(
            conn,
            at=now,
            actor=recruiter.name,
            action=Action.NOTE,
            candidate=row.pseudonym,
            nct_id=row.nct_id,
            detail=f"note added ({len(body)} characters)",
        )


def funnel(store: CandidateStore, recruiter: Recruiter, *, nct_id: str | None = None) -> list[tuple[Status, int]]:
    """How many leads reached each stage, screened (new) to enrolled; screen failures count where they got to."""
    query = scoped(
        select(candidate_trial.c.furthest_status, func.count()).group_by(candidate_trial.c.furthest_status),
        recruiter,
        nct_id,
        None,
    )
    with store.read() as conn:
        reached = Counter({Status(s): n for s, n in conn.execute(query)})
    rank = {s: i for i, s in enumerate(STAGES)}
    return [(stage, sum(n for s, n in reached.items() if rank.get(s, 0) >= rank[stage])) for stage in STAGES]


def top_excluding_criteria(
    store: CandidateStore, recruiter: Recruiter, *, nct_id: str | None = None, limit: int = 10
) -> list[ExcludingCriterion]:
    """The criteria that exclude the most people: failed at pre-screen or picked as the screen-fail reason."""
    failed_q = scoped(
        select(
            candidate_trial.c.id,
            candidate_trial.c.nct_id,
            criterion_outcome.c.idx,
            criterion_outcome.c.kind,
            criterion_outcome.c.text,
        )
        .join(criterion_outcome, criterion_outcome.c.candidate_trial_id == candidate_trial.c.id)
        .where(
            (criterion_outcome.c.outcome == "fail")
            | (
                (candidate_trial.c.status == str(Status.SCREEN_FAILED))
                & (candidate_trial.c.screen_fail_criterion == criterion_outcome.c.idx)
            )
        ),
        recruiter,
        nct_id,
        None,
    )
    people: dict[tuple[str, int, str, str], set[int]] = {}
    with store.read() as conn:
        for ct_id, nct, idx, kind, text in conn.execute(failed_q):
            people.setdefault((nct, idx, kind, text), set()).add(ct_id)
    ranked = sorted(people.items(), key=lambda kv: (-len(kv[1]), kv[0][0], kv[0][1]))
    return [ExcludingCriterion(n, i, k, t, len(ids)) for (n, i, k, t), ids in ranked[:limit]]


def _criteria_summary(crit: list[tuple[str, str, str | None]]) -> tuple[str, str, str]:
    """(compact outcome per criterion, failed criteria text, criteria to check), numbered as the registry lists them."""
    n_inc = n_exc = 0
    compact, failed, unknown = [], [], []
    for kind, outcome, text in crit:
        if kind == "inclusion":
            n_inc += 1
            label = f"I{n_inc}"
        else:
            n_exc += 1
            label = f"E{n_exc}"
        compact.append(f"{label} {outcome}")
        if outcome == "fail":
            failed.append(f"{label}: {text}")
        elif outcome == "unknown":
            unknown.append(f"{label}: {text}")
    return "; ".join(compact), " | ".join(failed), " | ".join(unknown)


def iter_export_rows(
    store: CandidateStore,
    recruiter: Recruiter,
    *,
    identified: bool,
    nct_id: str | None = None,
    statuses: Collection[Status] | None = None,
) -> Iterator[dict[str, Any]]:
    """One row per candidate and trial, one at a time (a 100,000-row export never holds every row in memory).

    The de-identified variant has no name, contact, notes or location.
    """
    for r, profile, crit, notes in iter_export_records(store, recruiter, nct_id=nct_id, statuses=statuses):
        # Unpacked once: attribute access on 100,000 rows is measurable (benchmarks/bench_recruiter.py).
        (_, pseudonym, name, email, phone, preferred, nct, verdict, submitted, miles, site, data_date, status, owner,
         last_action, fail_reason, *_) = r  # fmt: skip
        compact, failed, unknown = _criteria_summary(crit)
        row: dict[str, Any] = {"candidate_id": pseudonym}
        if identified:
            row |= {"name": name, "email": email, "phone": phone, "preferred_contact": preferred}
        row |= {
            "nct_id": nct,
            "submitted_at": _minute(submitted),
            "verdict": verdict,
            "distance_miles": None if is_missing(miles) else round(miles, 1),
            "nearest_site": site,
            "registry_data_date": data_date,
            "status": status,
            "owner": owner,
            "last_action_at": _minute(last_action),
            "screen_fail_reason": fail_reason,
            "criterion_outcomes": compact,
            "failed_criteria": failed,
            "criteria_to_check": unknown,
            "answers": answers_text(profile if identified else deidentified_answers(profile)),
        }
        if identified:
            row["notes"] = " | ".join(notes)
        yield row


def _minute(when: datetime) -> str:
    """``2026-11-02 09:00 UTC`` (isoformat is several times faster than strftime)."""
    return when.isoformat(" ", "minutes")[:16] + " UTC"


def export_leads(
    store: CandidateStore,
    recruiter: Recruiter,
    *,
    fmt: Literal["csv", "xlsx"],
    identified: bool,
    nct_id: str | None = None,
    statuses: Collection[Status] | None = None,
    now: datetime | None = None,
) -> bytes:
    """The current filtered list as CSV or Excel bytes; the export is written to the audit trail.

    Raises:
        ExportError: unknown format.
        AccessDenied: ``nct_id`` is outside the recruiter's trials.
    """
    if fmt not in ("csv", "xlsx"):
        raise ExportError(f"Unknown export format {fmt!r}; use csv or xlsx.")
    count = 0

    def counted() -> Iterator[dict[str, Any]]:
        nonlocal count
        for row in iter_export_rows(store, recruiter, identified=identified, nct_id=nct_id, statuses=statuses):
            count += 1
            yield row

    columns = IDENTIFIED_COLUMNS if identified else DEIDENTIFIED_COLUMNS
    data = to_csv_bytes(counted(), columns=columns) if fmt == "csv" else to_xlsx_bytes(counted(), columns=columns)
    filters = f"trial {nct_id or 'all'}, status {', '.join(sorted(statuses)) if statuses else 'all'}"
    with store.write() as conn:
        append_audit(
            conn,
            at=now or datetime.now(UTC),
            actor=recruiter.name,
            action=Action.EXPORT,
            nct_id=nct_id,
            detail=f"{'identified' if identified else 'de-identified'} {fmt}, {count} rows ({filters})",
        )
    return data
