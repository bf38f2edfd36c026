"""A real HTTP server on loopback that replays recorded ClinicalTrials.gov answers.

Tests (and benchmarks/bench_data.py) start it, point ``CtGovClient(base_url=...)`` at it and
script the answers per path: real recorded bodies, real studies split into pages with our own
tokens, and faults a real network produces (delays, a connection cut mid-body, 403/429/5xx).
Every request is recorded so a test can check the exact parameters that were sent.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl, urlsplit

API_ROOT = "/api/v2"


@dataclass(frozen=True)
class Reply:
    status: int = 200
    body: bytes = b""
    content_type: str = "application/json"
    headers: dict[str, str] = field(default_factory=dict)
    #: Seconds to wait before answering (a slow server, for timeouts).
    delay_s: float = 0.0
    #: Announce the full Content-Length, send only this many bytes, then close: a connection dropped mid-body.
    cut_after: int | None = None

    @classmethod
    def json(cls, obj: Any, status: int = 200, **kw: Any) -> Reply:
        return cls(status=status, body=json.dumps(obj).encode("utf-8"), **kw)

    @classmethod
    def text(cls, text: str, status: int, **kw: Any) -> Reply:
        return cls(status=status, body=text.encode("utf-8"), content_type="text/plain;charset=UTF-8", **kw)


@dataclass(frozen=True)
class Seen:
    """One request as the server received it."""

    path: str
    params: dict[str, str]
    headers: dict[str, str]


Handler = Callable[[Seen], Reply]


def in_order(replies: Sequence[Reply]) -> Handler:
    """Answer with each reply in turn, then keep repeating the last one."""
    lock = threading.Lock()
    calls = [0]

    def handle(_seen: Seen) -> Reply:
        with lock:
            index = min(calls[0], len(replies) - 1)
            calls[0] += 1
        return replies[index]

    return handle


def paged(
    studies: Sequence[dict[str, Any]] | None = None,
    *,
    page_size: int,
    trailing_empty: bool = False,
    faults: dict[int, Reply] | None = None,
    page_count: int | None = None,
    make_page: Callable[[int], list[dict[str, Any]]] | None = None,
) -> Handler:
    """Serve ``studies`` as ``/studies`` pages with our own ``nextPageToken`` values (``page-2``, ...).

    ``trailing_empty`` gives the last page a token that leads to an empty page, as the real API
    does when a page is full. ``faults`` replaces page N (1-based) with another reply.
    ``make_page(index)`` builds pages on demand (the benchmark: 50,000 studies never in memory).
    """
    faults = faults or {}
    if make_page is None:
        assert studies is not None
        chunks = [list(studies[i : i + page_size]) for i in range(0, len(studies), page_size)]
        page_count = len(chunks)

        def make_page(index: int) -> list[dict[str, Any]]:
            return chunks[index]

    assert page_count is not None
    total = len(studies) if studies is not None else None

    def handle(seen: Seen) -> Reply:
        token = seen.params.get("pageToken")
        number = 1 if token is None else int(token.removeprefix("page-"))
        if number in faults:
            return faults[number]
        if number > page_count:
            return Reply.json({"studies": []})
        body: dict[str, Any] = {"studies": make_page(number - 1)}
        if number < page_count or trailing_empty:
            body["nextPageToken"] = f"page-{number + 1}"
        if seen.params.get("countTotal") == "true":
            body["totalCount"] = total if total is not None else page_count * page_size
        return Reply(body=json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))

    return handle


class _RequestHandler(BaseHTTPRequestHandler):
    server: _Server

    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        parts = urlsplit(self.path)
        seen = Seen(parts.path, dict(parse_qsl(parts.query, keep_blank_values=True)), dict(self.headers.items()))
        replay = self.server.replay
        replay.seen.append(seen)
        handler = replay.routes.get(parts.path)
        reply = handler(seen) if handler else Reply.text("Not Found", 404)
        if reply.delay_s:
            time.sleep(reply.delay_s)
        self.send_response(reply.status)
        self.send_header("Content-Type", reply.content_type)
        self.send_header("Content-Length", str(len(reply.body)))
        for name, value in reply.headers.items():
            self.send_header(name, value)
        self.end_headers()
        try:
            self.wfile.write(reply.body if reply.cut_after is None else reply.body[: reply.cut_after])
            self.wfile.flush()
        except (BrokenPipeError, ConnectionResetError):
            return  # the client gave up first (a timeout test); nothing left to do
        if reply.cut_after is not None:
            self.close_connection = True

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - http.server's signature
        return  # keep test output clean


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    replay: ReplayServer


class ReplayServer:
    """``with ReplayServer() as server: server.route("/studies", handler); ... server.base_url``."""

    def __init__(self) -> None:
        self.routes: dict[str, Handler] = {}
        self.seen: list[Seen] = []
        self._httpd: _Server | None = None
        self._thread: threading.Thread | None = None

    @property
    def base_url(self) -> str:
        assert self._httpd is not None, "server not started"
        host, port = self._httpd.server_address[:2]
        return f"http://{host}:{port}{API_ROOT}"

    def route(self, path: str, answer: Handler | Reply | Iterable[Reply]) -> None:
        """Answer ``GET {API_ROOT}{path}`` with a handler, one reply, or replies in order."""
        if isinstance(answer, Reply):
            handler = in_order([answer])
        elif callable(answer):
            handler = answer
        else:
            handler = in_order(list(answer))
        self.routes[API_ROOT + path] = handler

    def requests_to(self, path: str) -> list[Seen]:
        return [s for s in self.seen if s.path == API_ROOT + path]

    def start(self) -> ReplayServer:
        self._httpd = _Server(("127.0.0.1", 0), _RequestHandler)
        self._httpd.replay = self
        self._thread = threading.Thread(
            target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05}, name="ctgov-replay", daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._httpd is not None:
            self._httpd.shutdown()
            self._httpd.server_close()
            self._httpd = None

    def __enter__(self) -> ReplayServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
