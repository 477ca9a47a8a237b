"""``jiancha judge``: the analyzer as N replicas of one consumer group (issue 15).

Every replica runs the same agents; Kafka shares the partitions out (:mod:`analyzers.shards`
says what meets where):

- ``route_events`` reads the input topics, whatever their producers' keys, and sends each event
  to the partitions of its shards on the analyzer's own topics (``analyzer-*-shards``), keyed by
  ``type|id``.
- ``judge_shards`` reads those topics: a recording-stage partition joins transcripts to their
  recordings and sends them on to the officers' shards; an officer- or detachment-stage
  partition feeds its shard's engine. After each batch a shard's watermark (latest event time)
  goes to ``analyzer-watermarks``.
- a timer judges every shard this replica holds at the largest watermark on
  ``analyzer-watermarks`` (the batch judges at the latest time of the whole file) and publishes
  the flags that changed to ``flags``.

A replica that gets a partition (start, or a peer gone) rebuilds that shard from its partition
of the analyzer's topic: a shard's own history, not every input of the detachment, and the
inputs are not re-read. The same partition holds the flags standing that are the shard's word
(``flag|<id>``), so it knows them without reading ``flags`` and withdraws those that no longer
hold (a kill -9 between a flag and the recording that withdraws it). Cases are not written here:
``jiancha cases`` (one consumer) folds ``flags`` into the index.

A month becomes final only on the low watermark over the input partitions
(:class:`analyzers.shards.LowWatermark`): each router publishes its progress per input partition
(``input/<topic>/<partition>``) after a flush, each join how far it has forwarded
(``join/<partition>``), and :class:`Watermarks` settles, per shard, the low watermark it may use
once it has read what was routed to it before.

The shard topics are their shards' changelogs (Kafka Streams' "source topic as changelog"): a
shard forgets a final month (:mod:`analyzers.engine`, ``JIANCHA_ANALYZER_LATENESS_DAYS``) and
sends a tombstone (key ``type|id``, no value) for every event it forgot to its own partition;
Kafka's log compaction then removes them (the topics' cleaner settings: ``jiancha/topics.py``).
A rebuild reads the latest value of every key, tombstones applied: the open months only. A late
event of a final month is refused by its shard and dead-lettered (迟于允许的迟到期限).
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
import threading
import time
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime
from typing import Any

import faust
from faust.types import TP

from analyzers.engine import Changes, Engine
from analyzers.shards import (
    DETACHMENT,
    OFFICER,
    RECORDING,
    InputMark,
    InputPartition,
    LowWatermark,
    Shard,
    Shards,
    advance_mark,
    event_key,
    low_watermark,
    owner,
    routes,
    targets,
)
from jiancha import metrics, topics
from jiancha.kafka import client_security, committed_offsets, wait_for_group_coordinator
from jiancha.schemas import EVENT_TYPES, InvalidEvent, decode
from jiancha.schemas.flags import Flag
from jiancha.schemas.transcripts import Transcript
from jiancha.settings import Settings
from jiancha.topics import topic_name
from streams.admin import serve_worker_metrics
from streams.analysis.agents import _MODEL_OF, _OWN_DEAD_LETTERS, INPUTS
from streams.app import create_app, prepare, raw_topic, raw_topics
from streams.dead_letters import dead_letter, dead_letter_of, dead_letter_sender

log = logging.getLogger(__name__)

ROLE = "judge"
#: the dead-letter schema's stage of the analyzer's letters (its replicas included)
LETTER_STAGE = "analyzer"
STAGE_TOPICS = {
    OFFICER: topics.SHARD_OFFICERS,
    DETACHMENT: topics.SHARD_DETACHMENTS,
    RECORDING: topics.SHARD_RECORDINGS,
}
#: why a late event of a final month is not judged (dead letter reason)
LATE_REASON = (
    "迟于允许的迟到期限：事件所属月份已终结（最新事件时间已超过该月末加迟到期限），"
    "不再研判，请人工核查"
)
GIVEN_UP_REASON = (
    "迟于允许的迟到期限：转写稿等待其录音超过迟到期限（录音未到达或所属月份已终结），"
    "不再研判，请人工核查"
)
#: a dead member leaves the group after this long; a killed replica's shards move on within it
SESSION_TIMEOUT_S = 30.0
#: bytes per partition per fetch (Faust's default is 4 MB). A backlog is read a fetch per
#: partition at a time, so a fetch bounds how far one partition runs ahead of the others in
#: event time; 4 MB of small tickets is weeks of a detachment, more than the allowance forgives
#: (a month forgotten while another partition still holds its events), 512 KB a day or two.
FETCH_BYTES = 512 * 1024


#: ``horizon/stage/partition`` on ``analyzer-watermarks``: a shard's horizon, for its successor
HORIZON_KEY = b"horizon/"
#: ``input/<topic>/<partition>``: a router's progress on an input partition (:class:`InputMark`)
INPUT_KEY = b"input/"
#: ``join/<partition>``: how far a join has read its recording partition and forwarded from it
JOIN_KEY = b"join/"
#: how often the low watermark is worked out again (seconds)
LOW_EVERY_S = 1.0
#: how often a replica logs what judging has cost (:meth:`JudgeShards.report`)
REPORT_EVERY_S = 30.0


def horizon_key(shard: Shard) -> bytes:
    return HORIZON_KEY + f"{shard[0]}/{shard[1]}".encode()


def shard_key(event: Any) -> bytes:
    """``type|id``: the event's own identity (compaction keeps its latest version)."""
    return event_key(event).encode()


#: ``flag|<flag id>`` on a shard's own partition: a flag standing that is the shard's word
FLAG_KEY = b"flag|"
#: ``roll|`` on a shard's own partition: a marker its owner appends after tombstones, every
#: ``analyzer_segment_s`` until they can be gone (``changelog_configs``): Kafka rolls a segment
#: only on an append, and never cleans the active one, so without it the tombstones a shard
#: sends last (a month forgotten at the end of a catch-up, then a quiet partition) and the
#: values they delete would be read by every rebuild. One key: compaction keeps the last.
ROLL_KEY = b"roll|"


def shard_event(key: bytes, value: bytes) -> Any:
    """The event a message of an analyzer topic carries (its type is in the key), or a flag
    standing (``flag|<id>``)."""
    kind = key.decode("utf-8").partition("|")[0]
    if kind == "flag":
        return decode(Flag, value)
    return decode(EVENT_TYPES[kind][0], value)


class Watermarks:
    """``analyzer-watermarks`` read by a thread from the beginning, forever: the largest event
    time any shard has reported, the horizons, and the low watermark over the input partitions
    (:class:`analyzers.shards.LowWatermark`: the routers' marks and the joins' positions, against
    the logs' ends taken after them). ``ready`` once what was there at start has been read."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.ready = threading.Event()
        self._latest: dict[bytes, datetime] = {}
        self._marks: dict[InputPartition, InputMark] = {}
        self._joins: dict[int, int] = {}
        self._lows = LowWatermark()
        self._lows_lock = threading.Lock()
        #: input messages no router has routed yet, at the last look (None: not known)
        self.backlog: int | None = None
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="watermarks", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()

    def value(self) -> datetime | None:
        return max(
            (t for k, t in self._latest.items() if not k.startswith(HORIZON_KEY)), default=None
        )

    def horizon(self, shard: Shard) -> datetime | None:
        """The horizon a shard's last owner published (waits until the topic has been read)."""
        self.ready.wait()
        return self._latest.get(horizon_key(shard))

    def low(self, shard: Shard, position: int) -> datetime | None:
        """The low watermark over the inputs ``shard`` may finalise with, having read its
        partition up to ``position`` (None: not known yet, nothing final)."""
        with self._lows_lock:
            return self._lows.low(shard, position)

    def _take(self, key: bytes, value: bytes | None) -> None:
        if value is None:
            return
        try:
            if key.startswith(INPUT_KEY):
                topic, _, p = key[len(INPUT_KEY) :].decode().rpartition("/")
                self._marks[(topic, int(p))] = InputMark.from_json(json.loads(value))
            elif key.startswith(JOIN_KEY):
                self._joins[int(key[len(JOIN_KEY) :])] = int(value)
            else:
                self._latest[key] = datetime.fromisoformat(value.decode())
        except (ValueError, KeyError, TypeError, AttributeError, UnicodeDecodeError):
            return  # not ours

    def _run(self) -> None:
        from kafka import KafkaConsumer, TopicPartition

        name = topic_name(self.settings.topic_prefix, topics.SHARD_WATERMARKS)
        consumer = KafkaConsumer(
            bootstrap_servers=self.settings.kafka_bootstrap,
            client_id="jiancha-watermarks",
            enable_auto_commit=False,
            **client_security(self.settings),
        )
        probe = KafkaConsumer(
            bootstrap_servers=self.settings.kafka_bootstrap,
            client_id="jiancha-low-watermark",
            enable_auto_commit=False,
            **client_security(self.settings),
        )
        try:
            while not (partitions := consumer.partitions_for_topic(name)):
                time.sleep(1)
            parts = [TopicPartition(name, p) for p in sorted(partitions)]
            consumer.assign(parts)
            consumer.seek_to_beginning(*parts)
            ends = consumer.end_offsets(parts)
            last_low = 0.0
            while not self._stop.is_set():
                for records in consumer.poll(timeout_ms=500).values():
                    for r in records:
                        if r.key is not None:
                            self._take(r.key, r.value)
                if not self.ready.is_set() and all(
                    consumer.position(tp) >= ends[tp] for tp in parts
                ):
                    self.ready.set()
                if self.ready.is_set() and time.monotonic() - last_low >= LOW_EVERY_S:
                    last_low = time.monotonic()
                    try:
                        self._step(probe)
                    except Exception:  # a broker hiccup: next time
                        log.warning("低水位计算失败，稍后重试", exc_info=True)
        finally:
            consumer.close()
            probe.close()

    def _step(self, probe: Any) -> None:
        """Propose the inputs' low watermark with the joins' ends taken after it; settle the
        newest proposal the joins have passed with the judging stages' ends taken after that."""
        from kafka import TopicPartition

        prefix = self.settings.topic_prefix
        inputs: list[Any] = []
        for base in INPUTS:
            name = topic_name(prefix, base)
            found = probe.partitions_for_topic(name)
            if not found:
                return  # an input topic not there yet: nothing is known of it
            inputs += [TopicPartition(name, p) for p in sorted(found)]
        marks = dict(self._marks)  # read before the ends: the ends cover what they cover
        starts = probe.beginning_offsets(inputs)
        ends = probe.end_offsets(inputs)
        low = low_watermark(
            [(tp.topic, tp.partition) for tp in inputs],
            marks,
            {(tp.topic, tp.partition): o for tp, o in starts.items()},
            {(tp.topic, tp.partition): o for tp, o in ends.items()},
        )
        self.backlog = sum(
            max(0, end - (m.offset if (m := marks.get((tp.topic, tp.partition))) else starts[tp]))
            for tp, end in ends.items()
        )
        if low is not None:
            rec = self._shard_ends(probe, [RECORDING])
            with self._lows_lock:
                self._lows.propose(low, rec)
        with self._lows_lock:
            joined = self._lows.joined(dict(self._joins))
        if joined is not None:
            judged = self._shard_ends(probe, [OFFICER, DETACHMENT])
            with self._lows_lock:
                self._lows.settle(joined, judged)

    def _shard_ends(self, probe: Any, stages: list[str]) -> dict[Shard, int]:
        from kafka import TopicPartition

        tps = {
            TopicPartition(topic_name(self.settings.topic_prefix, STAGE_TOPICS[st]), p): (st, p)
            for st in stages
            for p in range(self.settings.partitions)
        }
        return {tps[tp]: end for tp, end in probe.end_offsets(list(tps)).items()}


def read_history(
    settings: Settings,
    shard: Shard,
    upto_committed: bool,
    reached: dict[str, int] | None = None,
) -> Iterator[Any]:
    """A shard's partition of its analyzer topic, from the beginning to its end (or to where
    the group committed: a join must not swallow what the stream will hand it again), as
    compaction leaves it: the latest value of each key, none for a key whose latest is a
    tombstone (the compacted log may still hold what the cleaner has not reached yet). The
    offset read up to goes to ``reached["end"]``, the messages read to ``reached["read"]``."""
    latest: dict[bytes, bytes] = {}
    for key, value in _read_partition(settings, shard, upto_committed, reached):
        if key.startswith(ROLL_KEY):
            continue
        if value is None:
            latest.pop(key, None)
        else:
            latest[key] = value
    for key, value in latest.items():
        try:
            yield shard_event(key, value)
        except (InvalidEvent, KeyError, AttributeError):
            continue  # validated before it was sent: not ours


def _read_partition(
    settings: Settings, shard: Shard, upto_committed: bool, reached: dict[str, int] | None = None
) -> Iterator[tuple[bytes, bytes | None]]:
    """``(key, value)`` of a shard's partition up to its end or to the committed offset."""
    from kafka import KafkaConsumer, TopicPartition

    stage, p = shard
    tp = TopicPartition(topic_name(settings.topic_prefix, STAGE_TOPICS[stage]), p)
    if upto_committed:
        done = committed_offsets(settings, f"{settings.app_id}-{ROLE}").get(tp)
        end = done.offset if done is not None else 0
    consumer = KafkaConsumer(
        bootstrap_servers=settings.kafka_bootstrap,
        client_id="jiancha-shard-rebuild",
        enable_auto_commit=False,
        **client_security(settings),
    )
    try:
        consumer.assign([tp])
        consumer.seek_to_beginning(tp)
        if not upto_committed:
            end = consumer.end_offsets([tp])[tp]
        if reached is not None:
            reached["end"], reached["read"] = end, 0
        while consumer.position(tp) < end:
            for records in consumer.poll(timeout_ms=1000).values():
                for r in records:
                    if r.offset >= end:
                        break
                    if reached is not None:
                        reached["read"] += 1
                    if r.key is not None:
                        yield r.key, r.value
    finally:
        consumer.close()


class JudgeShards:
    """The agents' work, effects injected (``send``: topic base, partition, key, value)."""

    def __init__(
        self,
        settings: Settings,
        shards: Shards,
        send: Any,
        send_dead: Any,
        flush: Any,
        horizon_of: Any = None,
        low_of: Any = None,
        clock: Any = time.monotonic,
        backlog_of: Any = None,
        highwater_of: Any = None,
    ) -> None:
        self.settings = settings
        self.clock = clock
        #: the inputs not routed yet (None: not known), a shard partition's end as last fetched
        #: (None: not known): whether this replica is catching up (:meth:`catching_up`)
        self.backlog_of = backlog_of
        self.highwater_of = highwater_of
        self._was_catching_up = False
        #: shards that sent tombstones: when their next roll marker is due, until when
        self._rolls: dict[Shard, tuple[float, float]] = {}
        #: a shard's low watermark over the inputs at its position (None: in-process use, where
        #: every input is in before judging and a shard's own clock decides alone)
        self.low_of = low_of
        #: what this replica's router has routed of each input partition, and what it published
        self._routed: dict[InputPartition, InputMark] = {}
        self._sent_marks: dict[InputPartition, InputMark] = {}
        #: how far each held shard has read its partition (the join: and forwarded from it)
        self._position: dict[Shard, int] = {}
        self._sent_joins: dict[int, int] = {}
        #: where a judging shard's rebuild read its partition to: the stream hands the messages
        #: before it again (from the committed offset), and they are in the history already
        self._rebuilt_to: dict[Shard, int] = {}
        #: a shard's horizon as its last owner published it (blocking; None: in-process use)
        self.horizon_of = horizon_of
        self._published_horizons: dict[Shard, datetime] = {}
        self.shards = shards
        self.send = send
        self.send_dead = send_dead
        self.flush = flush
        self.lock = asyncio.Lock()  # one judgement or batch at a time: engines are not shared
        self._base_of = {topic_name(settings.topic_prefix, b): b for b in INPUTS}
        self._stage_of = {topic_name(settings.topic_prefix, t): s for s, t in STAGE_TOPICS.items()}
        self._reported: dict[Shard, datetime] = {}
        #: the shards of the partitions Kafka gave this replica, as the rebalance callbacks say
        #: (None until the first assignment: in-process use takes what it is given)
        self.assigned: set[Shard] | None = None
        #: flags this replica raised, and withdrew, on ``flags`` (a withdrawal during a
        #: catch-up is mostly a provisional flag: raised before the event that clears it came)
        self.raised = 0
        self.withdrawals = 0

    def assign(self, assigned: set[Shard]) -> None:
        """A rebalance ended: these are this replica's shards now."""
        self.assigned = set(assigned)

    def _owned(self, shards: set[Shard]) -> set[Shard]:
        """``shards`` less those revoked meanwhile. A timer or a batch may have read the
        assignment before a rebalance and waited on the lock through it: judging a shard this
        replica lost would publish flags that its new owner, rebuilt already, never withdraws."""
        return shards if self.assigned is None else shards & self.assigned

    async def route(self, events: Sequence[Any]) -> None:
        """Inputs to their shards' partitions."""
        metrics.count_events(ROLE, events)
        parts = self.settings.partitions
        for event in events:
            base = self._base_of.get(event.message.topic, event.message.topic)
            tp = (event.message.topic, event.message.partition)
            mark = self._routed.get(tp)
            try:
                decoded = decode(_MODEL_OF[base], event.value)
            except InvalidEvent as exc:
                if base in _OWN_DEAD_LETTERS:
                    letter = dead_letter_of(
                        event, exc.reason, stage=LETTER_STAGE, now=datetime.now(UTC)
                    )
                    await self.send_dead(letter.dead_key, letter.to_json_bytes())
                # the indexer dead-letters the others
                offset = max(event.message.offset + 1, mark.offset if mark else 0)
                self._routed[tp] = InputMark(mark.time if mark else None, offset)
                continue
            key, value = shard_key(decoded), decoded.to_json_bytes()
            for route in routes(decoded):
                for p in targets(route, parts):
                    await self.send(STAGE_TOPICS[route[0]], p, key, value)
            # after its sends: a mark published after a flush covers only what was sent
            self._routed[tp] = advance_mark(mark, decoded, event.message.offset)

    def release_inputs(self, revoked: set[InputPartition]) -> None:
        """Input partitions taken away: their new router publishes their marks."""
        for tp in revoked:
            self._routed.pop(tp, None)
            self._sent_marks.pop(tp, None)

    async def progress(self) -> None:
        """Publish the routers' marks and the joins' positions that moved, after a flush: the
        events a mark or position covers are on the shard topics before it is read."""
        marks = {tp: m for tp, m in self._routed.items() if self._sent_marks.get(tp) != m}
        joins = {
            s[1]: pos
            for s, pos in self._position.items()
            if s[0] == RECORDING and self._sent_joins.get(s[1]) != pos
        }
        if not marks and not joins:
            return
        await self.flush()
        for (topic, p), m in sorted(marks.items()):
            key = INPUT_KEY + f"{topic}/{p}".encode()
            await self.send(topics.SHARD_WATERMARKS, 0, key, json.dumps(m.to_json()).encode())
            self._sent_marks[(topic, p)] = m
        for p, pos in sorted(joins.items()):
            await self.send(
                topics.SHARD_WATERMARKS, 0, JOIN_KEY + str(p).encode(), str(pos).encode()
            )
            self._sent_joins[p] = pos

    async def ensure(self, assigned: set[Shard]) -> None:
        """Hold exactly the shards of the partitions assigned (rebuilding the new ones)."""
        assigned = self._owned(assigned)
        self.shards.keep_only(assigned)
        for gone in set(self._position) - assigned:
            del self._position[gone]
            self._rebuilt_to.pop(gone, None)
        new = sorted(assigned - self.shards.held())
        if not new:
            return
        for shard in new:
            started = time.monotonic()
            reached: dict[str, int] = {}
            read = await asyncio.to_thread(self._history, shard, reached)
            # The flags standing that are this shard's word are on its own partition (``flag|``
            # keys, see ``judge``), written after the events they rest on: one read to one end
            # never finds a flag without its events. The ``flags`` topic is not read.
            standing = [e for e in read if isinstance(e, Flag)]
            history = [e for e in read if not isinstance(e, Flag)]
            if shard not in self._owned({shard}):
                continue  # revoked while its history was read
            horizon = None
            if self.horizon_of is not None and shard[0] != RECORDING:
                horizon = await asyncio.to_thread(self.horizon_of, shard)
            self.shards.rebuild(shard, history, standing, horizon)
            self._position[shard] = max(reached.get("end", 0), self._position.get(shard, 0))
            if shard[0] != RECORDING:
                self._rebuilt_to[shard] = reached.get("end", 0)
            if horizon is not None:
                self._published_horizons[shard] = horizon
            log.info(
                "分片 %s/%d 已重建：%d 条事件，%d 条在册问题线索（读取 %d 条消息），%.1f 秒",
                *shard,
                len(history),
                len(standing),
                reached.get("read", 0),
                time.monotonic() - started,
            )

    async def release(self, revoked: set[Shard]) -> None:
        """Partitions taken away: this replica no longer speaks for them. Not under the lock (a
        rebalance must not wait for a judgement): a judgement in flight publishes only the flags
        of shards still held, and what it sent before is flushed before the new owner reads."""
        if self.assigned is not None:
            self.assigned -= revoked
        self.shards.release(revoked)
        for shard in revoked:
            self._position.pop(shard, None)
            self._rebuilt_to.pop(shard, None)
            self._rolls.pop(shard, None)
            if shard[0] == RECORDING:
                self._sent_joins.pop(shard[1], None)
        await self.flush()

    def _history(self, shard: Shard, reached: dict[str, int]) -> list[Any]:
        upto_committed = shard[0] == RECORDING
        return list(read_history(self.settings, shard, upto_committed, reached))

    async def take(self, events: Sequence[Any]) -> None:
        """A batch of the analyzer's topics into the shards."""
        onward: list[tuple[str, int, bytes, bytes]] = []
        touched: set[Shard] = set()
        late: list[Any] = []
        joined: dict[Shard, int] = {}
        async with self.lock:
            shards = {(self._stage_of[e.message.topic], e.message.partition) for e in events}
            await self.ensure(self.shards.held() | shards)
            for e in events:
                shard = (self._stage_of[e.message.topic], e.message.partition)
                if shard not in self.shards.held():
                    continue  # revoked: its new owner reads it again from the committed offset
                read = e.message.offset + 1
                if shard[0] == RECORDING:
                    joined[shard] = max(read, joined.get(shard, 0))  # once forwarded, below
                elif read > self._position.get(shard, 0):
                    self._position[shard] = read
                if e.value is None or e.key.startswith((FLAG_KEY, ROLL_KEY)):
                    continue  # a tombstone (what a shard forgot), its flags standing, a marker
                if e.message.offset < self._rebuilt_to.get(shard, 0):
                    # read at the rebuild already, as compaction left it: taken again, an
                    # event of a month forgotten since would be refused as late (a spurious
                    # dead letter), an old version of an event would come back
                    continue
                try:
                    event = shard_event(e.key, e.value)
                except (InvalidEvent, KeyError, AttributeError):
                    continue
                if shard[0] == RECORDING:
                    for route, transcript in self.shards.joins[shard[1]].add(event):
                        key, value = shard_key(transcript), transcript.to_json_bytes()
                        for p in targets(route, self.settings.partitions):
                            onward.append((STAGE_TOPICS[route[0]], p, key, value))
                elif self.shards.engines[shard].add(event):
                    touched.add(shard)
                else:
                    late.append(e)
        for message in onward:
            await self.send(*message)
        for shard, read in joined.items():
            if shard in self.shards.held() and read > self._position.get(shard, 0):
                self._position[shard] = read
        for e in late:
            # once per event: the copies a recording or complaint has on other shards are
            # refused there too, the letter of the first partition is enough
            if not self._is_first_copy(e):
                continue
            letter = dead_letter_of(e, LATE_REASON, stage=LETTER_STAGE, now=datetime.now(UTC))
            await self.send_dead(letter.dead_key, letter.to_json_bytes())
            metrics.LATE_EVENTS.labels(ROLE).inc()
        for shard in touched:
            engine = self.shards.engines.get(shard)
            wm = engine.watermark if engine is not None else None
            if wm is not None and wm != self._reported.get(shard):
                self._reported[shard] = wm
                key = f"{shard[0]}/{shard[1]}".encode()
                await self.send(topics.SHARD_WATERMARKS, 0, key, wm.isoformat().encode())

    async def judge(self, assigned: set[Shard], watermark: datetime | None) -> Changes:
        """Every held shard at the largest watermark; the flags that changed, published (under
        the lock: a revocation waits for them)."""
        async with self.lock:
            await self.ensure(assigned)
            local = self.shards.watermark()
            if local is not None and (watermark is None or local > watermark):
                watermark = local
            lows = None
            if self.low_of is not None:
                lows = {s: self.low_of(s, self._position.get(s, 0)) for s in self.shards.held()}
            catching_up = self.catching_up()
            if catching_up != self._was_catching_up:
                self._was_catching_up = catching_up
                state = "是，范围待其输入读过后再判" if catching_up else "否，逐秒研判"
                log.info("追赶积压：%s", state)
            changes = await asyncio.to_thread(self.shards.judge, watermark, lows, catching_up)
            await self._publish(changes)
            await self.forget()
        return changes

    async def _publish(self, changes: Changes) -> None:
        """The flags that changed, on ``flags``, and the owner's own record of what stands on
        its partition (``flag|<id>``; a successor reads it instead of ``flags``). A raise is
        recorded before it is published and a withdrawal published before its record goes (a
        kill -9 in between leaves a record of a flag that may not stand: withdrawn again, or
        raised again; never a flag standing unrecorded, which no successor would withdraw).
        A final flag's record goes too: it stands for good and is never reconciled."""
        held = self.shards.held()
        parts = self.settings.partitions

        def mine(flags: list[Flag]) -> list[tuple[Flag, Shard]]:
            # revoked meanwhile: the new owner speaks for it
            return [(f, s) for f in flags if (s := owner(f, parts)) in held]

        raised, withdrawn = mine(changes.flags), mine(changes.withdrawn)
        if not raised and not withdrawn and not changes.final:
            return
        for flag, (stage, p) in raised:
            await self.send(
                STAGE_TOPICS[stage], p, FLAG_KEY + flag.flag_id.encode(), flag.to_json_bytes()
            )
        if raised:
            await self.flush()
        for flag, _ in [*raised, *withdrawn]:
            await self.send(topics.FLAGS, None, flag.key.encode(), flag.to_json_bytes())
            metrics.FLAGS_OUT.labels(ROLE, flag.category).inc()
        self.raised += len(raised)
        self.withdrawals += len(withdrawn)
        gone = [*withdrawn, *mine(changes.final)]
        if gone:
            await self.flush()
        for flag, (stage, p) in gone:
            await self.send(STAGE_TOPICS[stage], p, FLAG_KEY + flag.flag_id.encode(), None)

    async def forget(self) -> None:
        """Tombstone on each shard's own partition what it forgot; dead-letter the transcripts
        a join gave up on. A key forgotten twice (a rebuild before compaction) is deleted twice:
        harmless. A moved horizon is published (and flushed) first: a successor that finds
        tombstones also finds the horizon that made them, and one that finds no new horizon
        finds no tombstone either, so it judges the month again from its whole history."""
        moved = {
            s: h
            for s, h in self.shards.horizons().items()
            if self._published_horizons.get(s) != h and s in self.shards.held()
        }
        for (stage, p), h in sorted(moved.items()):
            await self.send(
                topics.SHARD_WATERMARKS, 0, horizon_key((stage, p)), h.isoformat().encode()
            )
            self._published_horizons[(stage, p)] = h
        if moved:
            await self.flush()
        tombstones, given_up = self.shards.drain()
        for (stage, p), keys in sorted(tombstones.items()):
            for key in keys:
                await self.send(STAGE_TOPICS[stage], p, key.encode(), None)
            metrics.TOMBSTONES.labels(stage).inc(len(keys))
        segment = self.settings.analyzer_segment_s
        tick = self.clock()
        for shard, keys in tombstones.items():
            if keys:  # a marker once the segment holding them may roll; more until they go
                # (two cleaning passes, each up to the cleaner's 15-s back-off after its roll)
                until = tick + self.settings.analyzer_tombstone_s + 3 * segment + 60
                self._rolls[shard] = (tick + segment + 1, until)
        now = datetime.now(UTC)
        for t in given_up:
            letter = dead_letter(
                GIVEN_UP_REASON,
                stage=LETTER_STAGE,
                source=topic_name(self.settings.topic_prefix, STAGE_TOPICS[RECORDING]),
                position="join",
                payload=t.to_json_bytes(),
                key=event_key(t),
                event_type="transcript",
                now=now,
            )
            await self.send_dead(letter.dead_key, letter.to_json_bytes())
            metrics.LATE_EVENTS.labels(ROLE).inc()

    async def roll(self) -> None:
        """Append the roll markers that are due (``ROLL_KEY``): each rolls the segment that
        holds its shard's tombstones (or the previous marker) so the cleaner may take it."""
        now = self.clock()
        segment = self.settings.analyzer_segment_s
        for shard, (due, until) in sorted(self._rolls.items()):
            if shard not in self.shards.held():
                del self._rolls[shard]
                continue
            if now < due:
                continue
            stage, p = shard
            stamp = datetime.now(UTC).isoformat().encode()
            await self.send(STAGE_TOPICS[stage], p, ROLL_KEY, stamp)
            if now + segment > until:
                del self._rolls[shard]
            else:
                self._rolls[shard] = (now + segment + 1, until)

    def catching_up(self) -> bool:
        """Whether the inputs not routed yet, or the unread messages of a shard partition held,
        exceed ``analyzer_catch_up_lag``: a backlog, so a scope is judged once its shard's
        clock has passed it, not at every second (unknown counts as caught up)."""
        limit = self.settings.analyzer_catch_up_lag
        if not limit:
            return False
        backlog = self.backlog_of() if self.backlog_of is not None else None
        if backlog is not None and backlog > limit:
            return True
        if self.highwater_of is None:
            return False
        for shard in self.shards.held():
            end = self.highwater_of(shard)
            if end is not None and end - self._position.get(shard, 0) > limit:
                return True
        return False

    def report(self) -> None:
        """Log what judging has cost so far (the benchmark reads the last line of each pid)."""
        log.info(
            "研判统计 pid=%d：研判 %d 次，判定范围 %d 个，发布问题线索 %d 条，撤回 %d 条",
            os.getpid(),
            self.shards.judgements,
            self.shards.scopes_judged,
            self.raised,
            self.withdrawals,
        )

    def _is_first_copy(self, e: Any) -> bool:
        """Whether a refused message is on the first partition its event was sent to (an event
        on several shards is refused by each: one dead letter for it)."""
        try:
            event = shard_event(e.key, e.value)
        except (InvalidEvent, KeyError, AttributeError):
            return False
        if isinstance(event, Transcript):
            return True  # reaches its officers through the join: a letter per copy
        first = routes(event)[0]
        return (
            self._stage_of[e.message.topic] == first[0]
            and targets(first, self.settings.partitions)[0] == e.message.partition
        )


def build_judge(settings: Settings, watermarks: Watermarks) -> faust.App:
    """The replicated analyzer's Faust app (consumer group ``{app_id}-judge``)."""
    app = create_app(
        settings,
        ROLE,
        broker_session_timeout=SESSION_TIMEOUT_S,
        broker_heartbeat_interval=3.0,
        consumer_max_fetch_size=FETCH_BYTES,
    )
    out = {base: raw_topic(app, settings, base) for base in [*STAGE_TOPICS.values()]}
    out[topics.SHARD_WATERMARKS] = raw_topic(app, settings, topics.SHARD_WATERMARKS)
    out[topics.FLAGS] = raw_topic(app, settings, topics.FLAGS)

    async def send(base: str, partition: int | None, key: bytes, value: bytes | None) -> None:
        await out[base].send(key=key, value=value, partition=partition)

    def highwater(shard: Shard) -> int | None:
        tp = TP(topic_name(settings.topic_prefix, STAGE_TOPICS[shard[0]]), shard[1])
        try:
            end = app.consumer.highwater(tp)
        except Exception:  # not assigned (a rebalance), or no fetch yet
            return None
        return end if isinstance(end, int) else None

    work = JudgeShards(
        settings,
        Shards(Engine.evicting(settings), settings.partitions, gated=True),
        send,
        dead_letter_sender(app, settings),
        lambda: app.producer.flush(),
        watermarks.horizon,
        watermarks.low,
        backlog_of=lambda: watermarks.backlog,
        highwater_of=highwater,
    )

    @app.agent(raw_topics(app, settings, *INPUTS), name="route_events")
    async def route_events(stream: Any) -> None:
        async for events in stream.take_events(
            settings.index_batch_size, within=settings.index_batch_seconds
        ):
            await work.route(events)

    @app.agent(raw_topics(app, settings, *STAGE_TOPICS.values()), name="judge_shards")
    async def judge_shards(stream: Any) -> None:
        async for events in stream.take_events(
            settings.index_batch_size, within=settings.index_batch_seconds
        ):
            await work.take(events)

    stage_of = {topic_name(settings.topic_prefix, t): s for s, t in STAGE_TOPICS.items()}

    @app.timer(interval=1.0)
    async def judge_now() -> None:
        if not watermarks.ready.is_set():
            return  # judged below the detachment's watermark, a restart would flap its flags
        assigned = {
            (stage_of[tp.topic], tp.partition)
            for tp in app.consumer.assignment()
            if tp.topic in stage_of
        }
        await work.judge(assigned, watermarks.value())

    @app.timer(interval=1.0)
    async def publish_progress() -> None:
        await work.progress()
        await work.roll()

    @app.on_partitions_revoked.connect  # type: ignore[arg-type]
    async def release(app: faust.App, revoked: set[Any], **kwargs: Any) -> None:
        work.release_inputs(
            {(tp.topic, tp.partition) for tp in revoked if tp.topic not in stage_of}
        )
        await work.release(
            {(stage_of[tp.topic], tp.partition) for tp in revoked if tp.topic in stage_of}
        )

    @app.on_partitions_assigned.connect  # type: ignore[arg-type]
    async def assign(app: faust.App, assigned: set[Any], **kwargs: Any) -> None:
        work.assign({(stage_of[tp.topic], tp.partition) for tp in assigned if tp.topic in stage_of})

    @app.timer(interval=REPORT_EVERY_S)
    async def report() -> None:
        work.report()

    @app.on_before_shutdown.connect  # type: ignore[arg-type]
    async def stop_watermarks(app: faust.App, **kwargs: Any) -> None:
        work.report()
        watermarks.stop()

    app.shard_work = work  # type: ignore[attr-defined]  # for tests and the benchmark
    return app


def run_judge(settings: Settings, loglevel: str = "info") -> None:
    """Prepare topics, then run one analyzer replica until stopped (start as many as wanted)."""
    serve_worker_metrics(settings, ROLE, INPUTS)
    prepare(settings)
    wait_for_group_coordinator(settings, f"{settings.app_id}-{ROLE}")
    watermarks = Watermarks(settings)
    watermarks.start()
    app = build_judge(settings, watermarks)
    faust.Worker(app, loglevel=loglevel).execute_from_commandline()
