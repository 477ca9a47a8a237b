"""Agents of the rectification lifecycle: project ``rectification-events``, escalate overdue orders.

Write path (why the worker, not the API, writes the ``rectifications`` index). The API checks a
request against the projected order (:func:`streams.review.orders.apply`, for a clear 403/409/422),
publishes the event to Kafka (acks=all, synchronous) and then waits until this projector has
folded it, returning the order as projected. The projector is the only writer of the index, and
the fold is decided by the order of the log alone: an event applies only on top of the version it
was built from (``seq``), so of two requests racing from the same version the one Kafka took first
wins, on every replay too, and the other's sender gets a 409 with the reason the fold recorded. Had
the API also written the projection (even with ``if_seq_no``), the winner in Elasticsearch could
differ from the winner in the log and a client could be told "done" for a change the log later
discards. Nothing is half-written: an event Kafka refused is a 503 with no change; an event on
Kafka is applied or refused by the fold, once, whatever replays or restarts happen.

Writes here still use ``if_seq_no``/``if_primary_term``, so two workers briefly sharing a partition
during a rebalance cannot overwrite each other's fold; the loser re-reads and folds again, and the
event ids make that (and any replay) harmless.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from typing import Any

import faust

from jiancha import topics
from jiancha.clock import Clock, utc_now
from jiancha.elastic.writer import Sleep, retry_while_unavailable
from jiancha.schemas import InvalidEvent
from jiancha.schemas.rectification_events import RectificationEvent, decode_event
from jiancha.settings import Settings
from streams.app import raw_topic
from streams.dead_letters import SendDead, dead_letter_of, dead_letter_sender
from streams.review.orders import (
    Order,
    OrderError,
    apply,
    due_for_escalation,
    escalation,
    project,
)
from streams.review.projection import read_order
from streams.review.queries import overdue_filter

log = logging.getLogger(__name__)

SendEvent = Callable[[RectificationEvent], Awaitable[None]]


class ProjectOrders:
    """Fold each event into its order's document (read, fold, conditional write)."""

    def __init__(
        self,
        es: Any,
        alias: str,
        send_dead: SendDead,
        clock: Clock,
        sleep: Sleep = asyncio.sleep,
    ) -> None:
        self.es = es
        self.alias = alias
        self.send_dead = send_dead
        self.clock = clock
        self.sleep = sleep

    async def handle(self, record: Any) -> None:
        """Project one raw event (a Faust event of ``rectification-events``); a bad event (or one
        without its order) goes to dead letters.

        While Elasticsearch is unreachable this waits and retries, so the Kafka position does
        not move past an event that is not projected.
        """
        from elasticsearch import ApiError

        try:
            event = decode_event(bytes(record.value))
        except InvalidEvent as exc:
            await self._dead(exc.reason, record)
            return
        try:
            await retry_while_unavailable(
                lambda: self._fold(event, record), f"整改事件 {event.event_id}", sleep=self.sleep
            )
        except ApiError as exc:  # a 4xx: the document itself is refused
            await self._dead(f"Elasticsearch 拒绝写入：{exc.message}", record)

    async def _fold(self, event: RectificationEvent, record: Any) -> None:
        from elasticsearch import ConflictError

        while True:
            order, token = await read_order(self.es, self.alias, event.order_id)
            folded = project(order, event)
            if folded is None:  # no order to keep the refusal on
                await self._dead(_refusal(event), record)
                return
            if folded is order:
                return  # a replay: already applied or already refused
            guard: dict[str, Any] = dict(token) if token else {"op_type": "create"}
            try:
                await self.es.index(
                    index=self.alias,
                    id=event.order_id,
                    document=folded.model_dump(mode="json"),
                    **guard,
                )
                return
            except ConflictError:
                continue  # someone wrote in between: read and fold again

    async def _dead(self, reason: str, record: Any) -> None:
        letter = dead_letter_of(record, reason, stage="worker", now=self.clock())
        await self.send_dead(letter.dead_key, letter.to_json_bytes())
        log.warning("整改事件进入死信主题：%s", reason)


def _refusal(event: RectificationEvent) -> str:
    try:
        apply(None, event)
    except OrderError as exc:
        return f"整改事件无法应用（{event.type}）：{exc.message}"
    return f"整改事件无法应用（{event.type}）"


class EscalateOverdue:
    """The overdue timer's work: every order past its deadline unanswered gets OrderEscalated."""

    def __init__(self, es: Any, alias: str, send: SendEvent, clock: Clock) -> None:
        self.es = es
        self.alias = alias
        self.send = send
        self.clock = clock

    async def run_once(self) -> int:
        """Escalate what is due now; returns how many escalations were sent."""
        now = self.clock()
        found = await self.es.search(
            index=self.alias,
            query={"bool": {"filter": [overdue_filter(now), {"term": {"escalated": False}}]}},
            size=1000,
            sort=[{"deadline": "asc"}],
        )
        sent = 0
        for hit in found["hits"]["hits"]:
            order = Order.model_validate(hit["_source"])
            if due_for_escalation(order, now):
                await self.send(escalation(order, now))
                sent += 1
        if sent:
            log.info("逾期督办：%d 份整改通知书", sent)
        return sent


def add_review_agents(
    app: faust.App,
    settings: Settings,
    es: Any,
    aliases: dict[str, str],
    clock: Clock = utc_now,
) -> None:
    """Register the projector agent and the overdue timer on a worker's Faust app."""
    events = raw_topic(app, settings, topics.RECTIFICATION_EVENTS)
    alias = aliases["rectifications"]

    async def send_event(event: RectificationEvent) -> None:
        delivered = await events.send(key=event.key.encode("utf-8"), value=event.to_json_bytes())
        await delivered  # acknowledged by Kafka (acks=all) before the next one

    projector = ProjectOrders(es, alias, dead_letter_sender(app, settings), clock)
    escalator = EscalateOverdue(es, alias, send_event, clock)

    @app.agent(events, name="project_orders")
    async def project_orders(stream: Any) -> None:
        async for event in stream.events():
            await projector.handle(event)

    @app.timer(interval=settings.order_escalation_interval_s, on_leader=True)
    async def escalate_overdue_orders() -> None:
        try:
            await escalator.run_once()
        except Exception:  # the next tick tries again; a timer must not stop the worker
            log.exception("逾期督办检查失败")
