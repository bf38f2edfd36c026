"""The doctor summary PDF: real bytes with the answers, the trials and the criteria to discuss, in Unicode."""

from __future__ import annotations

import io
from datetime import date
from functools import cache

import pypdf
import pytest

from screener.questions import load_question_bank
from screener.service import prepare_snapshot, screen_patient
from screener.snapshot import Snapshot, load_embedded_snapshot
from screener.summary_pdf import build_summary_pdf, pdf_safe
from tests.patient_support import back_prepared

BANK = load_question_bank()
TODAY = date(2026, 11, 22)


def _text_of(pdf: bytes) -> str:
    """The PDF's text as a reader sees it (pypdf), whitespace collapsed so wrapped lines join up again."""
    pages = pypdf.PdfReader(io.BytesIO(pdf)).pages
    return " ".join(" ".join(page.extract_text() for page in pages).split())


@pytest.fixture(scope="module")
def summary():
    answers = {
        "condition": "Lower back pain",
        "diagnosed": True,
        "age": 47,
        "location": {"label": "Zürich ✓ 北京", "lat": 47.37, "lon": 8.55, "country": "Switzerland"},
        "fever": True,
    }
    results = screen_patient(back_prepared(), answers, bank=BANK, today=TODAY)
    return results, build_summary_pdf(results, BANK, answers, today=TODAY)


def test_summary_is_a_pdf(summary):
    _, pdf = summary
    assert pdf.startswith(b"%PDF-")
    assert pdf.rstrip().endswith(b"%%EOF")


def test_summary_lists_answers_trials_and_criteria_to_discuss(summary):
    results, pdf = summary
    text = _text_of(pdf)
    assert "Have you been diagnosed with lower back pain?" in text
    assert "Zürich ✓ ??" in text  # the font draws ✓; it has no Chinese, so those stay "?"
    assert results.shown[0].trial.nct_id in text
    assert "Criteria to discuss:" in text
    assert results.safety.message[:40] in text


@cache
def _embedded(nct_id: str):
    return next(t for t in load_embedded_snapshot().trials if t.nct_id == nct_id)


def _summary_text(nct_id: str, quoted: str) -> str:
    """The summary of one real trial for someone who is "Not sure" of the condition.

    They live at the site ``quoted`` names when it is one of the trial's sites (so it is the nearest
    one the summary prints), else in İzmir.
    """
    trial = _embedded(nct_id)
    site = next((loc for loc in trial.locations if loc.label == quoted and loc.lat is not None), None)
    here = {"lat": site.lat, "lon": site.lon} if site else {"lat": 38.42, "lon": 27.14}
    answers = {"condition": None, "location": {**here, "country": "Turkey", "label": "İzmir"}}
    prepared = prepare_snapshot(Snapshot(meta=load_embedded_snapshot().meta, trials=(trial,)))
    results = screen_patient(prepared, answers, bank=BANK, today=TODAY)
    assert [m.trial.nct_id for m in results.shown] == [nct_id]
    return _text_of(build_summary_pdf(results, BANK, answers, today=TODAY))


# Text quoted from the real records that the summary shows: the nearest site, the title or a
# criterion to discuss (every criterion is still to check for someone who answered nothing).
@pytest.mark.parametrize(
    "nct_id,quoted",
    [
        ("NCT05521061", "Ege University, İzmir, Bornova, Turkey"),
        ("NCT05850520", "Adult ≥18 years of age"),
        ("NCT05850520", "Mean CST ≥300 μm on optical coherence tomography (OCT)"),
        ("NCT04416321", "Performance of PEEK-OPTIMA™ HA Enhanced"),
        ("NCT06008288", "The First Affiliated Hospital of Xi'an Jiaotong University, Xi’an, Shanxi, China"),
    ],
)
def test_summary_keeps_registry_text_outside_latin_1(nct_id, quoted):
    trial = _embedded(nct_id)
    record = " ".join([trial.brief_title, trial.eligibility.criteria_text, *(loc.label for loc in trial.locations)])
    assert quoted in record  # real registry text, not made up
    assert quoted in _summary_text(nct_id, quoted)


@pytest.mark.parametrize(
    ("text", "safe"),
    [
        ("≥ 18 years", "≥ 18 years"),
        ("Zürich", "Zürich"),
        ("“quoted” – dash", "“quoted” – dash"),
        ("Ege University, İzmir, Bornova, Turkey", "Ege University, İzmir, Bornova, Turkey"),
        # Full-width and unit characters (real criteria and sites) fold to their plain forms.
        ("* Fasting blood glucose ≥ 7.0 mmol/L（126 mg/dl）", "* Fasting blood glucose ≥ 7.0 mmol/L(126 mg/dl)"),
        ("Serum creatinine \\> 2.0㎎/㎗", "Serum creatinine \\> 2.0mg/dl"),
        (
            "Tianjin Medical University Cancer Institute＆Hospital",
            "Tianjin Medical University Cancer Institute&Hospital",
        ),
        ("pport cervical degenerative disc disease；", "pport cervical degenerative disc disease;"),
        # DejaVu Sans has no Chinese ideographs: the only text that still becomes "?".
        ("'spleen and stomach deficiency' (脾胃虚弱)", "'spleen and stomach deficiency' (????)"),
    ],
)
def test_pdf_safe_keeps_what_the_font_draws_and_folds_the_rest(text, safe):
    assert pdf_safe(text) == safe


def test_summary_fonts_are_embedded_subsets():
    pdf = build_summary_pdf(
        screen_patient(back_prepared(), {"age": 47}, bank=BANK, today=TODAY), BANK, {"age": 47}, today=TODAY
    )
    fonts = {
        font["/BaseFont"]
        for page in pypdf.PdfReader(io.BytesIO(pdf)).pages
        for font in page["/Resources"]["/Font"].values()
    }
    # "ABCDEF+DejaVuSansBook": the prefix marks an embedded subset (only the glyphs used).
    assert fonts and all(str(f).split("+")[1].startswith("DejaVuSans") for f in fonts)
