"""Contract of topic ``enforcement-actions``: one enforcement record (a ticket, 处罚决定/警告)."""

from __future__ import annotations

from typing import Literal

from pydantic import AwareDatetime, Field

from jiancha.schemas._base import Event


class Measures(Event):
    """What was imposed: fine, points, warning, detentions (扣车 / 扣证)."""

    fine_cny: int = Field(ge=0)
    points: int = Field(ge=0, le=12)
    warning: bool = False
    vehicle_detained: bool = False
    license_detained: bool = False


class Payment(Event):
    """How the fine was paid; ``receipt_no`` is the official receipt (行政处罚法 art. 70)."""

    method: Literal["bank", "app", "cash_on_spot"]
    receipt_no: str | None = None


class EnforcementAction(Event):
    """An officer's enforcement record."""

    action_id: str = Field(min_length=1)
    officer_id: str = Field(min_length=1)
    officer_role: Literal["officer", "auxiliary"]
    co_officer_ids: list[str] = Field(default_factory=list)
    squad_id: str = Field(min_length=1)
    occurred_at: AwareDatetime
    plate: str | None = None
    plate_region: str | None = None
    road_user: str = Field(min_length=1)
    violation_type: str = Field(min_length=1)
    measures: Measures
    payment: Payment | None = None

    @property
    def key(self) -> str:
        """Partition key: the officer, so one officer's events stay in order."""
        return self.officer_id
