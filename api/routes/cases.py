"""Cases for review: search with facets, the case with its evidence, and the decision.

A decision is written so that nothing is half-done (DESIGN.md: every change is an event on
Kafka first, Elasticsearch is the projection, case updates use optimistic concurrency):

1. **Claim** the case in Elasticsearch with a conditional update (``if_seq_no`` /
   ``if_primary_term`` of the pending document we read). Of two concurrent decisions exactly one
   claim succeeds; the other reads the case again, finds it decided and gets 409.
2. **Audit** the decision (with its ``event_id``) on the ``audit`` topic; if that fails, undo the
   claim and answer 503: no decision stands unaudited.
3. **Publish** ``CaseDecided`` to ``case-events`` and wait for Kafka's acknowledgement.
4. If Kafka refuses, **undo** the claim (again conditionally) and answer 503 (the audit record
   then names an ``event_id`` that ``case-events`` does not hold: attempted, not decided).

Publishing first and projecting after would put both of two racing decisions on the topic, and
the loser's event would have to be retracted there; claiming first keeps ``case-events`` a clean
log of decisions that stood. The claim lives for the milliseconds of one send; a crash in that
window leaves a decision without its event, which the history entry's ``event_id`` makes
detectable.
"""

from __future__ import annotations

import asyncio
import logging
import uuid
from collections.abc import Callable
from datetime import datetime
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from pydantic import BaseModel, Field, StringConstraints

from analyzers.coverage_rules import GAP_WINDOW
from api.audit import AuditorDep
from api.deps import ClockDep, PublisherDep, get_aliases, get_es, get_settings
from api.models import ClipQuality
from api.names import resolve_squads
from api.routes.clips import media_available
from api.security import CurrentUser, User, require_roles
from jiancha import topics
from jiancha.elastic.queries import MAX_WINDOW, date_range
from jiancha.schemas.case_events import CaseDecided
from jiancha.settings import Settings
from streams.review.cases import (
    CaseQuery,
    DecisionRefused,
    Scope,
    case_search_body,
    decide,
    facets,
    reverse,
    undo_document,
)
from streams.speech.media import MediaSources

log = logging.getLogger(__name__)

router = APIRouter(prefix="/cases", tags=["案件审核"])

_NOT_FOUND = "案件不存在"
_CLAIM_ATTEMPTS = 3


class FlagSummary(BaseModel):
    category: str
    label: str | None = None
    severity: int | None = None
    explanation: str | None = None


class CaseSummary(BaseModel):
    case_id: str
    officer_id: str | None = None
    squad_id: str | None = None
    occurred_at: datetime | None = None
    plate: str | None = None
    violation_type: str | None = None
    categories: list[str] = []
    category_labels: list[str] = []
    classes: list[str] = []
    severity: int | None = None
    priority: int | None = None
    flag_count: int | None = None
    withdrawn: bool = False
    status: str = Field(description="pending 待审核 | confirmed 已确认 | dismissed 已排除 | …")
    status_label: str | None = None
    flags: list[FlagSummary] = []


class CaseSearchOut(BaseModel):
    total: int
    page: int
    size: int
    facets: dict[str, dict[str, int]] = Field(
        description="分面计数：categories（类别）、status（状态）、squads（中队）"
    )
    items: list[CaseSummary]


class ClipSegment(BaseModel):
    start: float
    end: float
    speaker: str | None = None
    text: str


class LinkedClip(ClipQuality):
    recording_id: str
    device_id: str | None = None
    device_type: str | None = None
    officer_ids: list[str] = Field(default_factory=list)
    squad_id: str | None = None
    started_at: datetime | None = None
    ended_at: datetime | None = None
    uploaded_at: datetime | None = None
    duration_s: float | None = None
    has_transcript: bool = False
    media_url: str = Field(description="录像播放地址（支持 HTTP Range 跳转）")
    media_available: bool = Field(
        default=True, description="录像文件是否可播放（false：文件缺失，控制台显示“录像文件缺失”）"
    )
    relation: Literal["evidence", "before", "after"] = Field(
        default="evidence",
        description="evidence 线索所指录像 | before/after 开单前/后该民警的录像（未录像的案件）",
    )
    segments: list[ClipSegment] = Field(default_factory=list)


class CaseDetail(CaseSummary):
    flags: list[dict[str, Any]] = Field(
        default=[], description="问题线索，含证据（录像时间点或执法记录字段）"
    )  # type: ignore[assignment]
    action_ids: list[str] = []
    recording_ids: list[str] = []
    complaints: list[dict[str, Any]] = []
    decision: dict[str, Any] | None = None
    history: list[dict[str, Any]] = []
    clips: list[LinkedClip] = Field(default=[], description="关联录像：元数据与转写片段")


class DecisionIn(BaseModel):
    decision: Literal["confirm", "dismiss"] = Field(description="confirm 确认 | dismiss 排除")
    reason: str = Field(max_length=2000, description="处理理由（必填）")


class DecisionOut(BaseModel):
    case_id: str
    status: str
    status_label: str
    event_id: str


def scope_of(user: User) -> Scope:
    """Squad leaders are limited to their squad (none without one); everyone else sees all."""
    return Scope.of(user)


async def visible_case(es: Any, alias: str, case_id: str, user: User) -> dict[str, Any]:
    """The case document (with ``_seq_no``/``_primary_term``), or 404 if absent or not visible."""
    resp = await es.options(ignore_status=404).get(index=alias, id=case_id)
    if not resp.body.get("found") or not scope_of(user).admits(resp.body["_source"]):
        raise HTTPException(404, _NOT_FOUND)  # 404, not 403: existence does not leak
    return dict(resp.body)


@router.get("", response_model=CaseSearchOut, summary="检索案件（筛选、全文、分面）")
async def search_cases(
    request: Request,
    user: CurrentUser,
    auditor: AuditorDep,
    es: Annotated[Any, Depends(get_es)],
    aliases: Annotated[dict[str, str], Depends(get_aliases)],
    category: Annotated[str | None, Query(max_length=64, description="问题类别，如 quota")] = None,
    class_: Annotated[
        Literal["profit", "excessive", "procedure"] | None,
        Query(alias="class", description="问题性质：profit 逐利 | excessive 过度 | procedure 程序"),
    ] = None,
    min_severity: Annotated[int | None, Query(ge=1, le=5, description="严重程度下限")] = None,
    status: Annotated[str | None, Query(max_length=32, description="审核状态")] = None,
    squad_id: Annotated[str | None, Query(max_length=64, description="中队")] = None,
    officer_id: Annotated[str | None, Query(max_length=64, description="民警编号")] = None,
    start: Annotated[datetime | None, Query(description="发生时间下限（ISO 8601）")] = None,
    end: Annotated[datetime | None, Query(description="发生时间上限（ISO 8601）")] = None,
    q: Annotated[
        str, Query(max_length=200, description="在问题说明与证据摘录中全文检索，空格分隔")
    ] = "",
    include_withdrawn: Annotated[bool, Query(description="包含已撤回的案件")] = False,
    page: Annotated[int, Query(ge=1, description="页码，从 1 开始")] = 1,
    size: Annotated[int, Query(ge=1, le=100, description="每页条数")] = 20,
) -> CaseSearchOut:
    """按类别、性质、严重程度、状态、中队、民警、时间和全文检索案件，按优先级排序；中队长仅见本中队已确认的案件。"""
    if start and end and start > end:
        raise HTTPException(400, "开始时间不能晚于结束时间")
    if page * size > MAX_WINDOW:
        raise HTTPException(400, f"翻页过深：最多可浏览前 {MAX_WINDOW} 条结果，请缩小检索范围")
    squads = await resolve_squads(es, aliases, squad_id)
    query = CaseQuery(
        category, class_, min_severity, status, squad_id, officer_id, start, end,
        q.strip(), include_withdrawn, page, size, squads,
    )  # fmt: skip
    await auditor.record(user, "cases.search", str(request.url.query) or "*", request)
    resp = await es.search(index=aliases["cases"], body=case_search_body(query, scope_of(user)))
    body = resp.body
    items = [CaseSummary.model_validate(hit["_source"]) for hit in body["hits"]["hits"]]
    return CaseSearchOut(
        total=body["hits"]["total"]["value"],
        page=page,
        size=size,
        facets=facets(body.get("aggregations", {})),
        items=items,
    )


@router.get(
    "/{case_id}",
    response_model=CaseDetail,
    summary="案件详情：问题线索、证据、关联录像与投诉、处理记录",
    responses={404: {"description": "案件不存在（或不在本中队范围内）"}},
)
async def get_case(
    case_id: str,
    request: Request,
    user: CurrentUser,
    auditor: AuditorDep,
    es: Annotated[Any, Depends(get_es)],
    aliases: Annotated[dict[str, str], Depends(get_aliases)],
    settings: Annotated[Settings, Depends(get_settings)],
) -> CaseDetail:
    """一件案件的全部问题线索与证据，关联录像（元数据、转写片段、播放地址）、投诉和处理记录。"""
    doc = await visible_case(es, aliases["cases"], case_id, user)
    await auditor.record(user, "cases.view", case_id, request)
    source = doc["_source"]
    return CaseDetail.model_validate(
        {**source, "clips": await linked_clips(es, aliases["clips"], source, user, settings)}
    )


#: For a ticket without a recording, the officer's recordings this long before and after it are
#: shown: the recorder stopped and resumed within the gap rule's window (analyzers.coverage_rules).
AROUND_TICKET = 2 * GAP_WINDOW
_UNRECORDED = {"recording_gap", "recording_missing"}


async def linked_clips(
    es: Any, alias: str, source: dict[str, Any], user: User, settings: Settings
) -> list[LinkedClip]:
    """The recordings a case's flags point at, with their transcript segments and whether each
    file can be played (a missing file is said, never where it was looked for); for a ticket
    written with the recorder off, the officer's recordings just before and after it."""
    sources = MediaSources.of(settings)
    ids = list(source.get("recording_ids") or [])
    clauses: list[dict[str, Any]] = [{"terms": {"recording_id": ids}}] if ids else []
    at = source.get("occurred_at")
    around = bool(_UNRECORDED & set(source.get("categories") or [])) and source.get("officer_id")
    if around and at:
        t = datetime.fromisoformat(at)
        clauses.append(
            {
                "bool": {
                    "filter": [
                        {"term": {"officer_ids": source["officer_id"]}},
                        date_range("started_at", gte=t - AROUND_TICKET, lte=t + AROUND_TICKET),
                    ]
                }
            }
        )
    if not clauses:
        return []
    resp = await es.search(
        index=alias,
        query={"bool": {"should": clauses, "minimum_should_match": 1}},
        size=len(ids) + 20,
        source_excludes=["transcript_text"],
    )
    clips = []
    for hit in resp.body["hits"]["hits"]:
        clip = hit["_source"]
        if not user.sees_squad(clip.get("squad_id")):
            continue  # a squad leader sees his own squad's recordings only
        fields = {k: v for k, v in clip.items() if k in LinkedClip.model_fields}
        fields["segments"] = [
            ClipSegment(start=s["start"], end=s["end"], speaker=s.get("speaker"), text=s["text"])
            for s in clip.get("segments") or []
        ]
        fields["media_available"] = await asyncio.to_thread(
            media_available, clip["recording_id"], clip.get("media_uri"), sources
        )
        if around and at:  # the case's own links may name them too: place them by time
            t = datetime.fromisoformat(at)
            if datetime.fromisoformat(clip["ended_at"]) <= t:
                fields["relation"] = "before"
            elif datetime.fromisoformat(clip["started_at"]) >= t:
                fields["relation"] = "after"
        clips.append(LinkedClip(**fields, media_url=f"/clips/{clip['recording_id']}/media"))
    order = {"before": 0, "evidence": 1, "after": 2}
    return sorted(
        clips,
        key=lambda c: (order[c.relation], c.started_at.timestamp() if c.started_at else 0),
    )


@router.post(
    "/{case_id}/decision",
    response_model=DecisionOut,
    summary="审核决定：确认或排除（须填写理由）",
    responses={
        404: {"description": "案件不存在"},
        409: {"description": "案件已被他人处理"},
        503: {"description": "Kafka 不可用，决定未生效"},
    },
)
async def decide_case(
    case_id: str,
    body: DecisionIn,
    request: Request,
    user: Annotated[User, Depends(require_roles("reviewer", "supervisor"))],
    auditor: AuditorDep,
    publisher: PublisherDep,
    es: Annotated[Any, Depends(get_es)],
    aliases: Annotated[dict[str, str], Depends(get_aliases)],
    clock: ClockDep,
) -> DecisionOut:
    """待审核案件的确认或排除；并发决定时只有一个生效，其余返回 409。"""
    return await decide_one(
        case_id, body.decision, body.reason, request, user, auditor, publisher, es,
        aliases["cases"], clock(),
    )  # fmt: skip


async def decide_one(
    case_id: str,
    decision: Literal["confirm", "dismiss"],
    reason: str,
    request: Request,
    user: User,
    auditor: Any,
    publisher: Any,
    es: Any,
    alias: str,
    now: datetime,
) -> DecisionOut:
    """One decision: claim, audit, publish (the module's docstring); HTTPException if refused."""

    def judge(source: dict[str, Any], event_id: str) -> tuple[CaseDecided, dict[str, Any]]:
        return decide(source, decision, reason, user.username, user.role, now, event_id)

    return await settle(
        case_id, judge, "cases.decide", request, user, auditor, publisher, es, alias
    )


#: (the case as read, the event id) → the event and the partial document; DecisionRefused if not.
Judge = Callable[[dict[str, Any], str], tuple[CaseDecided, dict[str, Any]]]


async def settle(
    case_id: str,
    judge: Judge,
    action: str,
    request: Request,
    user: User,
    auditor: Any,
    publisher: Any,
    es: Any,
    alias: str,
) -> DecisionOut:
    """Claim the case with ``judge``'s verdict, audit ``action``, publish; undo if either fails."""
    from elasticsearch import ConflictError

    event_id = uuid.uuid4().hex
    for _ in range(_CLAIM_ATTEMPTS):
        doc = await visible_case(es, alias, case_id, user)
        try:
            event, update = judge(doc["_source"], event_id)
        except DecisionRefused as exc:
            raise HTTPException(exc.status, str(exc)) from exc
        try:
            claimed = await es.update(
                index=doc["_index"],
                id=case_id,
                doc=update,
                if_seq_no=doc["_seq_no"],
                if_primary_term=doc["_primary_term"],
                refresh="wait_for",
            )
            break
        except ConflictError:
            continue  # changed since we read it (a decision, or the analyzer): read again
    else:
        raise HTTPException(409, "案件已被他人处理或正在更新，请刷新后重试")

    detail = {"decision": event.decision, "reason": event.reason, "event_id": event_id}
    if event.reverses:
        detail["reverses"] = event.reverses
    try:
        await auditor.record(user, action, case_id, request, detail)
    except HTTPException:
        await _undo(es, doc, claimed.body)  # no decision stands unaudited
        raise
    try:
        await publisher.send(topics.CASE_EVENTS, event.key, event.to_json_bytes())
    except Exception as exc:
        await _undo(es, doc, claimed.body)
        raise HTTPException(503, "Kafka 暂不可用，审核决定未生效，请稍后重试") from exc
    return DecisionOut(
        case_id=case_id,
        status=update["status"],
        status_label=update["status_label"],
        event_id=event_id,
    )


class ReversalIn(BaseModel):
    reason: str = Field(max_length=2000, description="改判理由（必填）")


@router.post(
    "/{case_id}/reversal",
    response_model=DecisionOut,
    summary="复核改判（负责人）：已确认改为排除，或已排除改为确认",
    responses={
        404: {"description": "案件不存在"},
        409: {"description": "案件尚未审核，或已有整改通知书"},
        503: {"description": "Kafka 不可用，改判未生效"},
    },
)
async def reverse_case(
    case_id: str,
    body: ReversalIn,
    request: Request,
    user: Annotated[User, Depends(require_roles("supervisor"))],
    auditor: AuditorDep,
    publisher: PublisherDep,
    es: Annotated[Any, Depends(get_es)],
    aliases: Annotated[dict[str, str], Depends(get_aliases)],
    clock: ClockDep,
) -> DecisionOut:
    """负责人复核审核决定并改判（须写明理由）；案件已有未撤回的整改通知书时不能改判。"""
    found = await es.search(
        index=aliases["rectifications"],
        query={
            "bool": {
                "filter": [{"term": {"case_ids": case_id}}],
                "must_not": [{"term": {"status": "withdrawn"}}],
            }
        },
        size=20,
        source=["order_id"],
    )
    standing = [hit["_source"]["order_id"] for hit in found.body["hits"]["hits"]]
    now = clock()

    def judge(source: dict[str, Any], event_id: str) -> tuple[CaseDecided, dict[str, Any]]:
        return reverse(source, body.reason, user.username, user.role, now, event_id, standing)

    return await settle(
        case_id, judge, "cases.reverse", request, user, auditor, publisher, es, aliases["cases"]
    )


class BulkDecisionIn(BaseModel):
    case_ids: list[
        Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=128)]
    ] = Field(min_length=1, max_length=200, description="案件编号（最多 200 件）")
    decision: Literal["confirm", "dismiss"] = Field(description="confirm 确认 | dismiss 排除")
    reason: str = Field(max_length=2000, description="共同的处理理由（必填）")


class BulkDecisionResult(BaseModel):
    case_id: str
    ok: bool
    status: str | None = None
    status_label: str | None = None
    event_id: str | None = None
    detail: str | None = Field(default=None, description="未生效的原因")


class BulkDecisionOut(BaseModel):
    decided: int
    refused: int
    results: list[BulkDecisionResult]


@router.post(
    "/decisions",
    response_model=BulkDecisionOut,
    summary="批量审核：多件案件同一决定、同一理由",
    responses={503: {"description": "Kafka 不可用，其余案件未处理"}},
)
async def decide_cases(
    body: BulkDecisionIn,
    request: Request,
    user: Annotated[User, Depends(require_roles("reviewer", "supervisor"))],
    auditor: AuditorDep,
    publisher: PublisherDep,
    es: Annotated[Any, Depends(get_es)],
    aliases: Annotated[dict[str, str], Depends(get_aliases)],
    clock: ClockDep,
) -> BulkDecisionOut:
    """以同一理由批量确认或排除待审核案件；每件仍是一个 Kafka 事件并单独留痕，逐件返回结果。"""
    if not body.reason.strip():
        raise HTTPException(422, "请填写处理理由")
    results: list[BulkDecisionResult] = []
    for case_id in dict.fromkeys(body.case_ids):
        try:
            out = await decide_one(
                case_id, body.decision, body.reason, request, user, auditor, publisher, es,
                aliases["cases"], clock(),
            )  # fmt: skip
        except HTTPException as exc:
            if exc.status_code == 503:  # Kafka or the audit trail is down: stop here
                done = sum(r.ok for r in results)
                raise HTTPException(
                    503, f"{exc.detail}（本批已处理 {done} 件，其余未处理）"
                ) from exc
            results.append(BulkDecisionResult(case_id=case_id, ok=False, detail=str(exc.detail)))
            continue
        results.append(BulkDecisionResult(ok=True, **out.model_dump()))
    decided = sum(r.ok for r in results)
    return BulkDecisionOut(decided=decided, refused=len(results) - decided, results=results)


async def _undo(es: Any, before: dict[str, Any], claimed: dict[str, Any]) -> None:
    """Put the case back as it was, unless something changed it since our claim."""
    from elasticsearch import ConflictError

    try:
        await es.update(
            index=before["_index"],
            id=before["_id"],
            doc=undo_document(before["_source"]),
            if_seq_no=claimed["_seq_no"],
            if_primary_term=claimed["_primary_term"],
            refresh="wait_for",
        )
    except ConflictError:
        log.error("could not undo the claim on %s: changed since", before["_id"])
