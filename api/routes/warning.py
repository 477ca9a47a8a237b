"""Early-warning alerts (预警) and an officer's record: thin routes over the alert desk.

Only the supervisor (监查中心负责人) sees, proposes and decides alerts; the officer's record is
open to the supervisor, reviewers and his own squad leader, and shows an alert only once it was
decided on an intervention (never a proposal).
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict
from datetime import date, datetime, timedelta
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request
from pydantic import AfterValidator, AwareDatetime, BaseModel, Field

from analyzers.early_warning import WarningConfig
from api.audit import AuditorDep, audit_as
from api.deps import ClockDep, PublisherDep, get_aliases, get_es, get_es_sync
from api.security import User, require_roles
from jiancha.schemas.officer_alerts import Decision
from streams.bulletin.stats import good_examples
from streams.review.desk import Unavailable
from streams.warning.alerts import Alert, AlertError
from streams.warning.desk import AlertDesk, AlertNotFound

router = APIRouter(tags=["民警预警"])

Es = Annotated[Any, Depends(get_es)]
EsSync = Annotated[Any, Depends(get_es_sync)]
Aliases = Annotated[dict[str, str], Depends(get_aliases)]
Supervisor = Annotated[User, Depends(require_roles("supervisor"))]
Reader = Annotated[User, Depends(require_roles("reviewer", "supervisor", "squad_leader"))]
AlertId = Annotated[str, Path(min_length=1, max_length=200, pattern=r"^\w[\w:.-]*$")]
OfficerId = Annotated[str, Path(min_length=1, max_length=64, pattern=r"^[\w.-]+$")]
_HTTP = {"forbidden": 403, "conflict": 409, "invalid": 422}
#: the officer's record shows his 规范执法示例 of this many days
RECORD_DAYS = 90


def get_desk(
    request: Request,
    es: Es,
    aliases: Aliases,
    publisher: PublisherDep,
    auditor: AuditorDep,
    clock: ClockDep,
) -> AlertDesk:
    """The desk, auditing as this request."""

    return AlertDesk(es, aliases, publisher, audit_as(auditor, request), clock)


Desk = Annotated[AlertDesk, Depends(get_desk)]


@contextmanager
def _refusals() -> Iterator[None]:
    try:
        yield
    except AlertError as exc:
        raise HTTPException(_HTTP[exc.kind], exc.message) from exc
    except AlertNotFound as exc:
        raise HTTPException(404, exc.message) from exc
    except Unavailable as exc:
        raise HTTPException(503, str(exc)) from exc


def _in_era(moment: datetime | None) -> datetime | None:
    """A moment of 2000–2099: the windows reach back a year at most, and nothing older exists."""
    if moment is not None and not 2000 <= moment.year <= 2099:
        raise ValueError("时点应在 2000–2099 年之间")
    return moment


Era = Annotated[AwareDatetime | None, AfterValidator(_in_era)]


class ScanIn(BaseModel):
    as_of: Era = Field(default=None, description="研判时点（默认现在）")
    config: WarningConfig = Field(default_factory=WarningConfig, description="预警规则与阈值")


class DecideIn(BaseModel):
    version: int = Field(ge=1, description="所依据的预警版本")
    decision: Decision = Field(
        description="talk 谈话提醒 / training 培训 / rectify 整改 / none 无需处理"
    )
    note: str = Field(default="", max_length=5000, description="研判意见")
    follow_up_on: date | None = Field(default=None, description="回访日期（干预措施必填）")


class CloseIn(BaseModel):
    version: int = Field(ge=1)
    outcome: str = Field(min_length=1, max_length=5000, description="回访结果")


class AlertList(BaseModel):
    items: list[Alert]


@router.post("/alerts/scan", summary="运行预警规则，生成待研判的预警", response_model=AlertList)
async def scan(body: ScanIn, user: Supervisor, desk: Desk) -> AlertList:
    """Propose alerts for officers the configured rule selects (none twice while one is open)."""
    with _refusals():
        return AlertList(items=await desk.scan(user, body.as_of, body.config))


@router.get("/alerts", summary="预警列表", response_model=AlertList)
async def list_alerts(
    user: Supervisor,
    desk: Desk,
    status: Annotated[Literal["proposed", "decided", "closed"] | None, Query()] = None,
    officer_id: Annotated[str | None, Query(max_length=64)] = None,
) -> AlertList:
    """Alerts, newest first."""
    return AlertList(items=await desk.find(user, status, officer_id))


@router.get("/alerts/{alert_id}", summary="一条预警", response_model=Alert)
async def get_alert(alert_id: AlertId, user: Supervisor, desk: Desk) -> Alert:
    """One alert with its indicators and history."""
    with _refusals():
        return await desk.get(user, alert_id)


@router.post("/alerts/{alert_id}/decision", summary="研判预警", response_model=Alert)
async def decide(alert_id: AlertId, body: DecideIn, user: Supervisor, desk: Desk) -> Alert:
    """谈话提醒、培训、整改 (with a follow-up date) or 无需处理 (with a reason)."""
    with _refusals():
        return await desk.decide(
            user, alert_id, body.version, body.decision, body.note, body.follow_up_on
        )


@router.post("/alerts/{alert_id}/close", summary="回访后办结预警", response_model=Alert)
async def close(alert_id: AlertId, body: CloseIn, user: Supervisor, desk: Desk) -> Alert:
    """Close a decided alert with the outcome of its follow-up."""
    with _refusals():
        return await desk.close(user, alert_id, body.version, body.outcome)


@router.get("/officers/{officer_id}/record", summary="民警个人档案（预警处理与规范执法）")
async def officer_record(
    officer_id: OfficerId,
    user: Reader,
    desk: Desk,
    es: Es,
    es_sync: EsSync,
    aliases: Aliases,
    auditor: AuditorDep,
    clock: ClockDep,
    request: Request,
    until: Annotated[Era, Query(description="截至（默认现在）")] = None,
) -> dict[str, Any]:
    """What is on an officer's record: decided interventions, confirmed problems, and his
    规范执法示例 of the last 90 days (praise as well as reprimand)."""
    squad = await _squad_of(es, aliases, officer_id)
    if user.role == "squad_leader" and (squad is None or squad != user.squad_id):
        raise HTTPException(404, f"民警 {officer_id} 不存在或不属于本中队")
    await auditor.record(user, "officer.record", officer_id, request)
    on_record = await desk.on_record(officer_id)
    res = await es.search(
        index=aliases["cases"],
        size=0,
        query={"bool": {"filter": [{"term": {"officer_id": officer_id}},
                                   {"term": {"status": "confirmed"}},
                                   {"term": {"withdrawn": False}}]}},
        aggs={"c": {"terms": {"field": "category_labels", "size": 50}}},
    )  # fmt: skip
    end = until or clock()
    good = await asyncio.to_thread(
        good_examples,
        es_sync.search,
        aliases,
        end - timedelta(days=RECORD_DAYS),
        end,
        5,
        officer_id,
    )
    return {
        "officer_id": officer_id,
        "squad_id": squad,
        "interventions": [a.model_dump(mode="json") for a in on_record],
        "confirmed_problems": res["hits"]["total"]["value"],
        "confirmed_by_category": {
            b["key"]: b["doc_count"] for b in res["aggregations"]["c"]["buckets"]
        },
        "good_practice": [asdict(g) for g in good],
    }


async def _squad_of(es: Any, aliases: dict[str, str], officer_id: str) -> str | None:
    res = await es.search(
        index=aliases["actions"],
        size=1,
        query={"term": {"officer_id": officer_id}},
        sort=[{"occurred_at": "desc"}],
        source=["squad_id"],
    )
    hits = res["hits"]["hits"]
    return hits[0]["_source"]["squad_id"] if hits else None
