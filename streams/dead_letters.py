"""Build dead-letter records: the rejected bytes, kept whole, and the reason."""

from __future__ import annotations

from datetime import datetime

from jiancha import metrics
from streams.schemas.dead_letters import DeadLetter


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
