"""Contract of topic ``officer-alerts`` (v1): the life of an early-warning alert, keyed by officer.

An alert is a proposal (``AlertProposed``, from :mod:`analyzers.early_warning`) until a
supervisor decides on it (``AlertDecided``: 谈话提醒、培训、整改 or 无需处理, with a follow-up
date for an intervention) and closes it after the follow-up (``AlertClosed``). ``seq`` is the
version the event produces, so of two supervisors deciding at once exactly one wins.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, Literal

from pydantic import AwareDatetime, Field, TypeAdapter

from jiancha.schemas._base import Event
from jiancha.schemas.rectification_events import Actor

Decision = Literal["talk", "training", "rectify", "none"]
DECISION_LABELS: dict[str, str] = {
    "talk": "谈话提醒",
    "training": "培训",
    "rectify": "整改",
    "none": "无需处理",
}


class _AlertEvent(Event):
    event_id: str = Field(min_length=1, max_length=200)
    alert_id: str = Field(min_length=1, max_length=200)
    officer_id: str = Field(min_length=1, max_length=64)
    seq: int = Field(ge=1)
    at: AwareDatetime
    actor: Actor

    @property
    def key(self) -> str:
        """Partition key: the officer (his alerts stay in order)."""
        return self.officer_id


class AlertProposed(_AlertEvent):
    """The early-warning rules proposed an alert on an officer (not yet on his record)."""

    type: Literal["AlertProposed"] = "AlertProposed"
    squad_id: str = Field(min_length=1, max_length=64)
    as_of: AwareDatetime
    rule: str
    score: float
    percentile: float
    explanation: str = Field(max_length=2000)
    indicators: dict[str, Any] = Field(default_factory=dict)


class AlertDecided(_AlertEvent):
    """A supervisor decided what to do (an intervention has a follow-up date)."""

    type: Literal["AlertDecided"] = "AlertDecided"
    decision: Decision
    note: str = Field(default="", max_length=5000)
    follow_up_on: date | None = None


class AlertClosed(_AlertEvent):
    """The supervisor closed the alert after the follow-up (its outcome noted)."""

    type: Literal["AlertClosed"] = "AlertClosed"
    outcome: str = Field(min_length=1, max_length=5000)


AlertEvent = Annotated[AlertProposed | AlertDecided | AlertClosed, Field(discriminator="type")]
ALERT_EVENT: TypeAdapter[AlertEvent] = TypeAdapter(AlertEvent)
