"""CSV and Excel bytes from export rows; patient-typed text can never become a spreadsheet formula.

CSV is UTF-8 with a byte-order mark (so Excel shows "Zoë" and "Łukasz" correctly) and CRLF line
ends (RFC 4180). Any text cell starting with ``= + - @``, tab or carriage return gets a leading
apostrophe, the OWASP advice against CSV injection; numbers stay numbers.
"""

from __future__ import annotations

import csv
import io
import itertools
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font

from screener.errors import ExportError

DANGEROUS_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
#: Profile keys that could locate a person; left out of the de-identified export.
LOCATING_KEYS = frozenset({"location"})

IDENTIFIED_COLUMNS = (
    "candidate_id", "name", "email", "phone", "preferred_contact", "nct_id", "submitted_at", "verdict",
    "distance_miles", "nearest_site", "registry_data_date", "status", "owner", "last_action_at",
    "screen_fail_reason", "criterion_outcomes", "failed_criteria", "criteria_to_check", "answers", "notes",
)  # fmt: skip
DEIDENTIFIED_COLUMNS = tuple(
    c for c in IDENTIFIED_COLUMNS if c not in {"name", "email", "phone", "preferred_contact", "notes"}
)


def neutralise(value: Any) -> Any:
    """Prefix text that a spreadsheet would run as a formula with an apostrophe; leave other values alone."""
    if isinstance(value, str) and value.startswith(DANGEROUS_PREFIXES):
        return "'" + value
    return value


def deidentified_answers(profile: Mapping[str, Any] | None) -> dict[str, Any] | None:
    if profile is None:
        return None
    return {k: v for k, v in profile.items() if k not in LOCATING_KEYS}


def _columns(
    rows: Iterable[Mapping[str, Any]], columns: Sequence[str] | None
) -> tuple[Sequence[str], Iterable[Mapping[str, Any]]]:
    """The header: ``columns``, or the first row's keys (then that row is put back in front)."""
    if columns is not None:
        return columns, rows
    it = iter(rows)
    first = next(it, None)
    if first is None:
        raise ExportError("Nothing to export and no columns given.")
    return list(first), itertools.chain([first], it)


def to_csv_bytes(rows: Iterable[Mapping[str, Any]], *, columns: Sequence[str] | None = None) -> bytes:
    """Rows (a list or a generator) as UTF-8 (with BOM) CSV, header first, every text cell neutralised."""
    cols, rows = _columns(rows, columns)
    out = io.BytesIO()
    buf = io.TextIOWrapper(out, encoding="utf-8-sig", newline="")  # encode as we go: one copy in memory, not two
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(cols)
    # Inlined neutralise(): this loop runs for every cell of a 100,000-row export. csv writes None as "".
    writer.writerows(
        [("'" + v if v.__class__ is str and v.startswith(DANGEROUS_PREFIXES) else v) for v in map(row.get, cols)]
        for row in rows
    )
    buf.flush()
    buf.detach()
    return out.getvalue()


def to_xlsx_bytes(
    rows: Iterable[Mapping[str, Any]], *, columns: Sequence[str] | None = None, sheet: str = "Candidates"
) -> bytes:
    """Rows (a list or a generator) as an .xlsx workbook (one sheet, bold header); text cells neutralised, stored as text."""
    cols, rows = _columns(rows, columns)
    wb = Workbook(write_only=True)
    ws = wb.create_sheet(sheet)
    bold = Font(bold=True)
    header = []
    for name in cols:
        cell = WriteOnlyCell(ws, value=name)
        cell.font = bold
        header.append(cell)
    ws.append(header)
    for row in rows:
        ws.append([_xlsx_value(row.get(c)) for c in cols])
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def _xlsx_value(value: Any) -> Any:
    if value is None or isinstance(value, int | float):
        return value
    # openpyxl would store "=..." as a formula; after neutralising, no text starts with "=".
    # Control characters are not allowed in the XML of a workbook, so they are dropped.
    return neutralise(ILLEGAL_CHARACTERS_RE.sub("", str(value)))
