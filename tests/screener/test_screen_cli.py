"""The batch command-line contract: ``screen`` and ``coverage``."""

from __future__ import annotations

import json

from screener.__main__ import main
from tests.conftest import CTGOV

BACK = CTGOV / "v2_subset_back_hip_spine.jsonl"


def _lines(path, n):
    return [line for line in BACK.read_text(encoding="utf-8").splitlines() if line.strip()][:n]


def test_screen_writes_one_result_per_trial_in_contract_shape(tmp_path):
    trials = tmp_path / "trials.jsonl"
    trials.write_text("\n".join(_lines(BACK, 5)) + "\n", encoding="utf-8")
    profile = tmp_path / "p.json"
    profile.write_text(json.dumps({"age": 45, "sex": "male"}), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert main(["screen", "--profile", str(profile), "--trials", str(trials), "--out", str(out)]) == 0
    rows = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert [r["nct_id"] for r in rows] == [
        json.loads(x)["protocolSection"]["identificationModule"]["nctId"] for x in _lines(BACK, 5)
    ]
    for row in rows:
        assert set(row) == {"nct_id", "verdict", "criteria", "open_questions"}
        assert row["verdict"] in {"excluded", "likely", "possible"}
        for c in row["criteria"]:
            assert set(c) == {"kind", "text", "outcome", "concepts", "reason"}
            assert c["kind"] in {"inclusion", "exclusion"} and c["outcome"] in {"pass", "fail", "unknown"}


def test_malformed_trial_line_is_reported_with_line_number_and_others_screened(tmp_path, capsys):
    good = _lines(BACK, 2)
    trials = tmp_path / "trials.jsonl"
    trials.write_text("\n".join([good[0], "{not json", '{"protocolSection": {}}', good[1]]) + "\n", encoding="utf-8")
    profile = tmp_path / "p.json"
    profile.write_text("{}", encoding="utf-8")
    assert main(["screen", "--profile", str(profile), "--trials", str(trials)]) == 0
    captured = capsys.readouterr()
    assert len(captured.out.splitlines()) == 2
    assert ":2:" in captured.err and ":3:" in captured.err


def test_profile_breaking_schema_exits_nonzero_naming_the_key(tmp_path, capsys):
    trials = tmp_path / "trials.jsonl"
    trials.write_text(_lines(BACK, 1)[0] + "\n", encoding="utf-8")
    profile = tmp_path / "p.json"
    profile.write_text(json.dumps({"pain_intensty": 5}), encoding="utf-8")
    assert main(["screen", "--profile", str(profile), "--trials", str(trials)]) != 0
    assert "pain_intensty" in capsys.readouterr().err


def test_coverage_reports_overall_share_per_trial_and_unmapped_phrases(tmp_path, capsys):
    trials = tmp_path / "trials.jsonl"
    trials.write_text("\n".join(_lines(BACK, 3)) + "\n", encoding="utf-8")
    assert main(["coverage", "--trials", str(trials)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("overall: ")
    assert "NCT00000410" in out
    assert "most frequent unmapped phrases:" in out
