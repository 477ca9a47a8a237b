"""The login rate limit: at most N failed sign-ins per username and client IP in a window."""

from __future__ import annotations

import math
import threading
from collections import deque


class LoginLimiter:
    """Counts failures per key in a sliding window (in memory, per API process).

    ``clock`` returns seconds (``time.monotonic`` in the service, a fake in tests). Keyed by
    username *and* IP, so a stranger cannot lock a colleague out from another machine. A
    multi-process deployment would keep these counters in a shared store; one API process
    per site is the design here.
    """

    def __init__(self, max_failures: int, window_s: float, clock: object) -> None:
        self.max_failures = max_failures
        self.window_s = window_s
        self._clock = clock
        self._failures: dict[tuple[str, str], deque[float]] = {}
        self._lock = threading.Lock()

    def _now(self) -> float:
        return float(self._clock())  # type: ignore[operator]

    def _recent(self, key: tuple[str, str], now: float) -> deque[float]:
        times = self._failures.get(key, deque())
        while times and times[0] <= now - self.window_s:
            times.popleft()
        if not times:
            self._failures.pop(key, None)
        return times

    def retry_after(self, username: str, ip: str) -> int:
        """Seconds until this username may try again from ``ip``; 0 when it may try now."""
        with self._lock:
            now = self._now()
            times = self._recent((username, ip), now)
            if len(times) < self.max_failures:
                return 0
            return max(1, math.ceil(times[-self.max_failures] + self.window_s - now))

    def failed(self, username: str, ip: str) -> None:
        """Count one failed sign-in."""
        with self._lock:
            now = self._now()
            key = (username, ip)
            times = self._recent(key, now)
            times.append(now)
            self._failures[key] = times

    def succeeded(self, username: str, ip: str) -> None:
        """A successful sign-in clears the count."""
        with self._lock:
            self._failures.pop((username, ip), None)
