"""Splitting real eligibility text into inclusion and exclusion criteria without losing a word."""

from __future__ import annotations

from criteria import Kind, parse_criteria


def test_headers_split_inclusion_and_exclusion(back_studies):
    text = back_studies[0]["protocolSection"]["eligibilityModule"]["eligibilityCriteria"]
    crits = parse_criteria(text)
    assert crits[0].kind is Kind.INCLUSION and crits[0].text == "Duration of symptoms: 6 or more weeks."
    assert crits[-1].kind is Kind.EXCLUSION
