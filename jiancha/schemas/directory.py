"""Contract of the compacted topic ``directory``: squads and officers by name (issue 16).

Two events share the topic, told apart by ``kind``; each carries the whole record, so the
compaction that keeps the latest event per key keeps the whole directory. Keys are
``squad:{code}`` and ``officer:{officer_id}``. An officer's squads are dated postings, so one
who moves squads keeps his history: what he did in April stays with his April squad.
"""

from __future__ import annotations

from datetime import date, datetime
from itertools import pairwise
from typing import Annotated, Literal

from pydantic import Field, RootModel, model_validator

from jiancha.schemas._base import Event

#: Codes as the events carry them (``mudan-1``, ``GA403677``): no spaces, no markup.
CODE_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$"

#: 民警 (regular officer) or 辅警 (auxiliary), as ``enforcement_action.officer_role`` spells them.
OfficerRole = Literal["officer", "auxiliary"]

ROLE_LABELS: dict[str, str] = {"officer": "民警", "auxiliary": "辅警"}


class SquadSaved(Event):
    """A squad (中队) was created or renamed: its code, Chinese name and brigade (大队)."""

    kind: Literal["squad"] = "squad"
    code: str = Field(pattern=CODE_PATTERN)
    name: str = Field(min_length=1, max_length=40)
    brigade: str = Field(default="", max_length=40)
    saved_at: datetime
    saved_by: str = Field(min_length=1, max_length=64)

    @property
    def key(self) -> str:
        """Compaction key: ``squad:{code}``."""
        return f"squad:{self.code}"


class Posting(Event):
    """An officer's posting to a squad from one day to another (``until`` None: to date)."""

    squad_id: str = Field(pattern=CODE_PATTERN)
    since: date
    until: date | None = None

    @model_validator(mode="after")
    def _window(self) -> Posting:
        if self.until is not None and self.until < self.since:
            raise ValueError("调离日期早于调入日期")
        return self


class OfficerSaved(Event):
    """An officer was created or changed: name, police number (警号), role and postings."""

    kind: Literal["officer"] = "officer"
    officer_id: str = Field(pattern=CODE_PATTERN)
    name: str = Field(min_length=1, max_length=20)
    police_number: str = Field(default="", max_length=20, pattern=r"^[A-Za-z0-9-]*$")
    role: OfficerRole = "officer"
    postings: list[Posting] = Field(min_length=1, max_length=50)
    saved_at: datetime
    saved_by: str = Field(min_length=1, max_length=64)

    @model_validator(mode="after")
    def _no_overlap(self) -> OfficerSaved:
        ordered = sorted(self.postings, key=lambda p: p.since)
        for before, after in pairwise(ordered):
            if before.until is None or before.until >= after.since:
                raise ValueError("任职记录的日期重叠：同一天只能属于一个中队")
        return self

    @property
    def key(self) -> str:
        """Compaction key: ``officer:{officer_id}``."""
        return f"officer:{self.officer_id}"

    @property
    def squad_id(self) -> str:
        """The squad of the latest posting (his squad now, or his last one)."""
        return max(self.postings, key=lambda p: p.since).squad_id

    def squad_on(self, day: date) -> str | None:
        """The squad he was posted to on ``day``, or None if he was posted to none."""
        for p in self.postings:
            if p.since <= day and (p.until is None or day <= p.until):
                return p.squad_id
        return None


DirectoryEntry = Annotated[SquadSaved | OfficerSaved, Field(discriminator="kind")]


class DirectoryEvent(RootModel[DirectoryEntry]):
    """Either event of the topic, decoded by its ``kind``."""
