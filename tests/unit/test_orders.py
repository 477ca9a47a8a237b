"""The 整改通知书 lifecycle as pure rules: every transition, every role, overdue and the fold."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from jiancha.schemas import InvalidEvent
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
    decode_event,
)
from streams.review.orders import (
    AWAITING_ANSWER,
    STATUS_LABELS,
    Order,
    OrderError,
    apply,
    due_for_escalation,
    escalation,
    outcome,
    overdue,
    project,
)

T0 = datetime(2026, 4, 1, 9, 0, tzinfo=UTC)
DEADLINE = T0 + timedelta(days=7)

REVIEWER = Actor(username="shen", role="reviewer")
SUPERVISOR = Actor(username="zhang", role="supervisor")
LEADER = Actor(username="li", role="squad_leader", squad_id="mudan-2")
OTHER_LEADER = Actor(username="wang", role="squad_leader", squad_id="gaosu-1")
ADMIN = Actor(username="root", role="admin")
SYSTEM = Actor(username="system", role="system")
ACTORS = {
    "reviewer": REVIEWER,
    "supervisor": SUPERVISOR,
    "squad_leader": LEADER,
    "admin": ADMIN,
    "system": SYSTEM,
}

_ids = itertools.count(1)


def event(kind: type, order: Order | None, actor: Actor, at: datetime = T0, **fields: Any) -> Any:
    """An event on ``order`` as the API would build it (next version, fresh id)."""
    defaults: dict[str, Any] = {
        OrderDrafted: {
            "case_ids": ["C-1"],
            "squad_id": "mudan-2",
            "title": "关于牡丹二中队现场收取现金的整改通知书",
            "requirements": "立即停止现场收取现金，组织全员学习《行政处罚法》第六十八条。",
        },
        OrderIssued: {"deadline": DEADLINE},
        OrderAnswered: {"text": "已组织学习，并对涉事民警批评教育。"},
        OrderReturned: {"deadline": DEADLINE + timedelta(days=7), "comment": "缺少学习记录"},
        OrderEscalated: {"deadline": DEADLINE},
    }.get(kind, {})
    return kind(
        event_id=f"e{next(_ids)}",
        order_id=order.order_id if order else "ZG-1",
        seq=order.version + 1 if order else 1,
        at=at,
        actor=actor,
        **{**defaults, **fields},
    )


def drafted() -> Order:
    return apply(None, event(OrderDrafted, None, REVIEWER))


# The path to each status: (event type, who sends it, when).
PATH: list[tuple[str, type, Actor, datetime]] = [
    ("issued", OrderIssued, SUPERVISOR, T0 + timedelta(hours=1)),
    ("acknowledged", OrderAcknowledged, LEADER, T0 + timedelta(hours=2)),
    ("answered", OrderAnswered, LEADER, T0 + timedelta(days=2)),
    ("returned", OrderReturned, SUPERVISOR, T0 + timedelta(days=3)),
]


def at_status(status: str) -> Order:
    """An order brought to ``status`` by its legal path."""
    order = drafted()
    if status == "draft":
        return order
    if status == "withdrawn":
        return apply(order, event(OrderWithdrawn, order, REVIEWER, comment="重复起草"))
    if status in ("accepted", "closed"):
        for _, kind, actor, at in PATH[:3]:
            order = apply(order, event(kind, order, actor, at))
        order = apply(order, event(OrderAccepted, order, SUPERVISOR, T0 + timedelta(days=3)))
        if status == "closed":
            order = apply(order, event(OrderClosed, order, SUPERVISOR, T0 + timedelta(days=4)))
        return order
    for reached, kind, actor, at in PATH:
        order = apply(order, event(kind, order, actor, at))
        if reached == status:
            return order
    raise AssertionError(status)


#: (from status, event type) -> the status it leads to, with the role that may send it
LEGAL: dict[tuple[str, type], tuple[str, str]] = {
    ("draft", OrderIssued): ("issued", "supervisor"),
    ("issued", OrderAcknowledged): ("acknowledged", "squad_leader"),
    ("acknowledged", OrderAnswered): ("answered", "squad_leader"),
    ("returned", OrderAnswered): ("answered", "squad_leader"),
    ("answered", OrderReturned): ("returned", "supervisor"),
    ("answered", OrderAccepted): ("accepted", "supervisor"),
    ("accepted", OrderClosed): ("closed", "supervisor"),
}
KINDS = [
    OrderIssued,
    OrderAcknowledged,
    OrderAnswered,
    OrderReturned,
    OrderAccepted,
    OrderClosed,
]


@pytest.mark.parametrize(("start", "kind"), list(LEGAL), ids=lambda v: getattr(v, "__name__", v))
def test_every_legal_transition(start: str, kind: type) -> None:
    order = at_status(start)
    target, role = LEGAL[(start, kind)]
    after = apply(order, event(kind, order, ACTORS[role], T0 + timedelta(days=5)))
    assert after.status == target
    assert after.version == order.version + 1
    assert after.history[-1].type == kind.__name__
    assert after.history[-1].actor == ACTORS[role]
    assert after.status_label == STATUS_LABELS[target]
    assert order.status == start, "apply must not change the order it was given"


ILLEGAL = [(start, kind) for start in STATUS_LABELS for kind in KINDS if (start, kind) not in LEGAL]


@pytest.mark.parametrize(("start", "kind"), ILLEGAL, ids=lambda v: getattr(v, "__name__", v))
def test_every_illegal_transition_is_a_conflict_in_chinese(start: str, kind: type) -> None:
    order = at_status(start)
    role = next(r for (_, k), (_, r) in LEGAL.items() if k is kind)
    with pytest.raises(OrderError) as err:
        apply(order, event(kind, order, ACTORS[role], T0 + timedelta(days=5)))
    assert err.value.kind == "conflict"
    assert STATUS_LABELS[start] in err.value.message


def test_answer_before_acknowledging_says_what_to_do() -> None:
    order = at_status("issued")
    with pytest.raises(OrderError, match="请先签收") as err:
        apply(order, event(OrderAnswered, order, LEADER))
    assert err.value.kind == "conflict"


@pytest.mark.parametrize(("start", "kind"), list(LEGAL), ids=lambda v: getattr(v, "__name__", v))
def test_only_the_right_role_may_send_each_event(start: str, kind: type) -> None:
    order = at_status(start)
    _, role = LEGAL[(start, kind)]
    for other, actor in ACTORS.items():
        if other == role:
            continue
        with pytest.raises(OrderError) as err:
            apply(order, event(kind, order, actor, T0 + timedelta(days=5)))
        assert err.value.kind == "forbidden", (other, kind)
        assert "只有" in err.value.message


@pytest.mark.parametrize(
    ("start", "kind"), [("issued", OrderAcknowledged), ("acknowledged", OrderAnswered)]
)
def test_another_squads_leader_may_not_act(start: str, kind: type) -> None:
    order = at_status(start)
    with pytest.raises(OrderError, match="本中队中队长") as err:
        apply(order, event(kind, order, OTHER_LEADER))
    assert err.value.kind == "forbidden"


@pytest.mark.parametrize("role", ["reviewer", "supervisor"])
def test_reviewer_or_supervisor_drafts(role: str) -> None:
    order = apply(None, event(OrderDrafted, None, ACTORS[role]))
    assert (order.status, order.version, order.drafted_by) == ("draft", 1, ACTORS[role].username)
    assert order.case_ids == ["C-1"] and order.squad_id == "mudan-2"


@pytest.mark.parametrize("role", ["squad_leader", "admin", "system"])
def test_nobody_else_drafts(role: str) -> None:
    with pytest.raises(OrderError, match="起草") as err:
        apply(None, event(OrderDrafted, None, ACTORS[role]))
    assert err.value.kind == "forbidden"


def test_a_draft_cannot_be_drafted_twice_and_events_need_a_draft() -> None:
    order = drafted()
    with pytest.raises(OrderError, match="已存在"):
        apply(order, event(OrderDrafted, None, REVIEWER))
    with pytest.raises(OrderError, match="不存在") as err:
        apply(None, event(OrderIssued, None, SUPERVISOR))
    assert err.value.kind == "conflict"


def test_an_event_built_on_an_old_version_loses() -> None:
    order = at_status("answered")
    accept = event(OrderAccepted, order, SUPERVISOR, T0 + timedelta(days=3))
    ret = event(OrderReturned, order, SUPERVISOR, T0 + timedelta(days=3))
    after = apply(order, accept)
    with pytest.raises(OrderError, match="已被他人更新") as err:
        apply(after, ret)
    assert err.value.kind == "conflict"


def test_deadlines_must_lie_ahead_and_a_return_needs_its_reason() -> None:
    order = drafted()
    with pytest.raises(OrderError, match="整改期限") as err:
        apply(order, event(OrderIssued, order, SUPERVISOR, T0, deadline=T0 - timedelta(hours=1)))
    assert err.value.kind == "invalid"
    with pytest.raises(OrderError, match="不能超过 366 天") as err:
        apply(order, event(OrderIssued, order, SUPERVISOR, T0, deadline=T0 + timedelta(days=367)))
    answered = at_status("answered")
    with pytest.raises(OrderError, match="理由") as err:
        apply(answered, event(OrderReturned, answered, SUPERVISOR, T0, comment="  "))
    assert err.value.kind == "invalid"


def test_the_whole_story_with_a_return() -> None:
    order = at_status("returned")
    assert order.returned_count == 1
    assert order.deadline == DEADLINE + timedelta(days=7)
    attachment = Attachment(
        sha256="a" * 64, filename="学习记录.pdf", content_type="application/pdf", size=10
    )
    order = apply(
        order,
        event(OrderAnswered, order, LEADER, T0 + timedelta(days=4), attachments=[attachment]),
    )
    order = apply(order, event(OrderAccepted, order, SUPERVISOR, T0 + timedelta(days=5)))
    order = apply(order, event(OrderClosed, order, SUPERVISOR, T0 + timedelta(days=6)))
    assert order.status == "closed"
    assert [a.number for a in order.answers] == [1, 2]
    assert order.answers[1].attachments == [attachment]
    assert [h.label for h in order.history] == [
        "起草", "下发", "签收", "提交整改汇报", "退回", "提交整改汇报", "验收通过", "办结",
    ]  # fmt: skip
    assert order.history[4].comment == "缺少学习记录"
    assert not order.ever_overdue and not order.overdue
    assert order.version == len(order.history) == len(order.event_ids)


# -- overdue and escalation --------------------------------------------------------------------


@pytest.mark.parametrize("status", list(STATUS_LABELS))
def test_overdue_only_while_an_answer_is_owed(status: str) -> None:
    order = at_status(status)
    late = (order.deadline or DEADLINE) + timedelta(seconds=1)
    assert overdue(order, late) is (status in AWAITING_ANSWER)
    assert not overdue(order, T0 + timedelta(days=5))  # before every deadline


def test_escalation_once_per_deadline() -> None:
    order = at_status("acknowledged")
    assert not due_for_escalation(order, DEADLINE)  # at the deadline is still on time
    now = DEADLINE + timedelta(minutes=1)
    assert due_for_escalation(order, now)
    escalated = apply(order, escalation(order, now))
    assert escalated.status == "acknowledged"  # escalation is a flag, not a status
    assert escalated.escalated and escalated.overdue and escalated.ever_overdue
    assert escalated.history[-1].actor.role == "system"
    assert "已超过整改期限（2026-04-08 17:00）" in (escalated.history[-1].comment or "")
    assert not due_for_escalation(escalated, now + timedelta(days=1))
    with pytest.raises(OrderError, match="已逾期督办"):
        apply(escalated, event(OrderEscalated, escalated, SYSTEM, now))
    # the same state gives the same event id: a second timer's event is a replay
    assert escalation(order, now).event_id == escalation(order, now + timedelta(hours=1)).event_id


def test_an_escalation_that_lost_a_race_is_retried_as_a_new_event() -> None:
    order = at_status("issued")
    now = DEADLINE + timedelta(minutes=1)
    lost = escalation(order, now)  # built on "issued" ...
    order = apply(order, event(OrderAcknowledged, order, LEADER, now))  # ... the squad signed first
    order = project(order, lost)
    assert order is not None and not order.escalated and order.rejected[0].event_id == lost.event_id
    retry = escalation(order, now + timedelta(minutes=1))  # the next tick
    assert retry.event_id != lost.event_id
    escalated = project(order, retry)
    assert escalated is not None and escalated.escalated and escalated.overdue


def test_escalation_before_the_deadline_or_by_a_person_is_refused() -> None:
    order = at_status("issued")
    with pytest.raises(OrderError, match="期限未到"):
        apply(order, event(OrderEscalated, order, SYSTEM, DEADLINE - timedelta(hours=1)))
    with pytest.raises(OrderError) as err:
        apply(order, event(OrderEscalated, order, SUPERVISOR, DEADLINE + timedelta(hours=1)))
    assert err.value.kind == "forbidden"


def test_a_late_answer_is_marked_and_clears_overdue_a_return_restarts_the_clock() -> None:
    order = at_status("acknowledged")
    order = apply(order, escalation(order, DEADLINE + timedelta(hours=1)))
    order = apply(order, event(OrderAnswered, order, LEADER, DEADLINE + timedelta(days=1)))
    assert order.answers[0].late and order.ever_overdue
    assert not order.overdue  # answered: no longer owed
    new_deadline = DEADLINE + timedelta(days=9)
    order = apply(
        order,
        event(
            OrderReturned, order, SUPERVISOR, DEADLINE + timedelta(days=2), deadline=new_deadline
        ),
    )
    assert not order.escalated and order.deadline == new_deadline
    assert not due_for_escalation(order, new_deadline)
    assert due_for_escalation(order, new_deadline + timedelta(seconds=1))


# -- the projection's fold ---------------------------------------------------------------------


def test_fold_ignores_replays_and_keeps_refusals_with_their_reason() -> None:
    order = at_status("answered")
    accept = event(OrderAccepted, order, SUPERVISOR, T0 + timedelta(days=3))
    ret = event(OrderReturned, order, SUPERVISOR, T0 + timedelta(days=3))  # same version: a race
    after = project(order, accept)
    assert after is not None and after.status == "accepted"
    assert project(after, accept) is after  # replay
    refused = project(after, ret)
    assert refused is not None and refused.status == "accepted"
    assert outcome(refused, accept.event_id) == (True, "")
    applied, reason = outcome(refused, ret.event_id) or (None, "")
    assert applied is False and "已被他人更新" in reason
    assert project(refused, ret) is refused  # a replayed refusal changes nothing either
    assert outcome(refused, "unknown") is None and outcome(None, "x") is None
    assert project(None, event(OrderIssued, None, SUPERVISOR)) is None


def test_the_document_round_trips() -> None:
    order = at_status("returned")
    doc = order.model_dump(mode="json")
    assert doc["status_label"] == "已退回" and doc["overdue"] is False
    assert Order.model_validate(doc) == order


def test_events_round_trip_through_the_contract() -> None:
    order = at_status("acknowledged")
    answer = event(
        OrderAnswered,
        order,
        LEADER,
        attachments=[
            Attachment(sha256="b" * 64, filename="照片.jpg", content_type="image/jpeg", size=3)
        ],
    )
    assert decode_event(answer.to_json_bytes()) == answer
    assert answer.key == order.order_id
    with pytest.raises(InvalidEvent, match="不符合整改事件契约"):
        decode_event(b'{"type": "OrderIssued", "order_id": "ZG-1"}')
    with pytest.raises(InvalidEvent, match="不是合法的 JSON"):
        decode_event(b"{")
    with pytest.raises(InvalidEvent):
        decode_event(b'{"type": "OrderVanished"}')


# -- corrections of a draft (issue 16): edit and withdraw, before issue only ----------------------


def test_a_draft_is_revised_by_a_reviewer_or_the_supervisor() -> None:
    order = drafted()
    for actor in (REVIEWER, SUPERVISOR):
        order = apply(
            order,
            event(OrderRevised, order, actor, title="关于现金问题的整改通知书", requirements="新"),
        )
    assert (order.status, order.title, order.requirements) == (
        "draft",
        "关于现金问题的整改通知书",
        "新",
    )
    assert [h.label for h in order.history] == ["起草", "修改草稿", "修改草稿"]


def test_a_withdrawn_draft_needs_a_reason_and_can_never_be_issued() -> None:
    order = drafted()
    with pytest.raises(OrderError, match="撤回草稿须写明理由"):
        apply(order, event(OrderWithdrawn, order, REVIEWER, comment=" "))
    withdrawn = at_status("withdrawn")
    assert withdrawn.status_label == "已撤回"
    with pytest.raises(OrderError, match="已撤回") as err:
        apply(withdrawn, event(OrderIssued, withdrawn, SUPERVISOR))
    assert err.value.kind == "conflict"


@pytest.mark.parametrize("status", ["issued", "answered", "closed"])
def test_an_issued_order_is_not_edited_nor_withdrawn(status: str) -> None:
    order = at_status(status)
    for kind, fields in ((OrderRevised, {"title": "t", "requirements": "r"}), (OrderWithdrawn, {})):
        with pytest.raises(OrderError) as err:
            apply(order, event(kind, order, SUPERVISOR, comment="理由", **fields))
        assert err.value.kind == "conflict"


def test_squad_leaders_and_admins_do_not_correct_drafts() -> None:
    order = drafted()
    for actor in (LEADER, ADMIN):
        with pytest.raises(OrderError, match="审核员或负责人") as err:
            apply(order, event(OrderWithdrawn, order, actor, comment="理由"))
        assert err.value.kind == "forbidden"
