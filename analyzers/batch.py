"""``jiancha analyze``: every rule over a file of events, without Kafka.

The analyzer reads the events in any order, then judges with the whole picture:

- **record rules** on each enforcement action and recording (:mod:`analyzers.record_rules`);
- **coverage**: a ticket is covered when a recording of its officer (his body cam, or an in-car
recorder whose
  crew includes him) runs at the ticket's time, give or take ``cover_tolerance``. An uncovered
  ticket is a
  ``recording_gap`` when the officer recorded shortly before and shortly after (the recorder was
  switched off
  for it), else ``recording_missing``. Recordings arrive hours late, so a ticket is judged only
  once its upload
  deadline has passed on event time (the latest time seen in the input);
- **duplicates**: the same vehicle penalised twice for the same violation type within
``duplicate_window``;
- **encounters**: each recording joins the nearest action of its officers within ``join_window``;
transcript
  rules (:mod:`analyzers.speech_rules`) run on each encounter;
- **officer statistics** (:mod:`analyzers.officer_stats`).
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from itertools import pairwise
from pathlib import Path
from typing import Any

from analyzers import record_rules as rr
from analyzers.law import Law, load_law
from analyzers.model import Encounter, make_flag
from streams.schemas import InvalidEvent, decode
from streams.schemas.enforcement_actions import EnforcementAction
from streams.schemas.flags import FieldEvidence, Flag
from streams.schemas.policies import Policy
from streams.schemas.recordings import Recording
from streams.schemas.transcripts import Transcript


@dataclass(frozen=True)
class Windows:
    """Time tolerances of the joins (configuration, not law)."""

    cover_tolerance: timedelta = timedelta(minutes=1)
    gap_window: timedelta = timedelta(minutes=30)
    join_window: timedelta = timedelta(minutes=10)
    duplicate_window: timedelta = timedelta(hours=2)


@dataclass
class Events:
    """The parsed input, latest version of each keyed event."""

    actions: dict[str, EnforcementAction] = field(default_factory=dict)
    recordings: dict[str, Recording] = field(default_factory=dict)
    transcripts: dict[str, Transcript] = field(default_factory=dict)
    policies: dict[str, Policy] = field(default_factory=dict)
    rejected: list[tuple[int, str]] = field(default_factory=list)
    latest: datetime | None = None

    def _seen(self, t: datetime) -> None:
        if self.latest is None or t > self.latest:
            self.latest = t

    def add(self, event_type: str, data: Any, where: int = 0) -> None:
        raw = json.dumps(data, ensure_ascii=False)
        try:
            if event_type == "enforcement_action":
                a = decode(EnforcementAction, raw)
                self.actions[a.action_id] = a
                self._seen(a.occurred_at)
            elif event_type == "recording":
                r = decode(Recording, raw)
                self.recordings[r.recording_id] = r
                self._seen(r.uploaded_at)
            elif event_type == "transcript":
                t = decode(Transcript, raw)
                self.transcripts[t.recording_id] = t
            elif event_type == "policy":
                p = decode(Policy, raw)
                self.policies[p.policy_id] = p
        except InvalidEvent as exc:
            self.rejected.append((where, exc.reason))

    @classmethod
    def read(cls, path: Path) -> Events:
        events = cls()
        with path.open(encoding="utf-8") as f:
            for number, line in enumerate(f, start=1):
                if not line.strip():
                    continue
                try:
                    obj = json.loads(line)
                    events.add(obj["type"], obj["data"], number)
                except (json.JSONDecodeError, KeyError, TypeError) as exc:
                    events.rejected.append((number, f"无法解析：{exc}"))
        return events


class Analyzer:
    """All rules over :class:`Events`."""

    def __init__(self, law: Law | None = None, windows: Windows | None = None) -> None:
        self.law = law or load_law()
        self.w = windows or Windows()

    def run(self, ev: Events) -> list[Flag]:
        flags: list[Flag] = []
        policies = list(ev.policies.values())
        auxiliaries = {a.officer_id for a in ev.actions.values() if a.officer_role == "auxiliary"}
        regulars = {a.officer_id for a in ev.actions.values() if a.officer_role == "officer"}
        regulars |= {o for a in ev.actions.values() for o in a.co_officer_ids} - auxiliaries
        for a in sorted(ev.actions.values(), key=lambda a: a.occurred_at):
            flags += rr.out_of_range_fine(a, self.law)
            flags += rr.disproportionate_measure(a, self.law)
            flags += rr.cash_without_receipt(a, self.law)
            flags += rr.aux_alone(a, regulars)
            flags += rr.exempt_penalized(a, policies)
        for r in ev.recordings.values():
            flags += rr.late_upload(r, self.law)
        flags += self._coverage(ev)
        flags += self._duplicates(ev)
        flags += self._encounter_flags(ev)
        flags += self._officer_flags(ev)
        return _dedupe(flags)

    # -- coverage -------------------------------------------------------------------------------

    def _recordings_by_officer(self, ev: Events) -> dict[str, list[Recording]]:
        by: dict[str, list[Recording]] = defaultdict(list)
        for r in ev.recordings.values():
            for o in r.officer_ids:
                by[o].append(r)
        for rs in by.values():
            rs.sort(key=lambda r: r.started_at)
        return by

    def _coverage(self, ev: Events) -> list[Flag]:
        if ev.latest is None:
            return []
        by = self._recordings_by_officer(ev)
        deadline = timedelta(hours=self.law.upload_deadline_hours)
        out: list[Flag] = []
        tol, gap = self.w.cover_tolerance, self.w.gap_window
        for a in ev.actions.values():
            if a.occurred_at + deadline > ev.latest:
                continue  # its recording may still be on its way
            rs = by.get(a.officer_id, [])
            t = a.occurred_at
            if any(r.started_at - tol <= t <= r.ended_at + tol for r in rs):
                continue
            before = [r for r in rs if t - gap <= r.ended_at < t]
            after = [r for r in rs if t < r.started_at <= t + gap]
            if before and after:
                b, n = before[-1], after[0]
                why = (
                    f"民警在开单前 {(t - b.ended_at).total_seconds() / 60:.0f} 分钟停止录像、"
                    f"开单后 {(n.started_at - t).total_seconds() / 60:.0f} 分钟才恢复，"
                    "开单时记录仪处于关闭状态。"
                )
                out.append(
                    make_flag(
                        "recording_gap",
                        officer_id=a.officer_id,
                        squad_id=a.squad_id,
                        action_ids=[a.action_id],
                        evidence=[
                            FieldEvidence(
                                action_id=a.action_id, field="occurred_at", value=t.isoformat()
                            )
                        ],
                        explanation=why,
                    )
                )
            else:
                why = "开单时该民警没有任何执法记录仪或车载记录仪录像，违反全程录音录像规定。"
                out.append(
                    make_flag(
                        "recording_missing",
                        officer_id=a.officer_id,
                        squad_id=a.squad_id,
                        action_ids=[a.action_id],
                        evidence=[
                            FieldEvidence(
                                action_id=a.action_id, field="occurred_at", value=t.isoformat()
                            )
                        ],
                        explanation=why,
                    )
                )
        return out

    # -- duplicates -----------------------------------------------------------------------------

    def _duplicates(self, ev: Events) -> list[Flag]:
        by: dict[tuple[str, str], list[EnforcementAction]] = defaultdict(list)
        for a in ev.actions.values():
            m = a.measures
            if a.plate and (m.fine_cny > 0 or m.points > 0):
                by[(a.plate, a.violation_type)].append(a)
        out: list[Flag] = []
        for acts in by.values():
            acts.sort(key=lambda a: a.occurred_at)
            for first, second in pairwise(acts):
                gap = second.occurred_at - first.occurred_at
                if gap > self.w.duplicate_window:
                    continue
                t = self.law.types.get(second.violation_type)
                name = t.name if t else second.violation_type
                why = (
                    f"同一车辆 {second.plate} 的同一“{name}”行为"
                    f"在 {gap.total_seconds() / 60:.0f} 分钟内"
                    f"已由 {first.action_id} 处罚，再次罚款违反一事不再罚。"
                )
                out.append(
                    make_flag(
                        "duplicate_penalty",
                        officer_id=second.officer_id,
                        squad_id=second.squad_id,
                        action_ids=[second.action_id],
                        evidence=[
                            FieldEvidence(
                                action_id=second.action_id, field="plate", value=second.plate
                            ),
                            FieldEvidence(
                                action_id=first.action_id, field="plate", value=first.plate
                            ),
                        ],
                        explanation=why,
                    )
                )
        return out

    # -- encounters -----------------------------------------------------------------------------

    def encounters(self, ev: Events) -> Iterator[Encounter]:
        """Each action with the recordings nearest to it; recordings no action claims, alone."""
        by_officer: dict[str, list[EnforcementAction]] = defaultdict(list)
        for a in ev.actions.values():
            by_officer[a.officer_id].append(a)
        claimed: dict[str, list[Recording]] = defaultdict(list)
        alone: list[Recording] = []
        for r in ev.recordings.values():
            best: tuple[float, EnforcementAction] | None = None
            for o in r.officer_ids:
                for a in by_officer.get(o, []):
                    t = a.occurred_at
                    if r.started_at - self.w.join_window <= t <= r.ended_at + self.w.join_window:
                        d = (
                            0.0
                            if r.started_at <= t <= r.ended_at
                            else min(
                                abs((t - r.started_at).total_seconds()),
                                abs((t - r.ended_at).total_seconds()),
                            )
                        )
                        if best is None or d < best[0]:
                            best = (d, a)
            if best is None:
                alone.append(r)
            else:
                claimed[best[1].action_id].append(r)
        for action_id, rs in claimed.items():
            yield Encounter(
                ev.actions[action_id],
                rs,
                {
                    r.recording_id: ev.transcripts[r.recording_id]
                    for r in rs
                    if r.recording_id in ev.transcripts
                },
            )
        for r in alone:
            ts = (
                {r.recording_id: ev.transcripts[r.recording_id]}
                if r.recording_id in ev.transcripts
                else {}
            )
            yield Encounter(None, [r], ts)

    def _encounter_flags(self, ev: Events) -> list[Flag]:
        try:
            from analyzers.speech_rules import transcript_flags
        except ImportError:  # pragma: no cover - during development
            return []
        out: list[Flag] = []
        for e in self.encounters(ev):
            if e.transcripts:
                out += transcript_flags(e)
        return out

    def _officer_flags(self, ev: Events) -> list[Flag]:
        try:
            from analyzers import officer_stats
        except ImportError:  # pragma: no cover - during development
            return []
        return officer_stats.flags_for(list(ev.actions.values()))


def _dedupe(flags: Iterable[Flag]) -> list[Flag]:
    seen: dict[str, Flag] = {}
    for f in flags:
        seen.setdefault(f.flag_id, f)
    return list(seen.values())


def analyze_file(path: Path, law: Law | None = None) -> tuple[list[Flag], Events]:
    """Flags of a JSONL events file, and the parsed events."""
    ev = Events.read(path)
    return Analyzer(law).run(ev), ev
