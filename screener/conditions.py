"""Which trials are about the person's condition: words matched against the registry's own terms.

The offered conditions and their registry terms are data (``screener/data/conditions.json``);
anything else the person types is matched as its own term against each trial's
conditions, keywords and MeSH terms. Matching is by words, not substrings, so
"back pain" finds "Chronic Low-back Pain" but "hip" does not find "hiphop".
"""

from __future__ import annotations

import difflib
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from screener.config import PACKAGE_DATA
from screener.errors import ConfigError
from screener.trial import Trial

CONDITIONS_PATH = PACKAGE_DATA / "conditions.json"
_WORD_RE = re.compile(r"[a-z0-9]+")


@dataclass(frozen=True, slots=True)
class ConditionVocabulary:
    default: str
    #: (label, registry terms, words that veto a match) per offered condition.
    suggestions: tuple[tuple[str, tuple[str, ...], frozenset[str]], ...]
    synonyms: Mapping[str, str]
    stopwords: frozenset[str]

    @property
    def labels(self) -> tuple[str, ...]:
        return tuple(label for label, _, _ in self.suggestions)

    def words(self, text: str) -> frozenset[str]:
        """Normalised content words: lower case, registry synonyms, simple plurals folded."""
        out = set()
        for word in _WORD_RE.findall(text.casefold()):
            if word in self.stopwords:
                continue
            word = self.synonyms.get(word, word)
            # Fold plain plurals ("discs") but not words that end in -ss/-is/-us ("stenosis").
            if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "is", "us")):
                word = self.synonyms.get(word[:-1], word[:-1])
            out.add(word)
        return frozenset(out)

    def terms_for(self, condition: str) -> tuple[tuple[frozenset[str], ...], frozenset[str]]:
        """The word sets that count as a match for what the person chose or typed, and the veto words."""
        wanted = self.words(condition)
        for label, terms, not_with in self.suggestions:
            if self.words(label) == wanted:
                return tuple(w for w in (self.words(t) for t in (label, *terms)) if w), self.words(" ".join(not_with))
        return ((wanted,) if wanted else ()), frozenset()


def load_condition_vocabulary(path: Path = CONDITIONS_PATH) -> ConditionVocabulary:
    """Read ``conditions.json``; raises ``ConfigError`` naming the problem."""
    try:
        raw: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise ConfigError(f"The condition list {path} cannot be read: {exc}") from exc
    suggestions = []
    for item in raw.get("suggestions", []):
        label, terms = item.get("label"), item.get("terms", [])
        if not isinstance(label, str) or not label.strip() or not all(isinstance(t, str) and t for t in terms):
            raise ConfigError(f"The condition list {path} has a bad suggestion: {item!r}.")
        not_with = item.get("not_with", [])
        if not all(isinstance(w, str) and w for w in not_with):
            raise ConfigError(f"The condition list {path} has a bad 'not_with' in {label!r}.")
        suggestions.append((label.strip(), tuple(terms), frozenset(not_with)))
    default = raw.get("default")
    if default not in {label for label, _, _ in suggestions}:
        raise ConfigError(f"The default condition {default!r} in {path} is not one of its suggestions.")
    return ConditionVocabulary(
        default=default,
        suggestions=tuple(suggestions),
        synonyms=dict(raw.get("synonyms", {})),
        stopwords=frozenset(raw.get("stopwords", ())),
    )


class ConditionIndex:
    """Each trial's condition words, built once per snapshot so matching a new condition is cheap."""

    def __init__(self, trials: Iterable[Trial], vocabulary: ConditionVocabulary) -> None:
        self.vocabulary = vocabulary
        # Per trial: its own condition and keyword words, and the MeSH words the registry derived.
        self._fields: list[tuple[str, tuple[frozenset[str], ...], tuple[frozenset[str], ...]]] = []
        names: dict[str, str] = {}
        for trial in trials:
            own = tuple(vocabulary.words(p) for p in (*trial.conditions, *trial.keywords))
            mesh = tuple(vocabulary.words(p) for p in trial.mesh_terms)
            self._fields.append((trial.nct_id, own, mesh))
            for phrase in (*trial.conditions, *trial.mesh_terms):
                names.setdefault(phrase.casefold(), phrase)
        self._names = names

    def matching_ids(self, condition: str | None) -> frozenset[str] | None:
        """NCT ids of trials about ``condition``; ``None`` (no filter) when no condition is given.

        A trial whose own conditions carry a veto word ("Cervical Disc Degeneration" for
        lower back pain) counts only through a term of its own, never through a broader
        MeSH term such as "Intervertebral Disc Degeneration".
        """
        if not condition or not condition.strip():
            return None
        terms, veto = self.vocabulary.terms_for(condition)

        def matches(own: tuple[frozenset[str], ...], mesh: tuple[frozenset[str], ...]) -> bool:
            if any(term <= field and not (veto & field) for term in terms for field in own):
                return True
            if any(veto & field for field in own):
                return False
            return any(term <= field for term in terms for field in mesh)

        return frozenset(nct_id for nct_id, own, mesh in self._fields if matches(own, mesh))

    def similar_names(self, condition: str, limit: int = 5) -> list[str]:
        """Registry condition names close to what was typed, to offer when nothing matched."""
        hits = difflib.get_close_matches(condition.casefold().strip(), list(self._names), n=limit, cutoff=0.6)
        return [self._names[h] for h in hits]
