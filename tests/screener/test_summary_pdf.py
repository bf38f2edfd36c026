"""The doctor summary PDF: real bytes with the answers, the trials and the criteria to discuss."""

from __future__ import annotations

import re
import zlib
from datetime import date

import pytest

from screener.questions import load_question_bank
from screener.service import screen_patient
from screener.summary_pdf import build_summary_pdf, pdf_safe
from tests.patient_support import back_prepared

BANK = load_question_bank()
PREPARED = back_prepared()
TODAY = date(2026, 11, 22)


def _text_of(pdf: bytes) -> str:
    """Re-read the PDF: inflate every content stream and join the text operands."""
    chunks = []
    for raw in re.findall(rb"stream\r?\n(.*?)\r?\nendstream", pdf, re.S):
        try:
            chunks.append(zlib.decompress(raw).decode("latin-1"))
        except zlib.error:
            chunks.append(raw.decode("latin-1"))
    text = "".join(re.findall(r"\((.*?)(?<!\\)\)\s*Tj", "".join(chunks), re.S))
    return text.replace("\\(", "(").replace("\\)", ")")


@pytest.fixture(scope="module")
def summary():
    answers = {
        "condition": "Lower back pain",
        "diagnosed": True,
        "age": 47,
        "location": {"label": "Zürich ✓ 北京", "lat": 47.37, "lon": 8.55, "country": "Switzerland"},
        "fever": True,
    }
    results = screen_patient(PREPARED, answers, bank=BANK, today=TODAY)
    return results, build_summary_pdf(results, BANK, answers, today=TODAY)


def test_summary_is_a_pdf(summary):
    _, pdf = summary
    assert pdf.startswith(b"%PDF-")
    assert pdf.rstrip().endswith(b"%%EOF")


def test_summary_lists_answers_trials_and_criteria_to_discuss(summary):
    results, pdf = summary
    text = _text_of(pdf)
    assert "Have you been diagnosed with lower back pain?" in text
    assert "Zürich [yes] ??" in text  # non-Latin-1 text survives as readable stand-ins
    assert results.shown[0].trial.nct_id in text
    assert "Criteria to discuss:" in text
    assert results.safety.message[:40] in text


@pytest.mark.parametrize(
    ("text", "safe"),
    [("≥ 18 years", ">= 18 years"), ("Zürich", "Zürich"), ("“quoted” – dash", '"quoted" - dash'), ("北京", "??")],
)
def test_pdf_safe_maps_text_to_latin_1(text, safe):
    assert pdf_safe(text) == safe
    safe.encode("latin-1")
