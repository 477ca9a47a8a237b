"""The analyzer worker: the rule engine on the stream, and the one writer of the ``cases`` index.

Two agents:

- ``flag_encounters`` reads actions, recordings, transcripts, policies and complaints, hands them
  to :class:`~analyzers.engine.Engine` (the code ``jiancha analyze`` runs in batch) and sends
  what each batch changed: flags (new, changed or withdrawn) to ``flags``, keyed by officer.
- ``build_cases`` reads ``flags`` (from every producer: this engine, the transcriber's and the
  indexer's tampering flags), ``complaints``, ``case-events`` (the API's decisions) and
  ``case-assignments`` (我的待办) and keeps
  the ``cases`` index: flags merged into their case by flag id, withdrawn ones removed, the
  complaints about a ticket linked to its case, the status set only when a case is created, each
  ``CaseDecided`` applied once (by event id).

The worker's state is Kafka itself: topics are kept forever, and a starting analyzer reads them
again from the beginning (:func:`replay_from_start` deletes its consumer group). While the engine
re-reads what was there when it started it only gathers; it judges once it has caught up, as the
batch does. Before that first judgement it knows every flag standing on ``flags``
(:func:`standing_flags`: the topic read to its end at start), so a flag its predecessor raised
and that no longer holds (a recording that covers the ticket arrived meanwhile) is withdrawn,
whatever the timing of the kill. The builder re-reads ``flags`` and ``case-events`` from the
beginning too: dropping the cases index and restarting the analyzer rebuilds it, decisions
included.

Live, the engine judges after every batch. The watermark is the latest event time seen, so when the
inputs arrive out of step (a backlog of tickets read before the recordings that cover them), a
coverage flag can be raised and then withdrawn; the flag goes out with ``withdrawn: true`` and its
case shows no flags.
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from typing import Any

import faust

from analyzers.engine import Changes, Engine
from jiancha import metrics, topics
from jiancha.elastic.writer import SET_ONCE_ROUNDS, BulkWriter, Upsert, retry_while_unavailable
from jiancha.kafka import (
    GROUP_COORDINATOR_WAIT_S,
    client_security,
    retry_retriable,
    wait_for_group_coordinator,
)
from jiancha.schemas import EVENT_TYPES, InvalidEvent, decode
from jiancha.schemas.case_assignments import CaseAssigned
from jiancha.schemas.case_events import CaseDecided
from jiancha.schemas.complaints import Complaint
from jiancha.schemas.flags import Flag
from jiancha.settings import Settings
from jiancha.topics import topic_name
from streams.admin import read_to_end, serve_worker_metrics
from streams.analysis.documents import CaseBook, case_on_create
from streams.app import create_app, prepare, raw_topic, raw_topics
from streams.dead_letters import SendDead, dead_letter, dead_letter_of, dead_letter_sender
from streams.review.assignments import project_assignment
from streams.review.cases import projected_decision

log = logging.getLogger(__name__)

ROLE = "analyzer"
INPUTS = (
    topics.POLICIES,
    topics.ENFORCEMENT_ACTIONS,
    topics.RECORDINGS,
    topics.TRANSCRIPTS,
    topics.COMPLAINTS,
)
#: what the case builder reads
CASE_INPUTS = (topics.FLAGS, topics.COMPLAINTS, topics.CASE_EVENTS, topics.CASE_ASSIGNMENTS)
#: topics no other worker validates: their bad events are dead-lettered here
_OWN_DEAD_LETTERS = {topics.POLICIES, topics.COMPLAINTS}
_MODEL_OF = {base: model for model, base in EVENT_TYPES.values()}

Send = Callable[[str, bytes], Any]


class FlagEncounters:
    """Decode a batch, feed the engine, publish what changed (effects injected)."""

    def __init__(
        self,
        engine: Engine,
        send_flag: Send,
        send_dead: SendDead,
        prefix: str = "",
        replay_ends: dict[tuple[str, int], int] | None = None,
        standing: dict[str, Flag] | None = None,
    ) -> None:
        self.engine = engine
        self.send_flag = send_flag
        self.send_dead = send_dead
        self._base_of = {topic_name(prefix, b): b for b in INPUTS}
        # (topic, partition) -> end offset at start: what must be re-read before judging.
        self._replaying = {tp: end for tp, end in (replay_ends or {}).items() if end > 0}
        # The flags on ``flags`` when this analyzer started (latest word per id): reconciled with
        # the first judgement, then forgotten (from there on the engine knows what it said).
        self._standing: dict[str, Flag] | None = dict(standing or {})

    @property
    def replaying(self) -> bool:
        return bool(self._replaying)

    async def handle(self, events: Sequence[Any]) -> Changes:
        metrics.count_events(ROLE, events)  # issue 8: events in, per topic
        decoded: list[Any] = []
        for event in events:
            msg = event.message
            tp = (msg.topic, msg.partition)
            if tp in self._replaying and msg.offset + 1 >= self._replaying[tp]:
                del self._replaying[tp]
            base = self._base_of.get(msg.topic, msg.topic)
            try:
                decoded.append(decode(_MODEL_OF[base], event.value))
            except InvalidEvent as exc:
                if base not in _OWN_DEAD_LETTERS:
                    continue  # the indexer dead-letters these
                letter = dead_letter_of(event, exc.reason, stage=ROLE, now=datetime.now(UTC))
                await self.send_dead(letter.dead_key, letter.to_json_bytes())
        # The rules are CPU work: off the event loop, so the Kafka consumer keeps its heartbeat.
        # One batch at a time (the agent's concurrency is 1), so the engine needs no lock.
        changes = await asyncio.to_thread(self._judge, decoded, judge=not self._replaying)
        await self.publish(changes)
        return changes

    def _judge(self, events: list[Any], judge: bool) -> Changes:
        for e in events:
            self.engine.add(e)
        if not judge:
            return Changes()
        changes = self.engine.advance()
        if self._standing is not None:
            # What a predecessor said that no longer holds: a kill -9 between a flag and the
            # recording that withdraws it must not leave the flag standing.
            stale = self.engine.stale(self._standing.values())
            changes.withdrawn += stale
            changes.cases |= {f.case_id for f in stale if f.case_id}
            self._standing = None
        return changes

    async def publish(self, changes: Changes) -> None:
        """Flags to ``flags`` (the case builder makes the cases from them)."""
        for flag in [*changes.flags, *changes.withdrawn]:
            await self.send_flag(flag.key, flag.to_json_bytes())
            metrics.FLAGS_OUT.labels(ROLE, flag.category).inc()  # issue 8: flags out


class BuildCases:
    """Fold ``flags``, ``complaints`` and ``case-events`` into the cases index (its one writer
    besides the API's claim, which the projection of ``CaseDecided`` agrees with)."""

    def __init__(
        self,
        writer: BulkWriter,
        cases_alias: str,
        send_dead: SendDead,
        prefix: str = "",
        book: CaseBook | None = None,
    ) -> None:
        self.writer = writer
        self.cases_alias = cases_alias
        self.send_dead = send_dead
        self.book = book or CaseBook()
        self._base_of = {topic_name(prefix, b): b for b in CASE_INPUTS}

    async def handle(self, events: Sequence[Any]) -> set[str]:
        """Apply a batch; returns the cases whose documents were written."""
        touched: set[str] = set()
        decisions: list[CaseDecided] = []
        assignments: list[CaseAssigned] = []
        for event in events:
            base = self._base_of.get(event.message.topic, event.message.topic)
            try:
                if base == topics.FLAGS:
                    touched |= self.book.add_flag(decode(Flag, event.value))
                elif base == topics.COMPLAINTS:
                    touched |= self.book.add_complaint(decode(Complaint, event.value))
                elif base == topics.CASE_ASSIGNMENTS:
                    assignments.append(decode(CaseAssigned, event.value))
                else:
                    decisions.append(decode(CaseDecided, event.value))
            except InvalidEvent as exc:
                if base == topics.COMPLAINTS:
                    continue  # flag_encounters dead-letters these
                letter = dead_letter_of(event, exc.reason, stage=ROLE, now=datetime.now(UTC))
                await self.send_dead(letter.dead_key, letter.to_json_bytes())
        upserts = [
            Upsert(self.cases_alias, case_id, self.book.document(case_id), case_on_create())
            for case_id in sorted(touched)
        ]
        for upsert, reason in await self.writer.write(upserts):
            await self._refused(upsert.id, reason, upsert.doc)
        for decided in decisions:
            await self._project(decided)
        for assigned in assignments:  # 我的待办 (the API projected it too; a replay is a no-op)
            await self._assign(assigned)
        return touched

    async def _assign(self, assigned: CaseAssigned) -> None:
        from elasticsearch import ApiError

        es, alias = self.writer.es, self.cases_alias

        async def write() -> bool:
            return await project_assignment(es, alias, assigned, refresh=False)

        try:
            if await retry_while_unavailable(write, "（待办分配）"):
                return
            reason = "Elasticsearch 拒绝写入：并发写入冲突，多次重试仍未写入"
        except ApiError as exc:
            reason = f"Elasticsearch 拒绝写入：{exc}"
        await self._refused(assigned.case_id, reason, {"assignment": assigned.assignee})

    async def _project(self, decided: CaseDecided) -> None:
        """Apply a decision to its case, once (the API's claim usually wrote it already).

        Read, compare, write conditionally (as the claim does): a concurrent write makes the
        write fail (409) and the case be read again.
        """
        from elasticsearch import ApiError, ConflictError

        es, alias, case_id = self.writer.es, self.cases_alias, decided.case_id
        for _ in range(SET_ONCE_ROUNDS):

            async def get() -> Any:
                return await es.options(ignore_status=404).get(index=alias, id=case_id)

            hit = (await retry_while_unavailable(get, "（审核决定）")).body
            found = bool(hit.get("found"))
            doc = projected_decision(hit["_source"] if found else None, decided)
            if doc is None:
                return

            async def write(
                doc: dict[str, Any] = doc, found: bool = found, hit: dict[str, Any] = hit
            ) -> Any:
                if not found:
                    return await es.create(index=alias, id=case_id, document=doc)
                return await es.update(
                    index=alias,
                    id=case_id,
                    doc=doc,
                    if_seq_no=hit["_seq_no"],
                    if_primary_term=hit["_primary_term"],
                )

            try:
                await retry_while_unavailable(write, "（审核决定）")
                return
            except ConflictError:
                continue  # written meanwhile (the builder, the API): read again
            except ApiError as exc:
                await self._refused(case_id, f"Elasticsearch 拒绝写入：{exc}", doc)
                return
        await self._refused(case_id, "Elasticsearch 拒绝写入：并发写入冲突，多次重试仍未写入", {})

    async def _refused(self, case_id: str, reason: str, doc: dict[str, Any]) -> None:
        # A case Elasticsearch refuses is our bug, not bad input: keep it with the reason.
        log.error("案件 %s 写入失败：%s", case_id, reason)
        letter = dead_letter(
            reason,
            stage=ROLE,
            source=self.cases_alias,
            position=case_id,
            payload=json.dumps(doc, ensure_ascii=False).encode("utf-8"),
            key=case_id,
            now=datetime.now(UTC),
        )
        await self.send_dead(letter.dead_key, letter.to_json_bytes())


def build_analyzer(
    settings: Settings,
    writer: BulkWriter,
    aliases: dict[str, str],
    replay_ends: dict[tuple[str, int], int] | None = None,
    standing: dict[str, Flag] | None = None,
) -> faust.App:
    """The analyzer worker's Faust app (consumer group ``{app_id}-analyzer``)."""
    app = create_app(settings, ROLE)
    flags_topic = raw_topic(app, settings, topics.FLAGS)

    async def send_flag(key: str, value: bytes) -> None:
        await flags_topic.send(key=key.encode("utf-8"), value=value)

    send_dead = dead_letter_sender(app, settings)
    handler = FlagEncounters(
        Engine.configured(settings),
        send_flag,
        send_dead,
        settings.topic_prefix,
        replay_ends,
        standing,
    )
    engine = handler.engine
    builder = BuildCases(
        writer, aliases["cases"], send_dead, settings.topic_prefix, CaseBook(engine.w)
    )

    @app.on_before_shutdown.connect  # type: ignore[arg-type]
    async def close_elasticsearch(app: faust.App, **kwargs: Any) -> None:
        await writer.es.close()

    @app.agent(raw_topics(app, settings, *INPUTS), name="flag_encounters")
    async def flag_encounters(stream: Any) -> None:
        async for events in stream.take_events(
            settings.index_batch_size, within=settings.index_batch_seconds
        ):
            await handler.handle(events)

    add_case_builder(app, settings, builder)
    return app


def add_case_builder(app: faust.App, settings: Settings, builder: BuildCases) -> None:
    """The ``build_cases`` agent: ``flags``, ``complaints`` and ``case-events`` into cases."""

    @app.agent(raw_topics(app, settings, *CASE_INPUTS), name="build_cases")
    async def build_cases(stream: Any) -> None:
        async for events in stream.take_events(
            settings.index_batch_size, within=settings.index_batch_seconds
        ):
            await builder.handle(events)


#: the case builder alone (beside ``jiancha judge`` replicas): its consumer group's role
CASES_ROLE = "cases"


def build_case_builder(
    settings: Settings, writer: BulkWriter, aliases: dict[str, str]
) -> faust.App:
    """The case builder as its own worker (consumer group ``{app_id}-cases``), for the
    replicated analyzer: one consumer, since a case gathers flags of several shards (a ticket's
    record flags from the detachment shard, its encounter flags from the officer's)."""
    from analyzers.engine import Windows

    app = create_app(settings, CASES_ROLE)
    send_dead = dead_letter_sender(app, settings)
    builder = BuildCases(
        writer, aliases["cases"], send_dead, settings.topic_prefix, CaseBook(Windows())
    )

    @app.on_before_shutdown.connect  # type: ignore[arg-type]
    async def close_elasticsearch(app: faust.App, **kwargs: Any) -> None:
        await writer.es.close()

    add_case_builder(app, settings, builder)
    return app


def run_case_builder(settings: Settings, loglevel: str = "info") -> None:
    """Prepare topics and indices, rewind ``flags``/``complaints``/``case-events``, run."""
    from jiancha.elastic.client import async_client

    aliases = prepare(settings)
    replay_from_start(settings, CASES_ROLE, CASE_INPUTS)
    app = build_case_builder(settings, BulkWriter(async_client(settings)), aliases)
    serve_worker_metrics(settings, CASES_ROLE, CASE_INPUTS)
    faust.Worker(app, loglevel=loglevel).execute_from_commandline()


def replay_from_start(
    settings: Settings, role: str = ROLE, inputs: Sequence[str] = INPUTS
) -> dict[tuple[str, int], int]:
    """Forget the ``role`` group's offsets so it reads its inputs again from the beginning;
    returns the end offset of every input partition (what the replay must reach)."""
    from kafka import KafkaConsumer, TopicPartition
    from kafka.errors import GroupIdNotFoundError, NonEmptyGroupError

    group = f"{settings.app_id}-{role}"
    # A new broker has no group coordinator until asked for one (issue 12: the first `make demo`).
    wait_for_group_coordinator(settings, group)
    # A predecessor killed without leaving (kill -9, power loss) stays a member of the group
    # until its session times out (Faust: 60 s); until then the group cannot be deleted.
    deadline = time.monotonic() + _STALE_MEMBER_WAIT_S
    while True:
        name = retry_retriable(
            lambda: _delete_group(settings, group),
            f"重置分析进程的消费位置（{group}）",
            GROUP_COORDINATOR_WAIT_S,
        )
        if name != NonEmptyGroupError.__name__ or time.monotonic() > deadline:
            break
        log.warning("分析进程的消费组 %s 仍有成员（上一进程的会话未过期），稍后重试", group)
        time.sleep(2)
    # A group that never ran (GroupIdNotFound) starts at the beginning anyway.
    if name not in ("OK", "NoError", GroupIdNotFoundError.__name__):
        raise RuntimeError(f"无法重置分析进程的消费位置（{group}）：{name}")
    consumer = KafkaConsumer(
        bootstrap_servers=settings.kafka_bootstrap,
        client_id="jiancha-replay",
        **client_security(settings),
    )
    try:
        names = [topic_name(settings.topic_prefix, b) for b in inputs]
        parts = [
            TopicPartition(n, p)
            for n in names
            for p in sorted(consumer.partitions_for_topic(n) or ())
        ]
        return {(tp.topic, tp.partition): end for tp, end in consumer.end_offsets(parts).items()}
    finally:
        consumer.close()


def standing_flags(settings: Settings, timeout_s: float = 300.0) -> dict[str, Flag]:
    """``flags`` read to its end: the latest word on every flag id (withdrawn ones included)."""
    latest: dict[str, Flag] = {}

    def keep(record: Any) -> None:
        try:
            flag = decode(Flag, record.value)
        except InvalidEvent:
            return  # nothing this analyzer could have said
        latest[flag.flag_id] = flag

    try:
        read_to_end(settings, topics.FLAGS, keep, timeout_s)
    except RuntimeError as exc:
        raise RuntimeError(f"无法读取已发布的问题线索：{exc}") from exc
    return latest


_STALE_MEMBER_WAIT_S = 90.0  # longer than Faust's broker_session_timeout (60 s)


def _delete_group(settings: Settings, group: str) -> str:
    """Delete consumer ``group``; returns the outcome's name ("OK", "GroupIdNotFoundError", …).

    Raises a retriable outcome (the coordinator moved or is loading) for the caller to retry.
    """
    import kafka.errors
    from kafka import KafkaAdminClient
    from kafka.errors import KafkaError

    admin = KafkaAdminClient(
        bootstrap_servers=settings.kafka_bootstrap,
        client_id="jiancha-replay",
        **client_security(settings),
    )
    try:
        results = admin.delete_groups([group])
    except KafkaError as exc:
        if exc.retriable:
            raise
        raise RuntimeError(f"无法重置分析进程的消费位置（{group}）：{exc}") from exc
    finally:
        admin.close()
    for error in dict(results).values():
        # kafka-python names the outcome (a string, class or instance); None/OK/NoError: success.
        if error is None:
            continue
        name = error if isinstance(error, str) else getattr(error, "__name__", type(error).__name__)
        kind: Any = getattr(kafka.errors, name, None)  # the error class of that name
        if getattr(kind, "retriable", False):
            raise kind(f"DeleteGroups {group}")
        return name
    return "OK"


def run_analyzer(settings: Settings, loglevel: str = "info") -> None:
    """Prepare topics and indices, rewind the inputs, then run the analyzer until stopped."""
    from jiancha.elastic.client import async_client

    aliases = prepare(settings)
    ends = replay_from_start(settings)
    standing = standing_flags(settings)
    app = build_analyzer(settings, BulkWriter(async_client(settings)), aliases, ends, standing)
    serve_worker_metrics(settings, ROLE, INPUTS)  # issue 8: /metrics, 0 = off
    faust.Worker(app, loglevel=loglevel).execute_from_commandline()
