"""整改通知书 (rectification orders): draft, issue, acknowledge, answer, return, accept, close.

The work is the desk's (:mod:`streams.review.desk`: lifecycle check, audit, Kafka, the wait for
the worker's fold); these routes parse requests and map its answers to HTTP. Squad leaders see
their own squad's issued orders only; anything else is 404 to them, as if it did not exist.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Annotated, Any
from urllib.parse import quote
from zoneinfo import ZoneInfo

from fastapi import (
    APIRouter,
    Depends,
    File,
    Form,
    Header,
    HTTPException,
    Path,
    Query,
    Request,
    UploadFile,
)
from fastapi.responses import FileResponse, JSONResponse, Response
from pydantic import AwareDatetime, BaseModel, Field, StringConstraints

from api.audit import AuditorDep, audit_as
from api.deps import ClockDep, PublisherDep, get_aliases, get_es, get_settings
from api.security import User, require_roles
from jiancha.clock import Clock
from jiancha.elastic.queries import MAX_WINDOW
from jiancha.settings import Settings
from streams.directory.names import Names
from streams.directory.store import name_maps
from streams.review.attachments import AttachmentError
from streams.review.desk import Audit, OrderDesk, OrderNotFound, Pending, Unavailable, Upload
from streams.review.notice import notice_of
from streams.review.notice import notice_pdf as notice_pdf_of
from streams.review.numbers import allocate, document_number, read_requests
from streams.review.orders import Order, OrderError, Status

router = APIRouter(prefix="/orders", tags=["整改通知书"])

Es = Annotated[Any, Depends(get_es)]
Aliases = Annotated[dict[str, str], Depends(get_aliases)]
Config = Annotated[Settings, Depends(get_settings)]
OrderId = Annotated[str, Path(min_length=1, max_length=64, description="整改通知书编号")]
Sha256 = Annotated[str, Path(pattern=r"^[0-9a-f]{64}$", description="附件的 SHA-256")]
CaseId = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=128)]
Reader = Annotated[User, Depends(require_roles("reviewer", "supervisor", "squad_leader"))]
Drafter = Annotated[User, Depends(require_roles("reviewer", "supervisor"))]
Supervisor = Annotated[User, Depends(require_roles("supervisor"))]
SquadLeader = Annotated[User, Depends(require_roles("squad_leader"))]

#: A downloaded attachment is never rendered by the browser as what its bytes might also be.
_DOWNLOAD_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy": "default-src 'none'; sandbox",
    "Cache-Control": "private, no-store",
}
_HTTP_STATUS = {"forbidden": 403, "conflict": 409, "invalid": 422}
_ERRORS: dict[int | str, dict[str, Any]] = {
    403: {"description": "角色无权执行该操作"},
    404: {"description": "整改通知书不存在（或不属于本中队）"},
    409: {"description": "当前状态不允许该操作，或已被他人更新"},
}


class DraftIn(BaseModel):
    case_ids: list[CaseId] = Field(min_length=1, max_length=200, description="已确认的案件编号")
    title: str | None = Field(default=None, max_length=200, description="标题（默认自动生成）")
    requirements: str = Field(min_length=1, max_length=20_000, description="整改要求")


class ReviseIn(BaseModel):
    title: str = Field(min_length=1, max_length=200, description="标题")
    requirements: str = Field(min_length=1, max_length=20_000, description="整改要求")
    version: int | None = Field(
        default=None, ge=1, description="编辑所依据的版本（防止覆盖他人修改）"
    )


class WithdrawIn(BaseModel):
    reason: str = Field(min_length=1, max_length=5000, description="撤回理由")
    version: int | None = Field(default=None, ge=1, description="撤回所依据的版本")


IdempotencyKey = Annotated[
    str | None,
    Header(
        alias="Idempotency-Key",
        pattern=r"^[A-Za-z0-9_-]{8,64}$",
        description="客户端生成的幂等键：同一键重复提交只产生一份草稿",
    ),
]


class IssueIn(BaseModel):
    deadline: AwareDatetime | None = Field(
        default=None, description="整改期限（ISO 8601，带时区；默认下发后 7 天）"
    )
    comment: str | None = Field(default=None, max_length=5000, description="备注")


class ReturnIn(BaseModel):
    comment: str = Field(min_length=1, max_length=5000, description="退回理由")
    deadline: AwareDatetime | None = Field(
        default=None, description="新的整改期限（默认退回后 7 天）"
    )


class CommentIn(BaseModel):
    comment: str | None = Field(default=None, max_length=5000, description="备注")


class OrderPage(BaseModel):
    total: int
    page: int
    size: int
    items: list[Order]


class Accepted(BaseModel):
    detail: str
    event_id: str
    order_id: str | None = Field(default=None, description="所涉整改通知书（待生效的草稿也有编号）")


# -- the desk every route works at --------------------------------------------------------------


@dataclass(frozen=True)
class DeskParts:
    """What a desk (orders, spot checks) is built from, auditing as this request."""

    es: Any
    aliases: dict[str, str]
    publisher: Any
    audit: Audit
    settings: Settings
    clock: Clock


def desk_parts(
    request: Request,
    es: Es,
    aliases: Aliases,
    publisher: PublisherDep,
    auditor: AuditorDep,
    settings: Config,
    clock: ClockDep,
) -> DeskParts:
    """The clients, the settings, the clock and the audit trail as this request (who, from where,
    which path)."""
    return DeskParts(es, aliases, publisher, audit_as(auditor, request), settings, clock)


Parts = Annotated[DeskParts, Depends(desk_parts)]


def get_desk(p: Parts) -> OrderDesk:
    """The order desk of this request."""
    return OrderDesk(p.es, p.aliases, p.publisher, p.audit, p.settings, p.clock)


Desk = Annotated[OrderDesk, Depends(get_desk)]


@contextmanager
def refusals() -> Iterator[None]:
    """The desk's refusals (an order's or a spot-check plan's) as HTTP errors (403 / 404 / 409 /
    413 / 415 / 422 / 503)."""
    try:
        yield
    except OrderError as exc:
        raise HTTPException(_HTTP_STATUS[exc.kind], exc.message) from exc
    except OrderNotFound as exc:
        raise HTTPException(404, exc.message) from exc
    except AttachmentError as exc:
        raise HTTPException(exc.status, exc.message) from exc
    except Unavailable as exc:
        raise HTTPException(503, exc.message) from exc


async def _changed(change: Awaitable[Order | Pending]) -> Order | JSONResponse:
    """The order as projected, or 202 when the worker has not folded the change yet."""
    with refusals():
        result = await change
    if isinstance(result, Pending):
        return accepted(result)
    return result


def accepted(pending: Pending) -> JSONResponse:
    """202: the change is on Kafka but the worker has not folded it within the wait."""
    body = Accepted(
        detail="已受理，待生效：处理服务恢复后自动生效，无需重复提交",
        event_id=pending.event_id,
        order_id=pending.order_id,
    )
    return JSONResponse(body.model_dump(), status_code=202)


# -- reading -----------------------------------------------------------------------------------


@router.get("", response_model=OrderPage, summary="整改通知书列表")
async def list_orders(
    user: Reader,
    desk: Desk,
    status: Annotated[Status | None, Query(description="状态")] = None,
    squad_id: Annotated[str | None, Query(max_length=64, description="中队")] = None,
    overdue: Annotated[bool | None, Query(description="是否已逾期未汇报")] = None,
    case_id: Annotated[str | None, Query(max_length=128, description="含此案件")] = None,
    page: Annotated[int, Query(ge=1, le=500, description="页码，从 1 开始")] = 1,
    size: Annotated[int, Query(ge=1, le=100, description="每页条数")] = 20,
) -> OrderPage:
    """按状态、中队、是否逾期检索整改通知书；中队长只能看到本中队已下发的通知书。"""
    if page * size > MAX_WINDOW:
        raise HTTPException(400, f"翻页过深：最多可浏览前 {MAX_WINDOW} 条，请增加筛选条件")
    total, items = await desk.search(
        user,
        status=status,
        squad_id=squad_id,
        overdue=overdue,
        case_id=case_id,
        page=page,
        size=size,
    )
    return OrderPage(total=total, page=page, size=size, items=items)


@router.get("/{order_id}", response_model=Order, responses=_ERRORS, summary="查看整改通知书")
async def get_order(order_id: OrderId, user: Reader, desk: Desk) -> Order:
    """查看一份整改通知书：涉及案件、要求、期限、整改汇报与全部流转记录。"""
    with refusals():
        return await desk.view(user, order_id)


@router.get(
    "/{order_id}/attachments/{sha256}",
    response_class=FileResponse,
    responses=_ERRORS,
    summary="下载整改汇报附件",
)
async def download_attachment(
    order_id: OrderId, sha256: Sha256, user: Reader, desk: Desk
) -> FileResponse:
    """下载整改汇报的附件（能查看该通知书的人才能下载）；类型按文件内容判定，一律作为附件下载。"""
    with refusals():
        found = await desk.attachment(user, order_id, sha256)
    return FileResponse(
        found.path,
        media_type=found.content_type,
        headers=_DOWNLOAD_HEADERS | {"Content-Disposition": found.content_disposition},
    )


@router.get(
    "/{order_id}/notice.pdf",
    response_class=Response,
    responses={**_ERRORS, 200: {"content": {"application/pdf": {}}, "description": "PDF"}},
    summary="打印《整改通知书》（PDF，带文号）",
)
async def notice_pdf(
    order_id: OrderId,
    request: Request,
    user: Reader,
    desk: Desk,
    publisher: PublisherDep,
    auditor: AuditorDep,
    es: Es,
    aliases: Aliases,
    settings: Config,
    clock: ClockDep,
) -> Response:
    """已下发的整改通知书的打印版；文号（如 菏交监整〔2026〕第012号）经 Kafka 分配，永不重复。"""
    with refusals():
        order = await desk.visible(user, order_id)
    if order.status == "draft" or order.issued_at is None:
        raise HTTPException(409, "整改通知书尚未下发，不能打印")
    tz = ZoneInfo(settings.bulletin_timezone)
    year = order.issued_at.astimezone(tz).year
    await auditor.record(user, "orders.notice", order_id, request, {"year": year})

    async def read(partition: int, offset: int) -> list[tuple[str, int]]:
        return await asyncio.to_thread(read_requests, settings, partition, offset)

    try:
        number = await allocate(
            publisher.send_located, read, order_id, year, user.username, clock()
        )
    except Exception as exc:
        raise HTTPException(503, "文号分配暂不可用（Kafka），请稍后重试") from exc
    found = await es.mget(index=aliases["cases"], ids=order.case_ids)
    cases = {d["_id"]: d["_source"] for d in found.body["docs"] if d.get("found")}
    notice = notice_of(
        order,
        cases,
        document_number(settings.notice_prefix, year, number),
        settings.notice_unit,
        settings.bulletin_timezone,
        Names(**await name_maps(es, aliases["directory"])),
    )
    data, _ = await asyncio.to_thread(notice_pdf_of, notice)
    filename = quote(f"整改通知书-{notice.number}.pdf")
    return Response(
        data,
        media_type="application/pdf",
        headers={
            "Content-Disposition": f"inline; filename*=UTF-8''{filename}",
            "Cache-Control": "private, no-store",
            "X-Document-Number": quote(notice.number),
        },
    )


# -- changing ----------------------------------------------------------------------------------

_CHANGED = {202: {"model": Accepted}, **_ERRORS}


@router.post(
    "", response_model=Order, status_code=201, responses=_CHANGED, summary="起草整改通知书"
)
async def draft_order(
    body: DraftIn, user: Drafter, desk: Desk, idempotency_key: IdempotencyKey = None
) -> Order | JSONResponse:
    """依据已确认的案件起草整改通知书（审核员或负责人）；案件须属同一中队；带幂等键重试不重复起草。"""
    change = desk.draft(user, body.case_ids, body.title, body.requirements, idempotency_key)
    return await _changed(change)


@router.patch("/{order_id}", response_model=Order, responses=_CHANGED, summary="修改草稿")
async def revise_order(
    order_id: OrderId, body: ReviseIn, user: Drafter, desk: Desk
) -> Order | JSONResponse:
    """修改尚未下发的草稿的标题与整改要求（审核员或负责人）。"""
    return await _changed(desk.revise(user, order_id, body.title, body.requirements, body.version))


@router.post("/{order_id}/withdraw", response_model=Order, responses=_CHANGED, summary="撤回草稿")
async def withdraw_order(
    order_id: OrderId, body: WithdrawIn, user: Drafter, desk: Desk
) -> Order | JSONResponse:
    """撤回尚未下发的草稿（须写明理由）；撤回的草稿保留记录，不能再下发。"""
    return await _changed(desk.withdraw(user, order_id, body.reason, body.version))


@router.post(
    "/{order_id}/issue", response_model=Order, responses=_CHANGED, summary="下发整改通知书"
)
async def issue_order(
    order_id: OrderId, body: IssueIn, user: Supervisor, desk: Desk
) -> Order | JSONResponse:
    """负责人向中队下发整改通知书，设定整改期限（默认 7 天）。"""
    return await _changed(desk.issue(user, order_id, body.deadline, body.comment))


@router.post(
    "/{order_id}/acknowledge", response_model=Order, responses=_CHANGED, summary="签收整改通知书"
)
async def acknowledge_order(
    order_id: OrderId, user: SquadLeader, desk: Desk, body: CommentIn | None = None
) -> Order | JSONResponse:
    """本中队中队长签收整改通知书。"""
    return await _changed(desk.acknowledge(user, order_id, body.comment if body else None))


@router.post(
    "/{order_id}/answers",
    response_model=Order,
    responses={**_CHANGED, 413: {"description": "附件过大"}, 415: {"description": "附件类型不符"}},
    summary="提交整改汇报",
)
async def answer_order(
    order_id: OrderId,
    user: SquadLeader,
    desk: Desk,
    text: Annotated[str, Form(min_length=1, max_length=20_000, description="整改汇报正文")],
    files: Annotated[
        list[UploadFile] | None, File(description="附件：PDF、JPEG/PNG、Word、Excel、MP4")
    ] = None,
) -> Order | JSONResponse:
    """本中队中队长提交整改汇报（正文与附件）；附件按内容校验类型，按 SHA-256 存储。"""
    uploads = [Upload(f.filename, f.file) for f in files or []]
    return await _changed(desk.answer(user, order_id, text, uploads))


@router.post("/{order_id}/return", response_model=Order, responses=_CHANGED, summary="退回整改汇报")
async def return_order(
    order_id: OrderId, body: ReturnIn, user: Supervisor, desk: Desk
) -> Order | JSONResponse:
    """负责人退回整改汇报（须写明理由），并给出新的整改期限（默认 7 天）。"""
    return await _changed(desk.return_answer(user, order_id, body.comment, body.deadline))


@router.post("/{order_id}/accept", response_model=Order, responses=_CHANGED, summary="验收整改汇报")
async def accept_order(
    order_id: OrderId, user: Supervisor, desk: Desk, body: CommentIn | None = None
) -> Order | JSONResponse:
    """负责人验收通过整改汇报。"""
    return await _changed(desk.accept(user, order_id, body.comment if body else None))


@router.post(
    "/{order_id}/close", response_model=Order, responses=_CHANGED, summary="办结整改通知书"
)
async def close_order(
    order_id: OrderId, user: Supervisor, desk: Desk, body: CommentIn | None = None
) -> Order | JSONResponse:
    """负责人办结已验收的整改通知书。"""
    return await _changed(desk.close(user, order_id, body.comment if body else None))
