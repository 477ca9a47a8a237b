"""Contract of topic ``recordings``: a body-cam (执法记录仪) or in-car recorder upload."""

from __future__ import annotations

from typing import Literal

from pydantic import AwareDatetime, Field, model_validator

from jiancha.schemas._base import Event


class Recording(Event):
    """Metadata of one uploaded recording; ``officer_ids`` is the wearer or the car's crew."""

    recording_id: str = Field(min_length=1)
    device_id: str = Field(min_length=1)
    device_type: Literal["body_cam", "in_car"]
    officer_ids: list[str] = Field(min_length=1)
    squad_id: str = Field(min_length=1)
    started_at: AwareDatetime
    ended_at: AwareDatetime
    uploaded_at: AwareDatetime
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$")
    media_uri: str = Field(min_length=1)

    @model_validator(mode="after")
    def _times_in_order(self) -> Recording:
        if self.ended_at < self.started_at:
            raise ValueError("ended_at 早于 started_at")
        return self

    @property
    def key(self) -> str:
        """Partition key: the wearer (first officer)."""
        return self.officer_ids[0]

    @property
    def duration_s(self) -> float:
        """Length of the recording in seconds."""
        return (self.ended_at - self.started_at).total_seconds()
