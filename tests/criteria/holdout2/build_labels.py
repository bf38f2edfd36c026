"""Write trials.jsonl and labels.jsonl of the second held-out set from annotations.py.

Run: ``python -m tests.criteria.holdout2.build_labels``. Checks every quote is verbatim in its trial's criteria,
copies each trial's line unchanged from the fixture, applies the structured minimumAge/maximumAge/sex limits, and
labels every profile x trial pair. Trials keep the order of ``ids.txt`` (the ids this set was drawn from); only
trials with an ``A`` entry (fully labelled against every profile) are written.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from tests.criteria.holdout2.annotations import A

HERE = Path(__file__).resolve().parent
FIXTURE = HERE.parents[1] / "fixtures" / "ctgov" / "v2_subset_back_hip_spine.jsonl"


def fixture_lines() -> dict[str, str]:
    out = {}
    for line in FIXTURE.read_text(encoding="utf-8").splitlines():
        if line.strip():
            out[json.loads(line)["protocolSection"]["identificationModule"]["nctId"]] = line
    return out


def load_profiles() -> dict[str, dict[str, Any]]:
    return {p.stem: json.loads(p.read_text()) for p in sorted((HERE / "profiles").glob("*.json"))}


def _years(value: str | None) -> float | None:
    if not value:
        return None
    m = re.match(r"(\d+)\s*(Year|Month|Week|Day)", value)
    if not m:
        return None
    n = float(m.group(1))
    return {"Year": n, "Month": n / 12, "Week": n / 52, "Day": n / 365}[m.group(2)]


def structured(elig: dict[str, Any], profile: dict[str, Any]) -> list[str]:
    """Structured limits the stated age/sex violate (inclusive bounds)."""
    hits = []
    age = profile.get("age")
    lo, hi = _years(elig.get("minimumAge")), _years(elig.get("maximumAge"))
    if age is not None and lo is not None and age < lo:
        hits.append(f"minimumAge: {elig['minimumAge']}")
    if age is not None and hi is not None and age > hi:
        hits.append(f"maximumAge: {elig['maximumAge']}")
    sex = elig.get("sex", "ALL")
    if profile.get("sex") and sex in ("MALE", "FEMALE") and profile["sex"].upper() != sex:
        hits.append(f"sex: {sex}")
    return hits


def build() -> tuple[list[str], list[dict[str, Any]]]:
    lines = fixture_lines()
    profiles = load_profiles()
    ids = (HERE / "ids.txt").read_text(encoding="utf-8").split()
    stray = set(A) - set(ids)
    if stray:
        raise ValueError(f"annotated trials not in ids.txt: {sorted(stray)}")
    trial_lines, labels = [], []
    for nct in (x for x in ids if x in A):
        entries = A[nct]
        line = lines[nct]
        trial_lines.append(line)
        elig = json.loads(line)["protocolSection"].get("eligibilityModule", {})
        text = elig.get("eligibilityCriteria", "")
        for quote, stems, _why in entries:
            if quote not in text:
                raise ValueError(f"{nct}: quote not verbatim: {quote!r}")
            unknown = set(stems) - set(profiles)
            if unknown:
                raise ValueError(f"{nct}: unknown profiles {sorted(unknown)}")
        for stem, profile in profiles.items():
            deciding = structured(elig, profile)
            why = ["stated age/sex outside the structured limits"] if deciding else []
            for quote, stems, reason in entries:
                if stem in stems:
                    deciding.append(quote)
                    why.append(reason)
            labels.append(
                {
                    "profile": stem,
                    "nct_id": nct,
                    "label": "excluded" if deciding else "not_excluded",
                    "deciding_criteria": deciding,
                    "rationale": "; ".join(why) if why else "no stated answer clearly violates a criterion",
                }
            )
    return trial_lines, labels


def render() -> tuple[str, str]:
    trial_lines, labels = build()
    return "\n".join(trial_lines) + "\n", "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in labels)


if __name__ == "__main__":
    trials_text, labels_text = render()
    (HERE / "trials.jsonl").write_text(trials_text, encoding="utf-8")
    (HERE / "labels.jsonl").write_text(labels_text, encoding="utf-8")
    rows = [json.loads(x) for x in labels_text.splitlines()]
    exc = sum(r["label"] == "excluded" for r in rows)
    print(f"{len(rows)} pairs, {exc} excluded, {len(rows) - exc} not_excluded")
