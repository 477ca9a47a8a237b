"""Contract of topic ``case-assignments`` (keyed by case_id): who is to review a pending case."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import Field

from jiancha.schemas._base import Event


class CaseAssigned(Event):
    """The supervisor (or the auto-assigner he started) put a case in a reviewer's 我的待办."""

    type: Literal["case_assigned"] = "case_assigned"
    event_id: str = Field(min_length=1)
    case_id: str = Field(min_length=1)
    assignee: str = Field(min_length=1, max_length=128)
    assigned_by: str = Field(min_length=1)
    role: str
    assigned_at: datetime
    mode: Literal["manual", "auto"] = "manual"
    score: float | None = None  # the risk score at assignment (auto), for the record

    @property
    def key(self) -> str:
        """Partition key: the case, so its assignments stay in order (the last one stands)."""
        return self.case_id
