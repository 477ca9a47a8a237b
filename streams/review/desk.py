"""The 整改通知书 desk: what every order request goes through, free of any web framework.

Each change is checked against the projected order with the pure lifecycle
(:mod:`streams.review.orders`), audited, published to ``rectification-events`` (acks=all) and then
read back once the worker has folded it (why: :mod:`streams.review.agents`). Squad leaders see
their own squad's issued orders only; anything else is not found to them, as if it did not exist.

Refusals are exceptions: :class:`OrderError` (kind forbidden / conflict / invalid),
:class:`OrderNotFound`, :class:`~streams.review.attachments.AttachmentError` and
:class:`Unavailable` (Kafka did not take the event). A change published but not folded in time
is :class:`Pending`. The API maps these to HTTP (``api/routes/orders.py``).
"""

from __future__ import annotations

import asyncio
import hashlib
import uuid
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any, BinaryIO, Protocol, TypeVar

from pydantic import ValidationError

from jiancha import topics
from jiancha.auth.roles import Caller
from jiancha.clock import Clock, utc_now
from jiancha.names import squad_name
from jiancha.schemas.rectification_events import (
    Actor,
    Attachment,
    OrderAccepted,
    OrderAcknowledged,
    OrderAnswered,
    OrderClosed,
    OrderDrafted,
    OrderIssued,
    OrderReturned,
    OrderRevised,
    OrderWithdrawn,
    RectificationEvent,
)
from jiancha.settings import Settings
from streams.review.attachments import KINDS, content_disposition, find_stored, store_upload
from streams.review.orders import UNISSUED, Order, OrderError, apply, outcome
from streams.review.projection import read_order
from streams.review.queries import list_filters

Folded = TypeVar("Folded")

#: Append to the audit trail: (caller, action, target, detail); raises if it cannot.
Audit = Callable[[Caller, str, str, dict[str, Any] | None], Awaitable[None]]


class Publisher(Protocol):
    """Sends one event and waits for Kafka's acknowledgement."""

    async def send(self, topic: str, key: str | None, value: bytes) -> None: ...


class OrderNotFound(LookupError):
    """No such order, or not one the caller may see (also an attachment it does not hold)."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class Unavailable(RuntimeError):
    """Kafka did not take the event: nothing changed."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class Pending:
    """On Kafka (so it will be applied or refused by the fold) but not folded within the wait."""

    event_id: str
    order_id: str | None = None  # an order's change: which order it is about


@dataclass(frozen=True)
class Download:
    """An attachment to serve: typed by its content, never by the name it was uploaded under."""

    path: Path
    sha256: str
    kind: str
    filename: str

    @property
    def content_type(self) -> str:
        return KINDS[self.kind][0]

    @property
    def content_disposition(self) -> str:
        return content_disposition(self.sha256, self.kind, self.filename)


@dataclass(frozen=True)
class Upload:
    """One uploaded file of a 整改汇报, as the client named it."""

    filename: str | None
    file: BinaryIO


class OrderDesk:
    """What the order requests share: the projection, Kafka, the audit trail and the clock."""

    def __init__(
        self,
        es: Any,
        aliases: dict[str, str],
        publisher: Publisher,
        audit: Audit,
        settings: Settings,
        clock: Clock = utc_now,
    ) -> None:
        self.es = es
        self.alias = aliases["rectifications"]
        self.cases = aliases["cases"]
        self.publisher = publisher
        self.audit = audit
        self.settings = settings
        self.clock = clock

    # -- reading ---------------------------------------------------------------------------------

    async def visible(self, caller: Caller, order_id: str) -> Order:
        """The order if ``caller`` may see it; OrderNotFound otherwise (another squad's too)."""
        order, _ = await read_order(self.es, self.alias, order_id)
        if order is None or not _visible(caller, order):
            raise OrderNotFound(f"整改通知书 {order_id} 不存在")
        return order

    async def view(self, caller: Caller, order_id: str) -> Order:
        """One order, its viewing audited."""
        order = await self.visible(caller, order_id)
        await self.audit(caller, "orders.view", order_id, None)
        return order

    async def search(
        self,
        caller: Caller,
        *,
        status: str | None,
        squad_id: str | None,
        overdue: bool | None,
        case_id: str | None,
        page: int,
        size: int,
    ) -> tuple[int, list[Order]]:
        """The total and one page of the orders ``caller`` may see, most recently changed first."""
        filters = list_filters(caller, status, squad_id, overdue, case_id, self.clock())
        detail = {"status": status, "squad_id": squad_id, "overdue": overdue}
        await self.audit(caller, "orders.list", "orders", detail)
        found = await self.es.search(
            index=self.alias,
            query={"bool": {"filter": filters}},
            sort=[{"updated_at": "desc"}, {"order_id": "asc"}],
            from_=(page - 1) * size,
            size=size,
            track_total_hits=True,
        )
        items = [Order.model_validate(h["_source"]) for h in found["hits"]["hits"]]
        return found["hits"]["total"]["value"], items

    async def attachment(self, caller: Caller, order_id: str, sha256: str) -> Download:
        """The stored file of an attachment of the order's answers, its download audited."""
        order = await self.visible(caller, order_id)
        found = [a for answer in order.answers for a in answer.attachments if a.sha256 == sha256]
        stored = find_stored(self._store, sha256) if found else None
        if stored is None:
            raise OrderNotFound("附件不存在")
        path, kind = stored
        detail = {"sha256": sha256, "filename": found[0].filename, "kind": kind}
        await self.audit(caller, "orders.attachment", order_id, detail)
        return Download(path, sha256, kind, found[0].filename)

    # -- changing --------------------------------------------------------------------------------

    async def draft(
        self,
        caller: Caller,
        case_ids: Sequence[str],
        title: str | None,
        requirements: str,
        idempotency_key: str | None = None,
    ) -> Order | Pending:
        """Draft an order from confirmed cases of one squad.

        With an ``idempotency_key`` (the client's, kept until it sees the draft) a retry is the
        same draft: its event id and order id derive from the caller and the key, the fold
        ignores an event id it holds, and a draft already projected is returned as it is. So a
        reviewer who drafts again while the worker is down does not breed a second order.
        """
        event_id = order_id = None
        if idempotency_key:
            digest = hashlib.sha256(f"{caller.username}\0{idempotency_key}".encode()).hexdigest()
            event_id = f"draft-{digest[:32]}"
            existing = await self._drafted_as(event_id)
            if existing is not None:
                return existing
            order_id = f"ZG-{self.clock():%Y%m%d}-{digest[:8]}"
        wanted = list(dict.fromkeys(c.strip() for c in case_ids if c.strip()))
        if not wanted:
            raise OrderError("invalid", "请至少选择一个案件")
        found = await self.es.mget(index=self.cases, ids=wanted)
        squads = set()
        for doc in found["docs"]:
            if not doc.get("found"):
                raise OrderError("invalid", f"案件 {doc['_id']} 不存在")
            case = doc["_source"]
            if case.get("status") != "confirmed":
                label = case.get("status_label") or case.get("status") or "未知"
                raise OrderError(
                    "conflict",
                    f"案件 {doc['_id']} 尚未确认（当前：{label}），只能依据已确认的案件起草",
                )
            squads.add(case.get("squad_id"))
        if len(squads) != 1 or None in squads:
            raise OrderError("invalid", "所选案件分属不同中队（或缺少中队），请按中队分别起草")
        (squad_id,) = squads
        now = self.clock()
        event = self._event(
            OrderDrafted,
            event_id=event_id or uuid.uuid4().hex,
            order_id=order_id or f"ZG-{now:%Y%m%d}-{uuid.uuid4().hex[:8]}",
            seq=1,
            actor=actor_of(caller),
            case_ids=wanted,
            squad_id=squad_id,
            title=(title or "").strip() or f"关于{squad_name(squad_id)}执法问题的整改通知书",
            requirements=requirements,
        )
        return await self.submit(event, None, caller, "orders.draft")

    async def _drafted_as(self, event_id: str) -> Order | None:
        """The order a draft event made, if it is projected already (a retried request)."""
        found = await self.es.search(
            index=self.alias, query={"term": {"event_ids": event_id}}, size=1
        )
        hits = found["hits"]["hits"]
        return Order.model_validate(hits[0]["_source"]) if hits else None

    async def revise(
        self, caller: Caller, order_id: str, title: str, requirements: str, version: int | None
    ) -> Order | Pending:
        """Edit a draft's title and requirements (before issue only)."""
        order = await self._at_version(caller, order_id, version)
        event = self._next(
            OrderRevised, order, caller, title=title.strip(), requirements=requirements
        )
        return await self.submit(event, order, caller, "orders.revise")

    async def withdraw(
        self, caller: Caller, order_id: str, reason: str, version: int | None
    ) -> Order | Pending:
        """Withdraw a draft with a reason: it is kept (已撤回) and can never be issued."""
        order = await self._at_version(caller, order_id, version)
        event = self._next(OrderWithdrawn, order, caller, comment=reason.strip())
        return await self.submit(event, order, caller, "orders.withdraw")

    async def _at_version(self, caller: Caller, order_id: str, version: int | None) -> Order:
        """The order, refused if it changed since the version the editor read (lost update)."""
        order = await self.visible(caller, order_id)
        if version is not None and version != order.version:
            raise OrderError(
                "conflict", f"整改通知书已被他人更新（当前第 {order.version} 版），请刷新后重试"
            )
        return order

    async def issue(
        self, caller: Caller, order_id: str, deadline: datetime | None, comment: str | None
    ) -> Order | Pending:
        """Issue the order to its squad with a deadline (default: ``order_deadline_days`` on)."""
        order = await self.visible(caller, order_id)
        event = self._next(
            OrderIssued, order, caller, deadline=deadline or self._deadline(), comment=comment
        )
        return await self.submit(event, order, caller, "orders.issue")

    async def acknowledge(
        self, caller: Caller, order_id: str, comment: str | None
    ) -> Order | Pending:
        """The squad leader signs for the order."""
        order = await self.visible(caller, order_id)
        event = self._next(OrderAcknowledged, order, caller, comment=comment)
        return await self.submit(event, order, caller, "orders.acknowledge")

    async def answer(
        self, caller: Caller, order_id: str, text: str, uploads: Sequence[Upload]
    ) -> Order | Pending:
        """The squad leader's 整改汇报, its attachments checked by content and stored by hash."""
        order = await self.visible(caller, order_id)
        apply(order, self._next(OrderAnswered, order, caller, text=text))  # refuse before storing
        settings = self.settings
        if len(uploads) > settings.attachment_max_files:
            raise OrderError("invalid", f"附件最多 {settings.attachment_max_files} 个")
        attachments = []
        for upload in uploads:
            name = (upload.filename or "").replace("\\", "/").rsplit("/", 1)[-1][:255] or "附件"
            stored = await asyncio.to_thread(
                store_upload,
                upload.file,
                name,
                self._store,
                settings.attachment_max_bytes,
                settings.attachment_types,
            )
            attachments.append(
                Attachment(
                    sha256=stored.sha256,
                    filename=name,
                    content_type=stored.content_type,
                    size=stored.size,
                )
            )
        event = self._next(OrderAnswered, order, caller, text=text, attachments=attachments)
        return await self.submit(event, order, caller, "orders.answer")

    async def return_answer(
        self, caller: Caller, order_id: str, comment: str, deadline: datetime | None
    ) -> Order | Pending:
        """The supervisor returns the answer with a reason and a new deadline."""
        order = await self.visible(caller, order_id)
        event = self._next(
            OrderReturned, order, caller, deadline=deadline or self._deadline(), comment=comment
        )
        return await self.submit(event, order, caller, "orders.return")

    async def accept(self, caller: Caller, order_id: str, comment: str | None) -> Order | Pending:
        """The supervisor accepts the answer."""
        order = await self.visible(caller, order_id)
        event = self._next(OrderAccepted, order, caller, comment=comment)
        return await self.submit(event, order, caller, "orders.accept")

    async def close(self, caller: Caller, order_id: str, comment: str | None) -> Order | Pending:
        """The supervisor closes an accepted order."""
        order = await self.visible(caller, order_id)
        event = self._next(OrderClosed, order, caller, comment=comment)
        return await self.submit(event, order, caller, "orders.close")

    async def submit(
        self, event: RectificationEvent, before: Order | None, caller: Caller, action: str
    ) -> Order | Pending:
        """Check, audit, publish, wait for the fold: the order as projected, or Pending."""
        apply(before, event)  # the lifecycle's verdict: OrderError if refused
        await self.audit(caller, action, event.order_id, {"event_id": event.event_id})

        async def folded() -> tuple[Order | None, tuple[bool, str] | None]:
            order, _ = await read_order(self.es, self.alias, event.order_id)
            return order, outcome(order, event.event_id)

        done = await publish_and_wait(
            self.publisher,
            topics.RECTIFICATION_EVENTS,
            event,
            self.settings.order_apply_timeout_s,
            folded,
        )
        if not isinstance(done, Pending):
            # Lists (search) show the change at once; orders are few, so refreshing is cheap.
            await self.es.indices.refresh(index=self.alias)
        return done

    # -- helpers ---------------------------------------------------------------------------------

    @property
    def _store(self) -> Path:
        """Where attachments live: ``<data_dir>/attachments/ab/abcd…``."""
        return self.settings.data_dir / "attachments"

    def _deadline(self) -> datetime:
        return self.clock() + timedelta(days=self.settings.order_deadline_days)

    def _event(self, event_type: type, **fields: Any) -> Any:
        return new_event(event_type, self.clock, **fields)

    def _next(self, event_type: type, order: Order, caller: Caller, **fields: Any) -> Any:
        """An event of ``caller`` on ``order``, built on its current version."""
        return self._event(
            event_type,
            order_id=order.order_id,
            seq=order.version + 1,
            actor=actor_of(caller),
            **fields,
        )


def actor_of(caller: Caller) -> Actor:
    """The actor of an event: who, in which role, of which squad."""
    return Actor(username=caller.username, role=caller.role, squad_id=caller.squad_id)


def new_event(event_type: type, clock: Clock, **fields: Any) -> Any:
    """Build an event now; a value its contract refuses (e.g. blank text) is invalid (422)."""
    fields.setdefault("event_id", uuid.uuid4().hex)  # a draft's comes from its Idempotency-Key
    try:
        return event_type(at=clock(), **fields)
    except ValidationError as exc:
        err = exc.errors(include_url=False)[0]
        where = ".".join(map(str, err["loc"]))
        raise OrderError("invalid", f"内容不符合要求（{where}）：不能为空或过长") from exc


async def publish_and_wait(
    publisher: Publisher,
    topic: str,
    event: Any,
    timeout_s: float,
    folded: Callable[[], Awaitable[tuple[Folded | None, tuple[bool, str] | None]]],
) -> Folded | Pending:
    """Publish ``event`` (acks=all), then poll ``folded`` (the projection and the fold's verdict
    on the event) until the worker has applied it: the state as projected, OrderError (conflict)
    with the fold's reason when it refused the event, Pending when ``timeout_s`` ran out first."""
    try:
        await publisher.send(topic, event.key, event.to_json_bytes())
    except Exception as exc:
        raise Unavailable("Kafka 暂不可用，操作未生效，请稍后重试") from exc
    loop = asyncio.get_running_loop()
    give_up = loop.time() + timeout_s
    while loop.time() < give_up:
        state, verdict = await folded()
        if verdict is not None:
            applied, reason = verdict
            if not applied:
                raise OrderError("conflict", reason)
            assert state is not None
            return state
        await asyncio.sleep(0.05)
    return Pending(event.event_id, getattr(event, "order_id", None))


def _visible(caller: Caller, order: Order) -> bool:
    if caller.role == "squad_leader":
        return order.squad_id == caller.squad_id and order.status not in UNISSUED
    return caller.role in ("reviewer", "supervisor")
