"""Dependencies shared by the routes: settings, clients and the clock live on the app state."""

from __future__ import annotations

import asyncio
import threading
from typing import Annotated, Any

from fastapi import Depends, Request

from jiancha.clock import Clock
from jiancha.settings import Settings


def get_settings(request: Request) -> Settings:
    return request.app.state.settings  # type: ignore[no-any-return]


def get_es(request: Request) -> Any:
    return request.app.state.es


def get_es_sync(request: Request) -> Any:
    """The app's synchronous client, for synchronous code (the bulletin): call it in a thread."""
    return request.app.state.es_sync


def get_aliases(request: Request) -> dict[str, str]:
    return request.app.state.aliases  # type: ignore[no-any-return]


def get_clock(request: Request) -> Clock:
    """What the routes read the time from (``create_app(settings, clock=...)``)."""
    return request.app.state.clock  # type: ignore[no-any-return]


ClockDep = Annotated[Clock, Depends(get_clock)]


#: How long a request waits for Kafka (connecting, or acknowledging one event) before 503.
_KAFKA_TIMEOUT_S = 5.0


class SharedPublisher:
    """One Kafka producer per API process, created at first use (Kafka may start after the API)."""

    def __init__(self, settings: Settings) -> None:
        self._settings = settings
        self._publisher: Any = None
        self._lock = threading.Lock()

    def get(self) -> Any:
        """The ``streams.publisher.Publisher``; raises ``PublishError`` if Kafka is unreachable."""
        with self._lock:
            if self._publisher is None:
                from kafka.errors import KafkaError

                from streams.publisher import Publisher, PublishError

                try:
                    self._publisher = Publisher(self._settings, timeout_s=_KAFKA_TIMEOUT_S)
                except KafkaError as exc:
                    raise PublishError(f"Kafka 无法连接：{exc!r}") from exc
            return self._publisher

    async def send(self, topic: str, key: str | None, value: bytes) -> None:
        """Send one event and wait for Kafka's acknowledgement (off the event loop)."""
        await asyncio.to_thread(
            lambda: self.get().send_and_wait(topic, key, value, timeout_s=_KAFKA_TIMEOUT_S)
        )

    async def send_located(self, topic: str, key: str | None, value: bytes) -> tuple[int, int]:
        """As :meth:`send`, and where Kafka put the event: (partition, offset)."""
        return await asyncio.to_thread(
            lambda: self.get().send_and_wait(topic, key, value, timeout_s=_KAFKA_TIMEOUT_S)
        )

    def close(self) -> None:
        with self._lock:
            if self._publisher is not None:
                self._publisher.producer.close(timeout=5)
                self._publisher = None


def get_publisher(request: Request) -> SharedPublisher:
    return request.app.state.publisher  # type: ignore[no-any-return]


PublisherDep = Annotated[SharedPublisher, Depends(get_publisher)]
