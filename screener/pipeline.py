"""The recruiter pipeline as a table: statuses, their order, and which moves are allowed.

new → contacted → pre-screened → referred → enrolled, or screen-failed (with a reason) from
any open step. One step back is allowed to correct a slip; ``withdrawn`` is set only by the
person (with their reference code), never by a recruiter.
"""

from __future__ import annotations

from enum import StrEnum


class Status(StrEnum):
    NEW = "new"
    CONTACTED = "contacted"
    PRE_SCREENED = "pre_screened"
    REFERRED = "referred"
    ENROLLED = "enrolled"
    SCREEN_FAILED = "screen_failed"
    WITHDRAWN = "withdrawn"

    @property
    def label(self) -> str:
        return LABELS[self]


LABELS = {
    Status.NEW: "New",
    Status.CONTACTED: "Contacted",
    Status.PRE_SCREENED: "Pre-screened",
    Status.REFERRED: "Referred",
    Status.ENROLLED: "Enrolled",
    Status.SCREEN_FAILED: "Screen failed",
    Status.WITHDRAWN: "Withdrawn by the person",
}

#: The funnel, in order: a lead counts at every stage up to the furthest it reached.
STAGES: tuple[Status, ...] = (Status.NEW, Status.CONTACTED, Status.PRE_SCREENED, Status.REFERRED, Status.ENROLLED)
OPEN: frozenset[Status] = frozenset(STAGES[:-1])


def allowed_moves(current: Status) -> tuple[Status, ...]:
    """Statuses a recruiter may set next (in display order)."""
    if current in (Status.WITHDRAWN, Status.ENROLLED):
        return ()
    if current is Status.SCREEN_FAILED:
        return (Status.NEW,)  # reopen a lead failed by mistake
    i = STAGES.index(current)
    moves = [STAGES[i + 1]]
    if i > 0:
        moves.append(STAGES[i - 1])
    moves.append(Status.SCREEN_FAILED)
    return tuple(moves)


def furthest(a: Status, b: Status) -> Status:
    """The later of two funnel stages (a screen failure does not undo how far a lead got)."""
    rank = {s: i for i, s in enumerate(STAGES)}
    return max(a, b, key=lambda s: rank.get(s, -1))
