"""The early-warning alert lifecycle as pure rules: an alert is the fold of its events.

proposed → decided (谈话提醒、培训、整改、无需处理; an intervention names its follow-up date) →
closed (the outcome after the follow-up; 无需处理 closes at once). Only the supervisor decides and
closes. An officer's record (``GET /officers/{id}/record``) shows an alert only once decided on
an intervention: a proposal, or one judged 无需处理, never reaches it. No I/O, no clock.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, computed_field

from jiancha.schemas.officer_alerts import (
    DECISION_LABELS,
    AlertClosed,
    AlertDecided,
    AlertEvent,
    AlertProposed,
    Decision,
)
from jiancha.schemas.rectification_events import Actor

Status = Literal["proposed", "decided", "closed"]
STATUS_LABELS = {"proposed": "待研判", "decided": "跟进中", "closed": "已办结"}
#: the longest follow-up an intervention may set
MAX_FOLLOW_UP = timedelta(days=366)


class AlertError(Exception):
    """An event the lifecycle does not allow; ``kind`` maps to HTTP 403 / 409 / 422."""

    def __init__(self, kind: Literal["forbidden", "conflict", "invalid"], message: str) -> None:
        super().__init__(message)
        self.kind = kind
        self.message = message


class Step(BaseModel):
    """One applied event, as the alert's history shows it."""

    model_config = ConfigDict(frozen=True)

    event_id: str
    type: str
    at: datetime
    actor: str
    note: str = ""


class Alert(BaseModel):
    """An early-warning alert: the state after its events (also its Elasticsearch document)."""

    model_config = ConfigDict(frozen=True, extra="ignore")

    alert_id: str
    officer_id: str
    squad_id: str
    as_of: datetime
    rule: str
    score: float
    percentile: float
    explanation: str
    indicators: dict[str, Any] = Field(default_factory=dict)
    status: Status
    version: int
    proposed_at: datetime
    decision: Decision | None = None
    decision_note: str = ""
    decided_by: str | None = None
    decided_at: datetime | None = None
    follow_up_on: date | None = None
    outcome: str | None = None
    closed_at: datetime | None = None
    history: list[Step] = []

    @computed_field  # type: ignore[prop-decorator]
    @property
    def status_label(self) -> str:
        return STATUS_LABELS[self.status]

    @computed_field  # type: ignore[prop-decorator]
    @property
    def decision_label(self) -> str | None:
        return DECISION_LABELS[self.decision] if self.decision else None

    @computed_field  # type: ignore[prop-decorator]
    @property
    def on_record(self) -> bool:
        """Decided on an intervention: the only alerts an officer's record shows."""
        return self.decision is not None and self.decision != "none"


def follow_up_due(alert: Alert, today: date) -> bool:
    """An intervention whose follow-up date has come and which is not closed."""
    return (
        alert.status == "decided" and alert.follow_up_on is not None and today >= alert.follow_up_on
    )


def apply(alert: Alert | None, event: AlertEvent) -> Alert:
    """The alert after ``event``; AlertError when the role, version or state does not allow it."""
    step = Step(event_id=event.event_id, type=event.type, at=event.at, actor=event.actor.username)
    if isinstance(event, AlertProposed):
        if alert is not None:
            raise AlertError("conflict", f"预警 {event.alert_id} 已存在")
        return Alert(
            alert_id=event.alert_id,
            officer_id=event.officer_id,
            squad_id=event.squad_id,
            as_of=event.as_of,
            rule=event.rule,
            score=event.score,
            percentile=event.percentile,
            explanation=event.explanation,
            indicators=event.indicators,
            status="proposed",
            version=1,
            proposed_at=event.at,
            history=[step],
        )
    if alert is None:
        raise AlertError("conflict", f"预警 {event.alert_id} 不存在")
    _check(alert, event.actor, event.seq)
    if isinstance(event, AlertDecided):
        return _decided(alert, event, step)
    return _closed(alert, event, step)


def _check(alert: Alert, actor: Actor, seq: int) -> None:
    if actor.role != "supervisor":
        raise AlertError("forbidden", "只有监查中心负责人可以研判和办结预警")
    if seq != alert.version + 1:
        raise AlertError("conflict", f"预警已被他人更新（当前第 {alert.version} 版），请刷新后重试")


def _decided(alert: Alert, event: AlertDecided, step: Step) -> Alert:
    if alert.status != "proposed":
        raise AlertError("conflict", f"预警当前状态为{alert.status_label}，不能再次研判")
    closes = event.decision == "none"
    if not closes:
        if event.follow_up_on is None:
            raise AlertError("invalid", "谈话提醒、培训或整改须确定回访日期")
        today = event.at.date()
        if not today <= event.follow_up_on <= today + MAX_FOLLOW_UP:
            raise AlertError("invalid", "回访日期应在今天到一年之内")
    if closes and not event.note.strip():
        raise AlertError("invalid", "无需处理须说明理由")
    return alert.model_copy(
        update={
            "status": "closed" if closes else "decided",
            "version": alert.version + 1,
            "decision": event.decision,
            "decision_note": event.note,
            "decided_by": event.actor.username,
            "decided_at": event.at,
            "follow_up_on": None if closes else event.follow_up_on,
            "closed_at": event.at if closes else None,
            "history": [*alert.history, step.model_copy(update={"note": event.note})],
        }
    )


def _closed(alert: Alert, event: AlertClosed, step: Step) -> Alert:
    if alert.status != "decided":
        raise AlertError("conflict", f"预警当前状态为{alert.status_label}，不能办结")
    return alert.model_copy(
        update={
            "status": "closed",
            "version": alert.version + 1,
            "outcome": event.outcome,
            "closed_at": event.at,
            "history": [*alert.history, step.model_copy(update={"note": event.outcome})],
        }
    )
