"""Rate limits of the API: a sliding window over Django's cache, and who the caller is.

A fixed per-minute counter lets a caller use a whole minute's allowance at 12:00:59 and the next
one at 12:01:00. The sliding window counts calls in the current minute and the previous one and
weighs the previous minute by the part of it that still lies inside the last 60 seconds (the
"sliding window counter" of rate limiting), so a burst across a minute boundary counts as one burst.
Each count is one ``cache.incr`` (atomic in Redis, which production uses with several processes),
and a refused call is taken off again, so a caller who keeps trying is let in as soon as its rate
allows.
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass

from django.core.cache import cache

from kring.core.clientip import client_ip


@dataclass(frozen=True)
class SlidingWindow:
    """Calls per name in any ``seconds``, weighted over two fixed windows of that length."""

    prefix: str
    seconds: int = 60

    def _window(self, name: str, now: float) -> tuple[str, int, float]:
        """The current window's counter, the previous window's count and how far the current one is."""
        window = int(now // self.seconds)
        previous = cache.get(f"{self.prefix}:{name}:{window - 1}", 0)
        return f"{self.prefix}:{name}:{window}", previous, (now % self.seconds) / self.seconds

    def _wait(self, limit: int, previous: int, elapsed: float, count: int) -> int | None:
        """None when ``count`` calls in the current window fit the limit, else the seconds until they do."""
        if previous * (1 - elapsed) + count <= limit:
            return None
        if count <= limit and previous:  # enough of the previous window must slide out
            return max(1, math.ceil((1 - (limit - count) / previous - elapsed) * self.seconds))
        return max(1, math.ceil((1 - elapsed) * self.seconds))  # wait for the next window

    def _incr(self, counter: str) -> int:
        # Counting first and making the counter only when it is missing (once a window) costs one
        # round trip to Redis per call instead of two.
        try:
            return cache.incr(counter)
        except ValueError:  # no counter yet in this window (or it expired)
            if cache.add(counter, 1, timeout=self.seconds * 2 + 5):
                return 1
            return self._incr(counter)  # another call made it meanwhile

    def take(self, name: str, limit: int, *, now: float | None = None) -> int | None:
        """Count one call: None when it fits the limit, else the seconds to wait (and it is not counted)."""
        counter, previous, elapsed = self._window(name, time.time() if now is None else now)
        count = self._incr(counter)
        wait = self._wait(limit, previous, elapsed, count)
        if wait is not None:
            cache.decr(counter)
        return wait

    def add(self, name: str, *, now: float | None = None) -> None:
        """Count one event without a limit (``full`` reads them)."""
        counter, _, _ = self._window(name, time.time() if now is None else now)
        self._incr(counter)

    def full(self, name: str, limit: int, *, now: float | None = None) -> int | None:
        """Without counting: None when one more event fits the limit, else the seconds to wait.
        Both windows in one read: it runs before every call's key is looked up."""
        now = time.time() if now is None else now
        window = int(now // self.seconds)
        current, previous = f"{self.prefix}:{name}:{window}", f"{self.prefix}:{name}:{window - 1}"
        counts = cache.get_many([current, previous])
        elapsed = (now % self.seconds) / self.seconds
        return self._wait(limit, counts.get(previous, 0), elapsed, counts.get(current, 0) + 1)


def client_address(request) -> str:
    """The caller's address as the trusted proxies report it: the same rule as the login's limits
    (``TRUSTED_PROXIES``, ``TRUSTED_PROXY_COUNT``), so one setting decides it for the whole site."""
    return client_ip(request)
