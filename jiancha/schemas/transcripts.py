"""Contract of topic ``transcripts``: the speech of one recording, in timed segments."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from jiancha.schemas._base import Event

#: why a transcript's audio is too poor to judge from its text (``Transcript.quality_reasons``)
QUALITY_REASONS = {
    "low_snr": "信噪比低",
    "clipping": "录音削波失真",
    "hallucination": "识别文本多处为模型臆造",
    "low_confidence": "识别置信度低",
}
POOR_QUALITY = "音质差，需人工复核"


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
    # Optional (issue 14): hallucinated stretches removed, and whether the audio is good enough
    # to judge from the text; "poor" means 音质差，需人工复核 (reasons: QUALITY_REASONS codes).
    hallucinations_removed: int | None = Field(default=None, ge=0)
    quality: Literal["good", "poor"] | None = None
    quality_reasons: list[str] = Field(default_factory=list)

    @property
    def key(self) -> str:
        """Partition key: the recording (transcripts carry no officer)."""
        return self.recording_id

    @property
    def quality_note(self) -> str | None:
        """What a reviewer reads on a poor recording: 音质差，需人工复核（信噪比低、…）."""
        if self.quality != "poor":
            return None
        reasons = "、".join(QUALITY_REASONS.get(r, r) for r in self.quality_reasons)
        return f"{POOR_QUALITY}（{reasons}）" if reasons else POOR_QUALITY

    @property
    def text(self) -> str:
        """All segments joined, one per line."""
        return "\n".join(s.text for s in self.segments)
