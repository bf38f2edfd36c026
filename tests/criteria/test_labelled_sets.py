"""The files of the independently labelled sets (holdout, dev2, holdout2) are well-formed.

No accuracy bar here: test_devset.py asserts the bars on the sets tuned on, and holdout2's unseen half is only
scored by hand (see tests/criteria/holdout2/README.md). Each set was labelled by an annotator who never read the
engine; all share the layout ``tests/criteria/labelled_set.py`` builds.
"""

from __future__ import annotations

import importlib
import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from tests.conftest import load_jsonl
from tests.criteria import labelled_set

HERE = Path(__file__).parent
ROOT = HERE.parent.parent
SCHEMA = json.loads((ROOT / "screener" / "data" / "patient_profile.schema.json").read_text(encoding="utf-8"))
STRUCTURED_PREFIXES = ("minimumAge: ", "maximumAge: ", "sex: ")


@dataclass(frozen=True)
class LabelledSet:
    name: str
    profiles: tuple[int, int]  # agreed range of profile counts
    trials: tuple[int, int | None]  # agreed range of trial counts; None: at most the ids assigned in ids.txt
    earlier: tuple[str, ...]  # sets whose trials it must not reuse
    copies_holdout_profiles: bool

    @property
    def folder(self) -> Path:
        return HERE / self.name


SETS = (
    LabelledSet("holdout", (10, 12), (30, 40), ("devset",), copies_holdout_profiles=False),
    LabelledSet("dev2", (13, 15), (20, None), ("devset", "holdout"), copies_holdout_profiles=True),
    LabelledSet("holdout2", (13, 16), (30, 40), ("devset", "holdout"), copies_holdout_profiles=True),
)
each_set = pytest.mark.parametrize("ls", SETS, ids=lambda s: s.name)


@cache
def trial_lines(name: str) -> list[str]:
    return [line for line in (HERE / name / "trials.jsonl").read_text(encoding="utf-8").splitlines() if line]


@cache
def trials_by_id(name: str) -> dict[str, Any]:
    return {json.loads(x)["protocolSection"]["identificationModule"]["nctId"]: json.loads(x) for x in trial_lines(name)}


def profiles(ls: LabelledSet) -> list[Path]:
    return sorted((ls.folder / "profiles").glob("*.json"))


def annotations(ls: LabelledSet) -> dict[str, Any]:
    return importlib.import_module(f"tests.criteria.{ls.name}.annotations").A


@pytest.mark.parametrize(
    "path", [p for ls in SETS for p in profiles(ls)], ids=lambda p: f"{p.parent.parent.name}/{p.stem}"
)
def test_profile_is_valid_against_the_public_schema(path):
    jsonschema.validate(json.loads(path.read_text(encoding="utf-8")), SCHEMA)


@each_set
def test_profile_count_and_trial_count_are_in_the_agreed_range(ls):
    low, high = ls.trials
    high = len(labelled_set.assigned_ids(ls.folder) or []) if high is None else high
    assert ls.profiles[0] <= len(profiles(ls)) <= ls.profiles[1]
    assert low <= len(trials_by_id(ls.name)) <= high


@each_set
def test_every_trial_line_is_an_unchanged_copy_of_a_fixture_line(ls):
    fixture = {line for path in labelled_set.FIXTURES for line in path.read_text(encoding="utf-8").splitlines()}
    assert [line for line in trial_lines(ls.name) if line not in fixture] == []


@each_set
def test_no_trial_is_in_an_earlier_set(ls):
    earlier = {
        t["protocolSection"]["identificationModule"]["nctId"]
        for name in ls.earlier
        for t in load_jsonl(HERE / name / "trials.jsonl")
    }
    assert set(trials_by_id(ls.name)) & earlier == set()


@pytest.mark.parametrize("ls", [s for s in SETS if s.copies_holdout_profiles], ids=lambda s: s.name)
def test_the_first_holdouts_profiles_are_copied_unchanged(ls):
    for path in (HERE / "holdout" / "profiles").glob("*.json"):
        assert (ls.folder / "profiles" / path.name).read_bytes() == path.read_bytes(), path.name


@each_set
def test_every_profile_trial_pair_has_exactly_one_label(ls):
    pairs = [(row["profile"], row["nct_id"]) for row in load_jsonl(ls.folder / "labels.jsonl")]
    assert len(pairs) == len(set(pairs))
    assert set(pairs) == {(p.stem, nct) for p in profiles(ls) for nct in trials_by_id(ls.name)}


@each_set
def test_labels_have_the_harness_fields_and_values(ls):
    for row in load_jsonl(ls.folder / "labels.jsonl"):
        assert set(row) == {"profile", "nct_id", "label", "deciding_criteria", "rationale"}
        assert row["label"] in {"excluded", "not_excluded"}
        assert bool(row["deciding_criteria"]) == (row["label"] == "excluded"), row


@each_set
def test_every_deciding_quote_is_verbatim_criterion_text_or_a_structured_field(ls):
    for row in load_jsonl(ls.folder / "labels.jsonl"):
        elig = trials_by_id(ls.name)[row["nct_id"]]["protocolSection"]["eligibilityModule"]
        for quote in row["deciding_criteria"]:
            if quote.startswith(STRUCTURED_PREFIXES):
                field, value = quote.split(": ", 1)
                assert elig[field] == value, (row["nct_id"], quote)
            else:
                assert quote in elig["eligibilityCriteria"], (row["nct_id"], quote)


@each_set
def test_annotations_name_only_the_sets_trials_and_profiles(ls):
    stems = {p.stem for p in profiles(ls)}
    assert set(annotations(ls)) == set(trials_by_id(ls.name))
    for entries in annotations(ls).values():
        for _quote, named, _why in entries:
            assert set(named) <= stems


@each_set
def test_labels_file_matches_a_rebuild_from_the_annotations(ls):
    build_labels = importlib.import_module(f"tests.criteria.{ls.name}.build_labels")
    trials_text, labels_text = build_labels.render()
    assert trials_text == (ls.folder / "trials.jsonl").read_text(encoding="utf-8")
    assert labels_text == (ls.folder / "labels.jsonl").read_text(encoding="utf-8")


def _split(name: str) -> list[str]:
    path = HERE / "holdout2" / name
    return [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_holdout2s_tuned_and_unseen_halves_partition_its_trials():
    tuned, unseen = _split("split_tuned.txt"), _split("split_unseen.txt")
    assert len(tuned) == len(set(tuned)) and len(unseen) == len(set(unseen))
    assert set(tuned) & set(unseen) == set()
    assert set(tuned) | set(unseen) == set(trials_by_id("holdout2"))


def test_a_quote_that_is_not_verbatim_stops_the_build(tmp_path):
    (tmp_path / "profiles").mkdir()
    nct = next(iter(trials_by_id("holdout")))
    with pytest.raises(ValueError, match="not verbatim"):
        labelled_set.build(tmp_path, {nct: [("words no trial contains anywhere", [], "why")]})


def test_an_annotated_trial_outside_ids_txt_stops_the_build(tmp_path):
    (tmp_path / "profiles").mkdir()
    (tmp_path / "ids.txt").write_text("NCT00000001\n", encoding="utf-8")
    with pytest.raises(ValueError, match="not assigned"):
        labelled_set.build(tmp_path, {"NCT00000002": []})
