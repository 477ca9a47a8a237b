"""Contract of topic ``case-events`` (keyed by case_id): what people decided about a case."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import Field

from jiancha.schemas._base import Event


class CaseDecided(Event):
    """A reviewer or the supervisor confirmed or dismissed a pending case, with a reason; or the
    supervisor reversed (复核改判) such a decision: then ``reverses`` names the decision's event."""

    type: Literal["case_decided"] = "case_decided"
    event_id: str = Field(min_length=1)
    case_id: str = Field(min_length=1)
    decision: Literal["confirm", "dismiss"]
    reason: str = Field(min_length=1, max_length=2000)
    from_status: str
    to_status: Literal["confirmed", "dismissed"]
    decided_by: str
    role: str
    decided_at: datetime
    squad_id: str | None = None
    officer_id: str | None = None
    categories: list[str] = Field(default_factory=list)
    reverses: str | None = None  # the event id of the decision this one reverses

    @property
    def key(self) -> str:
        """Partition key: the case, so its events stay in order."""
        return self.case_id
