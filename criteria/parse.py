"""Free-text eligibility criteria -> a tuple of ``Criterion`` (inclusion or exclusion).

Registrants format criteria every way imaginable: "Inclusion Criteria:" and its
variants, ``*``/``-``/``•`` bullets, ``1.``/``1)``/``(1)``/``1\\.`` numbering, nested
sub-bullets, escaped markdown, or plain prose. The parser never raises and never
drops text: every non-blank line that is not a section heading ends up, with its
wording, in exactly one criterion. Headings are section markers; text written after
a heading on the same line ("Exclusion Criteria: Pregnancy") becomes a criterion.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from criteria.model import Kind
from criteria.vocab import cues


@dataclass(frozen=True, slots=True)
class Criterion:
    """One criterion as the registrant wrote it (children of "any of the following:" included)."""

    kind: Kind
    text: str
    index: int
    #: The qualifier of the heading it sits under ("for healthy participants"), if any.
    group: str = ""
    #: The cohort heading it sits under ("Subjects for the isolation of adipose-derived MSCs:") when the text
    #: has sections for two or more groups of participants; "" for sections that apply to everyone.
    cohort: str = ""


# Backslash escapes the registry's markdown adds (`\>`, `\<`, `\*`, `1\.`): wording, not markup.
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!<>=~|^])")

# A bullet or number at the start of a line; group 1 is the marker itself.
_MARKER = re.compile(
    r"""^(
        [*\-•·+▪◦●○‣⁃–—»>](?=\s|$)                     # symbol bullets
      | o(?=\s)                                          # "o" used as a bullet
      | \(?\d{1,3}\s?[.)](?!\d)                          # 1.  1)  (1)
      | \(\d{1,3}\)
      | \(?[a-hA-H][.)](?=\s)                            # a.  a)  (a)
      | \(?(?:i|ii|iii|iv|v|vi|vii|viii|ix|x)[.)](?=\s)  # i.  ii)
    )\s*""",
    re.VERBOSE,
)

_SECTION_WORD = r"(?:inclusion(?:ary)?|exclusion(?:ary)?|eligibility)"
# "Inclusion Criteria:", "Key Exclusion Criteria", "Radiological Inclusion Criteria for all groups:",
# "EXCLUSION CRITERIA：", "Inclusion:" (the part after the colon is kept as a criterion).
_HEADING = re.compile(
    rf"""^[#*_\s]*
        (?:[\w/()\-]+\s+){{0,3}}?
        (?P<word>{_SECTION_WORD})
        (?:\s+(?:criteria|criterion|requirements?))?
        (?P<qual>\s+(?:for|of|in|prior|after|determined|specific)\b[^:：]{{0,60}}|\s*\([^)]{{1,60}}\))?
        [*_\s]*(?:[:：]|\s-\s|(?<=[Cc]riteria)\.|(?<=CRITERIA)\.|\s*$)[*_\s]*
        (?P<rest>.*)$""",
    re.IGNORECASE | re.VERBOSE,
)
# Prose headings: "Candidates who meet ANY of the following exclusion criteria are not ... eligible:".
_PROSE_HEADING = re.compile(
    rf"\b(?:following|these|below)\s+(?:\w+\s+)?(?P<word>{_SECTION_WORD})\s+criteri|"
    rf"\b(?P<word2>excluded|included|ineligible|not\s+(?:be\s+)?eligible|eligible)\b[^:：]*\b(?:if|following)\b|"
    rf"\bfollowing\b[^:：]*\b(?P<word3>excluded|included|ineligible|eligible)\b",
    re.IGNORECASE,
)
_GROUP_PARENT = re.compile(
    r"\b(?:(?:one|any|all|each|both|either|two|three|at least \w+)\s+of\b|following|as follows|such as|including)",
    re.IGNORECASE,
)


def unescape(text: str) -> str:
    """Remove the registry's markdown backslash escapes (``\\>`` -> ``>``)."""
    return _ESCAPE.sub(r"\1", text)


def _indent(line: str) -> int:
    expanded = line.expandtabs(4)
    return len(expanded) - len(expanded.lstrip(" "))


def _marker(stripped: str) -> tuple[str, str]:
    """Split a stripped line into (marker type, content); type is "" for prose."""
    m = _MARKER.match(stripped)
    if not m or m.end() == 0:
        return "", stripped
    mark = m.group(1)
    content = stripped[m.end() :]
    inner = _MARKER.match(content)
    if inner and mark in "*-•·+" and inner.group(1)[:1].isdigit() and content[inner.end() :].strip():
        content = content[inner.end() :]  # "* 1. Symptomatic ...": a bullet and a number on one item
    if not any(ch.isalnum() for ch in content) and mark not in "*-•·+":
        # "1." alone or a lone "a)" is text, not a marker.
        return "", stripped
    if mark[0] == "(":
        kind = "paren"
    elif mark[0].isdigit():
        kind = "num"
    elif mark[0].isalpha() and len(mark) > 1:
        kind = "roman" if mark[0] in "ivx" and mark[:-1] in _ROMAN else "alpha"
    else:
        kind = "sym"
    return kind, content


_ROMAN = {"i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x"}


def heading_kind(line: str) -> tuple[Kind | None, str] | None:
    """If ``line`` is a section heading, return (kind or None for neutral, text after it).

    ``None`` when the line is an ordinary criterion line.
    """
    head = _heading(line)
    return None if head is None else (head[0], head[1])


def _heading(line: str) -> tuple[Kind | None, str, str] | None:
    """``heading_kind`` plus the heading's qualifier ("for healthy participants")."""
    low = line.lower()
    if "clu" not in low and "eligib" not in low:
        return None  # every heading names inclusion, exclusion or eligibility
    text = unescape(line).strip()
    _, content = _marker(text)
    content = content.strip()
    if not content:
        return None
    m = _HEADING.match(content)
    if m:
        rest = m.group("rest").strip()
        head = content[: len(content) - len(m.group("rest"))]
        # A heading needs a colon/dash or nothing after it; "Exclusion of patients with..." is a criterion.
        if rest and not re.search(r"[:：]|\s-\s|criteria\.", head, re.IGNORECASE):
            return None
        if not rest and len(head) > 90:
            return None
        if m.group("qual") and not re.search(r"[:：]", head):
            return None  # "Exclusion of individuals who ..." is a criterion; "Inclusion criteria for X:" a heading
        return _word_kind(m.group("word")), rest, (m.group("qual") or "").strip(" ()")
    if content.endswith((":", "：")) and len(content) < 220:
        p = _PROSE_HEADING.search(content)
        if p:
            word = p.group("word") or p.group("word2") or p.group("word3") or ""
            return _word_kind(word), "", ""
    return None


def _word_kind(word: str) -> Kind | None:
    w = word.lower()
    if w.startswith(("ineligible", "not")):
        return Kind.EXCLUSION
    if w == "eligible":
        return Kind.INCLUSION
    if w.startswith("inclu"):
        return Kind.INCLUSION
    if w.startswith("exclu"):
        return Kind.EXCLUSION
    return None


@dataclass(slots=True)
class _Open:
    kind: Kind
    lines: list[str]
    indent: int
    marker: str
    absorbs: bool


# A heading written mid-line ("... conception Exclusion Criteria: - Women who ...").
_INLINE_HEADING = re.compile(r"(?<=\S)\s+(?=(?:key\s+)?(?:inclusion|exclusion)\s+criteria\s*[:：])", re.IGNORECASE)
# Items run together on one line after a heading: "Inclusion Criteria: - Consent - Woman with ...".
_INLINE_DASH = re.compile(r"\s+-\s+(?=\S)")


_INLINE_NUMBER = re.compile(r"(?<=\S)\s+(?=(\d{1,2})\s?[.)]\s+\S)")


def _split_numbered(line: str) -> list[str]:
    """ "1. Pain 2. Age over 18 3. ..." on one line -> one line per number, when the numbers run 1, 2, 3."""
    stripped = line.lstrip()
    if not re.match(r"(?:[*\-•]\s+)?\(?1\s?[.)]\s", stripped):
        return [line]
    parts: list[str] = []
    expected = 2
    last = 0
    for m in _INLINE_NUMBER.finditer(line):
        if int(m.group(1)) == expected:
            parts.append(line[last : m.start()].lstrip() if parts else line[: m.start()])
            last = m.end()
            expected += 1
    parts.append(line[last:])
    indent = line[: len(line) - len(stripped)]
    return [parts[0]] + [indent + p for p in parts[1:]] if len(parts) > 1 else [line]


def _split_inline_headings(line: str) -> list[str]:
    """Split before a heading written mid-line, but not inside one ("Key Inclusion Criteria:")."""
    parts: list[str] = []
    for piece in _INLINE_HEADING.split(line):
        if parts and len(parts[-1].strip()) < 30:
            parts[-1] = f"{parts[-1]} {piece}"
        else:
            parts.append(piece)
    return parts


def _lines(text: str) -> list[str]:
    lines: list[str] = []
    for whole in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        for raw in _split_numbered(whole):
            for part in _split_inline_headings(raw):
                head = heading_kind(part)
                if head is not None and head[1].startswith("- "):
                    lines.append(part[: len(part) - len(head[1])])
                    lines.extend("- " + item for item in _INLINE_DASH.split(head[1][2:]) if item.strip())
                else:
                    lines.append(part)
    return lines


@cache
def _words_pattern(name: str) -> re.Pattern[str]:
    words = sorted(cues().lists[name], key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")s?\b", re.IGNORECASE)


def _cohort_heading(raw: str) -> bool:
    """A prose line ending in ":" that names a group of people ("DDD patients:", "For parent participants:")."""
    stripped = unescape(raw).strip().strip("*_# ")
    if not stripped.endswith((":", "：")) or len(stripped) > 120 or _marker(stripped)[0]:
        return False
    if _GROUP_PARENT.search(stripped) or _heading(raw) is not None or _PROSE_HEADING.search(stripped):
        return False
    return bool(_words_pattern("cohort_heading").search(stripped))


def _all_cohorts(heading: str) -> bool:
    return bool(_words_pattern("all_cohorts").match(heading.strip().strip("*_# ")))


def parse_criteria(text: str) -> tuple[Criterion, ...]:
    """Split eligibility text into criteria, keeping every word.

    Text before any heading counts as inclusion (registrants who write prose state
    requirements). A line indented deeper than the current item, or a line of a
    different bullet style after a parent ending in ":" ("one of the following:"),
    stays with its parent. Never raises.
    """
    if not isinstance(text, str) or not text.strip():
        return ()
    kind = Kind.INCLUSION
    group = ""
    # Two or more cohort headings: the text has sections for different groups of participants.
    lines = _lines(text)
    cohorts = sum(1 for raw in lines if _cohort_heading(raw)) >= 2
    cohort = ""
    cohort_of: dict[int, str] = {}
    out: list[tuple[Kind, str, str, str]] = []
    cur: _Open | None = None
    blank_since = True
    group_of: dict[int, str] = {}

    def flush() -> None:
        nonlocal cur
        if cur is not None:
            body = "\n".join(cur.lines).strip()
            if body:
                out.append((cur.kind, body, group_of[id(cur)], cohort_of[id(cur)]))
        cur = None

    for raw in lines:
        if not raw.strip():
            blank_since = True
            continue
        head = _heading(raw)
        if head is not None and not (cur is not None and _indent(raw) > cur.indent and head[1]):
            flush()
            if head[0] is not None:
                kind = head[0]
                group = head[2]
                cohort = ""
            if head[1]:
                cur = _Open(kind, [head[1]], _indent(raw), "", bool(_GROUP_PARENT.search(head[1])))
                group_of[id(cur)] = group
                cohort_of[id(cur)] = cohort
            blank_since = False
            continue
        if cohorts and _cohort_heading(raw):
            # The heading line stays a criterion of its own cohort (it is wording, never dropped).
            flush()
            cohort = "" if _all_cohorts(raw) else unescape(raw).strip().strip("*_#：: ")
        line = unescape(raw).rstrip()
        stripped = line.strip()
        indent = _indent(line)
        mtype, content = _marker(stripped)
        if cur is not None and indent > cur.indent and (cur.marker or not mtype or cur.absorbs):
            cur.lines.append(line[min(cur.indent, indent) :])
        elif cur is not None and not mtype and not blank_since and stripped[:1].islower():
            # A sentence wrapped onto the next line.
            cur.lines.append(stripped)
        elif (
            cur is not None
            and mtype
            and cur.absorbs
            and (mtype != cur.marker or not cur.marker)
            and cur.lines[-1].rstrip().endswith((":", "：", "-"))
            or (cur is not None and mtype and cur.absorbs and len(cur.lines) > 1 and mtype != cur.marker)
        ):
            cur.lines.append("  " + stripped)
        else:
            flush()
            cur = _Open(
                kind,
                [content.strip() if mtype else stripped],
                indent,
                mtype,
                bool(_GROUP_PARENT.search(content)) and content.rstrip().endswith((":", "：", "-")),
            )
            group_of[id(cur)] = group
            cohort_of[id(cur)] = cohort
        blank_since = False
    flush()
    return tuple(Criterion(kind=k, text=t, index=i, group=g, cohort=c) for i, (k, t, g, c) in enumerate(out))
