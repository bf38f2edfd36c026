"""Write trials.jsonl and labels.jsonl from the annotator's per-trial judgements (annotations.py).

Run from the repository root: ``python -m tests.criteria.devset.build_labels``. Trials are copied
byte-for-byte from the recorded registry fixture; every quoted criterion is checked to occur verbatim
in its trial's eligibility text before anything is written.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from tests.criteria.devset.annotations import A

HERE = Path(__file__).parent
SOURCE = HERE.parent.parent / "fixtures" / "ctgov" / "v2_subset_back_hip_spine.jsonl"
UNIT_YEARS = {"year": 1.0, "month": 1 / 12, "week": 7 / 365.25, "day": 1 / 365.25}


def age_years(text: str) -> float:
    number, unit = re.fullmatch(r"(\d+(?:\.\d+)?) (\w+?)s?", text.strip()).groups()
    return float(number) * UNIT_YEARS[unit.lower()]


def structured_violations(eligibility: dict[str, Any], profile: dict[str, Any]) -> list[tuple[str, str]]:
    found = []
    age = profile.get("age")
    if age is not None and eligibility.get("minimumAge") and age < age_years(eligibility["minimumAge"]):
        found.append((f"minimumAge: {eligibility['minimumAge']}", f"age {age} is below the minimum"))
    if age is not None and eligibility.get("maximumAge") and age > age_years(eligibility["maximumAge"]):
        found.append((f"maximumAge: {eligibility['maximumAge']}", f"age {age} is above the maximum"))
    sex = eligibility.get("sex", "ALL")
    if "sex" in profile and sex in ("MALE", "FEMALE") and profile["sex"].upper() != sex:
        found.append((f"sex: {sex}", f"trial accepts {sex.lower()} participants only; profile is {profile['sex']}"))
    return found


def main() -> None:
    lines = {}
    for raw in SOURCE.read_text(encoding="utf-8").splitlines():
        if raw.strip():
            lines[json.loads(raw)["protocolSection"]["identificationModule"]["nctId"]] = raw
    studies = {nct: json.loads(lines[nct]) for nct in sorted(A)}
    for nct, rules in A.items():
        text = studies[nct]["protocolSection"]["eligibilityModule"]["eligibilityCriteria"]
        for quote, _, _ in rules:
            assert quote in text, f"{nct}: not verbatim: {quote!r}"
    (HERE / "trials.jsonl").write_text("".join(lines[nct] + "\n" for nct in sorted(A)), encoding="utf-8")

    profiles = {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in sorted((HERE / "profiles").glob("*.json"))}
    out = []
    for stem, profile in profiles.items():
        for nct in sorted(A):
            hits = structured_violations(studies[nct]["protocolSection"]["eligibilityModule"], profile)
            hits += [(quote, why) for quote, check, why in A[nct] if check(profile)]
            rationale = (
                "; ".join(f"{why} [{quote[:60]}]" for quote, why in hits) or "no stated answer violates any criterion"
            )
            out.append(
                {
                    "profile": stem,
                    "nct_id": nct,
                    "label": "excluded" if hits else "not_excluded",
                    "deciding_criteria": [quote for quote, _ in hits],
                    "rationale": rationale,
                }
            )
    (HERE / "labels.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in out), encoding="utf-8")
    excluded = sum(r["label"] == "excluded" for r in out)
    print(
        f"{len(profiles)} profiles x {len(A)} trials = {len(out)} pairs; excluded {excluded}, not excluded {len(out) - excluded}"
    )


if __name__ == "__main__":
    main()
