"""Condition matching: the person's words against the registry's conditions, keywords and MeSH terms."""

from __future__ import annotations

import pytest

from screener.conditions import ConditionIndex, load_condition_vocabulary
from tests.patient_support import back_snapshot

VOCAB = load_condition_vocabulary()
TRIALS = back_snapshot().trials
INDEX = ConditionIndex(TRIALS, VOCAB)


@pytest.mark.parametrize(
    ("condition", "nct_id", "registry_term"),
    [
        ("Lower back pain", "NCT04631133", "Chronic Low-back Pain"),
        ("Lower back pain", "NCT04893720", "Back Pain Lower Back Chronic"),
        ("Lower back pain", "NCT04015791", "Lumbar Disc Disease"),
        ("Spinal stenosis", "NCT05587465", "Spinal Lumbar Stenosis"),
        ("Sciatica", "NCT05029726", "Lumbar Disc Herniation"),
        ("rheumatoid arthritis", "NCT03840928", "Rheumatoid Arthritis"),
        ("herniated disks", "NCT04631133", "Herniated Disc"),
        ("Lower back pain", "NCT03840928", "Lumbar Disc Disease"),
    ],
)
def test_condition_matches_trial_by_its_registry_words(condition, nct_id, registry_term):
    trial = next(t for t in TRIALS if t.nct_id == nct_id)
    assert registry_term in (*trial.conditions, *trial.keywords, *trial.mesh_terms)
    assert nct_id in INDEX.matching_ids(condition)


@pytest.mark.parametrize(
    ("condition", "nct_id", "registry_terms"),
    [
        ("Lower back pain", "NCT04550923", ("Cervical Disc Degeneration",)),
        ("Lower back pain", "NCT05701059", ("Cervical Spondylosis With Myelopathy", "Cervical Radiculopathy")),
        ("Spinal stenosis", "NCT05701059", ("Cervical Spondylosis With Myelopathy", "Cervical Radiculopathy")),
    ],
)
def test_condition_does_not_match_trials_about_something_else(condition, nct_id, registry_terms):
    trial = next(t for t in TRIALS if t.nct_id == nct_id)
    assert set(registry_terms) <= set(trial.conditions)
    assert nct_id not in INDEX.matching_ids(condition)


def test_no_condition_means_no_filter():
    assert INDEX.matching_ids(None) is None
    assert INDEX.matching_ids("  ") is None


def test_words_match_whole_words_not_substrings():
    assert VOCAB.words("Hip") <= VOCAB.words("Hip Osteoarthritis")
    assert not VOCAB.words("hip") <= VOCAB.words("Hiphop dance")


def test_misspelt_condition_gets_registry_suggestions():
    assert INDEX.matching_ids("spondylolisthsis") == frozenset()
    assert "Spondylolisthesis" in INDEX.similar_names("spondylolisthsis")


def test_default_condition_is_offered_first_class():
    assert VOCAB.default == "Lower back pain"
    assert {"Hip pain", "Sciatica", "Spinal stenosis"} <= set(VOCAB.labels)
