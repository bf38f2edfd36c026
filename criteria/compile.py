"""Criterion text -> ``Rule``: recognise the profile concepts a criterion is about and its constraint."""

from __future__ import annotations

from criteria.parse import Criterion
from criteria.rules import Rule


def compile_criterion(criterion: Criterion) -> Rule:
    """Compile one criterion; a criterion nothing in the vocabulary recognises gets an empty rule (unknown)."""
    return Rule(criterion=criterion)
