"""Export bytes: golden CSV, re-read xlsx, formula neutralising, non-ASCII names, de-identification."""

from __future__ import annotations

import csv
import io
import re
import zipfile
from datetime import UTC, datetime

import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from criteria.model import Outcome
from screener.auth import Recruiter
from screener.candidates import CONSENT_VERSION, ContactDetails, TrialSubmission, submit_candidate, withdraw_candidate
from screener.errors import ExportError
from screener.export import (
    DANGEROUS_PREFIXES,
    DEIDENTIFIED_COLUMNS,
    IDENTIFIED_COLUMNS,
    neutralise,
    to_csv_bytes,
    to_xlsx_bytes,
)
from screener.review import export_leads
from screener.schema import candidate
from tests.screener.recruiting_data import submission, trial_result

T0 = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)
P, F, U = Outcome.PASS, Outcome.FAIL, Outcome.UNKNOWN
ALICE = Recruiter("alice", None)
FORMULA_NAME = '=HYPERLINK("http://x","y")'
POLISH_NAME = "Łukasz Żółć-Nguyễn"

GOLDEN_IDENTIFIED = (
    "candidate_id,name,email,phone,preferred_contact,nct_id,submitted_at,verdict,distance_miles,nearest_site,"
    "registry_data_date,status,owner,last_action_at,screen_fail_reason,criterion_outcomes,failed_criteria,"
    "criteria_to_check,answers,notes\r\n"
    "{lukasz},Łukasz Żółć-Nguyễn,lukasz@example.org,,email,NCT04467944,2026-11-02 10:00 UTC,likely,3.0,"
    "Peking University Third Hospital,2025-06-17,new,,2026-11-02 10:00 UTC,,I1 pass; E1 pass; E2 pass,,,"
    '"age: 61; treatments_tried: physical_therapy, spine_surgery; smoker: no",\r\n'
    '{formula},"\'=HYPERLINK(""http://x"",""y"")",,\'+44 20 7946 0958,phone,NCT04467944,2026-11-02 09:00 UTC,'
    "excluded,12.5,Peking University Third Hospital,2025-06-17,new,,2026-11-02 09:00 UTC,,"
    "I1 pass; E1 unknown; E2 fail,E2: A previous history of lumbar fusion surgery.,"
    'E1: Lumbar infection and/or tumor diseases;,"age: 54; sex: female; location: postal_code 02115, '
    'country United States",\r\n'
)
GOLDEN_DEIDENTIFIED = (
    "candidate_id,nct_id,submitted_at,verdict,distance_miles,nearest_site,registry_data_date,status,owner,"
    "last_action_at,screen_fail_reason,criterion_outcomes,failed_criteria,criteria_to_check,answers\r\n"
    "{lukasz},NCT04467944,2026-11-02 10:00 UTC,likely,3.0,Peking University Third Hospital,2025-06-17,new,,"
    '2026-11-02 10:00 UTC,,I1 pass; E1 pass; E2 pass,,,"age: 61; treatments_tried: physical_therapy, spine_surgery; '
    'smoker: no"\r\n'
    "{formula},NCT04467944,2026-11-02 09:00 UTC,excluded,12.5,Peking University Third Hospital,2025-06-17,new,,"
    "2026-11-02 09:00 UTC,,I1 pass; E1 unknown; E2 fail,E2: A previous history of lumbar fusion surgery.,"
    "E1: Lumbar infection and/or tumor diseases;,age: 54; sex: female\r\n"
)


@pytest.fixture
def pseudonyms(store) -> dict[str, str]:
    """Two real-trial candidates (NCT04467944): one named like a formula, one with a non-ASCII name."""
    submit_candidate(
        store,
        contact=ContactDetails(FORMULA_NAME, None, "+44 20 7946 0958", "phone"),
        profile={"age": 54, "sex": "female", "location": {"postal_code": "02115", "country": "United States"}},
        submissions=[submission("NCT04467944", (P, U, F))],
        consent_version=CONSENT_VERSION,
        now=T0,
    )
    submit_candidate(
        store,
        contact=ContactDetails(POLISH_NAME, "lukasz@example.org", None, "email"),
        profile={"age": 61, "treatments_tried": ["physical_therapy", "spine_surgery"], "smoker": False},
        submissions=[submission("NCT04467944", (P, P, P), miles=3.04)],
        consent_version=CONSENT_VERSION,
        now=T0.replace(hour=10),
    )
    with store.read() as conn:
        names = {name: pseudonym for name, pseudonym in conn.execute(select(candidate.c.name, candidate.c.pseudonym))}
    return {"formula": names[FORMULA_NAME], "lukasz": names[POLISH_NAME]}


@pytest.mark.parametrize("identified,golden", [(True, GOLDEN_IDENTIFIED), (False, GOLDEN_DEIDENTIFIED)])
def test_csv_export_matches_golden_bytes(store, pseudonyms, identified, golden):
    data = export_leads(store, ALICE, fmt="csv", identified=identified, nct_id="NCT04467944")
    assert data == b"\xef\xbb\xbf" + golden.format(**pseudonyms).encode("utf-8")


@pytest.mark.parametrize("identified,columns", [(True, IDENTIFIED_COLUMNS), (False, DEIDENTIFIED_COLUMNS)])
def test_xlsx_export_reads_back_as_text_with_formulas_neutralised(store, pseudonyms, identified, columns):
    data = export_leads(store, ALICE, fmt="xlsx", identified=identified)
    sheet = openpyxl.load_workbook(io.BytesIO(data)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == columns
    by_id = {r[0]: dict(zip(columns, r, strict=True)) for r in rows[1:]}
    formula, lukasz = by_id[pseudonyms["formula"]], by_id[pseudonyms["lukasz"]]
    assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row)
    assert formula["distance_miles"] == 12.5 and lukasz["distance_miles"] == 3.0
    if identified:
        assert formula["name"] == "'" + FORMULA_NAME and formula["phone"] == "'+44 20 7946 0958"
        assert lukasz["name"] == POLISH_NAME
    else:
        assert "name" not in formula and "02115" not in formula["answers"]


def test_deidentified_export_has_no_name_contact_notes_or_location(store, pseudonyms):
    data = export_leads(store, ALICE, fmt="csv", identified=False).decode("utf-8-sig")
    for secret in ("HYPERLINK", "Łukasz", "lukasz@example.org", "7946", "02115", "notes"):
        assert secret not in data


@pytest.mark.parametrize(
    "value,expected",
    [
        ("=1+2", "'=1+2"),
        ("+44 20 7946 0958", "'+44 20 7946 0958"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=cmd", "'\t=cmd"),
        ("\r=cmd", "'\r=cmd"),
        ("Ana Pérez", "Ana Pérez"),
        ("a=b", "a=b"),
        (-3.5, -3.5),
        (None, None),
    ],
)
def test_neutralise_prefixes_only_text_a_spreadsheet_would_run(value, expected):
    assert neutralise(value) == expected


def test_csv_of_plain_rows_is_exact():
    rows = [{"name": "Zoë", "note": 'said "hi", left'}, {"name": "=2*3", "note": None}]
    assert to_csv_bytes(rows) == '\ufeffname,note\r\nZoë,"said ""hi"", left"\r\n\'=2*3,\r\n'.encode()


def test_empty_export_still_has_the_header():
    assert to_csv_bytes([], columns=("a", "b")) == "\ufeffa,b\r\n".encode()
    sheet = openpyxl.load_workbook(io.BytesIO(to_xlsx_bytes([], columns=("a", "b")))).active
    assert list(sheet.iter_rows(values_only=True)) == [("a", "b")]


def test_xlsx_drops_control_characters_that_would_corrupt_the_workbook():
    data = to_xlsx_bytes([{"name": "Ana\x07 Pérez"}])
    assert openpyxl.load_workbook(io.BytesIO(data)).active["A2"].value == "Ana Pérez"


@pytest.mark.parametrize("text", ["=1+2", "+44 20 7946 0958", "-2+3", "@SUM(A1)", "\t=cmd", "\r=cmd", "\r", "=<b>"])
def test_xlsx_neutralises_every_text_a_spreadsheet_would_run(text):
    sheet = openpyxl.load_workbook(io.BytesIO(to_xlsx_bytes([{"name": text}]))).active
    assert sheet["A2"].value == "'" + text


def test_xlsx_drops_a_control_character_before_neutralising_so_it_cannot_hide_a_formula():
    data = to_xlsx_bytes([{"name": "\x07=cmd|' /C calc'!A0"}])
    assert openpyxl.load_workbook(io.BytesIO(data)).active["A2"].value == "'=cmd|' /C calc'!A0"


@pytest.mark.parametrize(
    "text",
    [
        "Back pain\r\nsince 2019",
        "  padded  ",
        "<b>R&amp;D</b> \"quoted\" 'single'",
        "Łukasz Żółć-Nguyễn 🙂",
        "a\tb",
        "",
    ],
)
def test_xlsx_keeps_text_exactly(text):
    sheet = openpyxl.load_workbook(io.BytesIO(to_xlsx_bytes([{"note": text}]))).active
    assert sheet["A2"].value == text


def test_xlsx_header_is_bold_and_the_sheet_is_named():
    book = openpyxl.load_workbook(io.BytesIO(to_xlsx_bytes([{"a": "x"}], sheet="Leads & <notes>")))
    assert book.sheetnames == ["Leads & <notes>"]
    assert book.active["A1"].font.b and not book.active["A2"].font.b


@pytest.mark.parametrize("name", ["", "a" * 32, "Q1/Q2", "Leads?", "[draft]", "a:b", "a*", "back\\slash"])
def test_sheet_name_excel_refuses_is_an_export_error(name):
    with pytest.raises(ExportError, match="Sheet name"):
        to_xlsx_bytes([{"a": 1}], sheet=name)


def test_xlsx_cells_land_in_their_columns_past_z_and_empty_cells_stay_empty():
    columns = [f"c{i}" for i in range(30)]  # A … AD
    row = {c: (None if i % 3 == 0 else f"v{i}") for i, c in enumerate(columns)}
    sheet = openpyxl.load_workbook(io.BytesIO(to_xlsx_bytes([row], columns=columns))).active
    assert list(sheet.iter_rows(values_only=True)) == [tuple(columns), tuple(row.values())]
    assert sheet["AD1"].value == "c29" and sheet["AC2"].value == "v28"


def test_text_that_looks_like_an_excel_escape_is_escaped_so_excel_shows_it_as_typed():
    # Excel and LibreOffice decode _xHHHH_ in cell text (ECMA-376 ST_Xstring); _x005F_ is a literal "_".
    with zipfile.ZipFile(io.BytesIO(to_xlsx_bytes([{"code": "ref_x0041_b"}]))) as zf:
        assert '<t xml:space="preserve">ref_x005F_x0041_b</t>' in zf.read("xl/worksheets/sheet1.xml").decode()


# XML 1.0 cannot carry these (https://www.w3.org/TR/xml/#charsets); everything else must survive.
XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
EXCEL_ESCAPE = re.compile("_x[0-9A-Fa-f]{4}_")


# No deadline: opening a workbook with openpyxl takes tens of ms, more on a busy machine.
@settings(deadline=None, max_examples=50)
@given(
    st.lists(
        st.tuples(
            st.text().filter(lambda t: not EXCEL_ESCAPE.search(t)),
            st.none() | st.booleans() | st.integers(-(2**53), 2**53) | st.floats(allow_nan=False, allow_infinity=False),
        ),
        max_size=5,
    )
)
def test_xlsx_reads_back_cell_for_cell(pairs):
    rows = [{"name": a, "value": b} for a, b in pairs]
    sheet = openpyxl.load_workbook(io.BytesIO(to_xlsx_bytes(rows, columns=("name", "value")))).active
    expected = [("name", "value")] + [(neutralise(XML_ILLEGAL.sub("", a)), b) for a, b in pairs]
    assert list(sheet.iter_rows(values_only=True)) == expected
    assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row)


@given(st.text())
def test_no_neutralised_text_starts_like_a_formula_and_the_original_is_kept(text):
    out = neutralise(text)
    assert not out.startswith(DANGEROUS_PREFIXES)
    assert out == text or out == "'" + text


@given(
    st.lists(st.tuples(st.text(), st.text() | st.none() | st.floats(allow_nan=False, allow_infinity=False)), max_size=5)
)
def test_csv_reads_back_cell_for_cell(pairs):
    rows = [{"name": a, "value": b} for a, b in pairs]
    back = list(csv.reader(io.StringIO(to_csv_bytes(rows, columns=("name", "value")).decode("utf-8-sig"), newline="")))
    expected = [["name", "value"]] + [
        [neutralise(a), "" if b is None else (neutralise(b) if isinstance(b, str) else repr(b))] for a, b in pairs
    ]
    assert back == expected


@pytest.mark.parametrize("missing", [None, float("nan")])
@pytest.mark.parametrize("write", [to_csv_bytes, to_xlsx_bytes])
def test_a_missing_number_is_an_empty_cell_not_none_or_nan(write, missing):
    data = write([{"distance_miles": missing, "verdict": "likely"}], columns=("distance_miles", "verdict"))
    if write is to_csv_bytes:
        assert data.decode("utf-8-sig") == "distance_miles,verdict\r\n,likely\r\n"
    else:
        assert list(openpyxl.load_workbook(io.BytesIO(data)).active.iter_rows(values_only=True)) == [
            ("distance_miles", "verdict"),
            (None, "likely"),
        ]


@pytest.fixture
def unlocated_and_withdrawn(store) -> None:
    """A person who gave no location (no distance, no site) and withdrew, on a real trial (NCT04893720)."""
    code = submit_candidate(
        store,
        contact=ContactDetails("Ana Pérez", "ana@example.org", None, "email"),
        profile={"age": 54, "smoker": False, "treatments_tried": ["physical_therapy"]},
        submissions=[TrialSubmission(trial_result("NCT04893720"), None, None, None)],
        consent_version=CONSENT_VERSION,
        now=T0,
    )
    submit_candidate(
        store,
        contact=ContactDetails("Bo Larsen", None, "555 0100", "phone"),
        profile={"age": 61, "pain_duration_months": 14.0},
        submissions=[TrialSubmission(trial_result("NCT04893720"), None, None, None)],
        consent_version=CONSENT_VERSION,
        now=T0,
    )
    withdraw_candidate(store, code, now=T0)


@pytest.mark.parametrize("identified", [True, False])
@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_export_of_people_without_location_or_contact_never_says_none_or_nan(
    store, unlocated_and_withdrawn, fmt, identified
):
    data = export_leads(store, ALICE, fmt=fmt, identified=identified)
    if fmt == "csv":
        rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    else:
        rows = [list(r) for r in openpyxl.load_workbook(io.BytesIO(data)).active.iter_rows(values_only=True)]
    header, body = rows[0], rows[1:]
    assert len(body) == 2
    cells = [str(c) for row in body for c in row if c not in (None, "")]
    assert not [c for c in cells if re.search(r"\b(None|nan|NaN|True|False)\b", c)]
    miles = header.index("distance_miles")
    assert all(row[miles] in (None, "") for row in body)
    assert any("pain_duration_months: 14" in c and "14.0" not in c for c in cells)
