"""How the analyzer's work is cut into shards that N replicas share (issue 15), without I/O.

A judgement needs certain events together. The engine's scopes (:mod:`analyzers.engine`) fall in
two kinds, and each kind meets in its own stage:

- **officer** stage, keyed by officer: the ``("day", officer, date)`` scopes (encounters,
  speech rules, coverage). A shard holds the tickets of its officers and every recording naming
  one of them (a crew's recording goes to each member's shard), with its transcript. It judges
  only the days of officers it owns: the partner of a crew recording is another shard's officer.
- **detachment** stage, keyed by detachment: the scopes that need every ticket of a detachment
  (the 辅警 roster of ``aux_alone``, the same vehicle fined by two officers, the officer-month
  statistics whose peers are the squad, else the detachment, and whose baseline is the
  detachment's daily volume). It holds tickets only (plus policies and complaints, sent to every
  shard of the stage): a third of the events, the small ones.

A transcript names no officer in the v1 contract; it reaches its officers through its recording
(the **recording** stage, keyed by recording id: the join), or straight when it carries the
optional ``officer_ids``. Nothing here relies on a producer's key: the route is a function of
the event alone, and the partition a function of the route (:func:`partition_of`, stable across
processes, unlike Python's ``hash``).

The watermark (latest event time) is the detachment's, not a shard's: the batch judges with the
latest time of the whole file, so every shard advances to the largest watermark any shard has
seen (the stream carries it on an internal topic). Final months (:mod:`analyzers.engine`) go by
a shard's own latest event time instead, so a shard that lags behind its peers never refuses its
on-time events, and, with replicas, by the low watermark over the input partitions too
(:func:`low_watermark`, :class:`LowWatermark`): several routers feed one shard at different
paces, and a killed one's backlog, re-routed by its successor, comes weeks behind the shard's
own clock; it must not find its month final. What a
shard forgets, it names (:func:`tombstone_keys`): the stream deletes those keys from the shard's
compacted topic, so a rebuild reads the open months only.
"""

from __future__ import annotations

import zlib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from analyzers.engine import Changes, Engine, Scope, Windows, final_horizon
from jiancha.schemas.complaints import Complaint
from jiancha.schemas.enforcement_actions import EnforcementAction
from jiancha.schemas.flags import Flag
from jiancha.schemas.held import held
from jiancha.schemas.policies import Policy
from jiancha.schemas.recordings import Recording
from jiancha.schemas.transcripts import Transcript

OFFICER = "officer"
DETACHMENT = "detachment"
RECORDING = "recording"
#: a route: (stage, key); key ``"*"`` means every shard of the stage
Route = tuple[str, str]
EVERY = "*"
#: the scope kinds each judging stage decides
DETACHMENT_SCOPES = frozenset({"action", "plate", "month"})


_KIND_ID: dict[type, tuple[str, str]] = {
    EnforcementAction: ("enforcement_action", "action_id"),
    Recording: ("recording", "recording_id"),
    Transcript: ("transcript", "recording_id"),
    Complaint: ("complaint", "complaint_id"),
    Policy: ("policy", "policy_id"),
}


def event_key(event: Any) -> str:
    """``type|id``: an event's key on the analyzer's topics (compaction keeps its latest)."""
    kind, id_field = _KIND_ID[type(event)]
    return f"{kind}|{getattr(event, id_field)}"


def tombstone_keys(events: Iterable[Any]) -> list[str]:
    """The keys to delete from a shard's topic for forgotten ``events``: a recording takes its
    transcript with it (the join passed it on without keeping it)."""
    keys: dict[str, None] = {}
    for e in events:
        keys[event_key(e)] = None
        if isinstance(e, Recording):
            keys[f"transcript|{e.recording_id}"] = None
    return list(keys)


def partition_of(key: str, partitions: int) -> int:
    """The shard of a key: CRC-32 of its UTF-8 bytes modulo the partition count."""
    return zlib.crc32(key.encode("utf-8")) % partitions


def detachment_of(squad_id: str | None) -> str:
    """The detachment a squad belongs to. One detachment per deployment today (eval-dev, the
    demo): a province deployment maps its squads here (squad id prefix or a roster)."""
    return ""


def routes(event: Any) -> list[Route]:
    """Where an event must go; a transcript without officers goes to its recording's join."""
    if isinstance(event, EnforcementAction):
        return [(OFFICER, event.officer_id), (DETACHMENT, detachment_of(event.squad_id))]
    if isinstance(event, Recording):
        return [(OFFICER, o) for o in dict.fromkeys(event.officer_ids)] + [
            (RECORDING, event.recording_id)
        ]
    if isinstance(event, Transcript):
        return [(RECORDING, event.recording_id)]
    if isinstance(event, Policy | Complaint):
        return [(DETACHMENT, EVERY)]
    raise TypeError(f"分片路由不处理此类事件：{type(event).__name__}")


def officer_routes(recording: Recording) -> list[Route]:
    """Where a recording's transcript goes once the join knows the recording."""
    return [(OFFICER, o) for o in dict.fromkeys(recording.officer_ids)]


def judges(stage: str, partition: int, partitions: int) -> Callable[[Scope], bool]:
    """Which scopes the shard ``partition`` of ``stage`` decides."""
    if stage == OFFICER:
        return lambda s: s[0] == "day" and partition_of(s[1], partitions) == partition
    if stage == DETACHMENT:
        return lambda s: s[0] in DETACHMENT_SCOPES
    raise ValueError(stage)


def shard_engine(stage: str, partition: int, partitions: int, template: Engine) -> Engine:
    """An engine for one shard, with the law, windows and lateness of ``template``."""
    return Engine(
        template.law,
        template.w,
        judges=judges(stage, partition, partitions),
        lateness=template.lateness,
    )


class Join:
    """The recording stage: a transcript waits for its recording, then goes to its officers.

    With a ``lateness``, it refuses the recordings of final months (the officers' shards
    dead-letter them) and forgets them, all but the last ``reach`` before the horizon whose
    transcripts may still come for the open month's first days, as an engine does; a
    transcript that waited past the horizon for a recording that never came is given up."""

    def __init__(self, lateness: timedelta | None = None, reach: timedelta | None = None) -> None:
        self.lateness = lateness
        self.reach = reach if reach is not None else Windows().reach
        self.recordings: dict[str, Recording] = {}
        self.waiting: dict[str, Transcript] = {}
        self._waiting_since: dict[str, datetime | None] = {}
        self._seen_by: dict[str, datetime] = {}
        self.horizon: datetime | None = None
        #: as :attr:`analyzers.engine.Engine.gated` / ``input_low``
        self.gated = False
        self.input_low: datetime | None = None

    @property
    def seen(self) -> datetime | None:
        """The latest upload time of the kind that lags most (recordings, or the recordings of
        the transcripts come): see :attr:`analyzers.engine.Engine.seen`."""
        return min(self._seen_by.values(), default=None)

    def _see(self, kind: str, t: datetime) -> None:
        if kind not in self._seen_by or t > self._seen_by[kind]:
            self._seen_by[kind] = t

    def add(self, event: Recording | Transcript) -> list[tuple[Route, Transcript]]:
        """Take a recording or transcript; returns the transcripts now routable."""
        event = held(event, event.recording_id)
        if isinstance(event, Recording):
            if self.horizon is not None and event.started_at < self.horizon:
                return []  # of a final month: its officers' shards dead-letter it
            self._see("recording", event.uploaded_at)
            self.recordings[event.recording_id] = event
            t = self.waiting.pop(event.recording_id, None)
            self._waiting_since.pop(event.recording_id, None)
            if t is None:
                return []
            self._see("transcript", event.uploaded_at)
            return [(r, t) for r in officer_routes(event)]
        rec = self.recordings.get(event.recording_id)
        if rec is None:
            self.waiting[event.recording_id] = event
            self._waiting_since[event.recording_id] = self.seen
            return []
        self._see("transcript", rec.uploaded_at)
        return [(r, event) for r in officer_routes(rec)]

    def evict(self) -> tuple[list[Recording], list[Transcript]]:
        """Forget what is final: the recordings before the horizon, and the transcripts that
        waited since before it (given up: the caller dead-letters them)."""
        horizon = final_horizon(self.lateness, self.seen, self.gated, self.input_low)
        if horizon is None or (self.horizon is not None and horizon <= self.horizon):
            return [], []
        self.horizon = horizon
        gone = [r for r in self.recordings.values() if r.started_at < horizon - self.reach]
        for r in gone:
            del self.recordings[r.recording_id]
        given_up = [
            t
            for rid, t in self.waiting.items()
            if (since := self._waiting_since.get(rid)) is None or since < horizon
        ]
        for t in given_up:
            del self.waiting[t.recording_id]
            self._waiting_since.pop(t.recording_id, None)
        return gone, given_up


def targets(route: Route, partitions: int) -> list[int]:
    """The partitions a route reaches: its key's, or all of them for ``EVERY``."""
    key = route[1]
    return list(range(partitions)) if key == EVERY else [partition_of(key, partitions)]


def sharded_flags(
    events: Iterable[Any], partitions: int, template: Engine | None = None
) -> tuple[list[Flag], Shards]:
    """The flags of ``events`` judged by shards as the stream does, in one process (the stream
    with its topics replaced by calls): what the batch gives, for any ``partitions``."""
    shards = Shards(template or Engine(), partitions)
    for stage in (OFFICER, DETACHMENT, RECORDING):
        for p in range(partitions):
            shards.rebuild((stage, p), ())

    def deliver(route: Route, event: Any) -> None:
        for p in targets(route, partitions):
            if route[0] == RECORDING:
                for onward, transcript in shards.joins[p].add(event):
                    deliver(onward, transcript)
            else:
                shards.engines[(route[0], p)].add(event)

    for event in events:
        for route in routes(event):
            deliver(route, event)
    final = shards.judge(shards.watermark()).final
    flags = {f.flag_id: f for f in final}
    flags |= {f.flag_id: f for e in shards.engines.values() for f in e.flags()}
    return list(flags.values()), shards


#: categories only the detachment stage raises (from the ticket alone, pairs, or months) when
#: they cite no recording; ``cash_no_receipt`` heard in a recording is the officer stage's
DETACHMENT_CATEGORIES = frozenset(
    {
        "aux_alone",
        "cash_no_receipt",
        "disproportionate_measure",
        "duplicate_penalty",
        "exempt_penalized",
        "out_of_range_fine",
        "month_end_spike",
        "out_of_town_targeting",
    }
)


def owner(flag: Flag, partitions: int) -> tuple[str, int]:
    """The shard whose word a flag is: the one that must withdraw it when it no longer holds."""
    if flag.category in DETACHMENT_CATEGORIES and not flag.recording_ids:
        return (DETACHMENT, partition_of(detachment_of(flag.squad_id), partitions))
    return (OFFICER, partition_of(flag.officer_id, partitions))


Shard = tuple[str, int]


class Shards:
    """One replica's share of the work: an engine per assigned partition of the two judging
    stages, a :class:`Join` per partition of the recording stage.

    A shard appears when its partition is assigned and is rebuilt from its partition's history
    (``history``: the internal topic read up to where the stream resumes; adding an event twice
    changes nothing); it goes when the partition is taken away, so two replicas never both
    speak for one shard. Its first judgement is reconciled with the flags standing on Kafka
    that are its word (:func:`owner`): a predecessor's flag that no longer holds is withdrawn.
    """

    def __init__(self, template: Engine, partitions: int, gated: bool = False) -> None:
        self.template = template
        self.partitions = partitions
        #: final months wait for the low watermark over the inputs (replicas on Kafka: see
        #: :meth:`judge`); a shard knows none until its first judgement, so nothing is final
        self.gated = gated
        self.engines: dict[Shard, Engine] = {}
        self.joins: dict[int, Join] = {}
        # rebuilt shards not yet judged: the standing flags that are their word
        self._fresh: dict[Shard, list[Flag]] = {}
        #: keys each shard forgot (final months), for the stream to tombstone; drained by it
        self.tombstones: dict[Shard, list[str]] = {}
        #: transcripts a join gave up waiting for (their recording is final or never came)
        self.given_up: list[Transcript] = []
        #: judgements made (:meth:`judge` calls) and scopes judged by them, over every shard held
        self.judgements = 0
        self.scopes_judged = 0

    def held(self) -> set[Shard]:
        return set(self.engines) | {(RECORDING, p) for p in self.joins}

    def keep_only(self, assigned: set[Shard]) -> None:
        """Forget the shards whose partitions this replica no longer owns."""
        self.release(self.held() - assigned)

    def release(self, shards: Iterable[Shard]) -> None:
        """Forget ``shards`` (their partitions were taken away)."""
        for shard in shards:
            self.engines.pop(shard, None)
            self._fresh.pop(shard, None)
            if shard[0] == RECORDING:
                self.joins.pop(shard[1], None)

    def rebuild(
        self,
        shard: Shard,
        history: Iterable[Any],
        standing: Iterable[Flag] = (),
        horizon: datetime | None = None,
    ) -> None:
        """Start holding ``shard`` with the events it had. ``standing`` (the flags on Kafka,
        read *before* the history, so every one of them rests on events the history holds) is
        reconciled at the shard's first judgement. ``horizon`` is the predecessor's (None: it
        had none): what lies before it was judged for good, and is not judged again; the
        history is not enough to tell, since it may reach further than the predecessor judged
        (a kill -9 after reading, before judging), and a month made final from it unjudged would
        lose its last flags."""
        stage, p = shard
        if stage == RECORDING:
            join = self.joins[p] = Join(self.template.lateness, self.template.w.reach)
            join.gated = self.gated
            for event in history:
                join.add(event)
            self._evict_join(p)
            return
        engine = self.engines[shard] = shard_engine(stage, p, self.partitions, self.template)
        engine.gated = self.gated
        for event in history:
            engine.add(event)
        if horizon is not None:  # and forget what the predecessor forgot (tombstones lost, too)
            found = engine.evict(horizon=horizon)
            self._tombstone(shard, found.evicted)
            self.given_up += found.given_up
        self._fresh[shard] = [f for f in standing if owner(f, self.partitions) == shard]

    def _tombstone(self, shard: Shard, events: list[Any]) -> None:
        if events:
            self.tombstones.setdefault(shard, []).extend(tombstone_keys(events))

    def _evict_join(self, p: int, join: Join | None = None) -> None:
        gone, given_up = (join or self.joins[p]).evict()
        self._tombstone((RECORDING, p), [*gone, *given_up])
        self.given_up += given_up

    def horizons(self) -> dict[Shard, datetime]:
        """The horizon of every engine that has one (the stream publishes them for successors)."""
        return {s: e.horizon for s, e in self.engines.items() if e.horizon is not None}

    def drain(self) -> tuple[dict[Shard, list[str]], list[Transcript]]:
        """The keys to tombstone and the transcripts given up since the last call."""
        out, self.tombstones = self.tombstones, {}
        given_up, self.given_up = self.given_up, []
        return out, given_up

    def watermark(self) -> Any:
        """The latest event time any shard of this replica has seen (None before any)."""
        return max((e.watermark for e in self.engines.values() if e.watermark), default=None)

    def judge(
        self,
        watermark: Any,
        lows: Mapping[Shard, datetime | None] | None = None,
        catching_up: bool = False,
    ) -> Changes:
        """Advance every shard to ``watermark``; withdraw what rebuilt shards no longer hold.
        ``lows``: each shard's low watermark over the inputs (:class:`LowWatermark`; replicas on
        Kafka): a month is final only once it is past it too (a shard missing: nothing final).
        None (one process, every input already in): each shard's own clock decides alone.
        ``catching_up`` (the caller's input is far behind its end): each shard judges only the
        scopes its own clock has passed (:meth:`analyzers.engine.Engine.advance`'s
        ``settled``), but a rebuilt shard's first judgement, which must find every flag that
        still holds before it withdraws the standing ones that do not."""
        changes = Changes()
        if lows is not None or self.gated:
            lows = lows or {}
            for shard, engine in list(self.engines.items()):
                engine.gated, engine.input_low = True, lows.get(shard)
            for p, join in list(self.joins.items()):
                join.gated, join.input_low = True, lows.get((RECORDING, p))
        self.judgements += 1
        for shard, engine in sorted(self.engines.items()):
            before = engine.scopes_judged
            settled = engine.seen if catching_up and shard not in self._fresh else None
            found = engine.advance(watermark, settled)
            self.scopes_judged += engine.scopes_judged - before
            changes.flags += found.flags
            changes.withdrawn += found.withdrawn
            changes.cases |= found.cases
            changes.final += found.final
            changes.evicted += found.evicted
            self._tombstone(shard, found.evicted)
            self.given_up += found.given_up
            fresh = self._fresh.pop(shard, None)  # None: not rebuilt, or released meanwhile
            if fresh is not None:
                changes.final += [f for f in fresh if not f.withdrawn and engine.is_final(f)]
                stale = engine.stale(fresh)
                changes.withdrawn += stale
                changes.cases |= {f.case_id for f in stale if f.case_id}
        # a copy: the stream releases shards while a judgement runs in its thread
        for p, join in sorted(list(self.joins.items()), key=lambda pj: pj[0]):
            self._evict_join(p, join)
        return changes


# -- the low watermark over the input partitions ------------------------------------------------

#: an input topic's partition: (topic name, partition)
InputPartition = tuple[str, int]


def input_time(event: Any) -> datetime | None:
    """The event time by which a router's progress on an input partition is told: the time the
    engine's own clock counts for the kind (:attr:`analyzers.engine.Engine.seen`: a ticket's,
    a recording's upload, a complaint's receipt). None for a transcript (the contract gives it
    no time: its recording's upload is known only at the join) or a policy (of no month)."""
    if isinstance(event, EnforcementAction):
        return event.occurred_at
    if isinstance(event, Recording):
        return event.uploaded_at
    if isinstance(event, Complaint):
        return event.received_at
    return None


@dataclass(frozen=True)
class InputMark:
    """What a router has routed of one input partition, and flushed to the shard topics: the
    latest event time among it (None: a partition of events without a time) and the offset it
    has routed up to (the next one to route)."""

    time: datetime | None
    offset: int

    def to_json(self) -> dict[str, Any]:
        return {"time": self.time.isoformat() if self.time else None, "offset": self.offset}

    @classmethod
    def from_json(cls, raw: Mapping[str, Any]) -> InputMark:
        t = raw.get("time")
        return cls(datetime.fromisoformat(t) if t else None, int(raw["offset"]))


def advance_mark(mark: InputMark | None, event: Any, offset: int) -> InputMark:
    """``mark`` after routing ``event`` found at ``offset`` of its partition."""
    t = input_time(event)
    if mark is not None and mark.time is not None and (t is None or mark.time > t):
        t = mark.time
    return InputMark(t, max(offset + 1, mark.offset if mark is not None else 0))


def low_watermark(
    partitions: Iterable[InputPartition],
    marks: Mapping[InputPartition, InputMark],
    starts: Mapping[InputPartition, int],
    ends: Mapping[InputPartition, int],
) -> datetime | None:
    """The minimum over every input partition of what its router has routed, in event time (as
    Kafka Streams and Flink take the minimum over their input partitions); None while it is not
    known (nothing may be final then).

    A partition read to its end (its mark's offset at the log's end, or an empty log) is *idle*:
    nothing of it is left to route, so it holds nothing back (it counts as caught up with the
    others). Any other partition must have a mark with a time: a partition no router has
    reported yet, or one of events without a time (transcripts) that is not at its end, leaves
    the watermark unknown. A router killed mid-way leaves its marks where it last flushed them,
    behind the log's end: the watermark waits for its successor to route the backlog."""
    busy: list[datetime] = []
    times: list[datetime] = []
    for tp in partitions:
        if tp not in ends:
            return None  # its log's end is not known yet
        mark = marks.get(tp)
        routed = mark.offset if mark is not None else starts.get(tp, 0)
        if mark is not None and mark.time is not None:
            times.append(mark.time)
        if routed >= ends[tp]:
            continue  # idle
        if mark is None or mark.time is None:
            return None
        busy.append(mark.time)
    if busy:
        return min(busy)
    return max(times, default=None)


@dataclass
class LowWatermark:
    """Which low watermark each shard may finalise with: the inputs' low watermark counts for a
    shard only once the shard has read everything routed to it before (its position on its
    partition past the partition's end taken after the marks were read). For an officer shard
    that includes the transcripts the join forwards, so it goes in two steps:

    1. :meth:`propose` ``(low, ends)``: the low watermark with the recording stage's ends taken
       after it; a join that has read and forwarded up to those ends has sent on every
       transcript the low watermark covers;
    2. :meth:`joined` with the joins' positions: the newest proposal they all passed; the caller
       then takes the officer and detachment stages' ends and :meth:`settle` s them.

    :meth:`low` answers for a shard at its position: the largest low watermark whose ends it
    has passed (None: none yet)."""

    #: most proposals or settlements kept (the oldest go first)
    keep: int = 64
    proposed: list[tuple[datetime, dict[Shard, int]]] = field(default_factory=list)
    settled: list[tuple[datetime, dict[Shard, int]]] = field(default_factory=list)
    #: the largest proposal :meth:`joined` has returned
    joined_low: datetime | None = None

    def _add(
        self, entries: list[tuple[datetime, dict[Shard, int]]], low: datetime, ends: dict
    ) -> None:
        # an entry with no larger low than the last one is worth nothing more (later ends)
        if entries and low <= entries[-1][0]:
            return
        entries.append((low, dict(ends)))
        del entries[: -self.keep]

    def propose(self, low: datetime, ends: Mapping[Shard, int]) -> None:
        self._add(self.proposed, low, dict(ends))

    def joined(self, positions: Mapping[int, int]) -> datetime | None:
        """The largest proposed low watermark every join has passed (read and forwarded up to
        its ends), if larger than the last returned; None: none new."""
        best = None
        for low, ends in self.proposed:
            if all(positions.get(s[1], 0) >= end for s, end in ends.items()):
                best = low
        if best is None or (self.joined_low is not None and best <= self.joined_low):
            return None
        self.joined_low = best
        return best

    def settle(self, low: datetime, ends: Mapping[Shard, int]) -> None:
        self._add(self.settled, low, dict(ends))

    def low(self, shard: Shard, position: int) -> datetime | None:
        """The low watermark ``shard`` may finalise with, having read its partition up to
        ``position`` (a join: the proposals; a judging shard: the settlements)."""
        entries = self.proposed if shard[0] == RECORDING else self.settled
        best = None
        for low, ends in entries:
            if shard in ends and position >= ends[shard]:
                best = low
        return best
