"""Topic administration (kafka-python): create the catalogue's topics, measure consumer lag."""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable, Sequence
from typing import Any

from jiancha import metrics
from jiancha.kafka import client_security, committed_offsets
from jiancha.settings import Settings
from jiancha.topics import CATALOGUE, changelog_configs, topic_name

# Kafka is the system of record: topics keep their events (compacted ones keep the latest).
_FOREVER = {"retention.ms": "-1"}
_COMPACTED = {"cleanup.policy": "compact"}
_BIG_MESSAGES = {"max.message.bytes": "12582912"}


def ensure_topics(settings: Settings) -> list[str]:
    """Create the catalogue's topics that do not exist yet; returns the names created."""
    from kafka import KafkaAdminClient
    from kafka.admin import NewTopic
    from kafka.errors import TopicAlreadyExistsError

    admin = KafkaAdminClient(
        bootstrap_servers=settings.kafka_bootstrap,
        client_id="jiancha-admin",
        **client_security(settings),
    )
    try:
        existing = set(admin.list_topics())
        changelog = changelog_configs(settings.analyzer_segment_s, settings.analyzer_tombstone_s)
        wanted = [
            NewTopic(
                name=topic_name(settings.topic_prefix, spec.name),
                num_partitions=settings.partitions,
                replication_factor=settings.replication_factor,
                topic_configs={
                    **(_COMPACTED if spec.compacted else _FOREVER),
                    **_BIG_MESSAGES,
                    **dict(spec.configs),
                    **(changelog if spec.changelog else {}),
                },
            )
            for spec in CATALOGUE
            if topic_name(settings.topic_prefix, spec.name) not in existing
        ]
        if wanted:
            # A concurrent creator may win; the topics are there either way.
            with contextlib.suppress(TopicAlreadyExistsError):
                admin.create_topics(wanted)
        return [t.name for t in wanted]
    finally:
        admin.close()


def consumer_lag(settings: Settings, group: str, topic_bases: list[str]) -> int:
    """Messages on ``topic_bases`` that consumer ``group`` has not committed yet."""
    from kafka import KafkaConsumer, TopicPartition

    consumer = KafkaConsumer(
        bootstrap_servers=settings.kafka_bootstrap,
        client_id="jiancha-lag",
        **client_security(settings),
    )
    try:
        partitions = [
            TopicPartition(name, p)
            for name in (topic_name(settings.topic_prefix, b) for b in topic_bases)
            for p in sorted(consumer.partitions_for_topic(name) or ())
        ]
        ends = consumer.end_offsets(partitions)
    finally:
        consumer.close()
    # A new broker, or a group being created or rebalanced, has no coordinator for a moment.
    committed = committed_offsets(settings, group, client_id="jiancha-lag")
    lag = 0
    for tp, end in ends.items():
        meta = committed.get(tp)
        lag += max(0, end - (meta.offset if meta is not None and meta.offset >= 0 else 0))
    return lag


def serve_worker_metrics(settings: Settings, role: str, topic_bases: Sequence[str]) -> bool:
    """Serve a worker's ``/metrics`` on ``settings.metrics_port`` with its group's lag (0 = off)."""
    group = f"{settings.app_id}-{role}"
    probe = lambda: consumer_lag(settings, group, list(topic_bases))  # noqa: E731
    return metrics.serve(settings.metrics_port, settings.metrics_host, group, probe)


def read_to_end(
    settings: Settings,
    base: str,
    on_record: Callable[[Any], None],
    timeout_s: float = 300.0,
    client_id: str = "jiancha-replay",
) -> None:
    """Hand every record of topic ``base`` (first to last, as of now) to ``on_record``.

    No consumer group: the partitions are assigned, read from the beginning to the end offsets
    taken at the start, and nothing is committed. For compacted topics read whole (policies)
    and for the analyzer's replay. Raises RuntimeError (Chinese) past ``timeout_s``.
    """
    from kafka import KafkaConsumer, TopicPartition

    name = topic_name(settings.topic_prefix, base)
    consumer = KafkaConsumer(
        bootstrap_servers=settings.kafka_bootstrap,
        client_id=client_id,
        enable_auto_commit=False,
        **client_security(settings),
    )
    try:
        deadline = time.monotonic() + timeout_s
        # A topic just created may take a moment to show in the metadata: never read it as empty.
        while not (partitions := consumer.partitions_for_topic(name)):
            if time.monotonic() > deadline:
                raise RuntimeError(f"找不到主题 {name}")
            time.sleep(1)
        parts = [TopicPartition(name, p) for p in sorted(partitions)]
        consumer.assign(parts)
        consumer.seek_to_beginning(*parts)
        ends = consumer.end_offsets(parts)
        while any(consumer.position(tp) < ends[tp] for tp in parts):
            if time.monotonic() > deadline:
                raise RuntimeError(f"读取主题 {name} 超时")
            for records in consumer.poll(timeout_ms=1000).values():
                for record in records:
                    on_record(record)
    finally:
        consumer.close()
