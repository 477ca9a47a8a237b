"""Contract of topic ``complaints``: a citizen complaint (12345 / 12123 / 民生警务 / 新媒体)."""

from __future__ import annotations

from typing import Literal

from pydantic import AwareDatetime, Field

from jiancha.schemas._base import Event


class Complaint(Event):
    """A complaint, possibly naming an officer, squad, plate and time."""

    complaint_id: str = Field(min_length=1)
    source: Literal["12345", "12123", "民生警务", "新媒体"]
    received_at: AwareDatetime
    text: str
    officer_id: str | None = None
    squad_id: str | None = None
    plate: str | None = None
    occurred_at: AwareDatetime | None = None

    @property
    def key(self) -> str:
        """Partition key: the officer when named, else the complaint."""
        return self.officer_id or self.complaint_id
