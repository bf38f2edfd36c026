"""Print a trial's full eligibility text and structured fields (annotator's viewer).

Run: ``python tests/criteria/dev2/view.py NCT...`` (no ids: every trial in ids.txt).
"""

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
FIXTURE = HERE.parents[1] / "fixtures" / "ctgov" / "v2_subset_back_hip_spine.jsonl"

if __name__ == "__main__":
    wanted = set(sys.argv[1:]) or set((HERE / "ids.txt").read_text().split())
    for line in FIXTURE.read_text().splitlines():
        p = json.loads(line)["protocolSection"]
        nct = p["identificationModule"]["nctId"]
        if nct in wanted:
            e = p.get("eligibilityModule", {})
            print("=" * 30, nct, p["identificationModule"]["briefTitle"])
            print("min", e.get("minimumAge"), "max", e.get("maximumAge"), "sex", e.get("sex"))
            print(e.get("eligibilityCriteria", ""))
