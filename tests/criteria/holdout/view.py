"""Print a trial's full eligibility text and structured fields (annotator's viewer)."""

import json
import sys
from pathlib import Path

FIXTURE = Path(__file__).resolve().parents[2] / "fixtures" / "ctgov" / "v2_subset_back_hip_spine.jsonl"

if __name__ == "__main__":
    wanted = set(sys.argv[1:])
    for line in FIXTURE.read_text().splitlines():
        p = json.loads(line)["protocolSection"]
        nct = p["identificationModule"]["nctId"]
        if nct in wanted:
            e = p.get("eligibilityModule", {})
            print("=" * 30, nct, p["identificationModule"]["briefTitle"])
            print("min", e.get("minimumAge"), "max", e.get("maximumAge"), "sex", e.get("sex"))
            print(e.get("eligibilityCriteria", ""))
