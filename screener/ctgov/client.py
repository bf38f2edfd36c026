"""``CtGovClient``: the only code that sends HTTP to ClinicalTrials.gov (or a mirror).

Every call has a timeout, goes through urllib3 ``Retry`` (429/5xx, ``Retry-After``),
keeps a minimum interval to the previous call, and turns every failure into one of
the ``CtGovError`` subclasses with the URL and the server's own (text/plain) words.
Nothing touches the network in ``__init__``.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterator
from typing import Any

import requests
import urllib3
from requests.adapters import HTTPAdapter

from screener.ctgov.pages import Page, RegistryVersion, parse_page_body, parse_version
from screener.ctgov.query import DEFAULT_FIELDS, StudyQuery, normalise_nct_id
from screener.ctgov.retry import make_retry
from screener.errors import (
    CtGovBadResponse,
    CtGovBlocked,
    CtGovError,
    CtGovRateLimited,
    CtGovRejected,
    CtGovUnavailable,
    StudyNotFound,
)
from screener.trial import Trial, parse_study

DEFAULT_BASE_URL = "https://clinicaltrials.gov/api/v2"
#: (connect, read) seconds; a 1000-study page can take a while to stream.
DEFAULT_TIMEOUT: tuple[float, float] = (10.0, 60.0)
#: The registry documents no limit; ~1 call per 1.2 s stays clear of the 429s seen at peak times.
DEFAULT_MIN_INTERVAL_S = 1.2
DEFAULT_RETRIES = 5
DEFAULT_BACKOFF_FACTOR = 1.0
DEFAULT_USER_AGENT = (
    f"trial-prescreener/0.1 (clinical-trial eligibility pre-screener; python-requests/{requests.__version__})"
)
#: How much of an error body goes into a message (bodies are short text/plain; HTML 404s are not).
_BODY_CHARS = 300

Timeout = float | tuple[float, float]


def _body_text(resp: requests.Response) -> str:
    text = (resp.text or "").strip()
    return text[:_BODY_CHARS] + ("…" if len(text) > _BODY_CHARS else "")


def _seconds(timeout: Timeout) -> str:
    read = timeout[1] if isinstance(timeout, tuple) else timeout
    return f"{read:g} s"


def _root_cause(exc: BaseException) -> BaseException:
    """The innermost reason: requests wraps urllib3's MaxRetryError, which wraps the real failure."""
    seen = exc
    for _ in range(10):  # the wrapping is a few levels deep; never loop forever on odd exceptions
        inner = getattr(seen, "reason", None)
        if not isinstance(inner, BaseException) and seen.args and isinstance(seen.args[0], BaseException):
            inner = seen.args[0]
        if not isinstance(inner, BaseException) or inner is seen:
            break
        seen = inner
    return seen


def _transport_error(exc: requests.RequestException, url: str, timeout: Timeout) -> CtGovUnavailable:
    cause = _root_cause(exc)
    # urllib3's NewConnectionError (refused, DNS failure) subclasses its timeout error; it is not a timeout.
    timed_out = isinstance(exc, requests.Timeout) or isinstance(cause, (TimeoutError, urllib3.exceptions.TimeoutError))
    if timed_out and not isinstance(cause, urllib3.exceptions.NewConnectionError):
        return CtGovUnavailable(
            f"ClinicalTrials.gov did not answer within {_seconds(timeout)} for {url}.",
            url=url,
            hint="The registry may be slow or unreachable; try again later or raise CTGOV_TIMEOUT_S.",
        )
    return CtGovUnavailable(
        f"ClinicalTrials.gov could not be reached for {url}: {cause}.",
        url=url,
        hint="Check the network (or CTGOV_BASE_URL) and try again; the current snapshot stays in use.",
    )


class CtGovClient:
    """A small, polite ClinicalTrials.gov API v2 client.

    Args:
        base_url: API root, e.g. ``https://clinicaltrials.gov/api/v2`` or a mirror.
        timeout: seconds (or ``(connect, read)``) for every call.
        min_interval_s: minimum seconds between the end of one call and the start of the next.
        user_agent: sent on every call; some CDNs refuse anonymous agents.
        retries: attempts after the first on 429, 5xx and connection failures.
        backoff_factor: exponential backoff base (``factor * 2**(n-1)`` s, capped at 30 s).
        session: a ``requests.Session`` to use (the retry adapter is mounted on it for ``base_url`` only).
        sleep, clock: injectable so tests check waits without spending them.
    """

    def __init__(
        self,
        *,
        base_url: str = DEFAULT_BASE_URL,
        timeout: Timeout = DEFAULT_TIMEOUT,
        min_interval_s: float = DEFAULT_MIN_INTERVAL_S,
        user_agent: str = DEFAULT_USER_AGENT,
        retries: int = DEFAULT_RETRIES,
        backoff_factor: float = DEFAULT_BACKOFF_FACTOR,
        session: requests.Session | None = None,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout
        self.min_interval_s = min_interval_s
        self.user_agent = user_agent
        self._sleep = sleep
        self._clock = clock
        self._last_call_end: float | None = None
        self._session = session if session is not None else requests.Session()
        adapter = HTTPAdapter(max_retries=make_retry(retries=retries, backoff_factor=backoff_factor, sleep=sleep))
        self._session.mount(self.base_url + "/", adapter)

    def close(self) -> None:
        self._session.close()

    def __enter__(self) -> CtGovClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- public calls -------------------------------------------------------------------------

    def iter_study_pages(self, query: StudyQuery) -> Iterator[Page]:
        """Yield the pages of a search, following ``nextPageToken`` with every other parameter unchanged.

        ``countTotal`` is asked on the first page only (the API ignores it later). Stops when a
        page has no token or no studies; an empty page after a token is not yielded, but an
        empty first page is (it carries ``total_count == 0``).
        """
        params = query.to_params()
        token: str | None = None
        number = 0
        while True:
            number += 1
            page_params = dict(params)
            if number == 1:
                page_params["countTotal"] = "true"
            if token:
                page_params["pageToken"] = token
            body, url = self._get_body("studies", page_params)
            page = parse_page_body(body, number=number, url=url)
            del body
            token = None if page.is_last else page.next_page_token
            if page.studies or number == 1:
                yield page
            # Drop this page before fetching the next, so only one page is ever in memory.
            del page
            if token is None:
                return

    def iter_studies(self, query: StudyQuery) -> Iterator[dict[str, Any]]:
        """Yield raw API v2 study objects of a search, page after page (never the whole result at once)."""
        for page in self.iter_study_pages(query):
            yield from page.studies

    def iter_trials(self, query: StudyQuery) -> Iterator[Trial]:
        """``iter_studies`` mapped through ``parse_study``."""
        for study in self.iter_studies(query):
            yield parse_study(study)

    def get_study(self, nct_id: str, *, fields: tuple[str, ...] = DEFAULT_FIELDS) -> dict[str, Any]:
        """One study's raw JSON. Alias ids follow the registry's 301; unknown ids raise ``StudyNotFound``."""
        canonical = normalise_nct_id(nct_id)
        params = {"format": "json", "fields": "|".join(fields)} if fields else {"format": "json"}
        payload, url = self._get_json(f"studies/{canonical}", params, not_found_id=canonical)
        if not isinstance(payload, dict) or "protocolSection" not in payload:
            raise CtGovBadResponse(
                f"ClinicalTrials.gov answered {canonical} without a study record.", url=url, body=str(payload)[:300]
            )
        return payload

    def get_trial(self, nct_id: str) -> Trial:
        return parse_study(self.get_study(nct_id))

    def version(self) -> RegistryVersion:
        """``GET /version``: API version and the registry's data timestamp (UTC)."""
        payload, url = self._get_json("version", {})
        return parse_version(payload, url=url)

    # -- HTTP ---------------------------------------------------------------------------------

    def _wait_for_interval(self) -> None:
        if self._last_call_end is None or self.min_interval_s <= 0:
            return
        wait = self.min_interval_s - (self._clock() - self._last_call_end)
        if wait > 0:
            self._sleep(wait)

    def _get_json(self, path: str, params: dict[str, str], *, not_found_id: str | None = None) -> tuple[Any, str]:
        body, shown = self._get_body(path, params, not_found_id=not_found_id)
        try:
            return json.loads(body), shown
        except (ValueError, UnicodeDecodeError) as exc:
            raise CtGovBadResponse(
                f"ClinicalTrials.gov sent a body that is not valid JSON for {shown} ({len(body)} bytes; "
                f"{exc}). The answer may have been cut off.",
                url=shown,
                body=body[:_BODY_CHARS].decode("utf-8", "replace"),
                hint="Try again; if it persists, the registry or the proxy in between is misbehaving.",
            ) from exc

    def _get_body(self, path: str, params: dict[str, str], *, not_found_id: str | None = None) -> tuple[bytes, str]:
        """One GET with throttle, timeout and retries; a 2xx body as bytes, anything else as a CtGovError."""
        url = f"{self.base_url}/{path}"
        shown = requests.Request("GET", url, params=params).prepare().url or url
        self._wait_for_interval()
        try:
            resp = self._session.get(
                url,
                params=params,
                timeout=self.timeout,
                headers={"User-Agent": self.user_agent, "Accept": "application/json"},
            )
            body = resp.content  # already read; a dropped connection surfaced above
        except requests.RequestException as exc:
            raise _transport_error(exc, shown, self.timeout) from exc
        finally:
            self._last_call_end = self._clock()
        self._raise_for_status(resp, shown, not_found_id)
        return body, shown

    def _raise_for_status(self, resp: requests.Response, url: str, not_found_id: str | None) -> None:
        status = resp.status_code
        if status < 400:
            return
        body = _body_text(resp)
        said = f" It said: {body}" if body else ""
        error: CtGovError
        if status == 404 and not_found_id:
            error = StudyNotFound(not_found_id, url=url)
        elif status == 403:
            error = CtGovBlocked(
                f"ClinicalTrials.gov refused this client (HTTP 403) for {url}.{said}",
                hint="Retrying will not help: the registry blocks some networks and agents. Use a mirror "
                "or proxy (CTGOV_BASE_URL / --base-url) or keep working on the current snapshot.",
            )
        elif status == 429:
            error = CtGovRateLimited(
                f"ClinicalTrials.gov kept answering 'too many requests' (HTTP 429) for {url}.{said}",
                hint="Wait a few minutes, or raise CTGOV_MIN_INTERVAL_S.",
            )
        elif status >= 500:
            error = CtGovUnavailable(
                f"ClinicalTrials.gov failed with HTTP {status} for {url} after retries.{said}",
                hint="The registry is having trouble; try again later.",
            )
        elif status == 404:
            error = CtGovBadResponse(
                f"{url} does not exist (HTTP 404).{said}",
                hint="Check CTGOV_BASE_URL / --base-url: it should end in /api/v2.",
            )
        else:
            error = CtGovRejected(f"ClinicalTrials.gov rejected the request (HTTP {status}) {url}.{said}")
        error.url, error.status, error.body = url, status, body
        raise error
