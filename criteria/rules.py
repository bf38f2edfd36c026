"""Compiled criteria: a criterion becomes a few ``Term`` checks on profile keys, judged by dict lookups.

A ``Term`` says "the criterion's condition holds for this person" is true, false or
unknown, from one or two profile keys. A ``Rule`` combines its terms as an AND of
OR-groups (Kleene three-valued logic) and turns the result into an outcome:
inclusion met -> pass, exclusion met -> fail. Scope keeps a fail honest when the
criterion is narrower or broader than the question the person answered:

* ``same``: the answer settles the term.
* ``narrower`` (the trial names one kind of what we asked, e.g. "multiple sclerosis" vs
  "a disease of the nerves"): "no" settles it, "yes" stays unknown.
* ``broader`` (the trial asks about more than we asked, e.g. "history of cancer, ever" vs
  "cancer in the past 5 years"): "yes" settles it, "no" stays unknown.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from criteria.parse import Criterion

SAME, NARROWER, BROADER = "same", "narrower", "broader"
#: A term no answer settles (an exception in the next criterion reopened it); its keys stay the concepts.
UNSETTLED_SCOPE = "none"

# Operators of a term (kept as short strings: evaluate is a chain of comparisons, no dispatch tables).
BOOL = "bool"  # profile[key] is value
HAS = "has"  # value in profile[key] (a list answer)
GE, GT, LE, LT = "ge", "gt", "le", "lt"  # profile[key] compared with value
BAND = "band"  # True when >= hi, False when < lo, unknown between (fuzzy words like "chronic")
WITHIN = "within"  # a treatment done within ``value`` months (months-ago key) or ever (value None)
ANY = "any"  # some treatment tried: a non-empty list answer, or yes to the aux yes/no question


@dataclass(frozen=True, slots=True)
class Term:
    op: str
    key: str
    value: Any
    #: Second profile key: the list answer that says whether a treatment was ever done (for WITHIN),
    #: or the yes/no that settles a list as empty (``took_medication`` for ``medications``).
    aux_key: str = ""
    aux_value: Any = None
    scope: str = SAME
    negated: bool = False
    #: Plain-language name of what the criterion asks about ("spine surgery in the past 12 months").
    label: str = ""
    hi: float = 0.0
    #: Comparisons: an answer within ``tol`` of ``value`` is unknown (the threshold was converted from a
    #: finer scale, so the answer's own band straddles it).
    tol: float = 0.0
    #: Precomputed answer clauses for yes/no and list answers: (positive, negative, settled-by-aux).
    said: tuple[str, str, str] = ("", "", "")

    @property
    def keys(self) -> tuple[str, ...]:
        return (self.key, self.aux_key) if self.aux_key else (self.key,)

    def raw(self, profile: Mapping[str, Any]) -> bool | None:
        """Whether the positive (un-negated, un-scoped) condition holds."""
        op = self.op
        if op == BOOL:
            v = profile.get(self.key)
            return None if v is None else v == self.value
        if op == HAS:
            v = profile.get(self.key)
            if v is None:
                if self.aux_key and profile.get(self.aux_key) is False:
                    return False
                return None
            return self.value in v
        if op == ANY:
            v = profile.get(self.key)
            if v or profile.get(self.aux_key) is True:
                return True
            if v is not None and profile.get(self.aux_key) is False:
                return False
            return None
        if op == WITHIN:
            ago = profile.get(self.key)
            tried = profile.get(self.aux_key)
            if ago is not None:
                if self.value is None:
                    return True
                if self.tol and abs(ago - self.value) <= self.tol:
                    return None  # "1 month ago" against "within 1 month" / "28 days": too close to call
                return ago <= self.value
            if tried is None:
                return None
            if self.aux_value in tried:
                # Done, but we don't know when.
                return True if self.value is None else None
            return False
        v = profile.get(self.key)
        if v is None:
            return None
        if self.tol and abs(v - self.value) <= self.tol and op != BAND:
            return None
        if op == GE:
            return v >= self.value
        if op == GT:
            return v > self.value
        if op == LE:
            return v <= self.value
        if op == LT:
            return v < self.value
        if op == BAND:
            if v >= self.hi:
                return True
            if v < self.value:
                return False
            return None
        return None

    def holds(self, profile: Mapping[str, Any]) -> bool | None:
        r = self.raw(profile)
        if r is None or self.scope == UNSETTLED_SCOPE:
            return None
        if r:
            if self.scope == NARROWER:
                return None
        elif self.scope == BROADER:
            return None
        return (not r) if self.negated else r

    def missing(self, profile: Mapping[str, Any]) -> tuple[str, ...]:
        """Unanswered keys that would settle this term."""
        if self.op == WITHIN:
            if profile.get(self.key) is None and profile.get(self.aux_key) is None:
                return (self.aux_key, self.key)
            if profile.get(self.key) is None and self.aux_value in (profile.get(self.aux_key) or ()):
                return (self.key,)
            return ()
        if self.op == ANY:
            return tuple(k for k in self.keys if profile.get(k) is None)
        if profile.get(self.key) is None and not (self.aux_key and profile.get(self.aux_key) is False):
            return (self.key,)
        return ()


@dataclass(frozen=True, slots=True)
class Rule:
    """A criterion compiled into checks. ``groups`` is an AND of OR-groups; empty means unreadable."""

    criterion: Criterion
    groups: tuple[tuple[Term, ...], ...] = ()
    #: Every profile key the terms read (the criterion's concepts), in first-use order.
    keys: tuple[str, ...] = ()
    #: Why a "yes" only gives unknown (set when a qualifier narrows the criterion), shown in reasons.
    caveat: str = ""
    #: Small integer naming (kind, checks, caveat): equal for criteria that are judged identically, so a
    #: screening run can judge "Pregnancy" once for all trials that say it.
    sig: int = -1
    #: The cohort heading of a text written for several groups of participants: a fail here only says the
    #: person is not in this group, so it becomes unknown.
    cohort: str = ""
