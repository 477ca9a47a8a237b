"""Clips: recordings with their transcripts, searched in full text."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Query

from api.deps import get_aliases, get_es
from api.models import ClipOut, ClipSearchOut, SegmentOut
from jiancha.elastic.queries import MAX_WINDOW, ClipQuery, clip_search_body, parse_clip_page

router = APIRouter(prefix="/clips", tags=["录像检索"])


@router.get("/search", response_model=ClipSearchOut)
async def search_clips(
    es: Annotated[Any, Depends(get_es)],
    aliases: Annotated[dict[str, str], Depends(get_aliases)],
    q: Annotated[
        str, Query(max_length=200, description="转写全文检索词，空格分隔的词须全部出现")
    ] = "",
    officer_id: Annotated[str | None, Query(max_length=64, description="民警编号")] = None,
    squad_id: Annotated[str | None, Query(max_length=64, description="中队")] = None,
    device_type: Annotated[
        Literal["body_cam", "in_car"] | None, Query(description="设备类型")
    ] = None,
    start: Annotated[datetime | None, Query(description="录像开始时间下限（ISO 8601）")] = None,
    end: Annotated[datetime | None, Query(description="录像开始时间上限（ISO 8601）")] = None,
    page: Annotated[int, Query(ge=1, description="页码，从 1 开始")] = 1,
    size: Annotated[int, Query(ge=1, le=100, description="每页条数")] = 20,
) -> ClipSearchOut:
    """按转写全文、民警、中队、设备类型和时间检索录像片段，返回命中片段及高亮。"""
    if start and end and start > end:
        raise HTTPException(400, "开始时间不能晚于结束时间")
    if page * size > MAX_WINDOW:
        raise HTTPException(400, f"翻页过深：最多可浏览前 {MAX_WINDOW} 条结果，请缩小检索范围")
    query = ClipQuery(q.strip(), officer_id, squad_id, device_type, start, end, page, size)
    response = await es.search(index=aliases["clips"], body=clip_search_body(query))
    result = parse_clip_page(response.body)
    items = [
        ClipOut(
            **{k: v for k, v in hit.source.items() if k in ClipOut.model_fields},
            score=hit.score,
            segments=[SegmentOut(**vars(s)) for s in hit.segments],
        )
        for hit in result.hits
    ]
    return ClipSearchOut(total=result.total, page=page, size=size, items=items)
