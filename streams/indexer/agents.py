"""Agents of the indexer worker: events in, Elasticsearch documents out, rejects to dead letters."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Sequence
from datetime import UTC, datetime
from typing import Any

import faust

from jiancha import metrics, topics
from jiancha.elastic.writer import BulkWriter, Upsert
from jiancha.schemas import InvalidEvent, decode
from jiancha.schemas.enforcement_actions import EnforcementAction
from jiancha.schemas.recordings import Recording
from jiancha.schemas.transcripts import Transcript
from jiancha.settings import Settings
from streams.accounts.agents import add_account_agents
from streams.admin import serve_worker_metrics
from streams.app import create_app, prepare, raw_topic
from streams.bulletin.agents import add_bulletin_crontab
from streams.dead_letters import SendDead, dead_letter_of, dead_letter_sender
from streams.directory.agents import add_directory_agents
from streams.indexer.documents import (
    action_document,
    clip_from_transcript,
    recording_upsert,
    reregistration_flag,
)
from streams.review.agents import add_review_agents
from streams.spotchecks.agents import add_spotcheck_agents

log = logging.getLogger(__name__)

#: what the indexer consumes (its consumer lag is measured over these)
INDEXED_TOPICS = (
    topics.RECORDINGS,
    topics.TRANSCRIPTS,
    topics.ENFORCEMENT_ACTIONS,
    topics.USERS,
    topics.AUDIT,
    topics.RECTIFICATION_EVENTS,
    topics.DIRECTORY,
)


class Projector:
    """Validates a batch of raw events, writes their upserts, and dead-letters the rest."""

    def __init__(self, writer: BulkWriter, send_dead: SendDead) -> None:
        self.writer = writer
        self.send_dead = send_dead

    async def project(
        self,
        events: Sequence[Any],
        model: type,
        to_upsert: Callable[[Any], Upsert],
        on_conflict: Callable[[Any, dict[str, Any]], Awaitable[str]] | None = None,
    ) -> int:
        """Index one batch; returns how many events were dead-lettered.

        ``on_conflict(record, stored)`` is called for an event whose set-once fields conflict
        with the stored document; it returns the dead letter's reason.
        """
        metrics.count_events("worker", events)  # issue 8: events in, per topic
        pending: list[tuple[Any, Any, Upsert]] = []
        rejected: list[tuple[Any, str]] = []
        for event in events:
            try:
                record = decode(model, event.value)
                pending.append((event, record, to_upsert(record)))
            except InvalidEvent as exc:
                rejected.append((event, exc.reason))
        origin = {id(upsert): (event, record) for event, record, upsert in pending}
        for refused in await self.writer.write([u for _, _, u in pending]):
            event, record = origin[id(refused.upsert)]
            reason = refused.reason
            if refused.kept is not None and on_conflict is not None:
                reason = await on_conflict(record, refused.kept)
            rejected.append((event, reason))
        for event, reason in rejected:
            letter = dead_letter_of(event, reason, stage="worker", now=datetime.now(UTC))
            await self.send_dead(letter.dead_key, letter.to_json_bytes())
        if rejected:
            log.warning("%d 条消息进入死信主题", len(rejected))
        return len(rejected)


def build_indexer(settings: Settings, writer: BulkWriter, aliases: dict[str, str]) -> faust.App:
    """The indexer worker: recordings + transcripts -> clips, actions -> actions, orders (整改)."""
    app = create_app(settings, "indexer")
    projector = Projector(writer, dead_letter_sender(app, settings))

    @app.on_before_shutdown.connect  # type: ignore[arg-type]
    async def close_elasticsearch(app: faust.App, **kwargs: Any) -> None:
        await writer.es.close()

    clips, actions = aliases["clips"], aliases["actions"]
    size, within = settings.index_batch_size, settings.index_batch_seconds

    flags = raw_topic(app, settings, topics.FLAGS)

    async def reregistered(rec: Recording, stored: dict[str, Any]) -> str:
        """A registered recording announced again with other media: flag it, refuse the event."""
        flag = reregistration_flag(rec, stored)
        log.warning("录像 %s 重复登记且文件不同（疑似替换证据）", rec.recording_id)
        await flags.send(key=flag.key.encode("utf-8"), value=flag.to_json_bytes())
        metrics.FLAGS_OUT.labels("worker", flag.category).inc()
        return (
            f"证据冲突：录像 {rec.recording_id} 已登记 SHA-256 {stored.get('sha256')}"
            f"（{stored.get('media_uri')}），本事件为 SHA-256 {rec.sha256}（{rec.media_uri}），"
            "已登记的录像文件不可替换，本事件未予采用，已发出疑似篡改告警"
        )

    @app.agent(raw_topic(app, settings, topics.RECORDINGS), name="index_recordings")
    async def index_recordings(stream: Any) -> None:
        async for events in stream.take_events(size, within=within):
            await projector.project(
                events, Recording, lambda r: recording_upsert(clips, r), on_conflict=reregistered
            )

    @app.agent(raw_topic(app, settings, topics.TRANSCRIPTS), name="index_transcripts")
    async def index_transcripts(stream: Any) -> None:
        async for events in stream.take_events(size, within=within):
            await projector.project(
                events, Transcript, lambda t: Upsert(clips, t.recording_id, clip_from_transcript(t))
            )

    @app.agent(raw_topic(app, settings, topics.ENFORCEMENT_ACTIONS), name="index_actions")
    async def index_actions(stream: Any) -> None:
        async for events in stream.take_events(size, within=within):
            await projector.project(
                events,
                EnforcementAction,
                lambda a: Upsert(actions, a.action_id, action_document(a)),
            )

    add_account_agents(app, settings, projector, aliases)  # users, audit trail
    add_directory_agents(app, settings, projector, aliases)  # 名录: squads and officers by name
    add_review_agents(app, settings, writer.es, aliases)  # 整改通知书: projection, overdue timer
    add_spotcheck_agents(app, settings, writer.es, aliases)  # 抽查计划: projection
    add_bulletin_crontab(app, settings)  # 《监察专刊》: Monday 08:00, leader only
    return app


def run_indexer(settings: Settings, loglevel: str = "info") -> None:
    """Prepare topics and indices, then run the indexer worker until stopped."""
    from jiancha.elastic.client import async_client

    aliases = prepare(settings)
    writer = BulkWriter(async_client(settings))
    app = build_indexer(settings, writer, aliases)
    serve_worker_metrics(settings, "indexer", INDEXED_TOPICS)  # issue 8: /metrics, 0 = off
    faust.Worker(app, loglevel=loglevel).execute_from_commandline()
