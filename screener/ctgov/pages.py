"""Pure readers for API v2 response bodies: a ``/studies`` page and ``/version``.

No HTTP here: the client hands over decoded JSON, so these run in tests on recorded
responses without any server.
"""

from __future__ import annotations

import gc
import json
import json.scanner
import re
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from screener.errors import CtGovBadResponse

_WS = re.compile(r"[ \t\n\r]*")
# The stdlib's C scanner: decodes one JSON value at an offset and says where it ended.
_SCAN = json.scanner.make_scanner(json.JSONDecoder())


@dataclass(frozen=True, slots=True)
class Page:
    """One page of ``GET /studies``: raw study objects, the cursor to the next page, the total (page 1)."""

    number: int
    studies: tuple[dict[str, Any], ...]
    next_page_token: str | None
    total_count: int | None = None
    #: Each study's exact JSON text as the server sent it (aligned with ``studies``; empty if unknown),
    #: so the store keeps the raw record without re-serialising it.
    raw_studies: tuple[str, ...] = ()

    @property
    def is_last(self) -> bool:
        """A missing token or an empty page ends the search (a token can point at an empty page)."""
        return not self.next_page_token or not self.studies


@dataclass(frozen=True, slots=True)
class RegistryVersion:
    """``GET /version``: the API version and the UTC timestamp of the registry data."""

    api_version: str
    data_timestamp: str


def _for(url: str | None) -> str:
    return f" ({url})" if url else ""


def parse_page(payload: Any, *, number: int = 1, url: str | None = None) -> Page:
    """Read one ``/studies`` response body; anything but ``{"studies": [...]}`` raises ``CtGovBadResponse``."""
    if not isinstance(payload, Mapping) or not isinstance(payload.get("studies", None), list):
        raise CtGovBadResponse(
            f"ClinicalTrials.gov answered page {number}{_for(url)} without a list of studies.",
            url=url,
            body=str(payload)[:300],
            hint="If CTGOV_BASE_URL points at a mirror or proxy, check that it serves API v2.",
        )
    studies = tuple(s for s in payload["studies"] if isinstance(s, dict))
    token = payload.get("nextPageToken")
    total = payload.get("totalCount")
    return Page(
        number=number,
        studies=studies,
        next_page_token=token if isinstance(token, str) and token else None,
        total_count=total if isinstance(total, int) and not isinstance(total, bool) else None,
    )


def _split_page_text(text: str) -> tuple[dict[str, Any], list[Any], list[str]]:
    """Decode a top-level JSON object, keeping the source text of each item of its "studies" array."""
    ws = _WS.match
    top: dict[str, Any] = {}
    objs: list[Any] = []
    raws: list[str] = []

    def expect(i: int, char: str) -> int:
        if text[i : i + 1] != char:
            raise ValueError(f"expected {char!r} at character {i}")
        return ws(text, i + 1).end()

    i = expect(ws(text, 0).end(), "{")
    closed = text[i : i + 1] == "}"
    if closed:
        i = ws(text, i + 1).end()
    while not closed:
        if text[i : i + 1] != '"':
            raise ValueError(f"expected a key at character {i}")
        key, i = _SCAN(text, i)
        i = expect(ws(text, i).end(), ":")
        if key == "studies" and text[i : i + 1] == "[":
            i = ws(text, i + 1).end()
            top["studies"] = objs
            while text[i : i + 1] != "]":
                start = i
                value, i = _SCAN(text, i)
                objs.append(value)
                raws.append(text[start:i])
                i = ws(text, i).end()
                if text[i : i + 1] == ",":
                    i = ws(text, i + 1).end()
                elif text[i : i + 1] != "]":
                    raise ValueError(f"expected ',' or ']' at character {i}")
            i += 1
        else:
            top[key], i = _SCAN(text, i)
        i = ws(text, i).end()
        if text[i : i + 1] == ",":
            i = ws(text, i + 1).end()
        else:
            i = expect(i, "}")
            closed = True
    if i != len(text):
        raise ValueError(f"unexpected data after the object at character {i}")
    return top, objs, raws


@contextmanager
def _cyclic_gc_paused() -> Iterator[None]:
    """Pause the cycle collector while decoding a page.

    A 1000-study page allocates millions of containers, which triggers repeated full
    collections that find nothing (decoded JSON has no cycles); pausing them makes decoding
    about twice as fast. Reference counting still frees memory as usual.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def parse_page_body(body: bytes, *, number: int = 1, url: str | None = None) -> Page:
    """Read one ``/studies`` response body (bytes), keeping each study's raw JSON text.

    Same result as ``parse_page(json.loads(body))`` plus ``raw_studies``; a body that is not
    complete JSON (cut off, HTML from a proxy) raises ``CtGovBadResponse``.
    """
    try:
        with _cyclic_gc_paused():
            top, objs, raws = _split_page_text(body.decode("utf-8"))
    except (ValueError, StopIteration, UnicodeDecodeError) as exc:
        reason = (
            f"JSON ends early or is malformed near character {exc.value}" if isinstance(exc, StopIteration) else exc
        )
        raise CtGovBadResponse(
            f"ClinicalTrials.gov sent page {number}{_for(url)} as a body that is not valid JSON ({len(body)} bytes; "
            f"{reason}). The answer may have been cut off.",
            url=url,
            body=body[:300].decode("utf-8", "replace"),
            hint="Try again; if it persists, the registry or the proxy in between is misbehaving.",
        ) from exc
    page = parse_page(top, number=number, url=url)
    if len(page.studies) != len(raws):  # non-object items were dropped: keep objects and texts aligned
        kept = [r for o, r in zip(objs, raws, strict=True) if isinstance(o, dict)]
        return Page(page.number, page.studies, page.next_page_token, page.total_count, tuple(kept))
    return Page(page.number, page.studies, page.next_page_token, page.total_count, tuple(raws))


def parse_version(payload: Any, *, url: str | None = None) -> RegistryVersion:
    """Read ``{"apiVersion": "2.0.5", "dataTimestamp": "2026-09-25T09:00:04"}``."""
    if not isinstance(payload, Mapping) or not isinstance(payload.get("dataTimestamp"), str):
        raise CtGovBadResponse(
            "ClinicalTrials.gov's /version answer has no dataTimestamp.", url=url, body=str(payload)[:300]
        )
    return RegistryVersion(
        api_version=str(payload.get("apiVersion") or "unknown"), data_timestamp=payload["dataTimestamp"]
    )
