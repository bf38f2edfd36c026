"""The vocabulary tables load, validate, and reject malformed entries with the allowed values."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from criteria.lexicon import lexicon
from criteria.vocab import (
    DATA,
    VocabularyError,
    concepts,
    cues,
    parse_concepts,
    parse_cues,
    parse_drugs,
    parse_terms,
    term_specs,
)

ROOT = Path(__file__).resolve().parents[2]
SCHEMA = json.loads((ROOT / "screener/data/patient_profile.schema.json").read_text(encoding="utf-8"))


def test_all_vocabulary_files_load():
    assert concepts() and term_specs() and cues().lists
    assert lexicon().entries


def test_every_data_file_is_read_by_the_loader():
    assert {p.name for p in DATA.glob("*.json")} == {"concepts.json", "terms.json", "drugs.json", "cues.json"}


def test_concepts_are_exactly_the_profile_schema_keys():
    assert set(concepts()) == set(SCHEMA["properties"])


def test_list_concept_values_match_schema_enums():
    for key, concept in concepts().items():
        if concept.kind == "list":
            assert {v for v, _ in concept.values} == set(SCHEMA["properties"][key]["items"]["enum"]), key


@pytest.mark.parametrize(
    ("drug", "klass"),
    [
        ("ibuprofen", "nsaid"),
        ("oxycodone", "opioid"),
        ("pregabalin", "gabapentinoid"),
        ("duloxetine", "antidepressant"),
        ("tizanidine", "muscle_relaxant"),
    ],
)
def test_drug_names_map_to_medication_classes(drug, klass):
    specs = [s for s in term_specs() if s.key == "medications" and drug in s.phrases]
    assert [s.value for s in specs] == [klass]


def _terms(entry: dict) -> dict:
    return {"terms": [entry]}


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        ({"key": "cancr", "op": "bool", "value": True, "label": "x", "phrases": ["x"]}, "allowed values"),
        ({"key": "cancer", "op": "equals", "value": True, "label": "x", "phrases": ["x"]}, "'bool'"),
        ({"key": "cancer", "op": "bool", "value": True, "label": "x", "phrases": ["x"], "scope": "wide"}, "'narrower'"),
        ({"key": "pain_areas", "op": "has", "value": "knee", "label": "x", "phrases": ["x"]}, "'low_back'"),
        (
            {"key": "cancer", "op": "bool", "value": True, "label": "x", "phrases": ["x"], "synonyms": []},
            "unknown field",
        ),
        ({"key": "cancer", "op": "bool", "value": "yes", "label": "x", "phrases": ["x"]}, "true/false"),
        ({"key": "cancer", "op": "bool", "value": True, "label": "x", "phrases": [""]}, "non-empty"),
    ],
)
def test_malformed_term_is_rejected_with_a_clear_message(entry, message):
    with pytest.raises(VocabularyError, match=message.replace("(", r"\(")):
        parse_terms(_terms(entry), concepts())


def test_unknown_drug_class_is_rejected():
    raw = {"window_months": 3, "classes": {"painkiller": {"names": ["x"], "drugs": []}}}
    with pytest.raises(VocabularyError, match="'opioid'"):
        parse_drugs(raw, concepts())


def test_cue_file_missing_a_list_is_rejected():
    raw = json.loads((DATA / "cues.json").read_text(encoding="utf-8"))
    del raw["negation"]
    with pytest.raises(VocabularyError, match="missing field"):
        parse_cues(raw, concepts())


def test_concept_without_answer_phrases_is_rejected():
    with pytest.raises(VocabularyError, match="'yes' and 'no'"):
        parse_concepts({"concepts": {"cancer": {"kind": "bool", "question": "cancer"}}})
