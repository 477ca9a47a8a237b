"""Contract of the compacted topic ``policies``: a local enforcement policy (e.g. 只纠正不处罚)."""

from __future__ import annotations

from typing import Literal

from pydantic import AwareDatetime, Field, model_validator

from jiancha.schemas._base import Event


class PolicyScope(Event):
    """Which actions a policy covers; an empty list means 'any'."""

    plate_region_not: list[str] = Field(default_factory=list)
    plate_region_in: list[str] = Field(default_factory=list)
    violation_types: list[str] = Field(default_factory=list)
    road_users: list[str] = Field(default_factory=list)
    hours: list[str] = Field(default_factory=list)


class Policy(Event):
    """A policy valid between two instants, with its effect on penalties."""

    policy_id: str = Field(min_length=1)
    name: str
    valid_from: AwareDatetime
    valid_to: AwareDatetime
    scope: PolicyScope = Field(default_factory=PolicyScope)
    effect: Literal["correct_only", "no_penalty", "no_detention"]

    @model_validator(mode="after")
    def _window(self) -> Policy:
        if self.valid_to < self.valid_from:
            raise ValueError("valid_to 早于 valid_from")
        return self

    @property
    def key(self) -> str:
        """Compaction key: the policy id (the latest version wins)."""
        return self.policy_id
