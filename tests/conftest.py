"""Shared fixtures: eval-dev data, and the real local Kafka + Elasticsearch (started if needed,
isolated per test by topic prefix, index prefix and consumer group)."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from jiancha import topics
from jiancha.elastic.client import sync_client
from jiancha.embedded.stack import EmbeddedStack
from jiancha.settings import Settings
from jiancha.topics import CATALOGUE, topic_name
from streams.admin import consumer_lag, ensure_topics

SHARED = Path(__file__).resolve().parents[2] / "shared"
EVAL_DEV = SHARED / "data" / "eval-dev"


@pytest.fixture(scope="session")
def eval_dev() -> Path:
    """The labelled development month (``shared/data/eval-dev``)."""
    if not (EVAL_DEV / "events.jsonl").exists():
        # CI always has shared/ beside the clone: there a missing file is an error, not a skip.
        if os.environ.get("CI"):
            pytest.fail(f"shared data not found at {EVAL_DEV}")
        pytest.skip(f"shared data not found at {EVAL_DEV}")
    return EVAL_DEV


INDEXED_TOPICS = [topics.RECORDINGS, topics.TRANSCRIPTS, topics.ENFORCEMENT_ACTIONS]


@pytest.fixture(scope="session")
def stack() -> Iterator[EmbeddedStack]:
    """The embedded services; started (and later stopped) here unless already running."""
    base = Settings()
    stack = EmbeddedStack(base)
    already = all(s.healthy for s in stack.status())
    if not already:
        stack.up(say=lambda line: print(line, file=sys.stderr))
    yield stack
    if not already:
        stack.down_services()


def _unique() -> str:
    return f"t{uuid.uuid4().hex[:10]}"


@pytest.fixture
def settings(stack: EmbeddedStack) -> Iterator[Settings]:
    """Settings with a topic prefix, index prefix and consumer group of this test alone."""
    with isolated_settings() as s:
        yield s


@contextmanager
def isolated_settings(**update: Any) -> Iterator[Settings]:
    """Settings (with ``update``) on topics, indices and a consumer group of their own, created
    here and dropped after: for a fixture wider than one test (a module's stack)."""
    name = _unique()
    s = Settings(topic_prefix=f"{name}-", index_prefix=name, app_id=name, partitions=3, **update)
    ensure_topics(s)
    try:
        yield s
    finally:
        drop_prefix(s)


def drop_prefix(s: Settings) -> None:
    """Delete the indices, index templates and topics of a test's prefix."""
    from kafka import KafkaAdminClient

    es = sync_client(s)
    try:
        es.indices.delete(
            index=f"{s.index_prefix}-*", ignore_unavailable=True, allow_no_indices=True
        )
        es.options(ignore_status=404).indices.delete_index_template(name=f"{s.index_prefix}-*")
    finally:
        es.close()
    admin = KafkaAdminClient(bootstrap_servers=s.kafka_bootstrap)
    try:
        admin.delete_topics([topic_name(s.topic_prefix, t.name) for t in CATALOGUE])
    finally:
        admin.close()


def env_of(settings: Settings) -> dict[str, str]:
    """The environment that makes a child process use ``settings``."""
    env = dict(os.environ)
    for field in (
        "topic_prefix",
        "index_prefix",
        "app_id",
        "partitions",
        "kafka_bootstrap",
        "es_url",
        "media_root",
        "analyzer_segment_s",
        "analyzer_tombstone_s",
    ):
        env[f"JIANCHA_{field.upper()}"] = str(getattr(settings, field))
    return env


def start_process(
    settings: Settings, command: str, env: dict[str, str] | None = None
) -> subprocess.Popen[bytes]:
    """``jiancha <command>`` (worker, analyzer, transcriber) as a child on ``settings``, logging
    warnings only; ``env`` adds variables (a metrics port, a timer interval)."""
    return subprocess.Popen(
        [sys.executable, "-m", "jiancha.cli", command, "--loglevel", "warning"],
        env=env_of(settings) | (env or {}),
    )


def caught_up(
    settings: Settings, role: str, on: Sequence[str], proc: subprocess.Popen[bytes] | None = None
) -> bool:
    """Whether the consumer group ``{app_id}-{role}`` has committed everything on the topics
    ``on``; fails at once if ``proc`` (the process doing the work) has exited."""
    assert proc is None or proc.poll() is None, f"{role} exited (exit code {proc.returncode})"
    return consumer_lag(settings, f"{settings.app_id}-{role}", list(on)) == 0


def group_settled_with(settings: Settings, members: int, role: str = "judge") -> bool:
    """Whether the consumer group ``{app_id}-{role}`` is stable with ``members`` members. Wait
    for it before publishing: a replica that joins after another has routed everything published
    so far reads nothing until more comes (a test waiting for both to read would wait forever)."""
    from kafka import KafkaAdminClient
    from kafka.errors import KafkaError

    from jiancha.kafka import client_security

    group = f"{settings.app_id}-{role}"
    admin = KafkaAdminClient(
        bootstrap_servers=settings.kafka_bootstrap,
        client_id="jiancha-test",
        **client_security(settings),
    )
    try:
        info = admin.describe_groups([group]).get(group) or {}
    except KafkaError:  # no coordinator yet, or the group is being created
        return False
    finally:
        admin.close()
    return info.get("group_state") == "Stable" and len(info.get("members") or ()) == members


class Worker:
    """A real ``jiancha worker`` process."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.proc = start_process(settings, "worker")

    def wait_caught_up(self, timeout_s: float = 240) -> None:
        """Until the consumer group has committed everything on its topics."""
        wait_for(
            lambda: caught_up(self.settings, "indexer", INDEXED_TOPICS, self.proc),
            timeout_s,
            "worker caught up",
        )

    def stop(self) -> None:
        stop_process(self.proc)


def stop_process(proc: subprocess.Popen[bytes]) -> None:
    """SIGTERM (a clean shutdown), SIGKILL after 30 s; a no-op if it has exited."""
    if proc.poll() is not None:
        return
    proc.terminate()
    try:
        proc.wait(timeout=30)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(timeout=30)


@pytest.fixture
def start_worker(settings: Settings) -> Iterator[Callable[[], Worker]]:
    """Start the indexer worker on demand; stopped at teardown."""
    workers: list[Worker] = []

    def start() -> Worker:
        workers.append(Worker(settings))
        return workers[-1]

    yield start
    for w in workers:
        w.stop()


def wait_for(predicate: Callable[[], Any], timeout_s: float = 120, what: str = "") -> Any:
    """Poll ``predicate`` until it returns something truthy."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if value := predicate():
            return value
        time.sleep(0.5)
    raise AssertionError(f"timed out waiting for {what or predicate}")
