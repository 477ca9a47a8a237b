"""The projector of ``spot-checks``: fold each event into its plan's ``spotchecks`` document.

The worker is the only writer of the index, for the reason :mod:`streams.review.agents` gives for
orders: the fold is decided by the order of the log alone (an event applies only on top of the
version it was built from), so the index and a replay of the topic always agree, and the API tells a
client "done" only for what the fold applied (:class:`streams.spotchecks.desk.SpotCheckDesk`).
Writes are conditional (``if_seq_no``) so two workers during a rebalance cannot overwrite each
other; the event ids make a replay harmless.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any

import faust

from jiancha import topics
from jiancha.clock import Clock, utc_now
from jiancha.elastic.writer import Sleep, retry_while_unavailable
from jiancha.schemas import InvalidEvent
from jiancha.schemas.spot_checks import SpotCheckEvent, decode_event
from jiancha.settings import Settings
from streams.app import raw_topic
from streams.dead_letters import SendDead, dead_letter_of, dead_letter_sender
from streams.spotchecks.plans import Plan, project

log = logging.getLogger(__name__)


async def read_plan(es: Any, alias: str, plan_id: str) -> tuple[Plan | None, dict[str, int]]:
    """The plan (None if absent) and its ``if_seq_no``/``if_primary_term`` (realtime GET)."""
    from elasticsearch import NotFoundError

    try:
        hit = await es.get(index=alias, id=plan_id)
    except NotFoundError:
        return None, {}
    return Plan.model_validate(hit["_source"]), {
        "if_seq_no": hit["_seq_no"],
        "if_primary_term": hit["_primary_term"],
    }


class ProjectPlans:
    """Read, fold, conditional write; a bad event (or one without its plan) goes to dead letters."""

    def __init__(
        self, es: Any, alias: str, send_dead: SendDead, clock: Clock, sleep: Sleep = asyncio.sleep
    ) -> None:
        self.es, self.alias, self.send_dead, self.clock, self.sleep = (
            es,
            alias,
            send_dead,
            clock,
            sleep,
        )

    async def handle(self, record: Any) -> None:
        """Project one raw event; waits out an Elasticsearch outage without moving past it."""
        from elasticsearch import ApiError

        try:
            event = decode_event(bytes(record.value))
        except InvalidEvent as exc:
            return await self._dead(exc.reason, record)
        try:
            await retry_while_unavailable(
                lambda: self._fold(event, record), f"抽查事件 {event.event_id}", sleep=self.sleep
            )
        except ApiError as exc:
            await self._dead(f"Elasticsearch 拒绝写入：{exc.message}", record)

    async def _fold(self, event: SpotCheckEvent, record: Any) -> None:
        from elasticsearch import ConflictError

        while True:
            plan, token = await read_plan(self.es, self.alias, event.plan_id)
            folded = project(plan, event)
            if folded is None:
                return await self._dead(f"抽查事件无法应用（{event.type}）：计划不存在", record)
            if folded is plan:
                return  # a replay
            guard: dict[str, Any] = dict(token) if token else {"op_type": "create"}
            try:
                doc = folded.model_dump(mode="json")
                await self.es.index(index=self.alias, id=event.plan_id, document=doc, **guard)
                return
            except ConflictError:
                continue

    async def _dead(self, reason: str, record: Any) -> None:
        letter = dead_letter_of(record, reason, stage="worker", now=self.clock())
        await self.send_dead(letter.dead_key, letter.to_json_bytes())
        log.warning("抽查事件进入死信主题：%s", reason)


def add_spotcheck_agents(
    app: faust.App, settings: Settings, es: Any, aliases: dict[str, str], clock: Clock = utc_now
) -> None:
    """Register the spot-check projector on a worker's Faust app."""
    projector = ProjectPlans(es, aliases["spotchecks"], dead_letter_sender(app, settings), clock)

    @app.agent(raw_topic(app, settings, topics.SPOT_CHECKS), name="project_spot_checks")
    async def project_spot_checks(stream: Any) -> None:
        async for event in stream.events():
            await projector.handle(event)
