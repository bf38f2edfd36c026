"""Build and view a labelled set laid out like ``holdout/``, ``dev2/`` and ``holdout2/`` (one copy of the logic).

A set folder holds ``profiles/*.json``, an ``annotations.A`` mapping (NCT id -> [(verbatim criterion, profile
stems whose stated answers clearly violate it, why)]) and, optionally, ``ids.txt``: the studies assigned to the set.
With ``ids.txt`` the trials keep its order and an annotated study outside it is refused; without it they keep the
order of ``A``. Each set's ``build_labels.py`` and ``view.py`` are thin wrappers around this module.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

FIXTURE_DIR = Path(__file__).resolve().parents[1] / "fixtures" / "ctgov"
#: Recorded registry lines the sets copy from: the back/hip/spine subset, then the other spine and neck studies
#: (cervical, thoracic, lumbopelvic, axial spondyloarthritis) that dev3a/dev3b were built from.
FIXTURES = (FIXTURE_DIR / "v2_subset_back_hip_spine.jsonl", FIXTURE_DIR / "v2_spine_neck_other.jsonl")

#: One annotation: (verbatim criterion text, profile stems it excludes, why).
Annotations = Mapping[str, Sequence[tuple[str, Sequence[str], str]]]


def fixture_lines() -> dict[str, str]:
    """The recorded registry lines by NCT id, unchanged (trials are copied byte for byte)."""
    out: dict[str, str] = {}
    for fixture in FIXTURES:
        for line in fixture.read_text(encoding="utf-8").splitlines():
            if line.strip():
                out.setdefault(json.loads(line)["protocolSection"]["identificationModule"]["nctId"], line)
    return out


def load_profiles(folder: Path) -> dict[str, dict[str, Any]]:
    return {p.stem: json.loads(p.read_text()) for p in sorted((folder / "profiles").glob("*.json"))}


def assigned_ids(folder: Path) -> list[str] | None:
    """The ids in ``ids.txt``, or None when the set has no such file."""
    path = folder / "ids.txt"
    return path.read_text(encoding="utf-8").split() if path.exists() else None


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


def _trial_order(folder: Path, annotations: Annotations) -> list[str]:
    ids = assigned_ids(folder)
    if ids is None:
        return list(annotations)
    stray = set(annotations) - set(ids)
    if stray:
        raise ValueError(f"annotations name studies not assigned in ids.txt: {sorted(stray)}")
    return [nct for nct in ids if nct in annotations]


def build(folder: Path, annotations: Annotations) -> tuple[list[str], list[dict[str, Any]]]:
    """Trial lines and one label per profile x trial; raises ValueError on a quote that is not verbatim."""
    lines = fixture_lines()
    profiles = load_profiles(folder)
    trial_lines, labels = [], []
    for nct in _trial_order(folder, annotations):
        entries = annotations[nct]
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


def render(folder: Path, annotations: Annotations) -> tuple[str, str]:
    """The texts of ``trials.jsonl`` and ``labels.jsonl`` (tests compare them with the files on disk)."""
    trial_lines, labels = build(folder, annotations)
    return "\n".join(trial_lines) + "\n", "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in labels)


def write(folder: Path, annotations: Annotations) -> None:
    trials_text, labels_text = render(folder, annotations)
    (folder / "trials.jsonl").write_text(trials_text, encoding="utf-8")
    (folder / "labels.jsonl").write_text(labels_text, encoding="utf-8")
    rows = [json.loads(x) for x in labels_text.splitlines()]
    exc = sum(r["label"] == "excluded" for r in rows)
    print(f"{len(rows)} pairs, {exc} excluded, {len(rows) - exc} not_excluded")


def view(folder: Path, argv: Sequence[str]) -> None:
    """Print trials' whole criteria text and structured fields, or (``--profiles``) each profile on one line."""
    if list(argv) == ["--profiles"]:
        for path in sorted((folder / "profiles").glob("*.json")):
            print(path.stem, json.dumps(json.loads(path.read_text()), separators=(",", ":")))
        return
    wanted = set(argv or assigned_ids(folder) or [])
    for nct, line in fixture_lines().items():
        if nct in wanted:
            p = json.loads(line)["protocolSection"]
            e = p.get("eligibilityModule", {})
            print("=" * 30, nct, p["identificationModule"]["briefTitle"])
            print("min", e.get("minimumAge"), "max", e.get("maximumAge"), "sex", e.get("sex"))
            print(e.get("eligibilityCriteria", ""))


if __name__ == "__main__":
    view(Path(sys.argv[1]), sys.argv[2:])
