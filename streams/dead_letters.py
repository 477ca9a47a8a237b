"""Build dead-letter records: the rejected bytes, kept whole, and the reason."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import datetime
from typing import TYPE_CHECKING, Any

from jiancha import metrics, topics
from jiancha.schemas.dead_letters import DeadLetter

if TYPE_CHECKING:
    import faust

    from jiancha.settings import Settings

#: sends one dead letter: its key and its JSON bytes (the agents' injected effect)
SendDead = Callable[[str, bytes], Awaitable[None]]


def dead_letter(
    reason: str,
    *,
    stage: str,
    source: str,
    position: str,
    payload: bytes,
    now: datetime,
    event_type: str | None = None,
    key: str | None = None,
    keep_bytes: int = 1_000_000,
) -> DeadLetter:
    """A dead letter; payloads over ``keep_bytes`` are truncated (their size is kept)."""
    metrics.count_dead_letter(stage, reason)  # issue 8: DLQ counts by stage and reason kind
    text = payload[:keep_bytes].decode("utf-8", errors="replace")
    return DeadLetter(
        reason=reason,
        stage=stage,  # type: ignore[arg-type]
        source=source,
        position=position,
        event_type=event_type,
        key=key,
        payload=text,
        payload_bytes=len(payload),
        failed_at=now,
    )


def dead_letter_of(
    event: Any, reason: str, *, stage: str, now: datetime, event_type: str | None = None
) -> DeadLetter:
    """The dead letter of a rejected Faust event: its topic, ``partition:offset``, key and bytes."""
    msg = event.message
    return dead_letter(
        reason,
        stage=stage,
        source=msg.topic,
        position=f"{msg.partition}:{msg.offset}",
        payload=bytes(event.value),
        key=event.key.decode("utf-8", "replace") if event.key else None,
        event_type=event_type,
        now=now,
    )


def dead_letter_sender(app: faust.App, settings: Settings) -> SendDead:
    """Sends to the app's ``dead-letters`` topic, keyed as the letter says."""
    from streams.app import raw_topic  # Faust only where a worker runs, not for ``ingest``

    topic = raw_topic(app, settings, topics.DEAD_LETTERS)

    async def send_dead(key: str, value: bytes) -> None:
        await topic.send(key=key.encode("utf-8"), value=value)

    return send_dead
