"""Reading a test's topic from the beginning, outside any consumer group (kafka-python)."""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from jiancha.settings import Settings
from jiancha.topics import topic_name


@dataclass(frozen=True)
class Message:
    """One message: its key as text (None if unkeyed) and its value as ``decode`` made it."""

    key: str | None
    value: Any


def read_messages(
    settings: Settings,
    base: str,
    decode: Callable[[bytes], Any] = json.loads,
    *,
    idle_s: float = 3.0,
    at_least: int = 0,
    timeout_s: float = 120.0,
) -> list[Message]:
    """Every message of topic ``base`` (the test's prefix added), read until none has come for
    ``idle_s``; with ``at_least``, read on until that many came or ``timeout_s`` has passed."""
    from kafka import KafkaConsumer

    consumer = KafkaConsumer(
        topic_name(settings.topic_prefix, base),
        bootstrap_servers=settings.kafka_bootstrap,
        auto_offset_reset="earliest",
        enable_auto_commit=False,
        consumer_timeout_ms=int(idle_s * 1000),
    )
    messages: list[Message] = []
    deadline = time.monotonic() + timeout_s
    try:
        while True:
            messages.extend(
                Message(m.key.decode("utf-8") if m.key is not None else None, decode(m.value))
                for m in consumer
            )
            if len(messages) >= at_least or time.monotonic() >= deadline:
                return messages
    finally:
        consumer.close()


def read_topic(
    settings: Settings, base: str, decode: Callable[[bytes], Any] = json.loads, **wait: Any
) -> list[Any]:
    """The values of :func:`read_messages` (JSON by default; ``wait``: its idle_s, at_least,
    timeout_s)."""
    return [m.value for m in read_messages(settings, base, decode, **wait)]
