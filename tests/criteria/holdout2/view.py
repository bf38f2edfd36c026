"""Print trials' full eligibility text and structured fields (annotator's viewer).

Run: ``python tests/criteria/holdout2/view.py [NCT...]``; with no ids it prints every trial in ``ids.txt``.
``--profiles`` prints each profile's stated answers on one line, for reading a trial against all of them.
"""

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
FIXTURE = HERE.parents[1] / "fixtures" / "ctgov" / "v2_subset_back_hip_spine.jsonl"

if __name__ == "__main__":
    if sys.argv[1:] == ["--profiles"]:
        for path in sorted((HERE / "profiles").glob("*.json")):
            print(path.stem, json.dumps(json.loads(path.read_text()), separators=(",", ":")))
        sys.exit(0)
    wanted = sys.argv[1:] or (HERE / "ids.txt").read_text().split()
    for line in FIXTURE.read_text().splitlines():
        p = json.loads(line)["protocolSection"]
        nct = p["identificationModule"]["nctId"]
        if nct in wanted:
            e = p.get("eligibilityModule", {})
            print("=" * 30, nct, p["identificationModule"]["briefTitle"])
            print("min", e.get("minimumAge"), "max", e.get("maximumAge"), "sex", e.get("sex"))
            print(e.get("eligibilityCriteria", ""))
