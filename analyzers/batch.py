"""``jiancha analyze``: the rule engine over a file of events, without Kafka.

The batch feeds every event of the file to the same :class:`~analyzers.engine.Engine` the stream
runs, then judges once with the whole picture (the watermark is the latest event time in the
file). The stream ends with the same flags once it has read the same events.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from analyzers.engine import Engine, Windows
from analyzers.law import Law
from jiancha.schemas import EVENT_TYPES, InvalidEvent, decode
from jiancha.schemas.complaints import Complaint
from jiancha.schemas.enforcement_actions import EnforcementAction
from jiancha.schemas.flags import Flag
from jiancha.schemas.policies import Policy
from jiancha.schemas.recordings import Recording
from jiancha.schemas.transcripts import Transcript

__all__ = ["Analyzer", "Events", "Windows", "analyze_file", "read_events"]


def read_events(path: Path) -> Iterator[tuple[int, Any | None, str | None]]:
    """``(line, event, None)`` per usable line of a JSONL file, ``(line, None, reason)`` else."""
    with path.open(encoding="utf-8") as f:
        for number, line in enumerate(f, start=1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
                model = EVENT_TYPES[obj["type"]][0]
                yield number, decode(model, json.dumps(obj["data"], ensure_ascii=False)), None
            except InvalidEvent as exc:
                yield number, None, exc.reason
            except (json.JSONDecodeError, KeyError, TypeError) as exc:
                yield number, None, f"无法解析：{exc!r}"


@dataclass
class Events:
    """Parsed events, latest version of each key (for callers that assemble events by hand)."""

    actions: dict[str, EnforcementAction] = field(default_factory=dict)
    recordings: dict[str, Recording] = field(default_factory=dict)
    transcripts: dict[str, Transcript] = field(default_factory=dict)
    policies: dict[str, Policy] = field(default_factory=dict)
    complaints: dict[str, Complaint] = field(default_factory=dict)
    rejected: list[tuple[int, str]] = field(default_factory=list)
    latest: datetime | None = None

    def all(self) -> Iterator[Any]:
        yield from self.policies.values()
        yield from self.actions.values()
        yield from self.recordings.values()
        yield from self.transcripts.values()
        yield from self.complaints.values()


class Analyzer:
    """Every rule over :class:`Events`, judged once at ``latest`` (or the latest event time)."""

    def __init__(self, law: Law | None = None, windows: Windows | None = None) -> None:
        self.law = law
        self.windows = windows

    def run(self, ev: Events) -> list[Flag]:
        engine = Engine(self.law, self.windows)
        for event in ev.all():
            engine.add(event)
        engine.advance(ev.latest)
        return engine.flags()


@dataclass
class BatchRun:
    """The engine that judged a file, and the lines it could not use (line number, reason)."""

    engine: Engine
    rejected: list[tuple[int, str]] = field(default_factory=list)
    events: int = 0


def analyze_file(
    path: Path, engine: Engine | None = None, progress: Callable[[int], object] | None = None
) -> tuple[list[Flag], BatchRun]:
    """Flags of a JSONL events file, and the run that produced them (``progress`` gets lines)."""
    run = BatchRun(engine or Engine())
    for number, event, reason in read_events(path):
        if event is None:
            run.rejected.append((number, reason or ""))
        else:
            run.engine.add(event)
            run.events += 1
        if progress is not None:
            progress(1)
    run.engine.advance()
    return run.engine.flags(), run
