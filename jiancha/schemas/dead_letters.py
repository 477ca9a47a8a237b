"""Contract of topic ``dead-letters``: a message that could not be processed, and why."""

from __future__ import annotations

from typing import Literal

from pydantic import AwareDatetime, Field

from jiancha.schemas._base import Event


class DeadLetter(Event):
    """A rejected message, kept whole (``payload``) with the reason in Chinese."""

    reason: str = Field(min_length=1)
    stage: Literal["ingest", "worker", "transcriber", "analyzer"]
    source: str  # the input file (ingest) or topic (worker)
    position: str  # line number (ingest) or partition:offset (worker)
    event_type: str | None = None
    key: str | None = None
    payload: str  # the raw bytes, decoded as UTF-8 with replacement characters
    payload_bytes: int
    failed_at: AwareDatetime

    @property
    def dead_key(self) -> str:
        """Key on the dead-letter topic: where the message came from."""
        return f"{self.source}@{self.position}"
