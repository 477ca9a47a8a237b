"""The rule engine: every rule over a growing picture of the events, deciding on event time.

The stream (``streams/analysis/agents.py``) and the batch (``jiancha analyze``) run this same
engine: they :meth:`Engine.add` events as they come and call :meth:`Engine.advance`, which
re-judges what the new events touched and returns the flags that appeared, changed or no longer
hold. Every judgement is a pure function of the events seen and of the **watermark** (the latest
event time seen), never of their order, so a stream that has read what a batch file holds ends
with the batch's flags.

What is judged together (a *scope*), and what makes it be judged again:

- ``("action", id)``: the record rules of one ticket (:mod:`analyzers.record_rules`); again when
  a policy arrives or the roster of regular officers grows (辅警 rule).
- ``("day", officer, date)``: the officer's **encounters** that day: each recording joins the
  nearest ticket of its officers (the wearer, or the crew of an in-car recorder) within
  ``join_window``; transcript rules (:mod:`analyzers.speech_rules`) and ``late_upload`` run per
  encounter. **Coverage** (``recording_missing`` / ``recording_gap``,
  :mod:`analyzers.coverage_rules`) of a ticket is decided only once the upload deadline has passed
  on event time; a recording that arrives later still (a late upload) withdraws the flag. Again on
  any action, recording or transcript of that officer near that day, and when the watermark passes
  a ticket's deadline.
- ``("plate", plate, violation type)``: the same act of the same vehicle fined twice (一事不再罚,
  :mod:`analyzers.duplicate_rules`).
- ``("month", "YYYY-MM")``: officer statistics (:mod:`analyzers.officer_stats`), once the month is
  over on event time; again when a ticket of a closed month arrives late.

Flags are grouped into **cases**, one per encounter (the ticket, or a recording no ticket claims),
plus one per officer and month for officer-level findings. Complaints naming the officer or plate
of a ticket near its time are linked to its case and raise its priority.

**Final months** (issue 15: memory bounded by what is open, not by history). With a ``lateness``
allowance, a Beijing calendar month is *final* once the latest event time this engine has been
given (:attr:`Engine.seen`; not the watermark pushed by :meth:`Engine.advance`: a replica's peers
may be ahead of its own input) is past the month's end plus the allowance. The **horizon** is the
start of the first month still open. Nothing before it is judged again: its flags stand as they
were published (final, never withdrawn), a late event of a final month is refused by
:meth:`Engine.add` (its caller counts and dead-letters it: nothing is lost silently), and the
scopes of final days, tickets and months are not re-judged. Its events are forgotten after
judging, all but the last :attr:`Windows.reach` before the horizon (the days a judgement of the
open month can look back to: a ticket's neighbouring days, a complaint's seven), so the open
month's first days are judged exactly as the batch judges them. Forgotten are the tickets,
recordings, transcripts and complaints, and every index, scope and case built on them; small
cross-month knowledge stays (the roster of regular officers, the policies). Without a
``lateness`` (the batch, ``jiancha analyzer``) nothing is ever final.
"""

from __future__ import annotations

import heapq
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any

from analyzers import coverage_rules, duplicate_rules, officer_stats, speech_rules
from analyzers import record_rules as rr
from analyzers.catalogue import RAISED_ELSEWHERE
from analyzers.law import Law, load_law
from analyzers.model import Encounter
from jiancha.clock import BEIJING
from jiancha.schemas.complaints import Complaint
from jiancha.schemas.enforcement_actions import EnforcementAction
from jiancha.schemas.flags import CaseContext, Flag
from jiancha.schemas.held import held
from jiancha.schemas.policies import Policy
from jiancha.schemas.recordings import Recording
from jiancha.schemas.transcripts import Transcript

if TYPE_CHECKING:
    from jiancha.settings import Settings

Scope = tuple[str, ...]


@dataclass(frozen=True)
class Windows:
    """Time tolerances of the joins (configuration, not law)."""

    cover_tolerance: timedelta = coverage_rules.COVER_TOLERANCE
    gap_window: timedelta = coverage_rules.GAP_WINDOW
    join_window: timedelta = timedelta(minutes=10)
    duplicate_window: timedelta = duplicate_rules.DUPLICATE_WINDOW
    complaint_window: timedelta = timedelta(hours=6)
    complaint_lookback: timedelta = timedelta(days=7)  # complaints that give no time of the act

    @property
    def reach(self) -> timedelta:
        """How far back in event time one event can change a judgement: a ticket or recording
        re-judges the local days around it (a day scope sees the day before and after, and a
        recording joins a ticket within ``join_window``: at most three days), a complaint
        without the act's time looks back ``complaint_lookback``."""
        return max(DAY_REACH, self.complaint_lookback, self.complaint_window)


#: the local days an action or recording can re-judge before its own (see :attr:`Windows.reach`)
DAY_REACH = timedelta(days=3)
#: a day's inputs are in (but late ones) this long after its end: an event re-judges the days
#: next to its own (``Engine._touch_officer_around``), a recording comes by its upload, and a
#: ticket's coverage is decided at its upload deadline (24 h; ``Engine.ready_at``)
READY_AFTER = timedelta(days=2)


@dataclass
class Changes:
    """What one :meth:`Engine.advance` found: flags new or changed, withdrawn, cases touched."""

    flags: list[Flag] = field(default_factory=list)
    withdrawn: list[Flag] = field(default_factory=list)
    cases: set[str] = field(default_factory=set)
    #: events of final months forgotten (their keys are tombstoned on a shard's topic)
    evicted: list[Any] = field(default_factory=list)
    #: flags of final months dropped from memory: they stand, they are not withdrawn
    final: list[Flag] = field(default_factory=list)
    #: transcripts forgotten without their recording ever coming (to dead-letter)
    given_up: list[Transcript] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.flags or self.withdrawn or self.cases)


@dataclass
class Case:
    """The flags of one encounter (or officer-month) and the complaints linked to it."""

    case_id: str
    flags: list[Flag]
    complaints: list[Complaint]
    action: EnforcementAction | None
    recordings: list[Recording]

    @property
    def severity(self) -> int:
        return max((f.severity for f in self.flags), default=0)

    @property
    def priority(self) -> int:
        """Severity, raised by one per linked complaint (at most two): citizens saw it too."""
        return self.severity + min(len(self.complaints), 2)


def local_date(t: datetime) -> date:
    return t.astimezone(BEIJING).date()


def case_id_of(key: str) -> str:
    """The case of an encounter key (action or recording id) or of ``officer@month``."""
    return f"C-{key}"


class Engine:
    """Events in, flags and cases out; see the module docstring."""

    def __init__(
        self,
        law: Law | None = None,
        windows: Windows | None = None,
        policies: Iterable[Policy] = (),
        judges: Callable[[Scope], bool] | None = None,
        lateness: timedelta | None = None,
    ) -> None:
        self.law = law or load_law()
        # Which scopes this engine decides (all by default): a shard of the partitioned analyzer
        # (:mod:`analyzers.shards`) judges only its own, the rest is another shard's word.
        self._judges = judges
        self.w = windows or Windows()
        if lateness is not None and lateness <= self.w.reach:
            raise ValueError(
                f"迟到期限（{lateness}）必须长于规则回溯的时间（{self.w.reach}），"
                "否则准时到达的事件也会被拒收"
            )
        self.lateness = lateness
        self.watermark: datetime | None = None
        # the latest event time given to :meth:`add`, per dense kind of event (see ``seen``)
        self._seen_by: dict[str, datetime] = {}
        #: everything before is final and forgotten (None: nothing yet)
        self.horizon: datetime | None = None
        #: with replicas (``gated``), a month is final only once the low watermark over every
        #: input partition (``input_low``, see :class:`analyzers.shards.LowWatermark`) is past
        #: it too, not on :attr:`seen` alone; None while it is not known: nothing is final
        self.gated = False
        self.input_low: datetime | None = None
        #: events refused because their judgement reached before the horizon
        self.refused = 0
        #: scopes judged so far (one rule pass over one scope): what a judgement costs
        self.scopes_judged = 0

        self.actions: dict[str, EnforcementAction] = {}
        self.recordings: dict[str, Recording] = {}
        self.transcripts: dict[str, Transcript] = {}
        self.policies: dict[str, Policy] = {}
        self.complaints: dict[str, Complaint] = {}

        self._acts_by_day: dict[tuple[str, date], list[EnforcementAction]] = defaultdict(list)
        self._recs_by_day: dict[tuple[str, date], list[Recording]] = defaultdict(list)
        self._by_act: dict[tuple[str, str], list[EnforcementAction]] = defaultdict(list)
        self._months: dict[str, dict[str, EnforcementAction]] = defaultdict(dict)
        self._regulars: set[str] = set()
        self._auxiliaries: set[str] = set()
        self._aux_tickets_beside: dict[str, set[str]] = defaultdict(set)  # co-officer -> tickets
        self._acts_by_plate: dict[str, list[EnforcementAction]] = defaultdict(list)
        self._complaints_by: dict[str, list[Complaint]] = defaultdict(list)  # officer or plate
        self._undecided: list[tuple[datetime, str]] = []  # (deadline, action_id), a heap
        self._links: dict[str, set[str]] = defaultdict(set)  # action_id -> complaint ids
        self._transcript_seen: dict[str, datetime | None] = {}  # recording id -> ``seen`` then
        self._closed_months: set[str] = set()

        self._dirty: set[Scope] = set()
        self._dirty_cases: set[str] = set()
        self._current: dict[Scope, dict[str, Flag]] = {}
        self._holders: dict[str, set[Scope]] = defaultdict(set)  # flag id -> scopes that find it
        self._live: dict[str, Flag] = {}
        self._case_flags: dict[str, dict[str, Flag]] = defaultdict(dict)
        for p in policies:
            self.add(p)

    @classmethod
    def configured(cls, settings: Settings) -> Engine:
        """The engine as ``settings`` configure it: law catalogue and seed policies."""
        from analyzers.law import load_policies

        policies = load_policies(settings.policies_file) if settings.seed_policies else []
        return cls(load_law(settings.violations_file), policies=policies)

    @classmethod
    def evicting(cls, settings: Settings) -> Engine:
        """The configured engine that forgets final months after ``settings``' allowance (0:
        the configured engine, which never does)."""
        engine = cls.configured(settings)
        if not settings.analyzer_lateness_days:
            return engine
        return cls(
            engine.law,
            engine.w,
            policies=engine.policies.values(),
            lateness=timedelta(days=settings.analyzer_lateness_days),
        )

    # -- input ----------------------------------------------------------------------------------

    def add(self, event: Any) -> bool:
        """Take one decoded event (action, recording, transcript, policy or complaint). False
        (and nothing changes) when it is refused: it belongs to a final month."""
        if self.horizon is not None:
            t = self.time_of(event)
            if t is not None and t < self.horizon:
                self.refused += 1
                return False
        # held for the month: one object per event in the process, its bookkeeping shared
        if isinstance(event, EnforcementAction):
            self._add_action(held(event, event.action_id))
        elif isinstance(event, Recording):
            self._add_recording(held(event, event.recording_id))
        elif isinstance(event, Transcript):
            self._add_transcript(held(event, event.recording_id))
        elif isinstance(event, Policy):
            self.policies[event.policy_id] = event
            self._dirty |= {("action", a) for a in self.actions}
        elif isinstance(event, Complaint):
            self._add_complaint(held(event, event.complaint_id))
        else:
            raise TypeError(f"规则引擎不处理此类事件：{type(event).__name__}")
        return True

    def time_of(self, event: Any) -> datetime | None:
        """The time that places an event in a month (None: a policy, of no month, or a
        transcript whose recording is not here: nothing to judge until the recording comes)."""
        if isinstance(event, EnforcementAction):
            return event.occurred_at
        if isinstance(event, Recording):
            return event.started_at
        if isinstance(event, Transcript):
            r = self.recordings.get(event.recording_id)
            return r.started_at if r is not None else None
        if isinstance(event, Complaint):
            return event.received_at
        return None

    @property
    def seen(self) -> datetime | None:
        """What makes a month final: the latest time given to :meth:`add` of the kind of event
        that lags most (tickets, recordings, transcripts by their recording's upload). The
        input topics are read side by side but not in step (a fetch brings a whole month of
        small tickets while the big transcripts come slowly): the latest time of any kind would
        forget a month whose recordings are still to come. Complaints are too sparse to count."""
        return min(self._seen_by.values(), default=None)

    def _see(self, t: datetime, kind: str | None = None) -> None:
        if self.watermark is None or t > self.watermark:
            self.watermark = t
        if kind is not None and (kind not in self._seen_by or t > self._seen_by[kind]):
            self._seen_by[kind] = t

    def _add_action(self, a: EnforcementAction) -> None:
        old = self.actions.get(a.action_id)
        if old is not None:
            self._forget_action(old)
        self.actions[a.action_id] = a
        day = local_date(a.occurred_at)
        self._acts_by_day[(a.officer_id, day)].append(a)
        if a.plate:
            self._by_act[(a.plate, a.violation_type)].append(a)
            self._acts_by_plate[plate_key(a.plate)].append(a)
            self._dirty.add(("plate", a.plate, a.violation_type))
        month = officer_stats.month_of(a)
        self._months[month][a.action_id] = a
        self._dirty.add(("month", month))
        heapq.heappush(self._undecided, (coverage_rules.decidable_at(a, self.law), a.action_id))
        self._dirty.add(("action", a.action_id))
        self._touch_officer_around(a.officer_id, a.occurred_at)
        self._grow_roster(a)
        self._link_complaints_to(a)
        self._see(a.occurred_at, "action")

    def _forget_action(self, a: EnforcementAction) -> None:
        self._acts_by_day[(a.officer_id, local_date(a.occurred_at))].remove(a)
        if a.plate:
            self._by_act[(a.plate, a.violation_type)].remove(a)
            self._acts_by_plate[plate_key(a.plate)].remove(a)
            self._dirty.add(("plate", a.plate, a.violation_type))
        month = officer_stats.month_of(a)
        self._months[month].pop(a.action_id, None)
        self._dirty.add(("month", month))
        self._touch_officer_around(a.officer_id, a.occurred_at)

    def _grow_roster(self, a: EnforcementAction) -> None:
        """Regular officers are those seen ticketing as 民警 or beside one; an auxiliary is known
        by his own tickets. A newly known regular may make an auxiliary's ticket lawful."""
        changed: set[str] = set()
        if a.officer_role == "auxiliary":
            self._auxiliaries.add(a.officer_id)
            if a.officer_id in self._regulars:
                self._regulars.discard(a.officer_id)
                changed.add(a.officer_id)
            for o in a.co_officer_ids:
                self._aux_tickets_beside[o].add(a.action_id)
            newcomers = [o for o in a.co_officer_ids if o not in self._auxiliaries]
        else:
            newcomers = [a.officer_id, *(o for o in a.co_officer_ids if o not in self._auxiliaries)]
        for o in newcomers:
            if o not in self._regulars:
                self._regulars.add(o)
                changed.add(o)
        for o in changed:
            self._dirty |= {("action", x) for x in self._aux_tickets_beside.get(o, ())}

    def _add_recording(self, r: Recording) -> None:
        old = self.recordings.get(r.recording_id)
        if old is not None:
            for key in self._recording_days(old):
                self._recs_by_day[key].remove(old)
            self._touch_recording(old)
        self.recordings[r.recording_id] = r
        for key in self._recording_days(r):
            self._recs_by_day[key].append(r)
        self._touch_recording(r)
        self._see(r.uploaded_at, "recording")

    def _recording_days(self, r: Recording) -> Iterator[tuple[str, date]]:
        first, last = local_date(r.started_at), local_date(r.ended_at)
        for o in dict.fromkeys(r.officer_ids):
            day = first
            while day <= last:
                yield (o, day)
                day += timedelta(days=1)

    def _touch_recording(self, r: Recording) -> None:
        for o in r.officer_ids:
            self._touch_officer_around(o, r.started_at, r.ended_at)

    def _add_transcript(self, t: Transcript) -> None:
        self.transcripts[t.recording_id] = t
        self._transcript_seen[t.recording_id] = self.seen
        r = self.recordings.get(t.recording_id)
        if r is not None:
            self._touch_recording(r)
            self._see(r.uploaded_at, "transcript")

    def _touch_officer_around(
        self, officer: str, start: datetime, end: datetime | None = None
    ) -> None:
        """Mark the officer's days near ``start``..``end`` (and those of his crews) to re-judge."""
        end = end or start
        lo = local_date(start - self.w.join_window - self.w.gap_window)
        hi = local_date(end + self.w.join_window + self.w.gap_window)
        officers = {officer}
        day = lo
        while day <= hi:
            for r in self._recs_by_day.get((officer, day), ()):
                officers.update(r.officer_ids)
            day += timedelta(days=1)
        for o in officers:
            day = lo - timedelta(days=1)
            while day <= hi + timedelta(days=1):
                self._dirty.add(("day", o, day.isoformat()))
                day += timedelta(days=1)

    def _add_complaint(self, c: Complaint) -> None:
        self.complaints[c.complaint_id] = c
        self._see(c.received_at)
        if c.officer_id:
            self._complaints_by[c.officer_id].append(c)
        elif c.plate:
            self._complaints_by[plate_key(c.plate)].append(c)
        for a in self._complained_actions(c):
            self._links[a.action_id].add(c.complaint_id)
            self._dirty_cases.add(case_id_of(a.action_id))

    def _complaint_span(self, c: Complaint) -> tuple[datetime, datetime]:
        return complaint_span(c, self.w)

    def _complaint_matches(self, c: Complaint, a: EnforcementAction) -> bool:
        return complaint_names(c, (a.officer_id, *a.co_officer_ids), a.plate, a.occurred_at, self.w)

    def _complained_actions(self, c: Complaint) -> list[EnforcementAction]:
        if c.officer_id:
            lo, hi = self._complaint_span(c)
            candidates = [
                a
                for d in _days(local_date(lo), local_date(hi))
                for a in self._acts_by_day.get((c.officer_id, d), ())
            ]
        else:
            candidates = self._acts_by_plate.get(plate_key(c.plate), [])
        return [a for a in candidates if self._complaint_matches(c, a)]

    def _link_complaints_to(self, a: EnforcementAction) -> None:
        nearby = [
            *self._complaints_by.get(a.officer_id, ()),
            *(c for o in a.co_officer_ids for c in self._complaints_by.get(o, ())),
            *self._complaints_by.get(plate_key(a.plate), ()),
        ]
        for c in nearby:
            if self._complaint_matches(c, a):
                self._links[a.action_id].add(c.complaint_id)

    # -- judging --------------------------------------------------------------------------------

    def advance(self, now: datetime | None = None, settled: datetime | None = None) -> Changes:
        """Re-judge what changed since the last call (``now`` may push the watermark forward).

        ``settled`` (a catch-up: the caller's input is far behind its end) defers the dirty
        scopes whose inputs are not read past yet (:meth:`ready_at` after ``settled``, the
        shard's own clock): they stay dirty and are judged once it passes them, or at the
        first call without ``settled`` (caught up: every dirty scope, as the batch would).
        What a scope finds depends only on the events and the watermark, never on how often
        it was judged; a scope about to become final is judged whatever ``settled`` says."""
        if now is not None and (self.watermark is None or now > self.watermark):
            self.watermark = now
        if self.watermark is not None:
            while self._undecided and self._undecided[0][0] <= self.watermark:
                _, action_id = heapq.heappop(self._undecided)
                a = self.actions.get(action_id)
                if a is not None:
                    day = local_date(a.occurred_at).isoformat()
                    self._dirty.add(("day", a.officer_id, day))
            for month in self._months.keys() - self._closed_months:
                if self._month_closed(month):
                    self._closed_months.add(month)
                    self._dirty.add(("month", month))
        changes = Changes()
        touched: set[str] = set()
        dirty, self._dirty = self._dirty, set()
        if self._judges is not None:
            dirty = {scope for scope in dirty if self._judges(scope)}
        if self.horizon is not None:
            dirty = {scope for scope in dirty if not self._final(scope)}
        if settled is not None:
            closing = self.horizon_now()  # what :meth:`evict` below makes final
            deferred = {
                scope
                for scope in dirty
                if self.ready_at(scope) > settled
                and not (closing is not None and self._final(scope, closing))
            }
            self._dirty |= deferred
            dirty -= deferred
        self.scopes_judged += len(dirty)
        for scope in sorted(dirty):
            new = {f.flag_id: f for f in self._judge(scope) if not self._final_flag(f)}
            old = self._current.get(scope, {})
            for flag_id in new.keys() | old.keys():
                if new.get(flag_id) != old.get(flag_id):
                    touched.add(flag_id)
                if flag_id in new:
                    self._holders[flag_id].add(scope)
                else:
                    self._holders[flag_id].discard(scope)
            if new:
                self._current[scope] = new
            else:
                self._current.pop(scope, None)
        # A flag may move between scopes (a recording joins another ticket): settle each once.
        for flag_id in sorted(touched):
            holders = self._holders.get(flag_id)
            holds = self._current[min(holders)][flag_id] if holders else None
            before = self._live.get(flag_id)
            if holds == before:
                continue
            if before is not None:
                self._case_flags[before.case_id or ""].pop(flag_id, None)
                changes.cases.add(before.case_id or "")
            if holds is None:
                assert before is not None  # it held before, and no longer does
                del self._live[flag_id]
                self._holders.pop(flag_id, None)
                changes.withdrawn.append(before.model_copy(update={"withdrawn": True}))
            else:
                self._live[flag_id] = holds
                self._case_flags[holds.case_id or ""][flag_id] = holds
                changes.flags.append(holds)
                changes.cases.add(holds.case_id or "")
        changes.cases |= {c for c in self._dirty_cases if self._case_flags.get(c)}
        self._dirty_cases.clear()
        self.evict(changes)
        return changes

    # -- final months ---------------------------------------------------------------------------

    def horizon_now(self) -> datetime | None:
        """The start of the first month still open, by the allowance (None: nothing final)."""
        return final_horizon(self.lateness, self.seen, self.gated, self.input_low)

    def evict(self, changes: Changes | None = None, horizon: datetime | None = None) -> Changes:
        """Move the horizon with :attr:`seen`; forget what lies a reach before it (see the module
        docstring). What was forgotten goes to ``changes.evicted`` (events), the flags that
        became final to ``changes.final`` (they stand: not withdrawn). With ``horizon`` (a
        predecessor's, at a rebuild), take it as is and forget what lies before it."""
        changes = changes if changes is not None else Changes()
        if horizon is None:
            horizon = self.horizon_now()
            if horizon is None or (self.horizon is not None and horizon <= self.horizon):
                return changes
        self.horizon = horizon
        # flags of final months: out of memory, never withdrawn, never judged again
        for flag_id, f in list(self._live.items()):
            if not self._final_flag(f):
                continue
            for scope in self._holders.pop(flag_id, ()):
                held = self._current.get(scope)
                if held is not None:
                    held.pop(flag_id, None)
                    if not held:
                        del self._current[scope]
            del self._live[flag_id]
            self._case_flags.pop(f.case_id or "", None)
            changes.final.append(f)
        for scope in [s for s in self._current if self._final(s)]:
            for flag_id in self._current.pop(scope):
                holders = self._holders.get(flag_id)
                if holders is not None:
                    holders.discard(scope)
        for month in [m for m in self._months if month_start_of(m) < horizon]:
            del self._months[month]
            self._closed_months.discard(month)
        self._dirty = {s for s in self._dirty if not self._final(s)}
        # events: all but the reach before the horizon (the open month's first days see them)
        first_day = local_date(horizon - self.w.reach)
        cut = datetime(first_day.year, first_day.month, first_day.day, tzinfo=BEIJING)
        gone_acts = [a for a in self.actions.values() if a.occurred_at < cut]
        for a in gone_acts:
            del self.actions[a.action_id]
            if a.plate:
                _drop(self._by_act, (a.plate, a.violation_type), a)
                _drop(self._acts_by_plate, plate_key(a.plate), a)
            for o in a.co_officer_ids:
                tickets = self._aux_tickets_beside.get(o)
                if tickets is not None:
                    tickets.discard(a.action_id)
                    if not tickets:
                        del self._aux_tickets_beside[o]
            self._links.pop(a.action_id, None)
        for key in [k for k in self._acts_by_day if k[1] < first_day]:
            del self._acts_by_day[key]
        if gone_acts:
            self._undecided = [(t, i) for t, i in self._undecided if i in self.actions]
            heapq.heapify(self._undecided)
        gone_recs = [r for r in self.recordings.values() if r.started_at < cut]
        gone_rec_ids = {r.recording_id for r in gone_recs}
        for r in gone_recs:
            del self.recordings[r.recording_id]
            for key in self._recording_days(r):
                _drop(self._recs_by_day, key, r)
        gone_texts = [
            t
            for rid, t in self.transcripts.items()
            if rid in gone_rec_ids
            or (
                rid not in self.recordings
                and ((since := self._transcript_seen.get(rid)) is None or since < horizon)
            )
        ]
        for t in gone_texts:
            del self.transcripts[t.recording_id]
            self._transcript_seen.pop(t.recording_id, None)
            if t.recording_id not in gone_rec_ids:
                changes.given_up.append(t)  # its recording never came: dead-lettered
        gone_complaints = [
            c
            for c in self.complaints.values()
            if max(c.received_at, complaint_span(c, self.w)[1]) < cut
        ]
        for c in gone_complaints:
            del self.complaints[c.complaint_id]
            _drop(self._complaints_by, c.officer_id or plate_key(c.plate), c)
        changes.evicted += [*gone_acts, *gone_recs, *gone_texts, *gone_complaints]
        return changes

    def _final(self, scope: Scope, horizon: datetime | None = None) -> bool:
        """Whether a scope lies before the horizon (judged for good), or before ``horizon``."""
        horizon = horizon or self.horizon
        if horizon is None:
            return False
        if scope[0] == "day":
            return date.fromisoformat(scope[2]) < local_date(horizon)
        if scope[0] == "action":
            a = self.actions.get(scope[1])
            return a is None or a.occurred_at < horizon
        if scope[0] == "month":
            return month_start_of(scope[1]) < horizon
        return False  # a plate: its pairs of the open months are judged, see _final_flag

    def ready_at(self, scope: Scope) -> datetime:
        """The event time past which a scope's inputs are all in, but late ones: a day once
        its neighbours, their recordings (by upload) and their deadlines are past
        (:data:`READY_AFTER`); a ticket a day after it; a plate's pairs once its last ticket's
        duplicate window is past; a month at its end. Only when to judge it during a
        catch-up (:meth:`advance`): never what it finds."""
        kind = scope[0]
        if kind == "day":
            d = date.fromisoformat(scope[2]) + timedelta(days=1)
            return datetime(d.year, d.month, d.day, tzinfo=BEIJING) + READY_AFTER
        if kind == "action":
            a = self.actions.get(scope[1])
            return (
                a.occurred_at + timedelta(days=1)
                if a is not None
                else datetime.min.replace(tzinfo=BEIJING)
            )
        if kind == "plate":
            acts = self._by_act.get((scope[1], scope[2]), ())
            last = max((a.occurred_at for a in acts), default=None)
            if last is None:
                return datetime.min.replace(tzinfo=BEIJING)
            return last + self.w.duplicate_window
        if kind == "month":
            year, m = (int(x) for x in scope[1].split("-"))
            return datetime(year + m // 12, m % 12 + 1, 1, tzinfo=BEIJING)
        raise ValueError(scope)

    def is_final(self, f: Flag) -> bool:
        """Whether a flag's case lies before the horizon: it stands, never judged again."""
        return self._final_flag(f)

    def _final_flag(self, f: Flag) -> bool:
        """Whether a flag's case lies before the horizon (its word is final)."""
        return (
            self.horizon is not None
            and f.case is not None
            and f.case.occurred_at is not None
            and f.case.occurred_at < self.horizon
        )

    def flags(self) -> list[Flag]:
        """Every flag that holds now."""
        return list(self._live.values())

    def case(self, case_id: str) -> Case:
        """A case as it stands (no flags left means the case was withdrawn)."""
        flags = sorted(self._case_flags.get(case_id, {}).values(), key=lambda f: f.flag_id)
        key = case_id.removeprefix("C-")  # an action id, a recording id or officer@month
        action = self.actions.get(key)
        rec_ids = {r for f in flags for r in f.recording_ids}
        if key in self.recordings:
            rec_ids.add(key)
        complaints = [self.complaints[c] for c in sorted(self._links.get(key, ()))]
        return Case(
            case_id,
            flags,
            complaints,
            action,
            [self.recordings[r] for r in sorted(rec_ids) if r in self.recordings],
        )

    def _judge(self, scope: Scope) -> list[Flag]:
        kind = scope[0]
        if kind == "action":
            a = self.actions.get(scope[1])
            return self._record_flags(a) if a is not None else []
        if kind == "day":
            return self._day_flags(scope[1], date.fromisoformat(scope[2]))
        if kind == "plate":
            return self._duplicate_flags(scope[1], scope[2])
        if kind == "month":
            return self._month_flags(scope[1])
        raise ValueError(scope)

    def _record_flags(self, a: EnforcementAction) -> list[Flag]:
        flags = [
            *rr.out_of_range_fine(a, self.law),
            *rr.disproportionate_measure(a, self.law),
            *rr.cash_without_receipt(a, self.law),
            *rr.aux_alone(a, self._regulars),
            *rr.exempt_penalized(a, sorted(self.policies.values(), key=lambda p: p.policy_id)),
        ]
        return self._in_case(flags, a.action_id)

    # -- encounters and coverage ----------------------------------------------------------------

    def ticket_of(self, r: Recording) -> EnforcementAction | None:
        """The ticket a recording documents: the nearest of its officers' within the join window
        (ties: the earlier ticket), or none."""
        best: tuple[float, datetime, str, EnforcementAction] | None = None
        lo, hi = r.started_at - self.w.join_window, r.ended_at + self.w.join_window
        for o in dict.fromkeys(r.officer_ids):
            for d in _days(local_date(lo), local_date(hi)):
                for a in self._acts_by_day.get((o, d), ()):
                    t = a.occurred_at
                    if not lo <= t <= hi:
                        continue
                    if r.started_at <= t <= r.ended_at:
                        distance = 0.0
                    else:
                        distance = min(
                            abs((t - r.started_at).total_seconds()),
                            abs((t - r.ended_at).total_seconds()),
                        )
                    candidate = (distance, t, a.action_id, a)
                    if best is None or candidate[:3] < best[:3]:
                        best = candidate
        return best[3] if best is not None else None

    def _officer_recordings(self, officer: str, lo: date, hi: date) -> list[Recording]:
        seen: dict[str, Recording] = {}
        for d in _days(lo, hi):
            for r in self._recs_by_day.get((officer, d), ()):
                seen[r.recording_id] = r
        return sorted(seen.values(), key=lambda r: (r.started_at, r.recording_id))

    def _day_flags(self, officer: str, day: date) -> list[Flag]:
        acts = sorted(
            self._acts_by_day.get((officer, day), ()), key=lambda a: (a.occurred_at, a.action_id)
        )
        nearby = self._officer_recordings(officer, day - timedelta(days=1), day + timedelta(days=1))
        claimed: dict[str, list[Recording]] = defaultdict(list)
        alone: list[Recording] = []
        for r in nearby:
            owner = self.ticket_of(r)
            if owner is None:
                if r.officer_ids[0] == officer and local_date(r.started_at) == day:
                    alone.append(r)
            elif owner.officer_id == officer and local_date(owner.occurred_at) == day:
                claimed[owner.action_id].append(r)
        flags: list[Flag] = []
        for a in acts:
            flags += self._in_case(
                self._encounter_flags(Encounter(a, claimed[a.action_id])), a.action_id
            )
            coverage = coverage_rules.coverage_flags(
                a,
                nearby,
                self.law,
                self.watermark,
                tolerance=self.w.cover_tolerance,
                gap_window=self.w.gap_window,
            )
            flags += self._in_case(coverage, a.action_id)
        for r in alone:
            flags += self._in_case(self._encounter_flags(Encounter(None, [r])), r.recording_id)
        return flags

    def _encounter_flags(self, e: Encounter) -> list[Flag]:
        e.transcripts = {
            r.recording_id: self.transcripts[r.recording_id]
            for r in e.recordings
            if r.recording_id in self.transcripts
        }
        flags = [f for r in e.recordings for f in rr.late_upload(r, self.law)]
        if e.transcripts:
            flags += speech_rules.transcript_flags(e)
        return flags

    # -- duplicates and officer statistics ------------------------------------------------------

    def _duplicate_flags(self, plate: str, violation_type: str) -> list[Flag]:
        acts = self._by_act.get((plate, violation_type), ())
        flags = duplicate_rules.duplicate_penalty(acts, self.law, self.w.duplicate_window)
        # each in the case of the ticket it flags, the later one of the pair
        return [f for g in flags for f in self._in_case([g], g.action_ids[0])]

    def _month_closed(self, month: str) -> bool:
        year, m = (int(x) for x in month.split("-"))
        end = datetime(year + m // 12, m % 12 + 1, 1, tzinfo=BEIJING)
        return self.watermark is not None and self.watermark >= end

    def _month_flags(self, month: str) -> list[Flag]:
        if not self._month_closed(month):
            return []
        flags = officer_stats.flags_for(list(self._months[month].values()))
        return [f for g in flags for f in self._in_case([g], f"{g.officer_id}@{month}")]

    # -- cases ----------------------------------------------------------------------------------

    def _in_case(self, flags: list[Flag], key: str) -> list[Flag]:
        """The flags placed in the case of ``key``, each carrying what the case is about."""
        if not flags:
            return []
        update = {"case_id": case_id_of(key), "case": self.context(key)}
        return [f.model_copy(update=update) for f in flags]

    def context(self, key: str) -> CaseContext:
        """What the case of ``key`` (action id, recording id or officer@month) is about."""
        a = self.actions.get(key)
        if a is not None:
            return CaseContext(
                officer_id=a.officer_id,
                squad_id=a.squad_id,
                occurred_at=a.occurred_at,
                plate=a.plate,
                violation_type=a.violation_type,
                co_officer_ids=list(a.co_officer_ids),
            )
        r = self.recordings.get(key)
        if r is not None:
            return CaseContext(occurred_at=r.started_at)
        if "@" in key:  # an officer-month: its first day
            year, month = (int(x) for x in key.rpartition("@")[2].split("-"))
            return CaseContext(occurred_at=datetime(year, month, 1, tzinfo=BEIJING))
        return CaseContext()

    def stale(self, published: Iterable[Flag]) -> list[Flag]:
        """Of flags published earlier (by this engine or a predecessor), those standing on the
        topic that no longer hold, as withdrawals: what a restarted analyzer must take back.

        Flags of final months stand: their word is final."""
        return [
            f.model_copy(update={"withdrawn": True})
            for f in published
            if not f.withdrawn
            and f.category not in RAISED_ELSEWHERE
            and f.flag_id not in self._live
            and not self._final_flag(f)
        ]


def complaint_span(c: Complaint, w: Windows) -> tuple[datetime, datetime]:
    """When the act a complaint is about took place: around its time, else before receipt."""
    if c.occurred_at is not None:
        return c.occurred_at - w.complaint_window, c.occurred_at + w.complaint_window
    return c.received_at - w.complaint_lookback, c.received_at


def complaint_names(
    c: Complaint, officers: Iterable[str], plate: str | None, at: datetime, w: Windows
) -> bool:
    """Whether a complaint is about a ticket: it names the ticket's officer (or partner) and/or
    plate, near its time. The engine and the case builder link complaints by this rule."""
    if not (c.officer_id or c.plate):
        return False
    if c.officer_id and c.officer_id not in officers:
        return False
    if c.plate and plate_key(c.plate) != plate_key(plate):
        return False
    lo, hi = complaint_span(c, w)
    return lo <= at <= hi


def final_horizon(
    lateness: timedelta | None, seen: datetime | None, gated: bool, input_low: datetime | None
) -> datetime | None:
    """The start of the first month still open: by the shard's own clock ``seen`` less the
    allowance, and, ``gated`` (replicas), by the inputs' low watermark too (None: unknown, so
    nothing is final). The earlier of the two clocks decides: a replica's shard clock runs ahead
    of a backlog another router has not re-routed yet (a kill -9)."""
    if lateness is None or seen is None:
        return None
    if gated:
        if input_low is None:
            return None
        seen = min(seen, input_low)
    return month_start(seen - lateness)


def month_start(t: datetime) -> datetime:
    """The start (Beijing midnight of the 1st) of the local month of ``t``."""
    local = t.astimezone(BEIJING)
    return datetime(local.year, local.month, 1, tzinfo=BEIJING)


def month_start_of(month: str) -> datetime:
    """The start of month ``YYYY-MM`` (Beijing)."""
    year, m = (int(x) for x in month.split("-"))
    return datetime(year, m, 1, tzinfo=BEIJING)


def _drop(index: dict[Any, list[Any]], key: Any, item: Any) -> None:
    """Remove ``item`` from the list ``index[key]``, and the key once its list is empty."""
    items = index.get(key)
    if items is None:
        return
    if item in items:
        items.remove(item)
    if not items:
        del index[key]


def _days(lo: date, hi: date) -> Iterator[date]:
    d = lo
    while d <= hi:
        yield d
        d += timedelta(days=1)


def plate_key(plate: str | None) -> str:
    """Plates compare without the separator dot and spaces: 鲁R·A12345 = 鲁RA12345."""
    return "".join(ch for ch in (plate or "") if ch not in "·. -").upper()
