"""Contract of topic ``audit`` (append-only, keyed by actor): who did what, when, from where."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pydantic import Field

from jiancha.schemas._base import Event


class AuditRecorded(Event):
    """One search, view, media access, sign-in or decision."""

    event_id: str = Field(min_length=1)
    at: datetime
    actor: str = Field(description="用户名")
    role: str
    squad_id: str | None = None
    action: str = Field(description="如 cases.search、cases.view、clips.media、cases.decide")
    target: str = Field(description="对象，如案件编号、录像编号或检索条件")
    client_ip: str
    method: str
    path: str
    detail: dict[str, Any] = Field(default_factory=dict)

    @property
    def key(self) -> str:
        """Partition key: the actor, so one user's trail stays in order."""
        return self.actor
