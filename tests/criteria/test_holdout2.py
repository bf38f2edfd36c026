"""The second held-out set's files are well-formed (no accuracy bar: the lead adds one after reading figures).

tests/criteria/holdout2/ (see its README.md) was labelled by an annotator who never read the engine; it has the
devset's layout so ``python scripts/evaluate_devset.py --devset tests/criteria/holdout2`` scores it.
"""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from tests.conftest import CTGOV, load_jsonl
from tests.criteria.holdout2 import build_labels
from tests.criteria.holdout2.annotations import A

ROOT = Path(__file__).resolve().parent.parent.parent
HOLDOUT = Path(__file__).parent / "holdout2"
SCHEMA = json.loads((ROOT / "screener" / "data" / "patient_profile.schema.json").read_text(encoding="utf-8"))
PROFILES = sorted((HOLDOUT / "profiles").glob("*.json"))
TRIAL_LINES = [line for line in (HOLDOUT / "trials.jsonl").read_text(encoding="utf-8").splitlines() if line]
TRIALS_BY_ID = {json.loads(x)["protocolSection"]["identificationModule"]["nctId"]: json.loads(x) for x in TRIAL_LINES}
LABELS = load_jsonl(HOLDOUT / "labels.jsonl")
EARLIER_SET_IDS = {
    t["protocolSection"]["identificationModule"]["nctId"]
    for name in ("devset", "holdout")
    for t in load_jsonl(Path(__file__).parent / name / "trials.jsonl")
}
STRUCTURED_PREFIXES = ("minimumAge: ", "maximumAge: ", "sex: ")


@pytest.mark.parametrize("path", PROFILES, ids=lambda p: p.stem)
def test_profile_is_valid_against_the_public_schema(path):
    jsonschema.validate(json.loads(path.read_text(encoding="utf-8")), SCHEMA)


def test_profile_count_and_trial_count_are_in_the_agreed_range():
    assert 13 <= len(PROFILES) <= 16
    assert 30 <= len(TRIALS_BY_ID) <= 40


def test_every_trial_line_is_an_unchanged_copy_of_a_fixture_line():
    fixture = set((CTGOV / "v2_subset_back_hip_spine.jsonl").read_text(encoding="utf-8").splitlines())
    assert [line for line in TRIAL_LINES if line not in fixture] == []


def test_no_trial_is_in_the_devset_or_the_first_holdout():
    assert set(TRIALS_BY_ID) & EARLIER_SET_IDS == set()


def test_the_first_holdouts_profiles_are_copied_unchanged():
    first = Path(__file__).parent / "holdout" / "profiles"
    for path in first.glob("*.json"):
        assert (HOLDOUT / "profiles" / path.name).read_bytes() == path.read_bytes(), path.name


def test_every_profile_trial_pair_has_exactly_one_label():
    pairs = [(row["profile"], row["nct_id"]) for row in LABELS]
    assert len(pairs) == len(set(pairs))
    assert set(pairs) == {(p.stem, nct) for p in PROFILES for nct in TRIALS_BY_ID}


def test_labels_have_the_harness_fields_and_values():
    for row in LABELS:
        assert set(row) == {"profile", "nct_id", "label", "deciding_criteria", "rationale"}
        assert row["label"] in {"excluded", "not_excluded"}
        assert bool(row["deciding_criteria"]) == (row["label"] == "excluded"), row


def test_every_deciding_quote_is_verbatim_criterion_text_or_a_structured_field():
    for row in LABELS:
        elig = TRIALS_BY_ID[row["nct_id"]]["protocolSection"]["eligibilityModule"]
        for quote in row["deciding_criteria"]:
            if quote.startswith(STRUCTURED_PREFIXES):
                field, value = quote.split(": ", 1)
                assert elig[field] == value, (row["nct_id"], quote)
            else:
                assert quote in elig["eligibilityCriteria"], (row["nct_id"], quote)


def test_annotations_name_only_holdout2_trials_and_profiles():
    stems = {p.stem for p in PROFILES}
    assert set(A) == set(TRIALS_BY_ID)
    for entries in A.values():
        for _quote, profiles, _why in entries:
            assert set(profiles) <= stems


def test_labels_file_matches_a_rebuild_from_the_annotations():
    trials_text, labels_text = build_labels.render()
    assert trials_text == (HOLDOUT / "trials.jsonl").read_text(encoding="utf-8")
    assert labels_text == (HOLDOUT / "labels.jsonl").read_text(encoding="utf-8")


def _split(name: str) -> list[str]:
    return [line.strip() for line in (HOLDOUT / name).read_text(encoding="utf-8").splitlines() if line.strip()]


def test_the_tuned_and_unseen_halves_partition_the_trials():
    tuned, unseen = _split("split_tuned.txt"), _split("split_unseen.txt")
    assert len(tuned) == len(set(tuned)) and len(unseen) == len(set(unseen))
    assert set(tuned) & set(unseen) == set()
    assert set(tuned) | set(unseen) == set(TRIALS_BY_ID)
