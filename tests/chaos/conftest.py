"""A Kafka + Elasticsearch pair of the chaos tests alone: they stop and restart it, or need it new.

Never the shared stack: its own ports and data directory (under /var/lib when root, since
Elasticsearch runs as the service user, who cannot reach /root or /tmp's private dirs). Started
once per session (about half a minute), when the first test here asks for it.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from jiancha.embedded.procs import ServiceUser, ensure_service_user
from jiancha.embedded.stack import EmbeddedStack
from jiancha.settings import Settings
from streams.admin import ensure_topics
from tests.conftest import drop_prefix, env_of, stop_process
from tests.integration.faults import free_es_port, free_port


class ChaosStack:
    """The private stack, with stop/start of each service."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.stack = EmbeddedStack(settings)
        self.user: ServiceUser | None = ensure_service_user(settings.service_user)

    def stop_elasticsearch(self) -> None:
        assert self.stack.es.process.stop()

    def start_elasticsearch(self) -> None:
        self.stack.es.start(self.user)
        self._wait(self.stack.es.healthy, "Elasticsearch")

    def stop_kafka(self) -> None:
        assert self.stack.kafka.process.stop()

    def start_kafka(self) -> None:
        self.stack.kafka.start()
        self._wait(self.stack.kafka.healthy, "Kafka")

    def remove(self) -> None:
        """Stop both services and delete the data directory."""
        self.stack.down_services(say=lambda line: print(line, file=sys.stderr))
        shutil.rmtree(self.settings.data_dir, ignore_errors=True)

    def ensure_running(self) -> None:
        """Start whatever a failed test left stopped."""
        if self.stack.kafka.process.pid() is None:
            self.start_kafka()
        if self.stack.es.process.pid() is None:
            self.start_elasticsearch()

    @staticmethod
    def _wait(probe, name: str, timeout_s: float = 240) -> None:  # type: ignore[no-untyped-def]
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            if probe()[0]:
                return
            time.sleep(1)
        raise AssertionError(f"{name} not healthy after {timeout_s}s")


def _start_private_stack() -> ChaosStack:
    """Kafka + Elasticsearch on free ports, from an empty data directory of their own."""
    tag = uuid.uuid4().hex[:8]
    if os.geteuid() == 0:
        data_dir = Path(f"/var/lib/jiancha-chaos-{tag}")
    else:
        data_dir = Path.home() / ".local" / "state" / f"jiancha-chaos-{tag}"
    kafka_port, es_port = free_port(), free_es_port()
    settings = Settings(
        kafka_port=kafka_port,
        kafka_controller_port=free_port(),
        es_port=es_port,
        kafka_bootstrap=f"127.0.0.1:{kafka_port}",
        es_url=f"http://127.0.0.1:{es_port}",
        data_dir=data_dir,
        es_heap="512m",
        kafka_heap="384m",
    )
    chaos = ChaosStack(settings)
    try:
        chaos.stack.up(say=lambda line: print(line, file=sys.stderr))
    except BaseException:
        chaos.remove()
        raise
    return chaos


class PrivateStacks:
    """The session's private stacks: one shared by every test here, started on first use, and
    those of tests that need a broker no client has used yet once the shared one has been used."""

    def __init__(self) -> None:
        self._shared: ChaosStack | None = None

    @property
    def shared_started(self) -> bool:
        return self._shared is not None

    def shared(self) -> ChaosStack:
        if self._shared is None:
            self._shared = _start_private_stack()
        return self._shared

    def close(self) -> None:
        if self._shared is not None:
            self._shared.remove()


@pytest.fixture(scope="session")
def private_stacks() -> Iterator[PrivateStacks]:
    """Started lazily, so a run that selects no chaos test starts no private stack."""
    stacks = PrivateStacks()
    yield stacks
    stacks.close()


@pytest.fixture
def chaos_stack(private_stacks: PrivateStacks) -> ChaosStack:
    """Our own embedded Kafka + Elasticsearch on free ports, once per session."""
    return private_stacks.shared()


@pytest.fixture
def fresh_stack(private_stacks: PrivateStacks) -> Iterator[ChaosStack]:
    """A private stack just started from an empty data directory, not yet used by any client.

    The session's shared stack when this test is the first to ask (``pytest tests`` runs
    ``tests/chaos/test_first_start.py`` first), else a stack of this test alone.
    """
    if not private_stacks.shared_started:
        yield private_stacks.shared()
        return
    own = _start_private_stack()
    try:
        yield own
    finally:
        own.remove()


@pytest.fixture
def chaos_settings(chaos_stack: ChaosStack) -> Iterator[Settings]:
    """A test's prefixes on the private stack (and a faster index batch clock)."""
    name = f"c{uuid.uuid4().hex[:10]}"
    s = chaos_stack.settings.model_copy(
        update={"topic_prefix": f"{name}-", "index_prefix": name, "app_id": name, "partitions": 3}
    )
    ensure_topics(s)
    yield s
    chaos_stack.ensure_running()
    drop_prefix(s)


class Api:
    """``jiancha api`` as a child process of the test."""

    def __init__(self, settings: Settings) -> None:
        self.port = free_port()
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "jiancha.cli", "api", "--port", str(self.port)],
            env=env_of(settings),
        )

    def healthz(self) -> tuple[int, dict]:
        """(status, body) of GET /healthz; (0, {}) while the API does not answer."""
        assert self.proc.poll() is None, "API exited"
        try:
            with urllib.request.urlopen(
                f"http://127.0.0.1:{self.port}/healthz", timeout=10
            ) as resp:
                return resp.status, json.load(resp)
        except urllib.error.HTTPError as exc:
            return exc.code, json.load(exc)
        except OSError:
            return 0, {}

    def stop(self) -> None:
        stop_process(self.proc)
