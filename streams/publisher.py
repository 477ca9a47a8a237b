"""Publish to Kafka with kafka-python: waits for all replicas and never drops a send silently."""

from __future__ import annotations

from typing import Any

from jiancha.settings import Settings
from streams.topics import topic_name


class Publisher:
    """A keyed, acknowledged producer for the CLI tools (ingest, demo, benchmarks)."""

    def __init__(self, settings: Settings) -> None:
        from kafka import KafkaProducer

        self.prefix = settings.topic_prefix
        self.producer = KafkaProducer(
            bootstrap_servers=settings.kafka_bootstrap,
            acks="all",
            retries=10,
            linger_ms=20,
            batch_size=256 * 1024,
            max_request_size=12 * 1024 * 1024,
            client_id="jiancha-publisher",
        )
        self._pending: list[Any] = []

    def send(self, topic: str, key: str | None, value: bytes) -> None:
        """Queue one message for topic base name ``topic``."""
        future = self.producer.send(
            topic_name(self.prefix, topic),
            key=key.encode("utf-8") if key is not None else None,
            value=value,
        )
        self._pending.append(future)
        if len(self._pending) >= 10_000:
            self._settle()

    def _settle(self) -> None:
        # Surface a failed send as an exception instead of losing it.
        futures, self._pending = self._pending, []
        for future in futures:
            future.get(timeout=60)

    def flush(self) -> None:
        """Block until every queued message is acknowledged (raises on a failed send)."""
        self.producer.flush()
        self._settle()

    def close(self) -> None:
        self.flush()
        self.producer.close()

    def __enter__(self) -> Publisher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
