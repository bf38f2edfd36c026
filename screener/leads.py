"""Reading leads (one candidate for one trial), always through the recruiter's trial scope.

Every query here starts from ``scoped``, so a recruiter limited to some trials cannot see
another trial's candidates whatever the page asks for.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Collection, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from operator import itemgetter
from typing import Any

from sqlalchemy import Select, case, null, select

from screener.audit import Action, append_audit
from screener.auth import Recruiter
from screener.errors import CandidateNotFound
from screener.pipeline import OPEN, Status
from screener.schema import candidate, candidate_trial, criterion_outcome, note
from screener.store import CandidateStore


@dataclass(frozen=True, slots=True)
class Lead:
    id: int
    pseudonym: str
    name: str | None
    email: str | None
    phone: str | None
    preferred_contact: str | None
    nct_id: str
    verdict: str
    submitted_at: datetime
    distance_miles: float | None
    nearest_site: str | None
    registry_data_date: str | None
    status: Status
    owner: str | None
    last_action_at: datetime
    screen_fail_reason: str | None
    stale: bool
    #: The criteria still to check, phrased as questions to ask the person.
    questions: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class CriterionRow:
    index: int
    kind: str
    text: str
    outcome: str
    reason: str
    answers: dict[str, Any] | None


@dataclass(frozen=True, slots=True)
class Note:
    author: str
    created_at: datetime
    text: str


@dataclass(frozen=True, slots=True)
class LeadDetail:
    lead: Lead
    profile: dict[str, Any] | None
    criteria: tuple[CriterionRow, ...]
    notes: tuple[Note, ...]


def as_question(kind: str, text: str) -> str:
    """Turn an unknown criterion into something to ask: inclusions are confirmed, exclusions ruled out."""
    clean = text.strip().rstrip(";.,").strip()
    if kind == "exclusion":
        return f"Does this apply to them (it would exclude them)? “{clean}”"
    return f"Do they meet this? “{clean}”"


#: Submission order, newest first (ids are assigned as submissions are stored); export merges on it.
NEWEST_FIRST = candidate_trial.c.id.desc()

_LEAD_COLUMNS = (
    candidate_trial.c.id,
    candidate.c.pseudonym,
    candidate.c.name,
    candidate.c.email,
    candidate.c.phone,
    candidate.c.preferred_contact,
    candidate_trial.c.nct_id,
    candidate_trial.c.verdict,
    candidate.c.submitted_at,
    candidate_trial.c.distance_miles,
    candidate_trial.c.nearest_site,
    candidate_trial.c.registry_data_date,
    candidate_trial.c.status,
    candidate_trial.c.owner,
    candidate_trial.c.last_action_at,
    candidate_trial.c.screen_fail_reason,
)


def scoped(
    query: Select[Any], recruiter: Recruiter, nct_id: str | None, statuses: Collection[Status] | None
) -> Select[Any]:
    """Apply the access rule and the page's filters to a query over candidate_trial."""
    if recruiter.trials is not None:
        query = query.where(candidate_trial.c.nct_id.in_(sorted(recruiter.trials)))
    if nct_id is not None:
        recruiter.check_trial(nct_id)
        query = query.where(candidate_trial.c.nct_id == nct_id)
    if statuses:
        query = query.where(candidate_trial.c.status.in_([str(s) for s in statuses]))
    return query


def visible_trials(store: CandidateStore, recruiter: Recruiter) -> list[str]:
    """NCT ids that have candidates and that this recruiter may see."""
    query = scoped(select(candidate_trial.c.nct_id).distinct(), recruiter, None, None)
    with store.read() as conn:
        return sorted(conn.execute(query).scalars())


def list_leads(
    store: CandidateStore,
    recruiter: Recruiter,
    *,
    nct_id: str | None = None,
    statuses: Collection[Status] | None = None,
    stale_days: int,
    now: datetime | None = None,
) -> list[Lead]:
    """The candidate list, newest first, with the unknown criteria as questions.

    Raises:
        AccessDenied: ``nct_id`` is outside the recruiter's trials.
    """
    now = now or datetime.now(UTC)
    leads_q = scoped(
        select(*_LEAD_COLUMNS).join(candidate, candidate.c.id == candidate_trial.c.candidate_id),
        recruiter,
        nct_id,
        statuses,
    ).order_by(NEWEST_FIRST)
    unknown_q = scoped(
        select(criterion_outcome.c.candidate_trial_id, criterion_outcome.c.kind, criterion_outcome.c.text)
        .join(candidate_trial, candidate_trial.c.id == criterion_outcome.c.candidate_trial_id)
        .where(criterion_outcome.c.outcome == "unknown"),
        recruiter,
        nct_id,
        statuses,
    ).order_by(criterion_outcome.c.candidate_trial_id, criterion_outcome.c.idx)
    with store.read() as conn:
        questions: dict[int, list[str]] = defaultdict(list)
        for ct_id, kind, text in conn.execute(unknown_q):
            questions[ct_id].append(as_question(kind, text))
        rows = conn.execute(leads_q).all()
    stale_before = now - timedelta(days=stale_days)
    return [_lead(r, tuple(questions.get(r.id, ())), stale_before) for r in rows]


def _lead(r: Any, questions: tuple[str, ...], stale_before: datetime) -> Lead:
    status = Status(r.status)
    return Lead(
        id=r.id,
        pseudonym=r.pseudonym,
        name=r.name,
        email=r.email,
        phone=r.phone,
        preferred_contact=r.preferred_contact,
        nct_id=r.nct_id,
        verdict=r.verdict,
        submitted_at=r.submitted_at,
        distance_miles=r.distance_miles,
        nearest_site=r.nearest_site,
        registry_data_date=r.registry_data_date,
        status=status,
        owner=r.owner,
        last_action_at=r.last_action_at,
        screen_fail_reason=r.screen_fail_reason,
        stale=status in OPEN and r.last_action_at < stale_before,
        questions=questions,
    )


def lead_detail(
    store: CandidateStore,
    recruiter: Recruiter,
    lead_id: int,
    *,
    stale_days: int,
    audit_view: bool = True,
    now: datetime | None = None,
) -> LeadDetail:
    """One lead with every criterion, the answers and the notes; opening it is written to the audit trail.

    ``audit_view=False`` is for re-rendering a lead already opened (a page rerun is not a new view).

    Raises:
        CandidateNotFound: no such lead, or not one of this recruiter's trials (the message does not say which).
    """
    now = now or datetime.now(UTC)
    with store.write() as conn:
        row = conn.execute(
            scoped(
                select(*_LEAD_COLUMNS, candidate.c.profile).join(
                    candidate, candidate.c.id == candidate_trial.c.candidate_id
                ),
                recruiter,
                None,
                None,
            ).where(candidate_trial.c.id == lead_id)
        ).first()
        if row is None:
            raise CandidateNotFound(f"Lead {lead_id} was not found among your trials' candidates.")
        crit = conn.execute(
            select(criterion_outcome)
            .where(criterion_outcome.c.candidate_trial_id == lead_id)
            .order_by(criterion_outcome.c.idx)
        ).all()
        notes = conn.execute(select(note).where(note.c.candidate_trial_id == lead_id).order_by(note.c.id)).all()
        append_audit(
            conn,
            at=now,
            actor=recruiter.name,
            action=Action.VIEW,
            candidate=row.pseudonym,
            nct_id=row.nct_id,
            detail="opened the lead",
        )
    questions = tuple(as_question(c.kind, c.text) for c in crit if c.outcome == "unknown")
    return LeadDetail(
        lead=_lead(row, questions, now - timedelta(days=stale_days)),
        profile=row.profile,
        criteria=tuple(CriterionRow(c.idx, c.kind, c.text, c.outcome, c.reason, c.answers) for c in crit),
        notes=tuple(Note(n.author, n.created_at, n.text or "") for n in notes),
    )


def iter_export_records(
    store: CandidateStore,
    recruiter: Recruiter,
    *,
    nct_id: str | None = None,
    statuses: Collection[Status] | None = None,
) -> Iterator[tuple[Any, dict[str, Any] | None, list[tuple[str, str, str | None]], list[str]]]:
    """(lead row, profile, criteria as (kind, outcome, text or None), note texts) per lead in scope, in list order.

    Three scoped queries, merged in memory by lead id: fast for 100,000 leads, no per-lead query.
    """
    base = select(*_LEAD_COLUMNS, candidate.c.profile).join(candidate, candidate.c.id == candidate_trial.c.candidate_id)
    leads_q = scoped(base, recruiter, nct_id, statuses).order_by(NEWEST_FIRST)
    crit_q = select(
        criterion_outcome.c.candidate_trial_id,
        criterion_outcome.c.kind,
        criterion_outcome.c.outcome,
        # Only failed and unknown criteria are spelled out in an export; skip moving the rest's text.
        case((criterion_outcome.c.outcome == "pass", null()), else_=criterion_outcome.c.text),
    ).order_by(criterion_outcome.c.candidate_trial_id.desc(), criterion_outcome.c.idx)
    if recruiter.trials is not None or nct_id is not None or statuses:
        # Without a filter the join is skipped: the merge below only keeps criteria of listed leads anyway.
        crit_q = scoped(
            crit_q.join(candidate_trial, candidate_trial.c.id == criterion_outcome.c.candidate_trial_id),
            recruiter,
            nct_id,
            statuses,
        )
    notes_q = scoped(
        select(note.c.candidate_trial_id, note.c.author, note.c.created_at, note.c.text).join(
            candidate_trial, candidate_trial.c.id == note.c.candidate_trial_id
        ),
        recruiter,
        nct_id,
        statuses,
    ).order_by(note.c.id)
    with store.read() as conn:
        notes: dict[int, list[str]] = defaultdict(list)
        for n in conn.execute(notes_q):
            notes[n.candidate_trial_id].append(f"{n.created_at:%Y-%m-%d} {n.author}: {n.text or ''}")
        # Leads and criteria come in the same (id-descending) order: merge two streamed cursors
        # instead of holding a million criterion rows in memory.
        streamed = {"stream_results": True, "yield_per": 2_000}
        groups = itertools.groupby(conn.execute(crit_q, execution_options=streamed), key=itemgetter(0))
        gid, group = next(groups, (None, None))
        for r in conn.execute(leads_q, execution_options=streamed):
            while gid is not None and gid > r.id:
                gid, group = next(groups, (None, None))
            crit: list[tuple[str, str, str | None]] = []
            if gid == r.id:
                crit = [(kind, outcome, text) for _, kind, outcome, text in group]
                gid, group = next(groups, (None, None))
            yield r, r.profile, crit, notes.get(r.id, [])
