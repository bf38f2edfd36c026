"""A one-file summary the person can take to their doctor: answers, matching trials, criteria to discuss.

Set in DejaVu Sans (bundled in ``screener/data/fonts/``, Bitstream Vera licence), embedded as a
subset, so registry text keeps its "≥", "–", "’", "é", Turkish "İ", Greek "μ" and the ✓ / ✗ marks.
fpdf2's core fonts only cover Latin-1 and would turn all of these into "?". Characters the font
lacks are folded by ``pdf_safe`` (full-width "；" to ";", "㎎" to "mg"); only what has no drawable
form at all (Chinese ideographs: DejaVu has no CJK) becomes "?".
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

from fontTools.ttLib import TTFont
from fpdf import FPDF

from criteria.model import Outcome
from screener.errors import ExportError
from screener.plain import VERDICT_LABELS, distance_label, phase_label, short_summary, status_label
from screener.questions import QuestionBank
from screener.service import ScreeningResults, TrialMatch

DISCLAIMER = (
    "This is a pre-screen, not medical advice and not a decision about eligibility. "
    "Only the study team can confirm whether someone can join a trial."
)
MAX_TRIALS = 15
MAX_CRITERIA_PER_TRIAL = 12
FONT_DIR = Path(__file__).parent / "data" / "fonts"
FONT_FAMILY = "DejaVuSans"
#: One regular and one bold face keep the repository small; "italic" text is set regular in grey.
FONT_FILES = {"": FONT_DIR / "DejaVuSans.ttf", "B": FONT_DIR / "DejaVuSans-Bold.ttf"}
#: Stand-ins for characters the font lacks that Unicode compatibility folding leaves alone (CJK punctuation).
_STAND_INS = {"、": ", ", "。": ". ", "《": "«", "》": "»", "「": "“", "」": "”", "【": "[", "】": "]"}
_KEEP = frozenset("\n\t")
_GREY = 90


@cache
def _drawable() -> frozenset[int]:
    """Code points that both faces of the bundled font can draw."""
    faces = []
    for path in FONT_FILES.values():
        with TTFont(path, lazy=True) as font:
            faces.append(set(font.getBestCmap()))
    return frozenset(set.intersection(*faces))


def pdf_safe(text: str) -> str:
    """Text the bundled font can draw: kept as typed where it can, folded (NFKC) or stood in for, else "?".

    >>> pdf_safe("≥18 years, İzmir；脾")
    '≥18 years, İzmir;?'
    """
    drawable = _drawable()
    out = []
    for ch in text:
        if ord(ch) in drawable or ch in _KEEP:
            out.append(ch)
            continue
        folded = _STAND_INS.get(ch) or unicodedata.normalize("NFKC", ch)
        out.append(folded if all(ord(c) in drawable for c in folded) else "?")
    return "".join(out)


class _Doc(FPDF):
    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        for style, path in FONT_FILES.items():
            self.add_font(FONT_FAMILY, style, str(path))

    def footer(self) -> None:
        self.set_y(-12)
        self.set_font(FONT_FAMILY, "", 8)
        self.set_text_color(_GREY)
        self.cell(0, 6, f"Page {self.page_no()} – a pre-screen, not medical advice", align="C")
        self.set_text_color(0)


def _para(pdf: FPDF, text: str, *, size: int = 10, style: str = "", gap: float = 1.0) -> None:
    """One paragraph; style "B" is bold, "I" (no italic face is bundled) is regular in grey."""
    pdf.set_font(FONT_FAMILY, "B" if "B" in style else "", size)
    pdf.set_text_color(_GREY if "I" in style else 0)
    pdf.multi_cell(0, size * 0.5, pdf_safe(text), new_x="LMARGIN", new_y="NEXT")
    pdf.set_text_color(0)
    pdf.ln(gap)


def _answer_lines(bank: QuestionBank, answers: Mapping[str, Any], condition: str | None) -> list[str]:
    lines = []
    for question in sorted(bank.questions, key=lambda q: q.order):
        if question.id not in answers:
            continue
        value = answers[question.id]
        shown = bank.not_sure_label if value is None else question.label_of(value)
        lines.append(f"{question.prompt(condition)}  {shown}")
    return lines


def _trial_block(pdf: FPDF, match: TrialMatch) -> None:
    trial = match.trial
    _para(pdf, f"{trial.brief_title} ({trial.nct_id})", size=11, style="B", gap=0)
    site = match.nearest_site.label if match.nearest_site else "no recruiting site with a map location"
    _para(
        pdf,
        f"{VERDICT_LABELS[match.verdict]}. {status_label(trial.overall_status)}; {phase_label(trial.phases)}. "
        f"Nearest recruiting site: {site} ({distance_label(match.distance_miles)}). Registry record dated "
        f"{trial.data_date or 'unknown'}. {trial.url}",
        size=9,
        gap=0,
    )
    if match.stale_reasons:
        _para(pdf, "May be out of date: " + "; ".join(match.stale_reasons) + ".", size=9, style="I", gap=0)
    _para(pdf, short_summary(trial.brief_summary), size=9, gap=0)
    to_discuss = [c for c in match.result.criteria if c.outcome is not Outcome.PASS]
    if to_discuss:
        _para(pdf, "Criteria to discuss:", size=9, style="B", gap=0)
        for crit in to_discuss[:MAX_CRITERIA_PER_TRIAL]:
            mark = "✗" if crit.outcome is Outcome.FAIL else "?"
            _para(pdf, f"  {mark} ({crit.kind}) {crit.text} – {crit.reason}", size=8, gap=0)
        if len(to_discuss) > MAX_CRITERIA_PER_TRIAL:
            _para(pdf, f"  … and {len(to_discuss) - MAX_CRITERIA_PER_TRIAL} more on the registry page.", size=8)
    pdf.ln(3)


def build_summary_pdf(
    results: ScreeningResults, bank: QuestionBank, answers: Mapping[str, Any], *, today: date
) -> bytes:
    """The doctor summary as PDF bytes.

    Raises:
        ExportError: fpdf2 could not lay the document out.
    """
    try:
        pdf = _Doc(format="Letter")
        pdf.set_auto_page_break(auto=True, margin=16)
        pdf.set_title("Clinical trial pre-screen summary")
        pdf.add_page()
        _para(pdf, "Clinical trial pre-screen: summary for my doctor", size=16, style="B", gap=2)
        _para(pdf, f"Made on {today.isoformat()}. Trial data from ClinicalTrials.gov as of {results.registry_date}.")
        _para(pdf, DISCLAIMER, size=9, style="I", gap=3)
        if results.safety:
            _para(pdf, "Safety note", size=12, style="B", gap=0)
            _para(pdf, results.safety.message, gap=3)
        _para(pdf, "My answers", size=13, style="B", gap=0)
        for line in _answer_lines(bank, answers, results.condition):
            _para(pdf, f"- {line}", size=9, gap=0)
        pdf.ln(3)
        shown = results.shown
        _para(pdf, f"Trials that may fit ({len(shown)})", size=13, style="B", gap=1)
        if not shown:
            _para(pdf, "No recruiting trial in our list matched these answers.")
        for match in shown[:MAX_TRIALS]:
            _trial_block(pdf, match)
        if len(shown) > MAX_TRIALS:
            _para(pdf, f"{len(shown) - MAX_TRIALS} more trials are listed in the app.")
        return bytes(pdf.output())
    except (ValueError, RuntimeError) as exc:
        raise ExportError(f"The PDF summary could not be made: {exc}", hint="Try again, or print the page.") from exc
