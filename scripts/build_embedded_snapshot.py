"""Build the embedded trial snapshot from the real records in ../shared/data/ctgov/.

Run by hand (``python scripts/build_embedded_snapshot.py [SHARED_CTGOV_DIR]``); the app and
tests only read its output, ``screener/data/embedded_snapshot.jsonl.gz``, never ``../shared``.

Every API v2 file is read (jsonl records, the saved ``/studies`` pages and single-study
samples), studies are deduplicated by NCT id (the newest registry data date wins), and
sections the app never shows (results, annotations, documents) are dropped to keep the
file small. Output is sorted and gzipped without a timestamp so rebuilding is byte-stable.
"""

from __future__ import annotations

import gzip
import json
import sys
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "screener" / "data" / "embedded_snapshot.jsonl.gz"
META = REPO / "screener" / "data" / "embedded_snapshot.meta.json"
KEEP_SECTIONS = ("protocolSection", "derivedSection", "hasResults")


def _studies_in(path: Path) -> list[dict[str, Any]]:
    if path.suffix == ".jsonl":
        return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    data = json.loads(path.read_text(encoding="utf-8"))
    if isinstance(data, dict) and "studies" in data:
        return list(data["studies"])
    return [data]


def _version(study: dict[str, Any]) -> str:
    return study.get("derivedSection", {}).get("miscInfoModule", {}).get("versionHolder", "")


def build(ctgov_dir: Path) -> dict[str, Any]:
    sources = (
        sorted(ctgov_dir.glob("v2_*.jsonl"))
        + sorted((ctgov_dir / "api_pages").glob("*.json"))
        + sorted((ctgov_dir / "samples").glob("*.json"))
    )
    # The derived convenience files are unions of the others; reading them too is harmless (dedup).
    by_id: dict[str, dict[str, Any]] = {}
    for path in sources:
        for study in _studies_in(path):
            nct = study.get("protocolSection", {}).get("identificationModule", {}).get("nctId")
            if not nct:
                continue
            slim = {k: study[k] for k in KEEP_SECTIONS if k in study}
            derived = slim.get("derivedSection", {})
            # Keep only the derived modules the app reads: MeSH terms and the data date.
            slim["derivedSection"] = {
                k: derived[k] for k in ("miscInfoModule", "conditionBrowseModule") if k in derived
            }
            old = by_id.get(nct)
            if old is None or _version(slim) > _version(old):
                by_id[nct] = slim
    lines = [json.dumps(by_id[k], ensure_ascii=False, sort_keys=True, separators=(",", ":")) for k in sorted(by_id)]
    payload = ("\n".join(lines) + "\n").encode("utf-8")
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with open(OUT, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, filename="") as gz:
        gz.write(payload)
    versions = sorted(v for v in (_version(s) for s in by_id.values()) if v)
    meta = {
        "source": "embedded",
        "description": "Real ClinicalTrials.gov API v2 records collected from public repositories "
        "(see shared/data/ctgov/SOURCES.md), deduplicated by NCT id.",
        "query": {"embedded": True, "files": [str(p.relative_to(ctgov_dir)) for p in sources]},
        "study_count": len(by_id),
        "data_timestamp": versions[-1] if versions else None,
        "oldest_record_date": versions[0] if versions else None,
    }
    META.write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
    return meta


if __name__ == "__main__":
    default = REPO.parent / "shared" / "data" / "ctgov"
    print(json.dumps(build(Path(sys.argv[1]) if len(sys.argv) > 1 else default), indent=2))
