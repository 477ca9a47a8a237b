"""Contract of topic ``flags``: what an analyzer found, with evidence a reviewer can act on."""

from __future__ import annotations

from typing import Literal

from pydantic import AwareDatetime, Field

from jiancha.schemas._base import Event


class SegmentEvidence(Event):
    """Evidence in a recording: the seconds and what was said."""

    recording_id: str
    start: float = Field(ge=0)
    end: float = Field(ge=0)
    excerpt: str


class FieldEvidence(Event):
    """Evidence in an enforcement record: the field and its value."""

    action_id: str
    field: str
    value: str | int | float | bool | None


class CaseContext(Event):
    """What a flag's case is about besides its flags: the ticket (cases of a ticket) or the time.

    The case builder makes the case document from the flags alone, so each flag carries this.
    """

    officer_id: str | None = None  # the ticket's officer and squad (cases of a ticket)
    squad_id: str | None = None
    occurred_at: AwareDatetime | None = None  # the ticket's time, the recording's, the month's
    plate: str | None = None
    violation_type: str | None = None
    co_officer_ids: list[str] = Field(default_factory=list)  # complaints may name a partner


class Flag(Event):
    """One finding of an analyzer rule."""

    flag_id: str = Field(min_length=1)
    category: str = Field(min_length=1)
    class_: Literal["profit", "excessive", "procedure"] = Field(alias="class")
    severity: int = Field(ge=1, le=5)
    officer_id: str
    squad_id: str
    action_ids: list[str] = Field(default_factory=list)
    recording_ids: list[str] = Field(default_factory=list)
    evidence: list[SegmentEvidence | FieldEvidence] = Field(default_factory=list)
    explanation: str = Field(min_length=1)
    rule_version: str
    # Optional (added after v1, as the contract allows): the case (one per encounter) the flag
    # belongs to, and whether a later event showed the finding no longer holds (e.g. the
    # recording that covers a ticket arrived after the ticket had been judged uncovered).
    case_id: str | None = None
    withdrawn: bool = False
    # Optional (added with the case builder): what the case is about, for its document.
    case: CaseContext | None = None

    def to_json_bytes(self) -> bytes:
        """UTF-8 JSON with the contract's field name ``class``."""
        return self.model_dump_json(by_alias=True).encode("utf-8")

    @property
    def key(self) -> str:
        """Partition key: the officer."""
        return self.officer_id
