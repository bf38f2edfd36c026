"""Profile validation against the public schema: errors name the key and the problem."""

from __future__ import annotations

import pytest

from screener.errors import ProfileError
from screener.profile import PROFILE_KEYS, validate_profile


def test_valid_profile_is_returned_as_dict():
    profile = {"age": 52, "sex": "female", "medications": ["nsaid", "opioid"], "spine_surgery_months_ago": 8}
    assert validate_profile(profile) == profile


def test_empty_profile_is_valid_because_every_key_is_optional():
    assert validate_profile({}) == {}


@pytest.mark.parametrize(
    ("profile", "key", "words"),
    [
        ({"agee": 40}, "agee", "unknown key"),
        ({"age": "forty"}, "age", "integer"),
        ({"age": 130}, "age", "130"),
        ({"sex": "other"}, "sex", "'female'"),
        ({"medications": ["aspirin"]}, "medications", "'nsaid'"),
        ({"pain_intensity": 11}, "pain_intensity", "11"),
        ({"location": {"zip": "02139"}}, "location", "zip"),
    ],
)
def test_profile_breaking_schema_names_key_and_problem(profile, key, words):
    with pytest.raises(ProfileError) as info:
        validate_profile(profile)
    assert info.value.key == key
    assert key.split(".")[0] in str(info.value)
    assert words in str(info.value)


def test_profile_that_is_not_an_object_is_rejected():
    with pytest.raises(ProfileError):
        validate_profile(["age", 40])


def test_profile_keys_follow_the_schema():
    assert "age" in PROFILE_KEYS and "spine_surgery_months_ago" in PROFILE_KEYS
    assert len(PROFILE_KEYS) == len(set(PROFILE_KEYS))
