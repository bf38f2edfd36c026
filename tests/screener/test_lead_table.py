"""Recruiter display rows: missing values are blank or "—", never "None"/"nan"; answers read as words."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from screener.audit import Action, AuditEntry
from screener.lead_table import (
    LEAD_COLUMNS,
    MILES_COLUMN,
    MISSING,
    answers_text,
    audit_rows,
    cell_text,
    criterion_rows,
    lead_list_rows,
    miles_text,
)
from screener.leads import CriterionRow, Lead
from screener.pipeline import Status

T0 = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)
LEAKS = re.compile(r"\b(None|nan|NaN|inf|True|False)\b")


def _lead(**changes) -> Lead:
    base = dict(
        id=1, pseudonym="C-7K3Q", name="Ana Pérez", email=None, phone=None, preferred_contact="email",
        nct_id="NCT04893720", verdict="possible", submitted_at=T0, distance_miles=12.46,
        nearest_site="Aarhus University Hospital", registry_data_date="2025-06-17", status=Status.NEW, owner=None,
        last_action_at=T0, screen_fail_reason=None, stale=False, questions=(),
    )  # fmt: skip
    return Lead(**(base | changes))


@pytest.mark.parametrize(
    "value,expected",
    [
        (None, ""),
        (float("nan"), ""),
        (True, "yes"),
        (False, "no"),
        (14.0, "14"),
        (2.5, "2.5"),
        (54, "54"),
        (["physical_therapy", "spine_surgery"], "physical_therapy, spine_surgery"),
        ({"postal_code": "02115", "country": "United States"}, "postal_code 02115, country United States"),
        ({"postal_code": None, "lat": 42.34}, "lat 42.34"),
        ("Aarhus University Hospital", "Aarhus University Hospital"),
    ],
)
def test_cell_text_spells_values_in_words_and_leaves_missing_ones_blank(value, expected):
    assert cell_text(value) == expected


def test_answers_text_leaves_out_unanswered_keys():
    assert answers_text({"age": 54, "smoker": False, "cancer": None}) == "age: 54; smoker: no"
    assert answers_text({"cancer": False, "bmi": None}, sep="=", join=", ") == "cancer=no"
    assert answers_text(None) == ""


@pytest.mark.parametrize("miles", [None, float("nan")])
def test_lead_without_location_has_no_distance_and_no_none_text(miles):
    (row,) = lead_list_rows([_lead(distance_miles=miles, owner=None, name=None)])
    assert list(row) == list(LEAD_COLUMNS)
    assert row[MILES_COLUMN] is None
    assert not [v for v in row.values() if isinstance(v, str) and LEAKS.search(v)]
    assert row["Candidate"] == "(withdrawn) C-7K3Q" and row["Owner"] == ""
    assert miles_text(miles) == MISSING


def test_lead_with_a_site_keeps_its_distance_as_a_number_so_the_column_sorts():
    (row,) = lead_list_rows([_lead(distance_miles=12.46)])
    assert row[MILES_COLUMN] == 12.46
    assert miles_text(12.46) == "12 miles"


def test_criterion_rows_show_answers_in_words_and_withdrawn_answers_blank():
    # Real criteria of NCT04893720 (The SPINUS II Study).
    rows = criterion_rows(
        [
            CriterionRow(4, "exclusion", "Pregnancy", "pass", "answered: not pregnant", {"pregnant": False}),
            CriterionRow(
                1, "inclusion", "Symptoms > 6 months after the failure of conservative management in the primary "
                "care setting", "unknown", "to be checked by the study team", None,
            ),
        ]
    )  # fmt: skip
    assert rows[0]["Answers"] == "pregnant=no" and rows[0][""] == "✓"
    assert rows[1]["Answers"] == "" and rows[1][""] == "?"


def test_audit_rows_about_no_candidate_or_trial_are_blank_there():
    (row,) = audit_rows([AuditEntry(T0, "alice", Action.LOGIN, None, None, "signed in")])
    assert row["Candidate"] == "" and row["Trial"] == ""
    assert not [v for v in row.values() if LEAKS.search(v)]


@given(
    st.recursive(
        st.none() | st.booleans() | st.integers() | st.floats() | st.text(alphabet="abc xyz_0123"),
        lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.sampled_from("kmn"), inner, max_size=3),
        max_leaves=8,
    )
)
def test_cell_text_never_prints_none_nan_or_a_python_boolean(value):
    assert not LEAKS.search(cell_text(value))
