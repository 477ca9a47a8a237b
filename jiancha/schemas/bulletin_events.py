"""Contract of topic ``bulletin-events`` (v1, keyed by ISO week): what people did to an issue
of 《监察专刊》 after it was printed (voiding; compilations stay in the ``bulletins`` index)."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import Field

from jiancha.schemas._base import Event


class BulletinVoided(Event):
    """The supervisor voided (作废) an issue: its 期号 stays taken, the week may be recompiled."""

    type: Literal["bulletin_voided"] = "bulletin_voided"
    event_id: str = Field(min_length=1)
    week: str = Field(pattern=r"^\d{4}-W\d{2}$")
    year: int
    issue_no: int = Field(ge=1)
    total_no: int = Field(ge=1)
    reason: str = Field(min_length=1, max_length=2000)
    voided_by: str = Field(min_length=1)
    voided_at: datetime

    @property
    def key(self) -> str:
        """Partition key: the week, so an issue's events stay in order."""
        return self.week
