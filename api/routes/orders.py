"""整改通知书 (rectification orders): draft, issue, acknowledge, answer, return, accept, close.

Each change is checked against the projected order with the pure lifecycle
(:mod:`streams.review.orders`), published to ``rectification-events`` (acks=all) and then read
back once the worker has folded it (why: :mod:`streams.review.agents`). Squad leaders see their own
squad's issued orders only; anything else is 404 to them, as if it did not exist.
"""

from __future__ import annotations

import asyncio
import pathlib
import uuid
from datetime import UTC, datetime, timedelta
from typing import Annotated, Any

from fastapi import (
    APIRouter,
    Depends,
    File,
    Form,
    HTTPException,
    Path,
    Query,
    Request,
    UploadFile,
)
from fastapi.responses import FileResponse, JSONResponse
from pydantic import AwareDatetime, BaseModel, Field, StringConstraints, ValidationError

from api.audit import AuditorDep
from api.deps import PublisherDep, get_aliases, get_es, get_settings
from api.security import User, require_roles
from jiancha.elastic.queries import MAX_WINDOW
from jiancha.settings import Settings
from streams import topics
from streams.review.attachments import AttachmentError, path_of, store_upload
from streams.review.orders import (
    Order,
    OrderError,
    Status,
    apply,
    outcome,
)
from streams.review.projection import read_order
from streams.review.queries import list_filters
from streams.schemas.rectification_events import (
    Actor,
    Attachment,
    OrderAccepted,
    OrderAcknowledged,
    OrderAnswered,
    OrderClosed,
    OrderDrafted,
    OrderIssued,
    OrderReturned,
    RectificationEvent,
)

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


# -- the desk every route works at --------------------------------------------------------------


class OrderDesk:
    """What the order routes share: the projection, Kafka, the audit trail, the caller."""

    def __init__(
        self,
        request: Request,
        es: Es,
        aliases: Aliases,
        publisher: PublisherDep,
        auditor: AuditorDep,
        settings: Config,
    ) -> None:
        self.request = request
        self.es = es
        self.alias = aliases["rectifications"]
        self.cases = aliases["cases"]
        self.publisher = publisher
        self.auditor = auditor
        self.settings = settings

    async def record(
        self, user: User, action: str, target: str, detail: dict[str, Any] | None = None
    ) -> None:
        """Append to the audit trail (503 if Kafka cannot take it)."""
        await self.auditor.record(user, action, target, self.request, detail)

    async def visible(self, user: User, order_id: str) -> Order:
        """The order if ``user`` may see it; 404 otherwise (also for another squad's order)."""
        order, _ = await read_order(self.es, self.alias, order_id)
        if order is None or not _visible(user, order):
            raise HTTPException(404, f"整改通知书 {order_id} 不存在")
        return order

    async def submit(
        self, event: RectificationEvent, before: Order | None, user: User, action: str
    ) -> Order | JSONResponse:
        """Check, audit, publish, wait for the fold: the order as projected, or 409 / 202."""
        check(before, event)
        await self.record(user, action, event.order_id, {"event_id": event.event_id})
        try:
            await self.publisher.send(topics.RECTIFICATION_EVENTS, event.key, event.to_json_bytes())
        except Exception as exc:
            raise HTTPException(503, "Kafka 暂不可用，操作未生效，请稍后重试") from exc
        loop = asyncio.get_running_loop()
        give_up = loop.time() + self.settings.order_apply_timeout_s
        while loop.time() < give_up:
            order, _ = await read_order(self.es, self.alias, event.order_id)
            result = outcome(order, event.event_id)
            if result is not None:
                applied, reason = result
                if not applied:
                    raise HTTPException(409, reason)
                assert order is not None
                # Lists (search) show the change at once; orders are few, so refreshing is cheap.
                await self.es.indices.refresh(index=self.alias)
                return order
            await asyncio.sleep(0.05)
        accepted = Accepted(detail="已受理，正在生效，请稍后刷新查看", event_id=event.event_id)
        return JSONResponse(accepted.model_dump(), status_code=202)


Desk = Annotated[OrderDesk, Depends()]


def _visible(user: User, order: Order) -> bool:
    if user.role == "squad_leader":
        return order.squad_id == user.squad_id and order.status != "draft"
    return user.role in ("reviewer", "supervisor")


def check(before: Order | None, event: RectificationEvent) -> None:
    """The lifecycle's verdict on ``event`` as an HTTP error (403 / 409 / 422)."""
    try:
        apply(before, event)
    except OrderError as exc:
        raise HTTPException(_HTTP_STATUS[exc.kind], exc.message) from exc


def _event(event_type: type, **fields: Any) -> Any:
    """Build an event; a value its contract refuses (e.g. blank text) is a 422."""
    try:
        return event_type(event_id=uuid.uuid4().hex, at=datetime.now(UTC), **fields)
    except ValidationError as exc:
        err = exc.errors(include_url=False)[0]
        where = ".".join(map(str, err["loc"]))
        raise HTTPException(422, f"内容不符合要求（{where}）：不能为空或过长") from exc


def _next(event_type: type, order: Order, user: User, **fields: Any) -> Any:
    """An event of ``user`` on ``order``, built on its current version."""
    return _event(
        event_type,
        order_id=order.order_id,
        seq=order.version + 1,
        actor=Actor(username=user.username, role=user.role, squad_id=user.squad_id),
        **fields,
    )


def _store(settings: Settings) -> pathlib.Path:
    """Where attachments live: ``<data_dir>/attachments/ab/abcd…``."""
    return settings.data_dir / "attachments"


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
    filters = list_filters(user, status, squad_id, overdue, case_id, datetime.now(UTC))
    await desk.record(
        user, "orders.list", "orders", {"status": status, "squad_id": squad_id, "overdue": overdue}
    )
    found = await desk.es.search(
        index=desk.alias,
        query={"bool": {"filter": filters}},
        sort=[{"updated_at": "desc"}, {"order_id": "asc"}],
        from_=(page - 1) * size,
        size=size,
        track_total_hits=True,
    )
    items = [Order.model_validate(h["_source"]) for h in found["hits"]["hits"]]
    return OrderPage(total=found["hits"]["total"]["value"], page=page, size=size, items=items)


@router.get("/{order_id}", response_model=Order, responses=_ERRORS, summary="查看整改通知书")
async def get_order(order_id: OrderId, user: Reader, desk: Desk) -> Order:
    """查看一份整改通知书：涉及案件、要求、期限、整改汇报与全部流转记录。"""
    order = await desk.visible(user, order_id)
    await desk.record(user, "orders.view", order_id)
    return order


@router.get(
    "/{order_id}/attachments/{sha256}",
    response_class=FileResponse,
    responses=_ERRORS,
    summary="下载整改汇报附件",
)
async def download_attachment(
    order_id: OrderId, sha256: Sha256, user: Reader, desk: Desk
) -> FileResponse:
    """下载整改汇报的附件（能查看该通知书的人才能下载）。"""
    order = await desk.visible(user, order_id)
    found = [a for answer in order.answers for a in answer.attachments if a.sha256 == sha256]
    path = path_of(_store(desk.settings), sha256)
    if not found or not path.is_file():
        raise HTTPException(404, "附件不存在")
    await desk.record(
        user, "orders.attachment", order_id, {"sha256": sha256, "filename": found[0].filename}
    )
    return FileResponse(path, media_type=found[0].content_type, filename=found[0].filename)


# -- changing ----------------------------------------------------------------------------------

_CHANGED = {202: {"model": Accepted}, **_ERRORS}


@router.post(
    "", response_model=Order, status_code=201, responses=_CHANGED, summary="起草整改通知书"
)
async def draft_order(body: DraftIn, user: Drafter, desk: Desk) -> Order | JSONResponse:
    """依据已确认的案件起草整改通知书（审核员或负责人）；案件须属同一中队。"""
    case_ids = list(dict.fromkeys(c.strip() for c in body.case_ids if c.strip()))
    if not case_ids:
        raise HTTPException(422, "请至少选择一个案件")
    found = await desk.es.mget(index=desk.cases, ids=case_ids)
    squads = set()
    for doc in found["docs"]:
        if not doc.get("found"):
            raise HTTPException(422, f"案件 {doc['_id']} 不存在")
        case = doc["_source"]
        if case.get("status") != "confirmed":
            label = case.get("status_label") or case.get("status") or "未知"
            raise HTTPException(
                409, f"案件 {doc['_id']} 尚未确认（当前：{label}），只能依据已确认的案件起草"
            )
        squads.add(case.get("squad_id"))
    if len(squads) != 1 or None in squads:
        raise HTTPException(422, "所选案件分属不同中队（或缺少中队），请按中队分别起草")
    (squad_id,) = squads
    now = datetime.now(UTC)
    event = _event(
        OrderDrafted,
        order_id=f"ZG-{now:%Y%m%d}-{uuid.uuid4().hex[:8]}",
        seq=1,
        actor=Actor(username=user.username, role=user.role, squad_id=user.squad_id),
        case_ids=case_ids,
        squad_id=squad_id,
        title=(body.title or "").strip() or f"关于{squad_id}执法问题的整改通知书",
        requirements=body.requirements,
    )
    return await desk.submit(event, None, user, "orders.draft")


@router.post(
    "/{order_id}/issue", response_model=Order, responses=_CHANGED, summary="下发整改通知书"
)
async def issue_order(
    order_id: OrderId, body: IssueIn, user: Supervisor, desk: Desk
) -> Order | JSONResponse:
    """负责人向中队下发整改通知书，设定整改期限（默认 7 天）。"""
    order = await desk.visible(user, order_id)
    deadline = body.deadline or _default_deadline(desk.settings)
    event = _next(OrderIssued, order, user, deadline=deadline, comment=body.comment)
    return await desk.submit(event, order, user, "orders.issue")


@router.post(
    "/{order_id}/acknowledge", response_model=Order, responses=_CHANGED, summary="签收整改通知书"
)
async def acknowledge_order(
    order_id: OrderId, user: SquadLeader, desk: Desk, body: CommentIn | None = None
) -> Order | JSONResponse:
    """本中队中队长签收整改通知书。"""
    order = await desk.visible(user, order_id)
    event = _next(OrderAcknowledged, order, user, comment=body.comment if body else None)
    return await desk.submit(event, order, user, "orders.acknowledge")


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
    order = await desk.visible(user, order_id)
    check(order, _next(OrderAnswered, order, user, text=text))  # refuse before storing files
    settings = desk.settings
    uploads = files or []
    if len(uploads) > settings.attachment_max_files:
        raise HTTPException(422, f"附件最多 {settings.attachment_max_files} 个")
    attachments = []
    for upload in uploads:
        name = (upload.filename or "").replace("\\", "/").rsplit("/", 1)[-1][:255] or "附件"
        try:
            stored = await asyncio.to_thread(
                store_upload,
                upload.file,
                name,
                _store(settings),
                settings.attachment_max_bytes,
                settings.attachment_types,
            )
        except AttachmentError as exc:
            raise HTTPException(exc.status, exc.message) from exc
        attachments.append(
            Attachment(
                sha256=stored.sha256,
                filename=name,
                content_type=stored.content_type,
                size=stored.size,
            )
        )
    event = _next(OrderAnswered, order, user, text=text, attachments=attachments)
    return await desk.submit(event, order, user, "orders.answer")


@router.post("/{order_id}/return", response_model=Order, responses=_CHANGED, summary="退回整改汇报")
async def return_order(
    order_id: OrderId, body: ReturnIn, user: Supervisor, desk: Desk
) -> Order | JSONResponse:
    """负责人退回整改汇报（须写明理由），并给出新的整改期限（默认 7 天）。"""
    order = await desk.visible(user, order_id)
    deadline = body.deadline or _default_deadline(desk.settings)
    event = _next(OrderReturned, order, user, deadline=deadline, comment=body.comment)
    return await desk.submit(event, order, user, "orders.return")


@router.post("/{order_id}/accept", response_model=Order, responses=_CHANGED, summary="验收整改汇报")
async def accept_order(
    order_id: OrderId, user: Supervisor, desk: Desk, body: CommentIn | None = None
) -> Order | JSONResponse:
    """负责人验收通过整改汇报。"""
    order = await desk.visible(user, order_id)
    event = _next(OrderAccepted, order, user, comment=body.comment if body else None)
    return await desk.submit(event, order, user, "orders.accept")


@router.post(
    "/{order_id}/close", response_model=Order, responses=_CHANGED, summary="办结整改通知书"
)
async def close_order(
    order_id: OrderId, user: Supervisor, desk: Desk, body: CommentIn | None = None
) -> Order | JSONResponse:
    """负责人办结已验收的整改通知书。"""
    order = await desk.visible(user, order_id)
    event = _next(OrderClosed, order, user, comment=body.comment if body else None)
    return await desk.submit(event, order, user, "orders.close")


def _default_deadline(settings: Settings) -> datetime:
    return datetime.now(UTC) + timedelta(days=settings.order_deadline_days)
