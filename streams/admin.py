"""Create jiancha's topics (kafka-python admin), partitioned so one officer's events stay in order."""

from __future__ import annotations

from jiancha.settings import Settings
from streams.topics import CATALOGUE, topic_name

# Kafka is the system of record: topics keep their events (compacted ones keep the latest).
_FOREVER = {"retention.ms": "-1"}
_COMPACTED = {"cleanup.policy": "compact"}
_BIG_MESSAGES = {"max.message.bytes": "12582912"}


def ensure_topics(settings: Settings) -> list[str]:
    """Create the catalogue's topics that do not exist yet; returns the names created."""
    from kafka import KafkaAdminClient
    from kafka.admin import NewTopic
    from kafka.errors import TopicAlreadyExistsError

    admin = KafkaAdminClient(bootstrap_servers=settings.kafka_bootstrap, client_id="jiancha-admin")
    try:
        existing = set(admin.list_topics())
        wanted = [
            NewTopic(
                name=topic_name(settings.topic_prefix, spec.name),
                num_partitions=settings.partitions,
                replication_factor=settings.replication_factor,
                topic_configs={**(_COMPACTED if spec.compacted else _FOREVER), **_BIG_MESSAGES},
            )
            for spec in CATALOGUE
            if topic_name(settings.topic_prefix, spec.name) not in existing
        ]
        if wanted:
            try:
                admin.create_topics(wanted)
            except TopicAlreadyExistsError:
                pass  # a concurrent creator won; the topics are there either way
        return [t.name for t in wanted]
    finally:
        admin.close()

