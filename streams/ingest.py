"""``jiancha ingest``: replay a file of typed events onto their topics."""

from __future__ import annotations

import json
import time
from collections import Counter
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from jiancha import topics
from jiancha.schemas import InvalidEvent, parse_envelope
from streams.dead_letters import dead_letter
from streams.publisher import Publisher


def count_events(path: Path) -> int:
    """Non-blank lines of a replay file (for progress bars)."""
    with open(path, "rb") as lines:
        return sum(1 for line in lines if line.strip())


def ingest_file(
    path: Path,
    publisher: Publisher,
    rate: float | None = None,
    progress: Callable[[int], None] = lambda n: None,
    now: Callable[[], datetime] = lambda: datetime.now(UTC),
) -> Counter[str]:
    """Publish every line of ``path``; broken lines go to the dead-letter topic. Counts by type."""
    counts: Counter[str] = Counter()
    started = time.monotonic()
    with open(path, "rb") as lines:
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            try:
                env = parse_envelope(line)
            except InvalidEvent as exc:
                letter = dead_letter(
                    exc.reason,
                    stage="ingest",
                    source=str(path),
                    position=f"第{number}行",
                    payload=line.rstrip(b"\n"),
                    now=now(),
                )
                publisher.send(topics.DEAD_LETTERS, letter.dead_key, letter.to_json_bytes())
                counts["dead_letter"] += 1
            else:
                # The data object travels as read: validating it is the consumer's job.
                value = json.dumps(env.data, ensure_ascii=False).encode("utf-8")
                publisher.send(env.topic, env.key, value)
                counts[env.event_type] += 1
            progress(1)
            if rate:
                # Hold the average at ``rate`` events/s.
                ahead = sum(counts.values()) / rate - (time.monotonic() - started)
                if ahead > 0:
                    time.sleep(ahead)
    publisher.flush()
    return counts
