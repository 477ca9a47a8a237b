"""月度考核: the monthly assessment of every squad (每月一检查，每月一考核).

Per squad and calendar month (Asia/Shanghai): recording coverage, upload timeliness, confirmed
problems per 100 enforcement actions, orders answered on time and the spot-check pass rate (抽查:
the reviewed samples of the spot-check plans, 规范 a pass; 暂无 in a month without any), each with
its change on the previous month, a composite score
and the rank. Fine amounts and ticket counts are **never** an indicator (公安部: 不得将罚没款
数额和查处量作为考核指标; 道路交通安全法第86条): enforcement actions appear only as the
denominator of problems per 100 actions, and are not printed.

The composite (100 points, :class:`Weights`, configuration): coverage 30, timeliness 20, problems
30 (full at 0 per 100, none at :attr:`Weights.problems_at_zero` per 100) and orders 20 (a squad
with no order due that month has nothing overdue: full marks).
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from jiancha.clock import BEIJING_ZONE
from jiancha.elastic.queries import MAX_WINDOW, date_range
from streams.warning.signals import spot_signals

_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
UNCOVERED = ("recording_missing", "recording_gap")
LATE_HOURS = 24.0


@dataclass(frozen=True)
class Month:
    """A calendar month in the detachment's time zone."""

    year: int
    month: int
    tz: str = BEIJING_ZONE

    @classmethod
    def parse(cls, text: str) -> Month:
        """``2026-04`` → Month; ValueError with a Chinese reason otherwise."""
        m = _MONTH.match(text.strip())
        if not m or not 1 <= int(m[2]) <= 12 or not 2000 <= int(m[1]) <= 2100:
            raise ValueError(f"月份格式应为 2026-04：{text!r}")
        return cls(int(m[1]), int(m[2]))

    @classmethod
    def containing(cls, moment: datetime, tz: str = BEIJING_ZONE) -> Month:
        """The month ``moment`` falls in (in ``tz``)."""
        local = moment.astimezone(ZoneInfo(tz))
        return cls(local.year, local.month, tz)

    def __str__(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"

    @property
    def start(self) -> datetime:
        return datetime(self.year, self.month, 1, tzinfo=ZoneInfo(self.tz))

    @property
    def end(self) -> datetime:
        """Exclusive: the first of the next month."""
        y, m = (self.year + 1, 1) if self.month == 12 else (self.year, self.month + 1)
        return datetime(y, m, 1, tzinfo=ZoneInfo(self.tz))

    @property
    def previous(self) -> Month:
        y, m = (self.year - 1, 12) if self.month == 1 else (self.year, self.month - 1)
        return Month(y, m, self.tz)

    @property
    def days(self) -> int:
        return calendar.monthrange(self.year, self.month)[1]


@dataclass
class SquadCounts:
    """What one squad's month is judged by (counts; ``actions`` is only a denominator)."""

    squad_id: str
    actions: int = 0
    uncovered: int = 0  # actions of live recording_missing / recording_gap cases
    recordings: int = 0
    timely: int = 0  # uploaded within 24 h
    confirmed: int = 0
    orders_due: int = 0  # orders whose deadline fell in the month
    orders_on_time: int = 0  # ... answered by it
    spot_checked: int = 0  # reviewed spot-check samples of encounters in the month
    spot_passed: int = 0  # ... found 规范


@dataclass(frozen=True)
class Weights:
    """The composite's points (configuration, not law)."""

    coverage: float = 30.0
    timeliness: float = 20.0
    problems: float = 30.0
    orders: float = 20.0
    problems_at_zero: float = 5.0  # problems per 100 actions that score nothing


@dataclass
class SquadAssessment:
    """One squad's month as the console and the PDF show it (rates in 0–1, or None)."""

    squad_id: str
    coverage: float | None
    timeliness: float | None
    problems_per_100: float | None
    orders_on_time: float | None
    spot_check_pass: float | None  # None: 暂无 (no sample reviewed); not in the composite yet
    score: float
    rank: int = 0
    change: dict[str, float | None] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _rate(num: int, den: int) -> float | None:
    return num / den if den else None


def assess_squad(c: SquadCounts, w: Weights = Weights()) -> SquadAssessment:
    """One squad's indicators and composite score from its counts."""
    coverage = 1 - c.uncovered / c.actions if c.actions else None
    timeliness = _rate(c.timely, c.recordings)
    per_100 = 100 * c.confirmed / c.actions if c.actions else None
    on_time = _rate(c.orders_on_time, c.orders_due)
    score = (
        w.coverage * (coverage if coverage is not None else 1.0)
        + w.timeliness * (timeliness if timeliness is not None else 1.0)
        + w.problems * max(0.0, 1 - (per_100 or 0.0) / w.problems_at_zero)
        + w.orders * (on_time if on_time is not None else 1.0)
    )
    spot = _rate(c.spot_passed, c.spot_checked)
    return SquadAssessment(
        c.squad_id, coverage, timeliness, per_100, on_time, spot, round(score, 1)
    )


INDICATORS = (
    "coverage",
    "timeliness",
    "problems_per_100",
    "orders_on_time",
    "spot_check_pass",
    "score",
)


def assess_month(
    now: dict[str, SquadCounts], before: dict[str, SquadCounts], w: Weights = Weights()
) -> list[SquadAssessment]:
    """Every squad of ``now``, ranked by score (ties: fewer problems, then the squad id), with
    the change of each indicator on the previous month."""
    out = [assess_squad(c, w) for c in now.values()]
    out.sort(key=lambda a: (-a.score, a.problems_per_100 or 0.0, a.squad_id))
    for i, a in enumerate(out, start=1):
        a.rank = i
        prev = assess_squad(before[a.squad_id], w) if a.squad_id in before else None
        for k in INDICATORS:
            x, y = getattr(a, k), getattr(prev, k) if prev else None
            a.change[k] = None if x is None or y is None else round(x - y, 4)
    return out


# -- reading the month from Elasticsearch --------------------------------------------------------


#: any callable that runs one Elasticsearch search (the sync client's ``search``)
Search = Callable[..., Any]


def read_counts(search: Search, aliases: dict[str, str], month: Month) -> dict[str, SquadCounts]:
    """Every squad's counts of ``month`` from the projections (synchronous, as the bulletin's
    statistics: the CLI calls it directly, the API in a thread)."""
    out: dict[str, SquadCounts] = {}

    def squad(sid: str) -> SquadCounts:
        return out.setdefault(sid, SquadCounts(sid))

    during = date_range("occurred_at", gte=month.start, lt=month.end)
    res = search(
        index=aliases["actions"],
        size=0,
        query={"bool": {"filter": [during]}},
        aggs={"s": {"terms": {"field": "squad_id", "size": MAX_WINDOW}}},
    )
    for b in res["aggregations"]["s"]["buckets"]:
        squad(b["key"]).actions = b["doc_count"]
    res = search(
        index=aliases["cases"],
        size=MAX_WINDOW,
        query={"bool": {"filter": [during, {"term": {"withdrawn": False}}]}},
        source=["squad_id", "status", "categories", "action_ids"],
    )
    for h in res["hits"]["hits"]:
        c = h["_source"]
        s = squad(c.get("squad_id") or "")
        if c.get("status") == "confirmed":
            s.confirmed += 1
        if c.get("status") != "dismissed" and set(c.get("categories") or []) & set(UNCOVERED):
            s.uncovered += max(1, len(c.get("action_ids") or []))
    res = search(
        index=aliases["clips"],
        size=0,
        query={"bool": {"filter": [date_range("started_at", gte=month.start, lt=month.end)]}},
        aggs={
            "s": {
                "terms": {"field": "squad_id", "size": MAX_WINDOW},
                "aggs": {"late": {"filter": {"range": {"upload_delay_h": {"gt": LATE_HOURS}}}}},
            }
        },
    )
    for b in res["aggregations"]["s"]["buckets"]:
        s = squad(b["key"])
        s.recordings = b["doc_count"]
        s.timely = b["doc_count"] - b["late"]["doc_count"]
    res = search(
        index=aliases["rectifications"],
        size=MAX_WINDOW,
        query={"bool": {"filter": [date_range("deadline", gte=month.start, lt=month.end)]}},
        source=["squad_id", "answers", "deadline", "ever_overdue"],
    )
    for h in res["hits"]["hits"]:
        o = h["_source"]
        s = squad(o["squad_id"])
        s.orders_due += 1
        answers = o.get("answers") or []
        s.orders_on_time += (
            bool(answers) and not answers[0].get("late") and not o.get("ever_overdue")
        )
    if "spotchecks" in aliases:
        plans = search(index=aliases["spotchecks"], size=MAX_WINDOW, source=["samples"])
        for p in plans["hits"]["hits"]:
            for sig in spot_signals(p["_source"].get("samples") or []):
                if month.start <= sig.at < month.end:
                    s = squad(sig.squad_id)
                    s.spot_checked += 1
                    s.spot_passed += sig.kind == "spot_pass"
    for s in out.values():  # never more uncovered actions than actions
        s.uncovered = min(s.uncovered, s.actions)
    return out


def assess_stored(search: Search, aliases: dict[str, str], month: Month) -> list[SquadAssessment]:
    """``month``'s assessment, with the change on the month before, from the projections."""
    return assess_month(
        read_counts(search, aliases, month), read_counts(search, aliases, month.previous)
    )
