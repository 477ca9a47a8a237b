"""随机抽查 (spot checks): weekly plans with goals per squad, the seeded draw, outcomes, the miss
rate.

The work is the desk's (:mod:`streams.spotchecks.desk`); these routes parse requests and map its
answers to HTTP. Squad leaders see a plan only once the supervisor has published it, and then only
their own squad's samples and numbers; before that it is 404 to them, as if it did not exist.
"""

from __future__ import annotations

from collections.abc import Awaitable
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Path
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field

from api.deps import get_aliases, get_es, get_settings
from api.routes.cases import LinkedClip, linked_clips
from api.routes.orders import Accepted, Parts, accepted, refusals
from api.security import User, require_roles
from jiancha.schemas.spot_checks import OUTCOMES, Goal, Outcome
from jiancha.settings import Settings
from streams.review.desk import Pending
from streams.spotchecks.desk import SpotCheckDesk
from streams.spotchecks.draw import draw
from streams.spotchecks.plans import Drawn, Plan
from streams.spotchecks.report import report

router = APIRouter(prefix="/spotchecks", tags=["随机抽查"])

Es = Annotated[Any, Depends(get_es)]
Aliases = Annotated[dict[str, str], Depends(get_aliases)]
Config = Annotated[Settings, Depends(get_settings)]
PlanId = Annotated[str, Path(pattern=r"^SC-\d{4}-W\d{2}$", description="抽查计划编号")]
ActionId = Annotated[str, Path(min_length=1, max_length=128, description="执法记录编号")]
Reader = Annotated[User, Depends(require_roles("reviewer", "supervisor", "squad_leader"))]
Reviewer = Annotated[User, Depends(require_roles("reviewer", "supervisor"))]
Supervisor = Annotated[User, Depends(require_roles("supervisor"))]

_ERRORS: dict[int | str, dict[str, Any]] = {
    403: {"description": "角色无权执行该操作"},
    404: {"description": "抽查计划不存在（或尚未发布）"},
    409: {"description": "当前状态不允许该操作，或已被他人更新"},
}


class PlanIn(BaseModel):
    week: str = Field(pattern=r"^\d{4}-W\d{2}$", description="ISO 周，如 2026-W15")
    goals: list[Goal] = Field(min_length=1, max_length=100, description="各中队抽查目标")


class OutcomeIn(BaseModel):
    outcome: Outcome = Field(description="结论：" + "、".join(OUTCOMES))
    text: str | None = Field(default=None, max_length=2000, description="说明（“其他”必填）")


class PlanView(BaseModel):
    plan: Plan
    report: dict[str, Any]


class Verified(BaseModel):
    plan_id: str
    seed: str
    reproduced: bool
    samples: int


class SampleView(BaseModel):
    plan_id: str
    sample: Drawn
    action: dict[str, Any] = Field(description="执法记录")
    clips: list[LinkedClip] = Field(description="前后录像（转写、播放地址）")
    outcomes: list[str] = Field(description="可选结论")


def get_desk(p: Parts) -> SpotCheckDesk:
    """The spot-check desk of this request (auditing as it)."""
    return SpotCheckDesk(p.es, p.aliases, p.publisher, p.audit, p.settings, p.clock)


Desk = Annotated[SpotCheckDesk, Depends(get_desk)]


async def _changed(change: Awaitable[Plan | Pending]) -> PlanView | JSONResponse:
    with refusals():
        result = await change
    if isinstance(result, Pending):
        return accepted(result)
    return PlanView(plan=result, report=report(result))


_CHANGED = {202: {"model": Accepted}, **_ERRORS}


@router.get("", response_model=list[PlanView], summary="抽查计划列表")
async def list_plans(user: Reader, desk: Desk) -> list[PlanView]:
    """各周抽查计划、进度与漏报率；中队长只能看到已发布计划中本中队的部分。"""
    return [PlanView(plan=p, report=report(p)) for p in await desk.plans(user)]


@router.get("/{plan_id}", response_model=PlanView, responses=_ERRORS, summary="查看抽查计划")
async def get_plan(plan_id: PlanId, user: Reader, desk: Desk) -> PlanView:
    """一周的抽查计划：目标与进度、样本及结论、漏报率估计（含置信区间）与分析器隐含召回率。"""
    with refusals():
        plan = await desk.view(user, plan_id)
    return PlanView(plan=plan, report=report(plan))


@router.get(
    "/{plan_id}/samples/{action_id}",
    response_model=SampleView,
    responses=_ERRORS,
    summary="查看抽查样本",
)
async def get_sample(
    plan_id: PlanId,
    action_id: ActionId,
    user: Reviewer,
    desk: Desk,
    es: Es,
    aliases: Aliases,
    settings: Config,
) -> SampleView:
    """一个样本：执法记录、前后录像与转写（回放后录入结论）。"""
    with refusals():
        plan = await desk.visible(user, plan_id)
    sample = next((x for x in plan.samples if x.action_id == action_id), None)
    if sample is None:
        raise HTTPException(404, f"执法记录 {action_id} 不在本计划的样本中")
    await desk.audit(user, "spotchecks.sample", plan_id, {"action_id": action_id})
    found = await es.options(ignore_status=404).get(index=aliases["actions"], id=action_id)
    clips = await linked_clips(
        es, aliases["clips"], {"recording_ids": sample.recording_ids}, user, settings
    )
    return SampleView(
        plan_id=plan_id,
        sample=sample,
        action=found.body.get("_source") or {},
        clips=clips,
        outcomes=list(OUTCOMES),
    )


@router.get("/{plan_id}/verify", response_model=Verified, responses=_ERRORS, summary="复核抽样")
async def verify_plan(plan_id: PlanId, user: Reviewer, desk: Desk) -> Verified:
    """用记录的种子与总体重新抽样，核对与已抽样本是否一致（任何人可复现，无人能左右）。"""
    with refusals():
        plan = await desk.view(user, plan_id)
    if plan.seed is None:
        raise HTTPException(409, "该计划尚未抽取样本")
    again = draw(plan.seed, plan.goals, plan.population)
    recorded = [(s.officer_id, s.action_id) for s in plan.samples]
    return Verified(
        plan_id=plan_id, seed=plan.seed, reproduced=again == recorded, samples=len(recorded)
    )


@router.post(
    "", response_model=PlanView, status_code=201, responses=_CHANGED, summary="制定抽查计划"
)
async def set_plan(body: PlanIn, user: Supervisor, desk: Desk) -> PlanView | JSONResponse:
    """负责人制定一周的抽查计划：各中队抽查未被标记的执法数（可按民警设定）。每周一个计划。"""
    return await _changed(desk.set_plan(user, body.week, body.goals))


@router.post("/{plan_id}/draw", response_model=PlanView, responses=_CHANGED, summary="抽取样本")
async def draw_plan(plan_id: PlanId, user: Supervisor, desk: Desk) -> PlanView | JSONResponse:
    """按计划在本周未被标记的执法中随机抽样（种子固定并记录，按民警均衡分配）。"""
    return await _changed(desk.draw(user, plan_id))


@router.post(
    "/{plan_id}/samples/{action_id}/outcome",
    response_model=PlanView,
    responses=_CHANGED,
    summary="录入抽查结论",
)
async def record_outcome(
    plan_id: PlanId, action_id: ActionId, body: OutcomeIn, user: Reviewer, desk: Desk
) -> PlanView | JSONResponse:
    """审核员录入样本结论；发现问题即生成“分析器漏报”案件，进入同一审核流程。"""
    return await _changed(desk.record(user, plan_id, action_id, body.outcome, body.text))


@router.post(
    "/{plan_id}/publish", response_model=PlanView, responses=_CHANGED, summary="发布抽查结果"
)
async def publish_plan(plan_id: PlanId, user: Supervisor, desk: Desk) -> PlanView | JSONResponse:
    """负责人发布抽查结果：各中队长此后可查看本中队的结论。"""
    return await _changed(desk.publish(user, plan_id))
