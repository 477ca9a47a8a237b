"""The login rate limit: failed sign-ins counted per username and IP, per username, and in all."""

from __future__ import annotations

import math
import threading
from collections import deque

#: Past this many counters, a failure also sweeps out the counters whose window has passed.
_SWEEP_AT = 1024

_Key = tuple[str, str, str]  # what is counted ("pair", "account", "all"), username, IP

_ALL: _Key = ("all", "", "")


class LoginLimiter:
    """Counts failures per key in a sliding window (in memory, per API process).

    ``clock`` returns seconds (``time.monotonic`` in the service, a fake in tests). Three limits,
    each over the last ``window_s`` seconds:

    * ``max_failures`` per username *and* client IP: a user who mistyped is slowed down on his
      own machine only;
    * ``account_max_failures`` per username from any address: guessing one account's password
      from many addresses (or forged ones) is stopped too, at the price that such an attack
      locks the account out for one window;
    * ``global_max_failures`` in all: guessing across many accounts (password spraying) stops
      every sign-in for a while, which an attack of this size deserves.

    ``None`` switches a limit off. A multi-process deployment would keep these counters in a
    shared store; one API process per site is the design here.
    """

    def __init__(
        self,
        max_failures: int,
        window_s: float,
        clock: object,
        account_max_failures: int | None = None,
        global_max_failures: int | None = None,
    ) -> None:
        self.max_failures = max_failures
        self.account_max_failures = account_max_failures
        self.global_max_failures = global_max_failures
        self.window_s = window_s
        self._clock = clock
        self._failures: dict[_Key, deque[float]] = {}
        self._lock = threading.Lock()

    def _now(self) -> float:
        return float(self._clock())  # type: ignore[operator]

    def _recent(self, key: _Key, now: float) -> deque[float]:
        times = self._failures.get(key, deque())
        while times and times[0] <= now - self.window_s:
            times.popleft()
        if not times:
            self._failures.pop(key, None)
        return times

    def _limits(self, username: str, ip: str) -> list[tuple[_Key, int]]:
        limits = [(("pair", username, ip), self.max_failures)]
        if self.account_max_failures is not None:
            limits.append((("account", username, ""), self.account_max_failures))
        if self.global_max_failures is not None:
            limits.append((_ALL, self.global_max_failures))
        return limits

    def retry_after(self, username: str, ip: str) -> int:
        """Seconds until this username may try again from ``ip``; 0 when it may try now."""
        with self._lock:
            now = self._now()
            wait = 0.0
            for key, limit in self._limits(username, ip):
                times = self._recent(key, now)
                if len(times) >= limit:
                    wait = max(wait, times[-limit] + self.window_s - now)
            return max(1, math.ceil(wait)) if wait > 0 else 0

    def failed(self, username: str, ip: str) -> None:
        """Count one failed sign-in."""
        with self._lock:
            now = self._now()
            if len(self._failures) > _SWEEP_AT:
                for key in list(self._failures):
                    self._recent(key, now)
            for key, _ in self._limits(username, ip):
                times = self._recent(key, now)
                times.append(now)
                self._failures[key] = times

    def succeeded(self, username: str, ip: str) -> None:
        """A successful sign-in clears the username's counts (not the global one: it is a rate)."""
        with self._lock:
            self._failures.pop(("pair", username, ip), None)
            self._failures.pop(("account", username, ""), None)
