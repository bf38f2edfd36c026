"""The retry policy for ClinicalTrials.gov: urllib3 ``Retry`` with an injectable sleep and a capped wait.

429 and 5xx are retried with exponential backoff, honouring ``Retry-After``; 403 is not
in the list because a blocked client stays blocked (the client raises ``CtGovBlocked``).
The sleep function is injectable so tests exercise real waits without spending them.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from urllib3.util.retry import Retry

RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
#: A server asking for a longer pause than this gets this long; the retry budget still bounds the total.
MAX_RETRY_AFTER_S = 60.0
MAX_BACKOFF_S = 30.0


class SleepingRetry(Retry):
    """``Retry`` whose pauses go through ``sleep`` (``time.sleep`` unless a test injects another)."""

    def __init__(
        self,
        *args: Any,
        sleep: Callable[[float], None] = time.sleep,
        max_retry_after: float = MAX_RETRY_AFTER_S,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.sleep_fn = sleep
        self.max_retry_after = max_retry_after

    def new(self, **kw: Any) -> SleepingRetry:
        # urllib3 makes a fresh Retry after every attempt; carry our two extras across.
        fresh = super().new(**kw)
        fresh.sleep_fn = self.sleep_fn
        fresh.max_retry_after = self.max_retry_after
        return fresh

    def sleep_for_retry(self, response: Any) -> bool:
        retry_after = self.get_retry_after(response)
        if retry_after is None:
            return False
        self.sleep_fn(max(0.0, min(retry_after, self.max_retry_after)))
        return True

    def _sleep_backoff(self) -> None:
        backoff = self.get_backoff_time()
        if backoff > 0:
            self.sleep_fn(backoff)


def make_retry(*, retries: int, backoff_factor: float, sleep: Callable[[float], None]) -> SleepingRetry:
    """``retries`` attempts after the first on 429/5xx and connection failures; one retry on a read timeout."""
    return SleepingRetry(
        total=retries,
        connect=retries,
        read=min(1, retries),
        status=retries,
        other=0,
        redirect=5,
        allowed_methods=frozenset({"GET"}),
        status_forcelist=RETRY_STATUSES,
        backoff_factor=backoff_factor,
        backoff_max=MAX_BACKOFF_S,
        respect_retry_after_header=True,
        # Return the last 429/5xx response instead of raising, so its text/plain body reaches the error.
        raise_on_status=False,
        sleep=sleep,
    )
