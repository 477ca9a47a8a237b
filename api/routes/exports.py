"""Excel exports: the case list and the 整改台账 (rectification ledger).

The same scope as the lists they copy: a squad leader gets his own squad's confirmed cases and
issued orders only. Each export is audited before a byte is sent (503 and nothing otherwise), with
its filters and its row count. Cells are written by :mod:`streams.review.sheets`, which keeps any
formula-like text inert.
"""

from __future__ import annotations

import asyncio
from datetime import datetime
from typing import Annotated, Any, Literal
from urllib.parse import quote

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import Response

from api.audit import AuditorDep
from api.deps import ClockDep, get_aliases, get_es, get_settings
from api.security import User, require_roles
from jiancha.elastic.queries import MAX_WINDOW
from jiancha.settings import Settings
from streams.directory.names import Names
from streams.directory.store import name_maps
from streams.review.cases import STATUS_LABELS as CASE_STATUS
from streams.review.cases import CaseQuery, Scope, case_search_body
from streams.review.orders import STATUS_LABELS as ORDER_STATUS
from streams.review.orders import Status
from streams.review.queries import list_filters
from streams.review.sheets import CASE_COLUMNS, ORDER_COLUMNS, workbook

router = APIRouter(prefix="/exports", tags=["导出"])

Es = Annotated[Any, Depends(get_es)]
Aliases = Annotated[dict[str, str], Depends(get_aliases)]
Config = Annotated[Settings, Depends(get_settings)]
Reader = Annotated[User, Depends(require_roles("reviewer", "supervisor", "squad_leader"))]

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
_XLSX_RESPONSE: dict[int | str, dict[str, Any]] = {
    200: {"content": {XLSX: {}}, "description": "Excel 工作簿"}
}


def _download(data: bytes, filename: str) -> Response:
    return Response(
        data,
        media_type=XLSX,
        headers={
            "Content-Disposition": f"attachment; filename*=UTF-8''{quote(filename)}",
            "Cache-Control": "private, no-store",
            "X-Content-Type-Options": "nosniff",
        },
    )


def _whole(body: dict[str, Any]) -> None:
    """An export holds every matching row or none: past the window it asks for narrower filters."""
    total = body["hits"]["total"]["value"]
    if total > MAX_WINDOW:
        raise HTTPException(
            400, f"符合条件的有 {total} 条，超过单次导出上限 {MAX_WINDOW} 条，请缩小筛选范围"
        )


@router.get(
    "/cases.xlsx", response_class=Response, responses=_XLSX_RESPONSE, summary="导出案件清单"
)
async def export_cases(
    request: Request,
    user: Reader,
    auditor: AuditorDep,
    es: Es,
    aliases: Aliases,
    settings: Config,
    clock: ClockDep,
    status: Annotated[str | None, Query(max_length=32, description="审核状态")] = None,
    squad_id: Annotated[str | None, Query(max_length=64, description="中队")] = None,
    category: Annotated[str | None, Query(max_length=64, description="问题类别")] = None,
    start: Annotated[datetime | None, Query(description="发生时间下限（ISO 8601）")] = None,
    end: Annotated[datetime | None, Query(description="发生时间上限（ISO 8601）")] = None,
) -> Response:
    """按筛选条件导出案件清单（Excel，最多 10000 行）；中队长只能导出本中队已确认的案件。"""
    if start and end and start > end:
        raise HTTPException(400, "开始时间不能晚于结束时间")
    query = CaseQuery(
        category=category, status=status, squad_id=squad_id, start=start, end=end, size=MAX_WINDOW
    )
    body = case_search_body(query, Scope.of(user))
    body.pop("aggs")
    body["_source"] = sorted(
        {path.split(".")[0] for _, path in CASE_COLUMNS} | {"squad_id", "officer_id"}
    )
    found = await es.search(index=aliases["cases"], body=body)
    _whole(found.body)
    rows = await _named_rows(es, aliases, found.body)
    detail = {"status": status, "squad_id": squad_id, "category": category, "rows": len(rows)}
    await auditor.record(user, "exports.cases", "cases.xlsx", request, detail)
    data = await asyncio.to_thread(
        workbook, "案件清单", CASE_COLUMNS, rows, settings.bulletin_timezone, CASE_STATUS
    )
    return _download(data, f"案件清单-{clock():%Y%m%d}.xlsx")


@router.get(
    "/orders.xlsx", response_class=Response, responses=_XLSX_RESPONSE, summary="导出整改台账"
)
async def export_orders(
    request: Request,
    user: Reader,
    auditor: AuditorDep,
    es: Es,
    aliases: Aliases,
    settings: Config,
    clock: ClockDep,
    status: Annotated[Status | None, Query(description="状态")] = None,
    squad_id: Annotated[str | None, Query(max_length=64, description="中队")] = None,
    overdue: Annotated[bool | None, Query(description="是否已逾期未汇报")] = None,
    sort: Annotated[Literal["issued", "updated"], Query(description="排序")] = "issued",
) -> Response:
    """导出整改台账（Excel）：每份通知书的下发、期限、签收、汇报、退回、验收与办结；中队长只能导出本中队的。"""
    filters = list_filters(user, status, squad_id, overdue, None, clock())
    order = "issued_at" if sort == "issued" else "updated_at"
    found = await es.search(
        index=aliases["rectifications"],
        query={"bool": {"filter": filters}},
        sort=[{order: {"order": "desc", "missing": "_last"}}, {"order_id": "asc"}],
        size=MAX_WINDOW,
        source_includes=sorted(
            {path.split(".")[0] for _, path in ORDER_COLUMNS} | {"status", "squad_id"}
        ),
        track_total_hits=True,
    )
    _whole(found.body)
    rows = await _named_rows(es, aliases, found.body)
    detail = {"status": status, "squad_id": squad_id, "overdue": overdue, "rows": len(rows)}
    await auditor.record(user, "exports.orders", "orders.xlsx", request, detail)
    data = await asyncio.to_thread(
        workbook, "整改台账", ORDER_COLUMNS, rows, settings.bulletin_timezone, ORDER_STATUS
    )
    return _download(data, f"整改台账-{clock():%Y%m%d}.xlsx")


async def _named_rows(
    es: Any, aliases: dict[str, str], body: dict[str, Any]
) -> list[dict[str, Any]]:
    """The hits' documents with the directory's names beside their ids (issue 16)."""
    names = Names(**await name_maps(es, aliases["directory"]))
    return [names.labelled(hit["_source"]) for hit in body["hits"]["hits"]]
