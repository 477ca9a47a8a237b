"""The Faust application: one consumer group of workers sharing the topics' partitions."""

from __future__ import annotations

from typing import Any

import faust

from jiancha.kafka import ssl_context
from jiancha.settings import Settings
from jiancha.topics import topic_name


def create_app(settings: Settings, role: str, **overrides: Any) -> faust.App:
    """A Faust app whose id (the consumer group) is ``{app_id}-{role}``; ``overrides`` are
    Faust settings of that role (the replicated analyzer's shorter session, issue 15)."""
    (settings.data_dir / "faust").mkdir(parents=True, exist_ok=True)
    return faust.App(
        f"{settings.app_id}-{role}",
        broker=f"kafka://{settings.kafka_bootstrap}",
        broker_credentials=broker_credentials(settings),
        store="memory://",
        # Faust keeps table state per app; under the data directory, never the working tree.
        datadir=str(settings.data_dir / "faust" / f"{settings.app_id}-{role}"),
        autodiscover=False,
        web_enabled=False,
        topic_partitions=settings.partitions,
        topic_replication_factor=settings.replication_factor,
        consumer_auto_offset_reset="earliest",
        producer_max_request_size=12 * 1024 * 1024,
        producer_acks=-1,
        **overrides,
    )


def broker_credentials(settings: Settings) -> faust.SASLCredentials | None:
    """How the Faust app signs in: the same user, mechanism and CA as ``client_security``."""
    if settings.kafka_security_protocol == "PLAINTEXT":
        return None
    assert settings.kafka_username and settings.kafka_password  # Settings checked it
    # An SSL context makes Faust speak SASL_SSL; without one, SASL_PLAINTEXT.
    return faust.SASLCredentials(
        username=settings.kafka_username,
        password=settings.kafka_password.get_secret_value(),
        mechanism=settings.kafka_sasl_mechanism,
        ssl_context=ssl_context(settings),
    )


def raw_topic(app: faust.App, settings: Settings, base: str) -> Any:
    """A topic of raw bytes: decoding and validation are ours (jiancha.schemas), not Faust's."""
    return app.topic(
        topic_name(settings.topic_prefix, base),
        key_type=bytes,
        value_type=bytes,
        key_serializer="raw",
        value_serializer="raw",
        partitions=settings.partitions,
    )


def raw_topics(app: faust.App, settings: Settings, *bases: str) -> Any:
    """Several topics of raw bytes read by one agent."""
    return app.topic(
        *(topic_name(settings.topic_prefix, b) for b in bases),
        key_type=bytes,
        value_type=bytes,
        key_serializer="raw",
        value_serializer="raw",
    )


def prepare(settings: Settings) -> dict[str, str]:
    """Create the missing topics and indices before a worker starts; returns the index aliases."""
    from jiancha.elastic.client import sync_client
    from jiancha.elastic.indices import ensure_indices
    from streams.admin import ensure_topics

    ensure_topics(settings)
    es = sync_client(settings)
    try:
        return ensure_indices(es, settings)
    finally:
        es.close()
