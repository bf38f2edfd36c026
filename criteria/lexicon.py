"""Phrase lookup over normalised tokens: the vocabulary tables compiled into one dictionary.

Why not spaCy's PhraseMatcher: it does the same thing (hash lookup of token sequences)
but a blank English pipeline costs ~1 s to import and tens of microseconds per
criterion to tokenise, which eats most of the 5 s budget for 1,000 trials; a regex
tokeniser plus a dict of token tuples is a few microseconds and has no model to ship.
Plural "s", hyphens and apostrophes are normalised on both sides, so the tables list
each phrase once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from criteria.vocab import LINE_CUE_LISTS, TermSpec, cues, term_specs

_TOKEN = re.compile(r"[a-z]+|\d+(?:\.\d+)?|>=|<=|[<>=;:.,()/+%\[\]]")
_REPLACE = (
    ("≥", ">="),
    ("≤", "<="),
    ("=>", ">="),
    ("=<", "<="),
    ("＞", ">"),
    ("＜", "<"),
    ("：", ":"),
    ("–", "-"),
    ("—", "-"),
    ("−", "-"),
    ("’", "'"),
    ("‘", "'"),
    ("ﬁ", "fi"),
    ("i̇", "i"),
    # Lines of one criterion (a parent and its sub-bullets) are separate clauses.
    ("\n", " ; "),
    ("e.g.", "eg"),
    ("e.g", "eg"),
    ("i.e.", "ie"),
    ("i.e", "ie"),
    ("etc.", "etc"),
    ("vs.", "vs"),
    ("'s ", " "),
    ("s' ", "s "),
    ("'", ""),
    ("\\", ""),
)
_NO_STEM = ("ss", "us", "is", "ous")


def normalise(text: str) -> str:
    """Lower-case text with unicode comparison signs, dashes and quotes made plain."""
    out = text.lower()
    for a, b in _REPLACE:
        if a in out:
            out = out.replace(a, b)
    if "+" in out or "\u00b1" in out:
        # "in extension +/- pain in buttocks, groin, thigh": "with or without", never a list of alternatives that
        # would hide a following "without radicular pain" (a number after it, "24 h +/- 4 h", is left alone).
        out = _WITH_OR_WITHOUT.sub(" with or without ", out)
    # "low-back", "and/or" -> separate words: hyphens and slashes between letters are spacing.
    return re.sub(r"(?<=[a-z])[-/](?=[a-z])", " ", out)


_WITH_OR_WITHOUT = re.compile(r"(?:\+\s*/\s*[-\u2212]|\u00b1)(?=\s*[a-z])")


_STEMS: dict[str, str] = {}


def stem(word: str) -> str:
    """Crude plural folding applied to both the tables and the text ("diabetes" -> "diabete" on both sides)."""
    cached = _STEMS.get(word)
    if cached is None:
        if word.endswith("sses"):
            cached = word[:-2]  # "illnesses" -> "illness", like the singular (which keeps its "ss")
        else:
            cached = word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith(_NO_STEM) else word
        if len(_STEMS) < 200_000:
            _STEMS[word] = cached
    return cached


@dataclass(frozen=True, slots=True)
class Token:
    text: str
    start: int
    end: int


def tokenize(normalised: str) -> list[Token]:
    return [Token(stem(m.group()), m.start(), m.end()) for m in _TOKEN.finditer(normalised)]


def phrase_key(phrase: str) -> tuple[str, ...]:
    return tuple(t.text for t in tokenize(normalise(phrase)))


@dataclass(frozen=True, slots=True)
class Entry:
    """What a phrase means: concept term specs and/or cue roles."""

    terms: tuple[TermSpec, ...]
    roles: frozenset[str]


@dataclass(frozen=True, slots=True)
class Lexicon:
    entries: dict[tuple[str, ...], Entry]
    longest: int
    #: Every proper prefix of a phrase: lets the scan stop as soon as no phrase can continue.
    prefixes: frozenset[tuple[str, ...]] = frozenset()


@cache
def lexicon() -> Lexicon:
    terms: dict[tuple[str, ...], list[TermSpec]] = {}
    roles: dict[tuple[str, ...], set[str]] = {}
    for spec in term_specs():
        for phrase in spec.phrases:
            key = phrase_key(phrase)
            if key:
                terms.setdefault(key, []).append(spec)
    for role, phrases in cues().lists.items():
        if role in LINE_CUE_LISTS:
            continue
        for phrase in phrases:
            key = phrase_key(phrase)
            if key:
                roles.setdefault(key, set()).add(role)
    entries = {k: Entry(tuple(terms.get(k, ())), frozenset(roles.get(k, ()))) for k in set(terms) | set(roles)}
    prefixes = frozenset(k[:i] for k in entries for i in range(1, len(k)))
    return Lexicon(entries, max(len(k) for k in entries), prefixes)


@dataclass(frozen=True, slots=True)
class Match:
    start: int  # token index
    end: int
    entry: Entry


def find(tokens: list[Token]) -> list[Match]:
    """Longest non-overlapping phrase matches, in text order."""
    lex = lexicon()
    words = [t.text for t in tokens]
    n = len(words)
    found: list[Match] = []
    entries = lex.entries
    prefixes = lex.prefixes
    for i in range(n):
        for size in range(1, min(lex.longest, n - i) + 1):
            key = tuple(words[i : i + size])
            entry = entries.get(key)
            if entry is not None:
                found.append(Match(i, i + size, entry))
            if key not in prefixes:
                break
    # Longest first, then leftmost; keep the ones that don't overlap an already kept match.
    found.sort(key=lambda m: (m.start - m.end, m.start))
    taken = [False] * n
    kept: list[Match] = []
    for m in found:
        if not any(taken[m.start : m.end]):
            kept.append(m)
            for j in range(m.start, m.end):
                taken[j] = True
    kept.sort(key=lambda m: m.start)
    return kept
