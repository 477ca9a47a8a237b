"""Contract of topic ``rectification-events`` (v1): the life of a 整改通知书, keyed by ``order_id``.

Each event names what happened (past tense), who did it and when. ``seq`` is the order's version
the event produces (1 for ``OrderDrafted``): the fold applies an event only on top of version
``seq - 1``, so of two writers racing from the same version exactly one wins, the same one on every
replay. ``event_id`` makes a replayed event harmless.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

from pydantic import AwareDatetime, Field, TypeAdapter

from jiancha.auth.roles import Role
from jiancha.schemas import decode_union
from jiancha.schemas._base import Event


class Actor(Event):
    """Who acted: a user of the review service, or ``system`` (the overdue timer)."""

    username: str = Field(min_length=1)
    role: Literal[Role, "system"]
    squad_id: str | None = None


class Attachment(Event):
    """A file of a 整改汇报, stored content-addressed by its SHA-256."""

    sha256: str = Field(pattern=r"^[0-9a-f]{64}$")
    filename: str = Field(min_length=1, max_length=255)
    content_type: str
    size: int = Field(ge=1)


class _OrderEvent(Event):
    event_id: str = Field(min_length=1)
    order_id: str = Field(min_length=1)
    seq: int = Field(ge=1)
    at: AwareDatetime
    actor: Actor
    comment: str | None = Field(default=None, max_length=5000)

    @property
    def key(self) -> str:
        """Partition key: the order."""
        return self.order_id


class OrderDrafted(_OrderEvent):
    """A reviewer (or the supervisor) drafted an order from confirmed cases."""

    type: Literal["OrderDrafted"] = "OrderDrafted"
    case_ids: list[str] = Field(min_length=1)
    squad_id: str = Field(min_length=1)
    title: str = Field(min_length=1, max_length=200)
    requirements: str = Field(min_length=1, max_length=20_000)


class OrderIssued(_OrderEvent):
    """The supervisor issued the order to the squad with a deadline."""

    type: Literal["OrderIssued"] = "OrderIssued"
    deadline: AwareDatetime


class OrderAcknowledged(_OrderEvent):
    """The squad leader signed for (签收) the order."""

    type: Literal["OrderAcknowledged"] = "OrderAcknowledged"


class OrderAnswered(_OrderEvent):
    """The squad leader answered with a 整改汇报: text and attachments."""

    type: Literal["OrderAnswered"] = "OrderAnswered"
    text: str = Field(min_length=1, max_length=20_000)
    attachments: list[Attachment] = Field(default_factory=list)


class OrderReturned(_OrderEvent):
    """The supervisor returned the answer (reason in ``comment``) with a new deadline."""

    type: Literal["OrderReturned"] = "OrderReturned"
    deadline: AwareDatetime


class OrderAccepted(_OrderEvent):
    """The supervisor accepted the answer."""

    type: Literal["OrderAccepted"] = "OrderAccepted"


class OrderClosed(_OrderEvent):
    """The supervisor closed (归档) an accepted order."""

    type: Literal["OrderClosed"] = "OrderClosed"


class OrderRevised(_OrderEvent):
    """A draft's title or requirements were edited before issue (reviewer or supervisor)."""

    type: Literal["OrderRevised"] = "OrderRevised"
    title: str = Field(min_length=1, max_length=200)
    requirements: str = Field(min_length=1, max_length=20_000)


class OrderWithdrawn(_OrderEvent):
    """A draft was withdrawn (撤回) before issue, reason in ``comment``: it is never issued."""

    type: Literal["OrderWithdrawn"] = "OrderWithdrawn"


class OrderEscalated(_OrderEvent):
    """The deadline passed unanswered: the order is overdue and escalated to the supervisor."""

    type: Literal["OrderEscalated"] = "OrderEscalated"
    deadline: datetime  # the deadline that was missed


RectificationEvent = Annotated[
    OrderDrafted
    | OrderIssued
    | OrderAcknowledged
    | OrderAnswered
    | OrderReturned
    | OrderAccepted
    | OrderClosed
    | OrderEscalated
    | OrderRevised
    | OrderWithdrawn,
    Field(discriminator="type"),
]

_ADAPTER: TypeAdapter[RectificationEvent] = TypeAdapter(RectificationEvent)


def decode_event(raw: bytes | str) -> RectificationEvent:
    """Decode one message of ``rectification-events``; raise InvalidEvent with a Chinese reason."""
    return decode_union(_ADAPTER, raw, "整改事件")  # type: ignore[no-any-return]
