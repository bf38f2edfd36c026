"""Splitting real eligibility text into inclusion and exclusion criteria without losing a word."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from criteria import Kind, parse_criteria
from criteria.parse import heading_kind
from tests.criteria.conftest import is_real, real_texts

INC, EXC = Kind.INCLUSION, Kind.EXCLUSION

# (behaviour, text quoted from a real record, expected [(kind, text)] in order)
SPLITS = [
    (
        "headers_and_star_bullets",
        "Inclusion Criteria:\n\n* Pain ≥ 3 months\n\nExclusion Criteria:\n\n* Smoker",
        [(INC, "Pain ≥ 3 months"), (EXC, "Smoker")],
    ),
    (
        "upper_case_headers_and_dash_bullets",
        "INCLUSION CRITERIA:\n\n- Able to read and write English\n\nEXCLUSION CRITERIA:\n\n- Pregnancy",
        None,
    ),
    (
        "key_inclusion_criteria_header",
        "Key Inclusion Criteria:\n\n* Age 18-65\n\nKey Exclusion Criteria:\n\n* Pregnancy",
        None,
    ),
    (
        "numbered_items_with_escaped_dot",
        "Inclusion Criteria:\n\n1\\. Age 18 to 75 years old (male or female).\n\nExclusion Criteria:\n\n1\\. Pregnancy",
        None,
    ),
    (
        "nested_children_stay_with_parent",
        "Exclusion Criteria:\n\n* Radicular symptoms \\< 3 months duration\n* Major neurological deficits such as:\n\n  * Cauda equina syndrome\n  * Rapidly progressing neurological symptoms (e.g. foot drop)\n* Substance abuse",
        [
            (EXC, "Radicular symptoms < 3 months duration"),
            (
                EXC,
                "Major neurological deficits such as:\n  * Cauda equina syndrome\n  * Rapidly progressing neurological symptoms (e.g. foot drop)",
            ),
            (EXC, "Substance abuse"),
        ],
    ),
    (
        "single_line_with_inline_dash_items",
        "Inclusion Criteria: - Informed consent obtained before any data collection - Woman with a positive pregnancy test",
        [(INC, "Informed consent obtained before any data collection"), (INC, "Woman with a positive pregnancy test")],
    ),
    (
        "prose_without_headers_counts_as_inclusion",
        "Veterans between the ages of 45 and 64.",
        [(INC, "Veterans between the ages of 45 and 64.")],
    ),
]


def _real_record_with(fragment: str) -> str:
    return next(t for t in real_texts() if fragment in t)


@pytest.mark.parametrize(("behaviour", "text", "expected"), SPLITS, ids=[s[0] for s in SPLITS])
def test_split_follows_the_registry_formats(behaviour, text, expected):
    crits = parse_criteria(text)
    if expected is None:
        assert [c.kind for c in crits] == [INC, EXC]
        assert not any(re.match(r"^([*\-•]|\d+[.)])\s", c.text) for c in crits), "bullet markers are stripped"
    else:
        assert [(c.kind, c.text) for c in crits] == expected
    assert [c.index for c in crits] == list(range(len(crits)))


@pytest.mark.parametrize(
    "fragment",
    [
        "* Duration of symptoms: 6 or more weeks.",
        "* Major neurological deficits such as:",
        "1. Age 18 to 75 years old (male or female).",
        "Inclusion Criteria: - Informed consent obtained",
    ],
)
def test_real_records_split_into_both_kinds(fragment):
    crits = parse_criteria(_real_record_with(fragment))
    assert {c.kind for c in crits} == {INC, EXC}


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Inclusion Criteria:", INC),
        ("Exclusion criteria", EXC),
        ("Key Exclusion Criteria:", EXC),
        ("Inclusion Criteria：", INC),
        ("EXCLUSION CRITERIA:", EXC),
        ("Radiological Inclusion Criteria", INC),
        ("Inclusion Criteria for all groups:", INC),
        (
            "Candidates who meet ANY of the following exclusion criteria are not considered eligible for study participation:",
            EXC,
        ),
        ("A subject is eligible for inclusion if all the following criteria are met:", INC),
    ],
)
def test_heading_variants_are_recognised(line, kind):
    assert is_real(line)
    head = heading_kind(line)
    assert head is not None and head[0] is kind


@pytest.mark.parametrize(
    "line",
    [
        "2.Exclusion of individuals with a history of neurological disorders or psychiatric conditions that could impair cognitive function, as well as those with a history of medication use for these conditions.",
        "Previous lumbar spine surgery.",
        "Note: Other exclusion criteria may apply.",
    ],
)
def test_criteria_that_mention_inclusion_are_not_headings(line):
    assert is_real(line)
    assert heading_kind(line) is None


def test_heading_text_after_colon_becomes_a_criterion():
    text = "Exclusion Criteria: All answers must be NO to be eligible for the study."
    crits = parse_criteria(text)
    assert [(c.kind, c.text) for c in crits] == [(EXC, "All answers must be NO to be eligible for the study.")]


def test_escaped_markdown_is_unescaped_in_criterion_text():
    crits = parse_criteria("Inclusion Criteria:\n\n* Age \\>18 and \\< 60 years")
    assert crits[0].text == "Age >18 and < 60 years"


def test_inline_numbered_list_is_split():
    text = _real_record_with("1. Symptomatic DDD or significant cervical spondylosis at more than two levels 2.")
    crits = [c.text for c in parse_criteria(text)]
    assert any(t.startswith("Symptomatic DDD") for t in crits)
    assert any(t.startswith("Reported to have an active systemic infection") for t in crits)


_WORD = re.compile(r"[A-Za-z0-9]+")
_HEADING_WORDS = {"inclusion", "exclusion", "criteria", "key", "eligibility", "criterion"}


def _words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]


# List markers are layout, not wording: "1.", "(2)", "a)", "iv." at a line start or inside a run-on line.
_MARKERS = re.compile(
    r"^\s*(?:[*\-•·+]\s*)?\(?(?:\d{1,3}|[a-zA-Z]|[ivxIVX]{1,4})\s?\\?[.)]"  # at a line start
    r"|^\s*o(?=\s|$)"  # "o" used as a bullet
    r"|(?<=\s)\(?(?:\d{1,3}|[a-zA-Z]|[ivxIVX]{1,4})\s?[.)](?=\s|[A-Za-z])"  # inside a run-on line
)


def _lost_words(text: str) -> set[str]:
    kept = set(_words(" ".join(c.text for c in parse_criteria(text))))
    lost = set()
    for line in text.splitlines():
        if not line.strip() or heading_kind(line) is not None:
            continue
        lost |= set(_words(_MARKERS.sub(" ", line))) - kept
    return lost


def test_no_real_record_loses_a_word():
    # A heading written mid-line ("... (MAB) Exclusion Criteria:• Patient has ...") is consumed as a heading.
    offenders = {i: _lost_words(t) - _HEADING_WORDS for i, t in enumerate(real_texts())}
    assert {i: w for i, w in offenders.items() if w} == {}


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=400))
def test_parser_never_raises_and_never_loses_text_on_arbitrary_input(text):
    crits = parse_criteria(text)
    assert all(c.kind in (INC, EXC) and c.text.strip() for c in crits)
    assert not (_lost_words(text) - _HEADING_WORDS)


_LINES = st.sampled_from(
    [
        "Inclusion Criteria:",
        "Exclusion Criteria:",
        "* Pregnancy",
        "- Age 18-65",
        "1. Smoker",
        "  * child",
        "",
        "prose line",
    ]
)


@settings(max_examples=200, deadline=None)
@given(st.lists(_LINES, max_size=12))
def test_structured_input_never_loses_a_line(lines):
    text = "\n".join(lines)
    assert not _lost_words(text)
