"""CSV and Excel bytes from export rows; patient-typed text can never become a spreadsheet formula.

CSV is UTF-8 with a byte-order mark (so Excel shows "Zoë" and "Łukasz" correctly) and CRLF line
ends (RFC 4180). Any text cell starting with ``= + - @``, tab or carriage return gets a leading
apostrophe, the OWASP advice against CSV injection; numbers stay numbers. The .xlsx stores every
text cell as text (never a formula), neutralised the same way, with characters XML cannot carry dropped.
"""

from __future__ import annotations

import csv
import io
import itertools
import math
import re
import zipfile
from collections.abc import Iterable, Mapping, Sequence
from typing import Any
from xml.sax.saxutils import escape as xml_escape

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
    # Inlined neutralise(): this loop runs for every cell of a 100,000-row export. csv writes None as "";
    # a NaN (v != v) would be written as "nan", so it becomes "" too.
    writer.writerows(
        [
            ("'" + v if v.startswith(DANGEROUS_PREFIXES) else v) if v.__class__ is str else ("" if v != v else v)
            for v in map(row.get, cols)
        ]
        for row in rows
    )
    buf.flush()
    buf.detach()
    return out.getvalue()


def to_xlsx_bytes(
    rows: Iterable[Mapping[str, Any]], *, columns: Sequence[str] | None = None, sheet: str = "Candidates"
) -> bytes:
    """Rows (a list or a generator) as an .xlsx workbook (one sheet, bold header); text cells neutralised, stored as text.

    Rows are turned into SpreadsheetML (inline strings) and compressed as they arrive, so memory
    holds one chunk of rows and the compressed file, never the whole sheet. A hand-written writer
    because, for the 100,000-row export in benchmarks/bench_recruiter.py (2 million cells, 4 s CPU of
    it reading the rows), openpyxl took 28 s CPU, XlsxWriter in constant_memory mode 24 s and
    pyexcelerate 22 s (and it holds every row); this one takes about 8 s, inside the 10 s goal.

    Raises:
        ExportError: a sheet name Excel refuses, or more columns than a sheet holds.
    """
    cols, rows = _columns(rows, columns)
    _check_sheet_name(sheet)
    if len(cols) > _MAX_COLUMNS:
        raise ExportError(f"{len(cols)} columns do not fit in one sheet (at most {_MAX_COLUMNS:,}).")
    refs = [_column_letter(i) for i in range(len(cols))]
    out = io.BytesIO()
    # Level 1: three times faster than the default level 6, for a file about a third larger.
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as zf:
        for name, xml in _package_parts(sheet):
            zf.writestr(name, xml)
        with zf.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as part:
            part.write(_SHEET_START.encode())
            part.write(_row_xml(1, cols, refs, ' s="1"').encode())  # style 1 = bold, see _STYLES
            chunk: list[str] = []
            for number, row in enumerate(rows, 2):
                chunk.append(_row_xml(number, map(row.get, cols), refs))
                if len(chunk) == _ROWS_PER_WRITE:
                    part.write("".join(chunk).encode())
                    chunk.clear()
            part.write(("".join(chunk) + _SHEET_END).encode())
    return out.getvalue()


_ROWS_PER_WRITE = 500
_MAX_COLUMNS = 16_384
_SHEET_NAME_FORBIDDEN = re.compile(r"[\\/?*:\[\]]")
# Characters XML 1.0 cannot carry (C0 controls except tab/LF/CR, lone surrogates, U+FFFE/U+FFFF); dropped.
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
# Anything a cell's text needs changed for: illegal characters, markup, CR (XML parsers turn a raw CR
# into LF), and text Excel would decode as its own _xHHHH_ escape.
_NEEDS_CLEANING = re.compile("[&<>\r\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]|_x[0-9A-Fa-f]{4}_")
_EXCEL_ESCAPE_LOOKALIKE = re.compile("_(x[0-9A-Fa-f]{4}_)")


def _row_xml(number: int, values: Iterable[Any], refs: Sequence[str], style: str = "") -> str:
    """One ``<row>``: numbers as numbers, booleans as booleans, everything else as neutralised inline text.

    This runs for every cell of an export (2 million for 100,000 rows), so it is one flat loop.
    """
    r = str(number)
    cells = [f'<row r="{r}">']
    for ref, value in zip(refs, values, strict=False):
        if value is None:
            continue
        if value.__class__ is str:
            text = value
        elif value.__class__ is bool:
            cells.append(f'<c r="{ref}{r}"{style} t="b"><v>{value:d}</v></c>')
            continue
        elif isinstance(value, int) or (isinstance(value, float) and math.isfinite(value)):
            cells.append(f'<c r="{ref}{r}"{style}><v>{value!r}</v></c>')
            continue
        elif isinstance(value, float):  # NaN or infinite: an empty cell, never the text "nan"
            continue
        else:
            text = str(value)
        if _NEEDS_CLEANING.search(text):
            text = _xml_text(text)
        elif text.startswith(DANGEROUS_PREFIXES):
            text = "'" + text
        cells.append(f'<c r="{ref}{r}"{style} t="inlineStr"><is><t xml:space="preserve">{text}</t></is></c>')
    cells.append("</row>")
    return "".join(cells)


def _xml_text(text: str) -> str:
    """Neutralised text for a cell: drop what XML cannot hold, then neutralise, then escape.

    The order matters: a dropped control character must not hide a leading "=", and escaping a
    leading CR as ``&#13;`` must not hide it from the neutralising.
    """
    text = neutralise(_XML_ILLEGAL.sub("", text))
    text = _EXCEL_ESCAPE_LOOKALIKE.sub(r"_x005F_\1", text)
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", "&#13;")


def _column_letter(index: int) -> str:
    """0 → A, 25 → Z, 26 → AA."""
    letters = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def _check_sheet_name(name: str) -> None:
    if not 1 <= len(name) <= 31 or _SHEET_NAME_FORBIDDEN.search(name) or _XML_ILLEGAL.search(name):
        raise ExportError(
            f"Sheet name {name!r} is not allowed in Excel: use 1 to 31 characters and none of \\ / ? * : [ ]."
        )


_XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
_MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
_DOC_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_SHEET_START = f'{_XML_DECLARATION}<worksheet xmlns="{_MAIN_NS}"><sheetData>'
_SHEET_END = "</sheetData></worksheet>"
# Font 1 is bold (the header). Fills 0 and 1 are the two Excel requires to be present.
_STYLES = (
    f'{_XML_DECLARATION}<styleSheet xmlns="{_MAIN_NS}">'
    '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font>'
    '<font><b/><sz val="11"/><name val="Calibri"/></font></fonts>'
    '<fills count="2"><fill><patternFill patternType="none"/></fill>'
    '<fill><patternFill patternType="gray125"/></fill></fills>'
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>'
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
    "</styleSheet>"
)


def _package_parts(sheet: str) -> list[tuple[str, str]]:
    """Every part of the package except the sheet data: content types, relationships, workbook, styles."""
    xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml"
    return [
        (
            "[Content_Types].xml",
            f'{_XML_DECLARATION}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            f'<Override PartName="/xl/workbook.xml" ContentType="{xlsx}.sheet.main+xml"/>'
            f'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="{xlsx}.worksheet+xml"/>'
            f'<Override PartName="/xl/styles.xml" ContentType="{xlsx}.styles+xml"/></Types>',
        ),
        (
            "_rels/.rels",
            f'{_XML_DECLARATION}<Relationships xmlns="{_REL_NS}">'
            f'<Relationship Id="rId1" Type="{_DOC_REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        ),
        (
            "xl/workbook.xml",
            f'{_XML_DECLARATION}<workbook xmlns="{_MAIN_NS}" xmlns:r="{_DOC_REL}"><sheets>'
            f'<sheet name="{xml_escape(sheet, {chr(34): "&quot;"})}" sheetId="1" r:id="rId1"/></sheets></workbook>',
        ),
        (
            "xl/_rels/workbook.xml.rels",
            f'{_XML_DECLARATION}<Relationships xmlns="{_REL_NS}">'
            f'<Relationship Id="rId1" Type="{_DOC_REL}/worksheet" Target="worksheets/sheet1.xml"/>'
            f'<Relationship Id="rId2" Type="{_DOC_REL}/styles" Target="styles.xml"/></Relationships>',
        ),
        ("xl/styles.xml", _STYLES),
    ]
