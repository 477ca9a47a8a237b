"""Contract of topic ``transcripts``: the speech of one recording, in timed segments."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from streams.schemas._base import Event


class Segment(Event):
    """One utterance, seconds from the start of the recording."""

    start: float = Field(ge=0)
    end: float = Field(ge=0)
    speaker: Literal["officer", "civilian", "unknown"] = "unknown"
    text: str
    confidence: float | None = Field(default=None, ge=0, le=1)

    @model_validator(mode="after")
    def _ends_after_start(self) -> Segment:
        if self.end < self.start:
            raise ValueError("片段 end 早于 start")
        return self


class Transcript(Event):
    """A transcript from the reference data or a speech-recognition engine (Whisper)."""

    recording_id: str = Field(min_length=1)
    language: str = "zh"
    engine: str = Field(min_length=1)
    segments: list[Segment]

    @property
    def key(self) -> str:
        """Partition key: the recording (transcripts carry no officer)."""
        return self.recording_id

    @property
    def text(self) -> str:
        """All segments joined, one per line."""
        return "\n".join(s.text for s in self.segments)
