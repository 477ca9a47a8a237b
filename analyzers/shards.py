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
seen (the stream carries it on an internal topic).
"""

from __future__ import annotations

import zlib
from collections.abc import Callable, Iterable
from typing import Any

from analyzers.engine import Changes, Engine, Scope
from streams.schemas.complaints import Complaint
from streams.schemas.enforcement_actions import EnforcementAction
from streams.schemas.flags import Flag
from streams.schemas.policies import Policy
from streams.schemas.recordings import Recording
from streams.schemas.transcripts import Transcript

OFFICER = "officer"
DETACHMENT = "detachment"
RECORDING = "recording"
#: a route: (stage, key); key ``"*"`` means every shard of the stage
Route = tuple[str, str]
EVERY = "*"
#: the scope kinds each judging stage decides
DETACHMENT_SCOPES = frozenset({"action", "plate", "month"})


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
    """An engine for one shard, with the law and windows of ``template``."""
    return Engine(template.law, template.w, judges=judges(stage, partition, partitions))


class Join:
    """The recording stage: a transcript waits for its recording, then goes to its officers."""

    def __init__(self) -> None:
        self.recordings: dict[str, Recording] = {}
        self.waiting: dict[str, Transcript] = {}

    def add(self, event: Recording | Transcript) -> list[tuple[Route, Transcript]]:
        """Take a recording or transcript; returns the transcripts now routable."""
        if isinstance(event, Recording):
            self.recordings[event.recording_id] = event
            t = self.waiting.pop(event.recording_id, None)
            return [(r, t) for r in officer_routes(event)] if t is not None else []
        rec = self.recordings.get(event.recording_id)
        if rec is None:
            self.waiting[event.recording_id] = event
            return []
        return [(r, event) for r in officer_routes(rec)]


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
    shards.judge(shards.watermark())
    flags = {f.flag_id: f for e in shards.engines.values() for f in e.flags()}
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

    def __init__(self, template: Engine, partitions: int) -> None:
        self.template = template
        self.partitions = partitions
        self.engines: dict[Shard, Engine] = {}
        self.joins: dict[int, Join] = {}
        # rebuilt shards not yet judged: the standing flags that are their word
        self._fresh: dict[Shard, list[Flag]] = {}

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

    def rebuild(self, shard: Shard, history: Iterable[Any], standing: Iterable[Flag] = ()) -> None:
        """Start holding ``shard`` with the events it had. ``standing`` (the flags on Kafka,
        read *before* the history, so every one of them rests on events the history holds) is
        reconciled at the shard's first judgement."""
        stage, p = shard
        if stage == RECORDING:
            join = self.joins[p] = Join()
            for event in history:
                join.add(event)
            return
        engine = self.engines[shard] = shard_engine(stage, p, self.partitions, self.template)
        for event in history:
            engine.add(event)
        self._fresh[shard] = [f for f in standing if owner(f, self.partitions) == shard]

    def watermark(self) -> Any:
        """The latest event time any shard of this replica has seen (None before any)."""
        return max((e.watermark for e in self.engines.values() if e.watermark), default=None)

    def judge(self, watermark: Any) -> Changes:
        """Advance every shard to ``watermark``; withdraw what rebuilt shards no longer hold."""
        changes = Changes()
        for shard, engine in sorted(self.engines.items()):
            found = engine.advance(watermark)
            changes.flags += found.flags
            changes.withdrawn += found.withdrawn
            changes.cases |= found.cases
            if shard in self._fresh:
                stale = engine.stale(self._fresh.pop(shard))
                changes.withdrawn += stale
                changes.cases |= {f.case_id for f in stale if f.case_id}
        return changes
