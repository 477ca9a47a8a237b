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

from analyzers.engine import Engine, Scope
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


def sharded_flags(
    events: Iterable[Any], partitions: int, template: Engine | None = None
) -> tuple[list[Flag], dict[Route, Engine]]:
    """The flags of ``events`` judged by shards as the stream does, in one process: what the
    batch gives, from ``partitions`` officer shards and ``partitions`` detachment shards."""
    template = template or Engine()
    shards: dict[Route, Engine] = {}

    def shard(stage: str, key: str) -> list[Engine]:
        parts = range(partitions) if key == EVERY else [partition_of(key, partitions)]
        out = []
        for p in parts:
            if (stage, str(p)) not in shards:
                shards[(stage, str(p))] = shard_engine(stage, p, partitions, template)
            out.append(shards[(stage, str(p))])
        return out

    join = Join()
    for event in events:
        for stage, key in routes(event):
            if stage == RECORDING:
                for (s, k), t in join.add(event):
                    for e in shard(s, k):
                        e.add(t)
            else:
                for e in shard(stage, key):
                    e.add(event)
    watermark = max((e.watermark for e in shards.values() if e.watermark), default=None)
    flags: dict[str, Flag] = {}
    for e in shards.values():
        e.advance(watermark)
        flags |= {f.flag_id: f for f in e.flags()}
    return list(flags.values()), shards
