"""The eligibility part of a trial: the input the criteria engine judges.

Kept in ``criteria`` (not ``screener``) so the pure core never imports the data
layer; ``screener.trial.Trial`` carries one of these.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Eligibility:
    """What a trial says about who may join.

    Ages are in years (fractions allowed: "6 Months" is 0.5); ``None`` means the
    registry gives no bound. ``sex`` is the registry value (``ALL``, ``FEMALE``,
    ``MALE``) or ``None`` when absent.
    """

    nct_id: str
    criteria_text: str = ""
    sex: str | None = None
    minimum_age_years: float | None = None
    maximum_age_years: float | None = None
    healthy_volunteers: bool | None = None
    std_ages: tuple[str, ...] = field(default_factory=tuple)
