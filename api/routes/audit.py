"""The audit trail for the supervision head and admins: who did what, when, from where."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query
from pydantic import BaseModel

from api.deps import get_aliases, get_es
from api.security import require_roles
from jiancha.elastic.queries import MAX_WINDOW, date_range
from jiancha.schemas.audit import AuditRecorded

router = APIRouter(prefix="/audit", tags=["审计"])


class AuditPage(BaseModel):
    total: int
    page: int
    size: int
    items: list[AuditRecorded]


def audit_search_body(
    username: str | None,
    action: str | None,
    target: str | None,
    start: datetime | None,
    end: datetime | None,
    page: int,
    size: int,
) -> dict[str, Any]:
    """Filters on the audit index, newest first."""
    filters: list[dict[str, Any]] = [
        {"term": {field: value}}
        for field, value in (("actor", username), ("action", action), ("target", target))
        if value
    ]
    if start or end:
        filters.append(date_range("at", gte=start, lte=end))
    return {
        "query": {"bool": {"filter": filters}},
        "sort": [{"at": "desc"}, {"event_id": "asc"}],
        "from": (page - 1) * size,
        "size": size,
        "track_total_hits": True,
    }


@router.get(
    "",
    response_model=AuditPage,
    summary="查询审计记录（负责人、管理员）",
    dependencies=[Depends(require_roles("supervisor", "admin"))],
)
async def search_audit(
    es: Annotated[Any, Depends(get_es)],
    aliases: Annotated[dict[str, str], Depends(get_aliases)],
    user: Annotated[str | None, Query(max_length=64, description="用户名")] = None,
    action: Annotated[
        str | None, Query(max_length=64, description="操作，如 cases.view、cases.decide")
    ] = None,
    target: Annotated[str | None, Query(max_length=512, description="对象，如案件编号")] = None,
    start: Annotated[datetime | None, Query(description="时间下限（ISO 8601）")] = None,
    end: Annotated[datetime | None, Query(description="时间上限（ISO 8601）")] = None,
    page: Annotated[int, Query(ge=1, description="页码，从 1 开始")] = 1,
    size: Annotated[int, Query(ge=1, le=200, description="每页条数")] = 50,
) -> AuditPage:
    """按用户、操作、对象和时间查询审计记录（谁、何时、从何处、做了什么），最新的在前。"""
    if start and end and start > end:
        raise HTTPException(400, "开始时间不能晚于结束时间")
    if page * size > MAX_WINDOW:
        raise HTTPException(400, f"翻页过深：最多可浏览前 {MAX_WINDOW} 条记录，请缩小范围")
    body = audit_search_body(user, action, target, start, end, page, size)
    resp = await es.search(index=aliases["audit"], body=body)
    hits = resp.body["hits"]
    return AuditPage(
        total=hits["total"]["value"],
        page=page,
        size=size,
        items=[AuditRecorded.model_validate(h["_source"]) for h in hits["hits"]],
    )
