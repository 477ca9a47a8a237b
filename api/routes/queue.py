"""我的待办: the reviewers' risk-ranked queue, the supervisor's assignments, the badge (GET /inbox).

An assignment is an event on ``case-assignments`` first (acks=all), audited before it is sent;
the case's ``assignment`` in Elasticsearch is its projection (:mod:`streams.review.assignments`),
written here after Kafka took it and again by the case builder's replay. The queue's order is the
pure :mod:`streams.review.queue` (risk score, then officers spread over the pages).
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from pydantic import BaseModel, Field, StringConstraints

from api.audit import AuditorDep
from api.deps import ClockDep, PublisherDep, get_aliases, get_es
from api.security import CurrentUser, User, require_roles
from jiancha import topics
from jiancha.schemas.case_assignments import CaseAssigned
from streams.review.assignments import project_assignment
from streams.review.queue import (
    PER_OFFICER_PER_PAGE,
    WEIGHTS,
    Ranked,
    auto_assign,
    page_of,
    rank,
    spread,
)

router = APIRouter(tags=["我的待办"])

Es = Annotated[Any, Depends(get_es)]
Aliases = Annotated[dict[str, str], Depends(get_aliases)]
Reviewer = Annotated[User, Depends(require_roles("reviewer", "supervisor"))]
Supervisor = Annotated[User, Depends(require_roles("supervisor"))]
CaseId = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=128)]
Username = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=128)]

#: The most pending cases one ranking reads (Elasticsearch's default result window).
MAX_QUEUE = 10_000
#: What ranking needs of a case (the evidence's text is not read).
_RANK_FIELDS = [
    "case_id",
    "officer_id",
    "squad_id",
    "occurred_at",
    "severity",
    "priority",
    "categories",
    "category_labels",
    "classes",
    "complaint_ids",
    "status",
    "status_label",
    "assignment",
    "flags.category",
    "flags.evidence.recording_id",
    "flags.evidence.action_id",
]


class QueueItem(BaseModel):
    case_id: str
    officer_id: str | None = None
    squad_id: str | None = None
    occurred_at: datetime | None = None
    severity: int | None = None
    category_labels: list[str] = []
    complaint: bool = Field(description="是否有关联投诉")
    score: float = Field(description="风险分（0–1）")
    parts: dict[str, float] = Field(description="风险分构成：严重程度、可信度、投诉、时长")
    assignee: str | None = None
    assigned_at: datetime | None = None


class QueueOut(BaseModel):
    total: int
    page: int
    size: int
    weights: dict[str, float] = Field(description="风险分权重")
    per_officer_per_page: int = Field(description="每页同一民警案件数上限")
    items: list[QueueItem]


class AssignIn(BaseModel):
    case_ids: list[CaseId] = Field(min_length=1, max_length=500, description="待审核的案件编号")
    assignee: Username = Field(description="审核员用户名")


class AutoAssignIn(BaseModel):
    reviewers: list[Username] | None = Field(
        default=None, max_length=100, description="参与分配的审核员（默认全部在岗审核员）"
    )
    limit: int = Field(default=100, ge=1, le=500, description="本次最多分配的案件数")


class Assigned(BaseModel):
    case_id: str
    assignee: str
    event_id: str


class AssignOut(BaseModel):
    assigned: list[Assigned]


class InboxOut(BaseModel):
    badge: int = Field(description="角标数字")
    label: str = Field(description="角标说明")
    counts: dict[str, int]


def _pending_query(extra: list[dict[str, Any]], must_not: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "bool": {
            "filter": [{"term": {"status": "pending"}}, *extra],
            "must_not": [{"term": {"withdrawn": True}}, *must_not],
        }
    }


async def _pending(es: Any, alias: str, query: dict[str, Any]) -> list[dict[str, Any]]:
    """The open cases to rank: past ``MAX_QUEUE`` the gravest and oldest are the ones read."""
    found = await es.search(
        index=alias,
        query=query,
        size=MAX_QUEUE,
        source_includes=_RANK_FIELDS,
        sort=[
            {"severity": {"order": "desc", "missing": "_last"}},
            {"occurred_at": {"order": "asc", "missing": "_last"}},
            {"case_id": "asc"},
        ],
    )
    return [hit["_source"] for hit in found.body["hits"]["hits"]]


def _item(r: Ranked) -> QueueItem:
    s = r.source
    assignment = s.get("assignment") or {}
    return QueueItem(
        case_id=r.case_id,
        officer_id=r.officer_id,
        squad_id=s.get("squad_id"),
        occurred_at=s.get("occurred_at"),
        severity=s.get("severity"),
        category_labels=s.get("category_labels") or [],
        complaint=bool(s.get("complaint_ids")),
        score=r.score,
        parts=r.parts,
        assignee=assignment.get("assignee"),
        assigned_at=assignment.get("assigned_at"),
    )


@router.get("/queue", response_model=QueueOut, summary="我的待办：按风险排序的待审核案件")
async def my_queue(
    request: Request,
    user: Reviewer,
    auditor: AuditorDep,
    es: Es,
    aliases: Aliases,
    clock: ClockDep,
    assignee: Annotated[
        str | None, Query(max_length=128, description="负责人可查看某审核员的待办")
    ] = None,
    unassigned: Annotated[bool, Query(description="负责人查看尚未分配的待审核案件")] = False,
    page: Annotated[int, Query(ge=1, le=500, description="页码，从 1 开始")] = 1,
    size: Annotated[int, Query(ge=1, le=100, description="每页条数")] = 20,
) -> QueueOut:
    """本人的待审核案件，按风险分（严重、可信、投诉、时长）排序，每页同一民警至多 2 件。"""
    if user.role != "supervisor" and (unassigned or (assignee and assignee != user.username)):
        raise HTTPException(403, "只能查看本人的待办")
    if unassigned:
        query = _pending_query([], [{"exists": {"field": "assignment.assignee"}}])
    else:
        query = _pending_query([{"term": {"assignment.assignee": assignee or user.username}}], [])
    detail = {"assignee": assignee, "unassigned": unassigned, "page": page}
    await auditor.record(user, "queue.view", assignee or user.username, request, detail)
    cases = await _pending(es, aliases["cases"], query)
    ordered = spread(rank(cases, clock()), size)
    return QueueOut(
        total=len(ordered),
        page=page,
        size=size,
        weights=WEIGHTS,
        per_officer_per_page=PER_OFFICER_PER_PAGE,
        items=[_item(r) for r in page_of(ordered, page, size)],
    )


async def _reviewers(es: Any, alias: str, names: list[str] | None) -> list[str]:
    """Active reviewer accounts (all, or those of ``names``; 422 for a name that is not one)."""
    query: dict[str, Any] = {
        "bool": {
            "filter": [{"term": {"role": "reviewer"}}],
            "must_not": [{"term": {"disabled": True}}],
        }
    }
    if names is not None:
        query["bool"]["filter"].append({"terms": {"username": names}})
    found = await es.search(index=alias, query=query, size=1000, source_includes=["username"])
    active = sorted(h["_source"]["username"] for h in found.body["hits"]["hits"])
    missing = sorted(set(names or []) - set(active))
    if missing:
        raise HTTPException(422, f"不是在岗审核员：{'、'.join(missing)}")
    return active


async def _assign(
    request: Request,
    user: User,
    auditor: Any,
    publisher: Any,
    es: Any,
    alias: str,
    plan: dict[str, str],
    mode: str,
    now: datetime,
    scores: dict[str, float] | None = None,
) -> list[Assigned]:
    """Each (case → reviewer): audit, publish to ``case-assignments``, project onto the case."""
    out: list[Assigned] = []
    for case_id, assignee in plan.items():
        event = CaseAssigned(
            event_id=uuid.uuid4().hex,
            case_id=case_id,
            assignee=assignee,
            assigned_by=user.username,
            role=user.role,
            assigned_at=now,
            mode=mode,  # type: ignore[arg-type]
            score=(scores or {}).get(case_id),
        )
        detail = {"assignee": assignee, "mode": mode, "event_id": event.event_id}
        await auditor.record(user, "queue.assign", case_id, request, detail)
        try:
            await publisher.send(topics.CASE_ASSIGNMENTS, event.key, event.to_json_bytes())
        except Exception as exc:
            raise HTTPException(
                503, f"Kafka 暂不可用，已分配 {len(out)} 件，其余未生效，请稍后重试"
            ) from exc
        if not await project_assignment(es, alias, event, refresh=True):
            raise HTTPException(409, f"案件 {case_id} 正在更新，分配已记录，请稍后刷新查看")
        out.append(Assigned(case_id=case_id, assignee=assignee, event_id=event.event_id))
    return out


@router.post(
    "/queue/assignments",
    response_model=AssignOut,
    summary="分配案件给审核员（负责人）",
    responses={404: {"description": "案件不存在"}, 409: {"description": "案件已审核"}},
)
async def assign_cases(
    body: AssignIn,
    request: Request,
    user: Supervisor,
    auditor: AuditorDep,
    publisher: PublisherDep,
    es: Es,
    aliases: Aliases,
    clock: ClockDep,
) -> AssignOut:
    """负责人把待审核案件分配给一名审核员（进入其“我的待办”）；每次分配都是 Kafka 事件并留痕。"""
    (assignee,) = await _reviewers(es, aliases["users"], [body.assignee])
    wanted = list(dict.fromkeys(body.case_ids))
    found = await es.mget(index=aliases["cases"], ids=wanted, source_includes=["status"])
    for doc in found.body["docs"]:
        if not doc.get("found"):
            raise HTTPException(404, f"案件 {doc['_id']} 不存在")
        if doc["_source"].get("status") != "pending":
            raise HTTPException(409, f"案件 {doc['_id']} 已审核，无需分配")
    plan = dict.fromkeys(wanted, assignee)
    assigned = await _assign(
        request, user, auditor, publisher, es, aliases["cases"], plan, "manual", clock()
    )
    return AssignOut(assigned=assigned)


@router.post("/queue/auto-assign", response_model=AssignOut, summary="自动分配（按风险、均衡）")
async def auto_assign_cases(
    body: AutoAssignIn,
    request: Request,
    user: Supervisor,
    auditor: AuditorDep,
    publisher: PublisherDep,
    es: Es,
    aliases: Aliases,
    clock: ClockDep,
) -> AssignOut:
    """把尚未分配的待审核案件按风险分从高到低分给在岗审核员，每人待办数量均衡。"""
    reviewers = await _reviewers(es, aliases["users"], body.reviewers)
    if not reviewers:
        raise HTTPException(422, "没有在岗的审核员可以分配")
    now = clock()
    alias = aliases["cases"]
    unassigned = await _pending(
        es, alias, _pending_query([], [{"exists": {"field": "assignment.assignee"}}])
    )
    chosen = rank(unassigned, now)[: body.limit]
    load = await _load(es, alias, reviewers)
    plan = auto_assign(chosen, reviewers, load)
    scores = {r.case_id: r.score for r in chosen}
    assigned = await _assign(
        request, user, auditor, publisher, es, alias, plan, "auto", now, scores
    )
    return AssignOut(assigned=assigned)


async def _load(es: Any, alias: str, reviewers: list[str]) -> dict[str, int]:
    """Each reviewer's open (assigned, pending) cases."""
    found = await es.search(
        index=alias,
        query=_pending_query([{"terms": {"assignment.assignee": reviewers}}], []),
        size=0,
        aggs={"by": {"terms": {"field": "assignment.assignee", "size": len(reviewers)}}},
    )
    buckets = found.body["aggregations"]["by"]["buckets"]
    return {b["key"]: b["doc_count"] for b in buckets}


@router.get("/inbox", response_model=InboxOut, summary="角标：新的待办与整改通知书")
async def inbox(user: CurrentUser, es: Es, aliases: Aliases) -> InboxOut:
    """中队长：本中队新下发（未签收）和被退回的整改通知书；审核员：我的待办；负责人：待验收的整改汇报。"""
    orders, cases = aliases["rectifications"], aliases["cases"]
    if user.role == "squad_leader":
        squad = {"term": {"squad_id": user.squad_id or ""}}
        counts = {
            "issued": await _count(es, orders, [squad, {"term": {"status": "issued"}}]),
            "returned": await _count(es, orders, [squad, {"term": {"status": "returned"}}]),
        }
        return InboxOut(badge=sum(counts.values()), label="新的整改通知书", counts=counts)
    if user.role == "reviewer":
        mine = await _count(
            es,
            cases,
            [{"term": {"assignment.assignee": user.username}}],
            pending=True,
        )
        return InboxOut(badge=mine, label="我的待办", counts={"queue": mine})
    if user.role == "supervisor":
        answered = await _count(es, orders, [{"term": {"status": "answered"}}])
        return InboxOut(badge=answered, label="待验收的整改汇报", counts={"answered": answered})
    return InboxOut(badge=0, label="", counts={})


async def _count(es: Any, alias: str, filters: list[dict[str, Any]], pending: bool = False) -> int:
    """How many documents match; ``pending``: open cases only (as the queue counts them)."""
    query = _pending_query(filters, []) if pending else {"bool": {"filter": filters}}
    found = await es.count(index=alias, query=query)
    return int(found.body["count"])
