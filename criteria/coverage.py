"""How much of a set of trials the questionnaire can speak to: criteria mapped to at least one profile concept."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from criteria.engine import PreparedTrial

_WORD = re.compile(r"[a-z][a-z'\-]+")
# Words too common to say anything about what a criterion is about.
_STOP = frozenset(
    "a an and or of the to in on for with without by at as be is are was were been being any all other than who "
    "which that this these those their his her its from into not no must have has had will would should can may "
    "patients patient subjects subject participants participant study trial criteria prior previous within "
    "history current currently years year months month weeks week days day".split()
)


@dataclass(frozen=True, slots=True)
class TrialCoverage:
    """Free-text criteria mapped/total, plus the structured fields (sex, ages, healthy volunteers)."""

    nct_id: str
    mapped: int
    total: int
    structured_mapped: int = 0
    structured_total: int = 0

    @property
    def share(self) -> float:
        return self.mapped / self.total if self.total else 0.0


@dataclass(frozen=True, slots=True)
class CoverageReport:
    trials: tuple[TrialCoverage, ...]
    unmapped_phrases: tuple[tuple[str, int], ...]

    @property
    def mapped(self) -> int:
        return sum(t.mapped for t in self.trials)

    @property
    def total(self) -> int:
        return sum(t.total for t in self.trials)

    @property
    def share(self) -> float:
        return self.mapped / self.total if self.total else 0.0

    @property
    def all_mapped(self) -> int:
        return self.mapped + sum(t.structured_mapped for t in self.trials)

    @property
    def all_total(self) -> int:
        return self.total + sum(t.structured_total for t in self.trials)

    @property
    def all_share(self) -> float:
        return self.all_mapped / self.all_total if self.all_total else 0.0


def coverage(trials: Iterable[PreparedTrial], *, top: int = 20) -> CoverageReport:
    """Share of criteria that map to a profile concept: free text alone, and with the structured fields."""
    rows: list[TrialCoverage] = []
    phrases: Counter[str] = Counter()
    for trial in trials:
        mapped = 0
        for rule in trial.rules:
            if rule.keys:
                mapped += 1
                continue
            words = [w for w in _WORD.findall(rule.criterion.text.lower()) if w not in _STOP]
            phrases.update({" ".join(words[i : i + 2]) for i in range(len(words) - 1)})
        structured = trial.absent[: len(trial.structured)]
        rows.append(
            TrialCoverage(
                trial.nct_id, mapped, len(trial.rules), sum(1 for r in structured if r.concepts), len(structured)
            )
        )
    return CoverageReport(tuple(rows), tuple(phrases.most_common(top)))
