"""Plain-language reasons: read a person's answer back to them next to what the trial asks."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from criteria.rules import ANY, BOOL, HAS, WITHIN, Term
from criteria.vocab import concepts


def _num(v: Any) -> str:
    return f"{v:g}" if isinstance(v, float) else str(v)


def phrases(op: str, key: str, value: Any, aux_key: str) -> tuple[str, str, str]:
    """The clauses for a yes/no or list answer, built once per term at compile time."""
    table = concepts()
    c = table.get(key)
    if c is None:
        return ("", "", "")
    if op == BOOL and c.kind == "bool":
        return (c.yes, c.no, "")
    if op == HAS and c.kind == "list":
        label = c.value_label(str(value))
        aux = table[aux_key].no if aux_key in table and table[aux_key].kind == "bool" else ""
        return (c.has.format(value=label), c.has_not.format(value=label), aux)
    return ("", "", "")


def answer(term: Term, profile: Mapping[str, Any]) -> str:
    """What the person said about the term's key(s), as a clause ("you had spine surgery 8 months ago")."""
    yes, no, aux = term.said
    if yes:
        v = profile.get(term.key)
        if term.op == BOOL:
            return yes if v else no
        if v is None:
            return aux
        return yes if term.value in v else no
    table = concepts()
    if term.op == WITHIN:
        ago = profile.get(term.key)
        if ago is not None:
            return table[term.key].value.format(v=_num(ago))
        tried = profile.get(term.aux_key) or ()
        c = table[term.aux_key]
        label = c.value_label(str(term.aux_value))
        return (c.has if term.aux_value in tried else c.has_not).format(value=label)
    if term.op == ANY:
        tried = profile.get(term.key)
        if tried:
            c = table[term.key]
            return c.has.format(value=join((c.value_label(str(t)) for t in tried), "and"))
        return table[term.aux_key].yes if profile.get(term.aux_key) else "you have not tried any treatment for the pain"
    c = table.get(term.key)
    v = profile.get(term.key)
    if c is None:
        return f"your answer for {term.key} was {v}"
    if term.op == BOOL:
        return c.yes if v else c.no
    if term.op == HAS:
        label = c.value_label(str(term.value))
        if v is None and term.aux_key:
            return table[term.aux_key].no
        return (c.has if term.value in (v or ()) else c.has_not).format(value=label)
    return c.value.format(v=_num(v))


def join(parts: Iterable[str], word: str = "and") -> str:
    items = list(dict.fromkeys(p for p in parts if p))
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {word} {items[-1]}"


def question(key: str) -> str:
    c = concepts().get(key)
    return c.question if c else key.replace("_", " ")


def sentence(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text
