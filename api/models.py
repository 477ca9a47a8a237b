"""Response models (they feed the OpenAPI spec)."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, Field


class SegmentOut(BaseModel):
    start: float = Field(description="片段开始秒数（播放器跳转用）")
    end: float
    speaker: str = Field(description="officer（民警）| civilian（群众）| unknown")
    highlight: str = Field(description="命中词以 <em> 标出，其余已做 HTML 转义")


class ClipQuality(BaseModel):
    """Whether the audio was good enough to judge from its transcript (issue 14): a poor one is
    said plainly to the reviewer, never passed as "nothing found"."""

    quality: Literal["good", "poor"] | None = Field(
        default=None, description="音质：good 正常 | poor 音质差（需人工复核）；未转写为空"
    )
    quality_reasons: list[str] = Field(
        default=[], description="音质差的原因代码：low_snr、clipping、hallucination、low_confidence"
    )
    quality_note: str | None = Field(
        default=None, description="给审核员看的提示，如“音质差，需人工复核（信噪比低）”"
    )


class ClipOut(ClipQuality):
    recording_id: str
    device_id: str | None = None
    device_type: str | None = None
    officer_ids: list[str] = []
    squad_id: str | None = None
    started_at: datetime | None = None
    ended_at: datetime | None = None
    uploaded_at: datetime | None = None
    duration_s: float | None = None
    has_transcript: bool = False
    score: float | None = None
    case_ids: list[str] = Field(default=[], description="依据这段录像的案件")
    segments: list[SegmentOut] = Field(default=[], description="命中的转写片段")


class ClipSearchOut(BaseModel):
    total: int
    page: int
    size: int
    items: list[ClipOut]


class DependencyHealth(BaseModel):
    ok: bool
    detail: str


class HealthOut(BaseModel):
    status: Literal["ok", "degraded"]
    kafka: DependencyHealth
    elasticsearch: DependencyHealth


class FieldError(BaseModel):
    field: str = Field(description="出错的参数，如 size、case_ids.0")
    message: str = Field(description="出错原因")


class ErrorOut(BaseModel):
    """错误答复：原因；参数无效（422）时另列出错的参数。"""

    detail: str = Field(description="错误说明")
    errors: list[FieldError] = Field(default=[], description="参数错误明细（仅 422）")
