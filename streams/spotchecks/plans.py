"""A spot-check plan as pure rules: the fold of its events, who may send which, progress per goal.

set (goals) → drawn (seed, population, samples) → outcomes, one per sample, any order → published.
The supervisor sets, draws and publishes; reviewers and the supervisor record outcomes (also after
publication: a late outcome shows up at once). Squad leaders see nothing before publication and then
only their own squad (:func:`visible_to`). No I/O, no clock: time comes in on the events.
"""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict

from analyzers.catalogue import CATEGORIES, FlagClass
from jiancha.auth.roles import Caller
from jiancha.schemas.spot_checks import (
    COMPLIANT,
    Goal,
    OutcomeRecorded,
    PlanSet,
    Published,
    SampleDrawn,
    SpotCheckEvent,
    Stratum,
)
from streams.review.orders import OrderError, Rejected, refusing

Status = Literal["set", "drawn", "published"]

#: the most encounters one week's plan may draw: a week of review work, and one event on Kafka
MAX_SAMPLES = 2000
STATUS_LABELS = {"set": "已制定", "drawn": "已抽取", "published": "已发布"}

#: The flag category a problem found in a sample becomes (its case is built like any other).
OUTCOME_CATEGORY: dict[str, str] = {
    "未表明身份": "procedure_missing",
    "未告知陈述申辩": "procedure_missing",
    "言语不文明": "verbal_abuse",
    "威胁": "threat",
    "收现": "cash_no_receipt",
    "记录仪中断": "recording_gap",
    "其他": "spot_check_other",
}


def outcome_class(outcome: str) -> FlagClass | None:
    """The category class (profit / excessive / procedure) of an outcome; None for 规范."""
    category = OUTCOME_CATEGORY.get(outcome)
    return CATEGORIES[category].class_ if category else None


class PlanError(OrderError):
    """An event the plan does not allow; ``kind`` maps to HTTP 403 / 409 / 422 as an order's."""


class Drawn(BaseModel):
    """One drawn encounter and what its review found."""

    model_config = ConfigDict(frozen=True, extra="ignore")

    action_id: str
    officer_id: str
    squad_id: str
    occurred_at: datetime
    recording_ids: list[str] = []
    outcome: str | None = None
    text: str | None = None
    reviewed_by: str | None = None
    reviewed_at: datetime | None = None
    case_id: str | None = None


class Progress(BaseModel):
    """A goal's progress: drawn, reviewed (done) and still due."""

    model_config = ConfigDict(frozen=True)

    squad_id: str
    goal: int
    drawn: int
    done: int
    due: int
    problems: int


class Plan(BaseModel):
    """A week's spot-check plan: the state after its events (also its Elasticsearch document)."""

    model_config = ConfigDict(frozen=True, extra="ignore")

    plan_id: str
    week: str
    goals: list[Goal]
    status: Status
    version: int
    set_by: str
    set_at: datetime
    updated_at: datetime
    seed: str | None = None
    drawn_at: datetime | None = None
    population: list[Stratum] = []
    samples: list[Drawn] = []
    published_at: datetime | None = None
    event_ids: list[str] = []
    rejected: list[Rejected] = []

    def progress(self) -> list[Progress]:
        """Done / due of every goal (what the supervisor follows)."""
        rows = []
        for goal in self.goals:
            mine = [s for s in self.samples if s.squad_id == goal.squad_id]
            done = [s for s in mine if s.outcome is not None]
            rows.append(
                Progress(
                    squad_id=goal.squad_id,
                    goal=goal.count,
                    drawn=len(mine),
                    done=len(done),
                    due=len(mine) - len(done),
                    problems=sum(1 for s in done if s.outcome != COMPLIANT),
                )
            )
        return rows


def apply(plan: Plan | None, event: SpotCheckEvent) -> Plan:
    """The plan after ``event``; raise PlanError when the role or the state does not allow it."""
    if isinstance(event, PlanSet):
        return _set(plan, event)
    if plan is None:
        raise PlanError("conflict", f"抽查计划 {event.plan_id} 不存在")
    if event.seq != plan.version + 1:
        raise PlanError(
            "conflict", f"抽查计划已被他人更新（当前第 {plan.version} 版），请刷新后重试"
        )
    changes: dict[str, object]
    if isinstance(event, SampleDrawn):
        _role(event.actor.role, ("supervisor",), "抽取样本")
        if plan.status != "set":
            raise PlanError("conflict", "该计划已抽取样本，抽样结果不能重抽")
        samples = [Drawn.model_validate(s.model_dump()) for s in event.samples]
        changes = {"status": "drawn", "seed": event.seed, "drawn_at": event.at}
        changes |= {"population": list(event.population), "samples": samples}
    elif isinstance(event, OutcomeRecorded):
        _role(event.actor.role, ("reviewer", "supervisor"), "录入抽查结论")
        changes = {"samples": _reviewed(plan, event)}
    elif isinstance(event, Published):
        _role(event.actor.role, ("supervisor",), "发布抽查结果")
        if plan.status != "drawn":
            raise PlanError("conflict", f"计划当前为“{STATUS_LABELS[plan.status]}”，不能发布")
        changes = {"status": "published", "published_at": event.at}
    return plan.model_copy(
        update={
            **changes,
            "version": plan.version + 1,
            "updated_at": event.at,
            "event_ids": [*plan.event_ids, event.event_id],
        }
    )


def project(plan: Plan | None, event: SpotCheckEvent) -> Plan | None:
    """The projection's fold: replays change nothing, refused events are kept with the reason."""
    return refusing(apply, plan, event)


def visible_to(caller: Caller, plan: Plan) -> Plan | None:
    """What ``caller`` may see of a plan: all of it, or (squad leader) his squad once published."""
    if caller.role in ("supervisor", "reviewer", "admin"):
        return plan
    if caller.role != "squad_leader" or plan.status != "published":
        return None
    squad = caller.squad_id
    return plan.model_copy(
        update={
            "goals": [g for g in plan.goals if g.squad_id == squad],
            "population": [s for s in plan.population if s.squad_id == squad],
            "samples": [s for s in plan.samples if s.squad_id == squad],
        }
    )


def _set(plan: Plan | None, event: PlanSet) -> Plan:
    _role(event.actor.role, ("supervisor",), "制定抽查计划")
    if plan is not None:
        raise PlanError("conflict", f"抽查计划 {event.plan_id} 已存在")
    if event.seq != 1:
        raise PlanError("invalid", "制定计划事件的版本号应为 1")
    squads = [g.squad_id for g in event.goals]
    if len(set(squads)) != len(squads):
        raise PlanError("invalid", "同一中队只能设定一个抽查目标")
    if sum(g.count for g in event.goals) > MAX_SAMPLES:
        raise PlanError("invalid", f"一周的抽查总数不能超过 {MAX_SAMPLES} 起")
    return Plan(
        plan_id=event.plan_id,
        week=event.week,
        goals=list(event.goals),
        status="set",
        version=1,
        set_by=event.actor.username,
        set_at=event.at,
        updated_at=event.at,
        event_ids=[event.event_id],
    )


def _reviewed(plan: Plan, event: OutcomeRecorded) -> list[Drawn]:
    if plan.status == "set":
        raise PlanError("conflict", "尚未抽取样本，不能录入结论")
    if not any(s.action_id == event.action_id for s in plan.samples):
        raise PlanError("invalid", f"执法记录 {event.action_id} 不在本计划的样本中")
    if event.outcome == "其他" and not (event.text or "").strip():
        raise PlanError("invalid", "结论为“其他”时须写明具体问题")
    update = {
        "outcome": event.outcome,
        "text": event.text,
        "reviewed_by": event.actor.username,
        "reviewed_at": event.at,
        "case_id": event.case_id,
    }
    return [
        s.model_copy(update=update) if s.action_id == event.action_id else s for s in plan.samples
    ]


_ROLE_NAMES = {"supervisor": "监查中心负责人", "reviewer": "监查中心审核员"}


def _role(role: str, allowed: tuple[str, ...], action: str) -> None:
    if role not in allowed:
        names = "或".join(_ROLE_NAMES[r] for r in allowed)
        raise PlanError("forbidden", f"只有{names}可以{action}")
