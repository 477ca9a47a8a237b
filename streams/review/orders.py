"""The 整改通知书 lifecycle as pure rules: an order is the fold of its events.

draft (revised; or withdrawn: 已撤回, never issued) → issued (deadline) → acknowledged →
answered (整改汇报) → accepted | returned → (answered again) → … → closed. An order past its
deadline and not answered is overdue; the timer escalates it to the supervisor once per deadline
(``OrderEscalated``), and the bulletin names it.

Roles (DESIGN.md, "Who uses it"): a reviewer or the supervisor drafts, edits or withdraws a
draft; the supervisor issues, returns, accepts and closes; only the squad leader of the order's
own squad acknowledges and answers. Nothing here does I/O or reads a clock: time comes in on the
events and as ``now``.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any, Literal, Protocol, TypeVar

from pydantic import BaseModel, ConfigDict, computed_field

from jiancha.clock import BEIJING
from jiancha.schemas.rectification_events import (
    Actor,
    Attachment,
    OrderAccepted,
    OrderAcknowledged,
    OrderAnswered,
    OrderClosed,
    OrderDrafted,
    OrderEscalated,
    OrderIssued,
    OrderReturned,
    OrderRevised,
    OrderWithdrawn,
    RectificationEvent,
)

Status = Literal[
    "draft", "issued", "acknowledged", "answered", "returned", "accepted", "closed", "withdrawn"
]

STATUS_LABELS: dict[str, str] = {
    "draft": "草稿",
    "issued": "已下发",
    "acknowledged": "已签收",
    "answered": "已汇报",
    "returned": "已退回",
    "accepted": "已验收",
    "closed": "已办结",
    "withdrawn": "已撤回",
}

EVENT_LABELS: dict[str, str] = {
    "OrderDrafted": "起草",
    "OrderIssued": "下发",
    "OrderAcknowledged": "签收",
    "OrderAnswered": "提交整改汇报",
    "OrderReturned": "退回",
    "OrderAccepted": "验收通过",
    "OrderClosed": "办结",
    "OrderEscalated": "逾期督办",
    "OrderRevised": "修改草稿",
    "OrderWithdrawn": "撤回草稿",
}

#: statuses a squad never sees: not (or never to be) issued to it
UNISSUED: tuple[Status, ...] = ("draft", "withdrawn")

#: statuses in which the squad still owes an answer: the deadline runs
AWAITING_ANSWER: tuple[Status, ...] = ("issued", "acknowledged", "returned")

#: the longest term an order may give: a rectification is not open-ended
MAX_TERM = timedelta(days=366)

ErrorKind = Literal["forbidden", "conflict", "invalid"]


class OrderError(Exception):
    """An event the lifecycle does not allow; ``kind`` maps to HTTP 403 / 409 / 422."""

    def __init__(self, kind: ErrorKind, message: str) -> None:
        super().__init__(message)
        self.kind = kind
        self.message = message


class HistoryEntry(BaseModel):
    """One applied event, as the order's history shows it."""

    model_config = ConfigDict(frozen=True, extra="ignore")

    event_id: str
    type: str
    label: str
    at: datetime
    actor: Actor
    comment: str | None = None


class Answer(BaseModel):
    """One 整改汇报 (the squad may answer again after a return)."""

    model_config = ConfigDict(frozen=True, extra="ignore")

    number: int
    text: str
    at: datetime
    by: str
    late: bool  # submitted after the deadline then in force
    attachments: list[Attachment] = []


class Rejected(BaseModel):
    """An event the fold refused (a lost race): kept so its sender learns why."""

    model_config = ConfigDict(frozen=True, extra="ignore")

    event_id: str
    type: str
    reason: str


class Order(BaseModel):
    """A 整改通知书: the state after its events (also its Elasticsearch document)."""

    model_config = ConfigDict(frozen=True, extra="ignore")

    order_id: str
    case_ids: list[str]
    squad_id: str
    title: str
    requirements: str
    status: Status
    version: int
    created_at: datetime
    updated_at: datetime
    drafted_by: str
    deadline: datetime | None = None
    issued_at: datetime | None = None
    acknowledged_at: datetime | None = None
    answered_at: datetime | None = None
    accepted_at: datetime | None = None
    closed_at: datetime | None = None
    returned_count: int = 0
    escalated: bool = False  # escalated for the deadline now in force
    escalated_at: datetime | None = None
    ever_overdue: bool = False  # missed some deadline (for 《监察专刊》 四、整改落实)
    answers: list[Answer] = []
    history: list[HistoryEntry] = []
    event_ids: list[str] = []
    rejected: list[Rejected] = []

    @computed_field  # type: ignore[prop-decorator]
    @property
    def status_label(self) -> str:
        return STATUS_LABELS[self.status]

    @computed_field  # type: ignore[prop-decorator]
    @property
    def overdue(self) -> bool:
        """Escalated and still unanswered: what the bulletin names as 逾期未整改."""
        return self.escalated and self.status in AWAITING_ANSWER


def overdue(order: Order, now: datetime) -> bool:
    """Whether ``order`` is past its deadline at ``now`` and still owes an answer."""
    return order.status in AWAITING_ANSWER and order.deadline is not None and now > order.deadline


def due_for_escalation(order: Order, now: datetime) -> bool:
    """Overdue at ``now`` and not yet escalated for this deadline."""
    return overdue(order, now) and not order.escalated


def escalation(order: Order, now: datetime) -> OrderEscalated:
    """The timer's event for an overdue order.

    Its id is fixed by the deadline and the version it builds on: two timers' events for the
    same state are one event (a replay), while a retry after losing a race to a squad's action is
    a new one.
    """
    assert order.deadline is not None
    return OrderEscalated(
        event_id=f"{order.order_id}:escalated:{order.deadline.isoformat()}:{order.version + 1}",
        order_id=order.order_id,
        seq=order.version + 1,
        at=now,
        actor=Actor(username="system", role="system"),
        comment=f"已超过整改期限（{_beijing(order.deadline)}）未提交整改汇报，已提请负责人督办",
        deadline=order.deadline,
    )


def apply(order: Order | None, event: RectificationEvent) -> Order:
    """The order after ``event``; raise OrderError when the role or the state does not allow it."""
    if isinstance(event, OrderDrafted):
        return _drafted(order, event)
    if order is None:
        raise OrderError("conflict", f"整改通知书 {event.order_id} 不存在或尚未起草")
    if event.seq != order.version + 1:
        raise OrderError(
            "conflict", f"整改通知书已被他人更新（当前第 {order.version} 版），请刷新后重试"
        )
    _check_actor(order, event)
    _check_status(order, event)
    changes: dict[str, object] = {}
    if isinstance(event, OrderIssued):
        _check_deadline(event.deadline, event.at)
        changes = {"deadline": event.deadline, "issued_at": event.at}
    elif isinstance(event, OrderAcknowledged):
        changes = {"acknowledged_at": event.at}
    elif isinstance(event, OrderAnswered):
        late = order.deadline is not None and event.at > order.deadline
        answer = Answer(
            number=len(order.answers) + 1,
            text=event.text,
            at=event.at,
            by=event.actor.username,
            late=late,
            attachments=list(event.attachments),
        )
        changes = {"answers": [*order.answers, answer], "answered_at": event.at}
        changes["ever_overdue"] = order.ever_overdue or late
    elif isinstance(event, OrderReturned):
        if not (event.comment or "").strip():
            raise OrderError("invalid", "退回整改汇报须写明理由")
        _check_deadline(event.deadline, event.at)
        changes = {"deadline": event.deadline, "returned_count": order.returned_count + 1}
        changes["escalated"] = False  # a new deadline runs
    elif isinstance(event, OrderAccepted):
        changes = {"accepted_at": event.at}
    elif isinstance(event, OrderClosed):
        changes = {"closed_at": event.at}
    elif isinstance(event, OrderRevised):
        changes = {"title": event.title, "requirements": event.requirements}
    elif isinstance(event, OrderWithdrawn):
        if not (event.comment or "").strip():
            raise OrderError("invalid", "撤回草稿须写明理由")
    elif isinstance(event, OrderEscalated):
        if order.escalated:
            raise OrderError("conflict", "该整改通知书已逾期督办")
        if not overdue(order, event.at):
            raise OrderError("conflict", "整改期限未到，不能逾期督办")
        changes = {"escalated": True, "escalated_at": event.at, "ever_overdue": True}
    status = _NEXT_STATUS.get(event.type, order.status)
    return order.model_copy(update={**changes, **_recorded(order, event), "status": status})


def project(order: Order | None, event: RectificationEvent) -> Order | None:
    """The projection's fold: replays change nothing, refused events are kept with the reason."""
    return refusing(apply, order, event)


State = TypeVar("State", bound=BaseModel)


def refusing(
    apply_: Callable[[State | None, Any], State], state: State | None, event: Any
) -> State | None:
    """Fold ``event`` into ``state`` (an order, a spot-check plan) with ``apply_``; a replayed event
    changes nothing, a refused one (OrderError) is kept with its reason for its sender; None when
    there is no state to keep the refusal on."""
    seen: Any = state
    if seen is not None and (
        event.event_id in seen.event_ids or any(r.event_id == event.event_id for r in seen.rejected)
    ):
        return state
    try:
        return apply_(state, event)
    except OrderError as exc:
        if state is None:
            return None
        refused = Rejected(event_id=event.event_id, type=event.type, reason=exc.message)
        return state.model_copy(update={"rejected": [*seen.rejected, refused]})


class Folded(Protocol):
    """A projection folded from events (an order, a spot-check plan): what it applied, refused."""

    @property
    def event_ids(self) -> list[str]: ...

    @property
    def rejected(self) -> list[Rejected]: ...


def outcome(order: Folded | None, event_id: str) -> tuple[bool, str] | None:
    """Whether the fold has applied (True) or refused (False, reason) an event; None: not yet."""
    if order is None:
        return None
    if event_id in order.event_ids:
        return True, ""
    for refused in order.rejected:
        if refused.event_id == event_id:
            return False, refused.reason
    return None


# -- rules -----------------------------------------------------------------------------------

_DRAFTERS = ("reviewer", "supervisor")

#: event type -> (statuses it may follow, the roles that may send it)
_ALLOWED: dict[str, tuple[tuple[Status, ...], tuple[str, ...]]] = {
    "OrderIssued": (("draft",), ("supervisor",)),
    "OrderAcknowledged": (("issued",), ("squad_leader",)),
    "OrderAnswered": (("acknowledged", "returned"), ("squad_leader",)),
    "OrderReturned": (("answered",), ("supervisor",)),
    "OrderAccepted": (("answered",), ("supervisor",)),
    "OrderClosed": (("accepted",), ("supervisor",)),
    "OrderEscalated": (AWAITING_ANSWER, ("system",)),
    "OrderRevised": (("draft",), _DRAFTERS),
    "OrderWithdrawn": (("draft",), _DRAFTERS),
}

_NEXT_STATUS: dict[str, Status] = {
    "OrderIssued": "issued",
    "OrderAcknowledged": "acknowledged",
    "OrderAnswered": "answered",
    "OrderReturned": "returned",
    "OrderAccepted": "accepted",
    "OrderClosed": "closed",
    "OrderWithdrawn": "withdrawn",
}

_ROLE_NAMES = {
    "supervisor": "监查中心负责人",
    "reviewer": "监查中心审核员",
    "reviewer+supervisor": "监查中心审核员或负责人",
    "squad_leader": "本中队中队长",
    "system": "系统",
}

_HINTS: dict[str, dict[str, str]] = {
    "OrderAnswered": {"issued": "请先签收，再提交整改汇报"},
    "OrderAcknowledged": {"draft": "尚未下发，不能签收"},
}


def _drafted(order: Order | None, event: OrderDrafted) -> Order:
    if event.actor.role not in ("reviewer", "supervisor"):
        raise OrderError("forbidden", "只有监查中心审核员或负责人可以起草整改通知书")
    if order is not None:
        raise OrderError("conflict", f"整改通知书 {event.order_id} 已存在")
    if event.seq != 1:
        raise OrderError("invalid", "起草事件的版本号应为 1")
    return Order(
        order_id=event.order_id,
        case_ids=list(event.case_ids),
        squad_id=event.squad_id,
        title=event.title,
        requirements=event.requirements,
        status="draft",
        version=1,
        created_at=event.at,
        updated_at=event.at,
        drafted_by=event.actor.username,
        history=[_entry(event)],
        event_ids=[event.event_id],
    )


def _check_actor(order: Order, event: RectificationEvent) -> None:
    roles = _ALLOWED[event.type][1]
    action = EVENT_LABELS[event.type]
    who = _ROLE_NAMES["+".join(roles)]
    if event.actor.role not in roles:
        raise OrderError("forbidden", f"只有{who}可以{action}整改通知书")
    if "squad_leader" in roles and event.actor.squad_id != order.squad_id:
        raise OrderError("forbidden", f"只有{who}可以{action}整改通知书")


def _check_status(order: Order, event: RectificationEvent) -> None:
    follows, _ = _ALLOWED[event.type]
    if order.status in follows:
        return
    now = f"整改通知书当前为“{STATUS_LABELS[order.status]}”"
    hint = _HINTS.get(event.type, {}).get(order.status)
    if hint:
        raise OrderError("conflict", f"{now}，{hint}")
    allowed = "、".join(STATUS_LABELS[s] for s in follows)
    raise OrderError("conflict", f"{now}，不能{EVENT_LABELS[event.type]}（仅限{allowed}状态）")


def _check_deadline(deadline: datetime, at: datetime) -> None:
    if deadline <= at:
        raise OrderError("invalid", "整改期限应晚于当前时间")
    if deadline - at > MAX_TERM:
        raise OrderError("invalid", f"整改期限不能超过 {MAX_TERM.days} 天")


def _beijing(at: datetime) -> str:
    return at.astimezone(BEIJING).strftime("%Y-%m-%d %H:%M")


def _entry(event: RectificationEvent) -> HistoryEntry:
    return HistoryEntry(
        event_id=event.event_id,
        type=event.type,
        label=EVENT_LABELS[event.type],
        at=event.at,
        actor=event.actor,
        comment=event.comment,
    )


def _recorded(order: Order, event: RectificationEvent) -> dict[str, object]:
    return {
        "version": order.version + 1,
        "updated_at": event.at,
        "history": [*order.history, _entry(event)],
        "event_ids": [*order.event_ids, event.event_id],
    }
