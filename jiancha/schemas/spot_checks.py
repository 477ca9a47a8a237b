"""Contract of topic ``spot-checks`` (v1): random spot checks (抽查) of unflagged encounters,
keyed by ``plan_id``.

A week's plan sets goals per squad (``PlanSet``); the draw is recorded with its seed and the
population it was drawn from (``SampleDrawn``), so anyone can repeat it; each reviewed sample gets
an outcome from the fixed list (``OutcomeRecorded``); the supervisor publishes the results to the
squads (``Published``). ``seq`` is the plan's version the event produces (1 for ``PlanSet``): an
event applies only on top of version ``seq - 1``, so of two racing writers exactly one wins.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import AwareDatetime, Field, TypeAdapter

from jiancha.schemas import decode_union
from jiancha.schemas._base import Event
from jiancha.schemas.rectification_events import Actor

#: The outcomes a reviewer may record (issue 17); every one but 规范 is a problem.
OUTCOMES: tuple[str, ...] = (
    "规范",
    "未表明身份",
    "未告知陈述申辩",
    "言语不文明",
    "威胁",
    "收现",
    "记录仪中断",
    "其他",
)
COMPLIANT = "规范"

Outcome = Literal[
    "规范", "未表明身份", "未告知陈述申辩", "言语不文明", "威胁", "收现", "记录仪中断", "其他"
]


class Goal(Event):
    """How many unflagged encounters of a squad are reviewed this week (optionally per officer)."""

    squad_id: str = Field(min_length=1, max_length=64)
    count: int = Field(ge=1, le=1000)
    per_officer: int | None = Field(default=None, ge=1, le=100)


class Sample(Event):
    """One drawn encounter: the ticket, its officer (the stratum) and the recordings around it."""

    action_id: str = Field(min_length=1)
    officer_id: str = Field(min_length=1)
    squad_id: str = Field(min_length=1)
    occurred_at: AwareDatetime
    recording_ids: list[str] = Field(default_factory=list)


class Stratum(Event):
    """An officer's unflagged encounters of the week: the population a draw is taken from."""

    squad_id: str
    officer_id: str
    action_ids: list[str]
    flagged: int = Field(default=0, ge=0)  # the officer's flagged encounters (for the recall)


class _PlanEvent(Event):
    event_id: str = Field(min_length=1)
    plan_id: str = Field(min_length=1, max_length=64)
    seq: int = Field(ge=1)
    at: AwareDatetime
    actor: Actor

    @property
    def key(self) -> str:
        """Partition key: the plan."""
        return self.plan_id


class PlanSet(_PlanEvent):
    """The supervisor set the week's goals."""

    type: Literal["PlanSet"] = "PlanSet"
    week: str = Field(pattern=r"^\d{4}-W\d{2}$")
    goals: list[Goal] = Field(min_length=1, max_length=100)


class SampleDrawn(_PlanEvent):
    """The draw: its seed, the population (officer strata) and the encounters drawn."""

    type: Literal["SampleDrawn"] = "SampleDrawn"
    seed: str = Field(pattern=r"^[0-9a-f]{64}$")
    population: list[Stratum]
    samples: list[Sample]


class OutcomeRecorded(_PlanEvent):
    """A reviewer recorded what the review of one sample found."""

    type: Literal["OutcomeRecorded"] = "OutcomeRecorded"
    action_id: str = Field(min_length=1)
    outcome: Outcome
    text: str | None = Field(default=None, max_length=2000)
    case_id: str | None = None  # the missed-by-analyzers case a problem became


class Published(_PlanEvent):
    """The supervisor published the results: squad leaders now see their squad's outcomes."""

    type: Literal["Published"] = "Published"


SpotCheckEvent = Annotated[
    PlanSet | SampleDrawn | OutcomeRecorded | Published, Field(discriminator="type")
]

_ADAPTER: TypeAdapter[SpotCheckEvent] = TypeAdapter(SpotCheckEvent)


def decode_event(raw: bytes | str) -> SpotCheckEvent:
    """Decode one message of ``spot-checks``; raise InvalidEvent with a Chinese reason."""
    return decode_union(_ADAPTER, raw, "抽查事件")  # type: ignore[no-any-return]
