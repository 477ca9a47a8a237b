"""Helpers of the fault tests: worker processes of our own, their /metrics, free ports."""

from __future__ import annotations

import os
import signal
import socket
import threading
import time
import urllib.request
from pathlib import Path

from prometheus_client.parser import text_string_to_metric_families

from jiancha.settings import Settings
from streams.ingest import ingest_file
from streams.publisher import Publisher
from tests.conftest import start_process, stop_process


def free_port() -> int:
    """A TCP port free on loopback right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def free_es_port() -> int:
    """A port p with p + 100 free too (the node's transport port)."""
    for _ in range(50):
        port = free_port()
        if port + 100 < 65536:
            try:
                with socket.socket() as s:
                    s.bind(("127.0.0.1", port + 100))
                return port
            except OSError:
                continue
    raise RuntimeError("no free port pair for Elasticsearch")


class Proc:
    """A ``jiancha worker|analyzer`` child of this test, with its own metrics port."""

    def __init__(self, settings: Settings, role: str, metrics_port: int | None = None) -> None:
        self.role = role
        self.metrics_port = metrics_port if metrics_port is not None else free_port()
        self.proc = start_process(settings, role, {"JIANCHA_METRICS_PORT": str(self.metrics_port)})

    def alive(self) -> bool:
        return self.proc.poll() is None

    def kill9(self) -> None:
        """SIGKILL: no shutdown, no commit, no flush."""
        os.kill(self.proc.pid, signal.SIGKILL)
        self.proc.wait(timeout=30)

    def stop(self) -> None:
        stop_process(self.proc)

    def scrape(self, timeout_s: float = 60) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
        """The worker's samples: (name, sorted labels) -> value; waits for the server."""
        return scrape(self.metrics_port, timeout_s, self)


def scrape(
    port: int, timeout_s: float = 60, owner: Proc | None = None
) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    """Parse ``http://127.0.0.1:port/metrics``, retrying until it answers or ``timeout_s``."""
    deadline = time.monotonic() + timeout_s
    while True:
        assert owner is None or owner.alive(), f"{owner.role} exited"
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics", timeout=10) as r:
                text = r.read().decode()
            break
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.5)
    return {
        (s.name, tuple(sorted(s.labels.items()))): s.value
        for family in text_string_to_metric_families(text)
        for s in family.samples
    }


def sample(
    samples: dict[tuple[str, tuple[tuple[str, str], ...]], float], name: str, **labels: str
) -> float:
    """One sample's value, 0 when absent."""
    return samples.get((name, tuple(sorted(labels.items()))), 0.0)


class Stream:
    """A file published in a thread at ``rate`` events/s; ``wait_past`` blocks until a share of
    it is out (the moment of a kill), ``join`` until all of it is."""

    def __init__(self, settings: Settings, path: Path, rate: float = 1500) -> None:
        self.sent = 0
        self.total = sum(1 for line in path.open(encoding="utf-8") if line.strip())

        def publish() -> None:
            with Publisher(settings) as publisher:
                ingest_file(path, publisher, rate=rate, progress=self._count)

        self._thread = threading.Thread(target=publish)
        self._thread.start()

    def _count(self, n: int) -> None:
        self.sent += n

    def wait_past(self, share: float, timeout_s: float = 60) -> int:
        deadline = time.monotonic() + timeout_s
        while self.sent < self.total * share and time.monotonic() < deadline:
            time.sleep(0.05)
        return self.sent

    def join(self, timeout_s: float = 60) -> None:
        self._thread.join(timeout=timeout_s)
        assert not self._thread.is_alive(), "the stream did not finish"
