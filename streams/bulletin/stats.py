"""Weekly supervision numbers: the one query module behind the bulletin, the API and dashboards.

Every number 《监察专刊》 prints comes from here (``week_stats``), and so does
``GET /bulletins/{week}/stats``: the bulletin and the screens cannot disagree. Request bodies and
the folding of answers are plain functions; ``search`` is any callable that runs one Elasticsearch
search (the sync client's ``search`` in the compiler, the same in a thread for the API).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from analyzers.good_practice import Segment, examples
from jiancha.clock import BEIJING_ZONE
from jiancha.elastic.queries import date_range
from streams.review.orders import AWAITING_ANSWER

Search = Callable[..., Any]  # es.search(index=..., **body)

_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")
CLASS_ORDER = ("profit", "excessive", "procedure")
TREND_WEEKS = 8
MAX_SQUADS = 500


@dataclass(frozen=True)
class IsoWeek:
    """An ISO week (``2026-W15``) in the bulletin's time zone: Monday 00:00 to the next Monday."""

    year: int
    week: int
    tz: str = BEIJING_ZONE

    @classmethod
    def parse(cls, text: str, tz: str = BEIJING_ZONE) -> IsoWeek:
        """``2026-W15`` → IsoWeek; ValueError with a Chinese reason otherwise."""
        m = _WEEK.match(text.strip())
        if not m:
            raise ValueError(f"周次格式应为 2026-W15：{text!r}")
        year, week = int(m[1]), int(m[2])
        if not 2000 <= year <= 2100:  # the weeks around it (trend, last week) must exist too
            raise ValueError(f"周次年份应在 2000–2100 之间：{year}")
        try:
            date.fromisocalendar(year, week, 1)
        except ValueError as exc:
            raise ValueError(f"{year} 年没有第 {week} 周") from exc
        return cls(year, week, tz)

    @classmethod
    def containing(cls, moment: datetime, tz: str = BEIJING_ZONE) -> IsoWeek:
        """The ISO week ``moment`` falls in (in ``tz``)."""
        y, w, _ = moment.astimezone(ZoneInfo(tz)).isocalendar()
        return cls(y, w, tz)

    def __str__(self) -> str:
        return f"{self.year}-W{self.week:02d}"

    @property
    def monday(self) -> date:
        return date.fromisocalendar(self.year, self.week, 1)

    @property
    def start(self) -> datetime:
        return datetime.combine(self.monday, datetime.min.time(), ZoneInfo(self.tz))

    @property
    def end(self) -> datetime:
        """Exclusive: the next Monday 00:00."""
        return self.start + timedelta(days=7)

    def shifted(self, weeks: int) -> IsoWeek:
        y, w, _ = (self.monday + timedelta(weeks=weeks)).isocalendar()
        return IsoWeek(y, w, self.tz)


def _during(fld: str, week: IsoWeek) -> dict[str, Any]:
    return date_range(fld, gte=week.start, lt=week.end)


LIVE_CASE = {"term": {"withdrawn": False}}
CONFIRMED = {"term": {"status": "confirmed"}}


@dataclass(frozen=True)
class Overview:
    """一、本周监督概况: what was watched and what was flagged."""

    recordings: int
    hours: float
    transcribed: int
    actions: int
    cases: int
    confirmed: int
    dismissed: int
    pending: int
    flags: int
    flags_by_class: dict[str, int]
    flags_by_category: dict[str, int]  # label → flags
    #: transcribed recordings whose audio was too poor to judge (音质差，需人工复核): said plainly,
    #: never counted as "nothing found"
    poor_audio: int = 0
    poor_audio_hours: float = 0.0

    @property
    def transcribed_share(self) -> float:
        return self.transcribed / self.recordings if self.recordings else 0.0


def overview(search: Search, aliases: dict[str, str], week: IsoWeek) -> Overview:
    """Recordings and hours covered, share transcribed, enforcement actions, flags by class."""
    clips = search(
        index=aliases["clips"],
        size=0,
        track_total_hits=True,
        query={"bool": {"filter": [_during("started_at", week)]}},
        aggs={
            "seconds": {"sum": {"field": "duration_s"}},
            "transcribed": {"filter": {"term": {"has_transcript": True}}},
            "poor": {
                "filter": {"term": {"quality": "poor"}},
                "aggs": {"seconds": {"sum": {"field": "duration_s"}}},
            },
        },
    )
    actions = search(
        index=aliases["actions"],
        size=0,
        track_total_hits=True,
        query={"bool": {"filter": [_during("occurred_at", week)]}},
    )
    cases = search(
        index=aliases["cases"],
        size=0,
        track_total_hits=True,
        query={"bool": {"filter": [LIVE_CASE, _during("occurred_at", week)]}},
        aggs={
            "status": {"terms": {"field": "status", "size": 10}},
            "flags": {
                "nested": {"path": "flags"},
                "aggs": {
                    "classes": {"terms": {"field": "flags.class", "size": 10}},
                    "labels": {"terms": {"field": "flags.label", "size": 100}},
                },
            },
        },
    )
    ca = cases["aggregations"]
    status = _buckets(ca["status"])
    return Overview(
        recordings=_total(clips),
        hours=round(clips["aggregations"]["seconds"]["value"] / 3600, 1),
        transcribed=clips["aggregations"]["transcribed"]["doc_count"],
        actions=_total(actions),
        cases=_total(cases),
        confirmed=status.get("confirmed", 0),
        dismissed=status.get("dismissed", 0),
        pending=status.get("pending", 0),
        flags=ca["flags"]["doc_count"],
        flags_by_class={c: _buckets(ca["flags"]["classes"]).get(c, 0) for c in CLASS_ORDER},
        flags_by_category=_buckets(ca["flags"]["labels"]),
        poor_audio=clips["aggregations"]["poor"]["doc_count"],
        poor_audio_hours=round(clips["aggregations"]["poor"]["seconds"]["value"] / 3600, 1),
    )


@dataclass(frozen=True)
class SquadProblems:
    """二、问题通报 and 五、中队排名: one squad's confirmed problems against its enforcement."""

    squad_id: str
    problems: int  # confirmed cases
    actions: int
    by_category: dict[str, int]  # label → confirmed cases with it
    by_class: dict[str, int]

    @property
    def per_100(self) -> float:
        """Problems per 100 enforcement actions (0 without actions)."""
        return round(100 * self.problems / self.actions, 2) if self.actions else 0.0


def squads(search: Search, aliases: dict[str, str], week: IsoWeek) -> list[SquadProblems]:
    """Every squad that enforced or had a confirmed problem this week, worst rate first."""
    confirmed = search(
        index=aliases["cases"],
        size=0,
        query={"bool": {"filter": [LIVE_CASE, CONFIRMED, _during("occurred_at", week)]}},
        aggs={
            "squads": {
                "terms": {"field": "squad_id", "size": MAX_SQUADS},
                "aggs": {
                    "classes": {"terms": {"field": "classes", "size": 10}},
                    "flags": {
                        "nested": {"path": "flags"},
                        "aggs": {
                            "labels": {
                                "terms": {"field": "flags.label", "size": 100},
                                "aggs": {"cases": {"reverse_nested": {}}},
                            }
                        },
                    },
                },
            }
        },
    )
    actions = search(
        index=aliases["actions"],
        size=0,
        query={"bool": {"filter": [_during("occurred_at", week)]}},
        aggs={"squads": {"terms": {"field": "squad_id", "size": MAX_SQUADS}}},
    )
    acts = _buckets(actions["aggregations"]["squads"])
    rows: dict[str, SquadProblems] = {}
    for b in confirmed["aggregations"]["squads"]["buckets"]:
        labels = {lb["key"]: lb["cases"]["doc_count"] for lb in b["flags"]["labels"]["buckets"]}
        rows[b["key"]] = SquadProblems(
            b["key"], b["doc_count"], acts.get(b["key"], 0), labels, _buckets(b["classes"])
        )
    for squad, n in acts.items():
        rows.setdefault(squad, SquadProblems(squad, 0, n, {}, {}))
    return sorted(rows.values(), key=lambda r: (-r.per_100, -r.problems, r.squad_id))


@dataclass(frozen=True)
class Excerpt:
    recording_id: str
    start: float
    end: float
    text: str


@dataclass(frozen=True)
class TypicalCase:
    """三、典型案例: a grave confirmed case with its evidence (unmasked; the renderer masks)."""

    case_id: str
    squad_id: str | None
    officer_id: str | None
    occurred_at: str
    plate: str | None
    severity: int
    labels: list[str]
    explanations: list[str]
    excerpts: list[Excerpt]
    complaints: int


def typical_cases(
    search: Search, aliases: dict[str, str], week: IsoWeek, n: int
) -> list[TypicalCase]:
    """The ``n`` gravest confirmed cases of the week (severity, then priority, then time)."""
    res = search(
        index=aliases["cases"],
        size=n,
        query={"bool": {"filter": [LIVE_CASE, CONFIRMED, _during("occurred_at", week)]}},
        sort=[
            {"severity": "desc"},
            {"priority": "desc"},
            {"occurred_at": "asc"},
            {"case_id": "asc"},
        ],
    )
    out = []
    for hit in res["hits"]["hits"]:
        src = hit["_source"]
        flags = sorted(src.get("flags") or [], key=lambda f: -f["severity"])
        excerpts = [
            Excerpt(e["recording_id"], e["start"], e["end"], e["excerpt"])
            for f in flags
            for e in f.get("evidence") or []
            if e.get("excerpt") and e.get("recording_id")
        ]
        out.append(
            TypicalCase(
                case_id=src["case_id"],
                squad_id=src.get("squad_id"),
                officer_id=src.get("officer_id"),
                occurred_at=src["occurred_at"],
                plate=src.get("plate"),
                severity=src.get("severity") or 0,
                labels=list(dict.fromkeys(f["label"] for f in flags)),
                explanations=list(dict.fromkeys(f["explanation"] for f in flags)),
                excerpts=list(dict.fromkeys(excerpts))[:4],
                complaints=len(src.get("complaint_ids") or []),
            )
        )
    return out


@dataclass(frozen=True)
class OverdueOrder:
    order_id: str
    squad_id: str
    title: str
    deadline: str


@dataclass(frozen=True)
class Orders:
    """四、整改落实 for a week: orders issued, answered on time / late, returned, overdue."""

    issued: int
    answered_on_time: int
    answered_late: int
    returned: int
    accepted: int
    overdue: list[OverdueOrder] = field(default_factory=list)


def fold_orders(orders: Iterable[dict[str, Any]], week: IsoWeek, now: datetime) -> Orders:
    """Count the week's order events; overdue = past deadline, still owing an answer, at ``now``."""
    start, end = week.start, week.end

    def within(stamp: str | None) -> bool:
        return stamp is not None and start <= datetime.fromisoformat(stamp) < end

    issued = on_time = late = returned = accepted = 0
    overdue = []
    for o in orders:
        issued += within(o.get("issued_at"))
        answers = [a for a in o.get("answers") or [] if within(a.get("at"))]
        on_time += any(not a.get("late") for a in answers)
        late += any(a.get("late") for a in answers)
        returned += sum(
            1 for h in o.get("history") or [] if h["type"] == "OrderReturned" and within(h["at"])
        )
        accepted += within(o.get("accepted_at"))
        deadline = o.get("deadline")
        past = deadline is not None and datetime.fromisoformat(deadline) < now
        if o.get("status") in AWAITING_ANSWER and (o.get("overdue") or past):
            overdue.append(OverdueOrder(o["order_id"], o["squad_id"], o["title"], deadline or ""))
    overdue.sort(key=lambda x: (x.deadline, x.order_id))
    return Orders(issued, on_time, late, returned, accepted, overdue)


def orders(search: Search, aliases: dict[str, str], week: IsoWeek, now: datetime) -> Orders:
    """四、整改落实 from the ``rectifications`` index (orders are few: fetched and folded here)."""
    res = search(
        index=aliases["rectifications"],
        size=10_000,
        query={
            "bool": {
                "filter": [{"exists": {"field": "issued_at"}}],
                "must_not": [date_range("issued_at", gte=week.end)],
            }
        },
        source=[
            "order_id",
            "squad_id",
            "title",
            "status",
            "deadline",
            "issued_at",
            "accepted_at",
            "overdue",
            "answers.at",
            "answers.late",
            "history.type",
            "history.at",
        ],
    )
    return fold_orders((h["_source"] for h in res["hits"]["hits"]), week, now)


@dataclass(frozen=True)
class TrendPoint:
    week: str
    flags: int
    cases: int
    confirmed: int


def trend(search: Search, aliases: dict[str, str], week: IsoWeek) -> list[TrendPoint]:
    """Flags, cases and confirmed problems for the ``TREND_WEEKS`` weeks ending with ``week``."""
    first = week.shifted(1 - TREND_WEEKS)
    res = search(
        index=aliases["cases"],
        size=0,
        query={
            "bool": {"filter": [LIVE_CASE, date_range("occurred_at", gte=first.start, lt=week.end)]}
        },
        aggs={
            "weeks": {
                "date_histogram": {
                    "field": "occurred_at",
                    "calendar_interval": "week",
                    "time_zone": week.tz,
                    "min_doc_count": 0,
                },
                "aggs": {
                    "confirmed": {"filter": CONFIRMED},
                    "flags": {"nested": {"path": "flags"}},
                },
            }
        },
    )
    found = {}
    for b in res["aggregations"]["weeks"]["buckets"]:
        w = IsoWeek.containing(datetime.fromisoformat(b["key_as_string"]), week.tz)
        found[str(w)] = TrendPoint(
            str(w), b["flags"]["doc_count"], b["doc_count"], b["confirmed"]["doc_count"]
        )
    weeks = [str(first.shifted(i)) for i in range(TREND_WEEKS)]
    return [found.get(w, TrendPoint(w, 0, 0, 0)) for w in weeks]


@dataclass(frozen=True)
class GoodExample:
    """三、典型案例 — 规范执法示例: an unflagged encounter that shows good enforcement."""

    recording_id: str
    squad_id: str | None
    officer_id: str | None
    started_at: str
    labels: list[str]
    explanation: str
    excerpts: list[Excerpt]


#: at most this many transcribed clips of the period are judged for examples
GOOD_SCAN = 5000


def good_examples(
    search: Search,
    aliases: dict[str, str],
    start: datetime,
    end: datetime,
    n: int,
    officer_id: str | None = None,
) -> list[GoodExample]:
    """The best ``n`` 规范执法示例 among the period's transcribed clips that no live case holds
    (:mod:`analyzers.good_practice`); only ``officer_id``'s with one (his own record)."""
    flt: list[dict[str, Any]] = [
        {"term": {"has_transcript": True}},
        date_range("started_at", gte=start, lt=end),
    ]
    if officer_id:
        flt.append({"term": {"officer_ids": officer_id}})
    clips = search(
        index=aliases["clips"],
        size=GOOD_SCAN,
        query={"bool": {"filter": flt}},
        sort=[{"started_at": "asc"}, {"recording_id": "asc"}],
        source=["recording_id", "officer_ids", "squad_id", "started_at", "segments"],
    )["hits"]["hits"]
    ids = [c["_source"]["recording_id"] for c in clips]
    flagged = search(
        index=aliases["cases"],
        size=0,
        query={"bool": {"filter": [LIVE_CASE, {"terms": {"recording_ids": ids}}]}},
        aggs={"r": {"terms": {"field": "recording_ids", "size": max(1, len(ids))}}},
    )
    held = {b["key"] for b in flagged["aggregations"]["r"]["buckets"]}
    by_id = {c["_source"]["recording_id"]: c["_source"] for c in clips}
    encounters = [
        (rid, [Segment(rid, s["start"], s["end"], s.get("speaker", ""), s["text"])
               for s in doc.get("segments") or []])
        for rid, doc in by_id.items()
        if rid not in held
    ]  # fmt: skip
    out = []
    for rid, good in examples(encounters, n):
        doc = by_id[rid]
        out.append(
            GoodExample(
                recording_id=rid,
                squad_id=doc.get("squad_id"),
                officer_id=(doc.get("officer_ids") or [None])[0],
                started_at=doc["started_at"],
                labels=good.labels,
                explanation=good.explanation,
                excerpts=[Excerpt(q.recording_id, q.start, q.end, q.text) for q in good.quotes],
            )
        )
    return out


@dataclass(frozen=True)
class WeekStats:
    """Everything a bulletin prints for one ISO week."""

    week: str
    period_start: str
    period_end: str  # inclusive last day, for people
    overview: Overview
    previous: Overview | None  # last week, for 较上周
    squads: list[SquadProblems]
    typical: list[TypicalCase]
    orders: Orders
    trend: list[TrendPoint]
    good: list[GoodExample] = field(default_factory=list)  # 规范执法示例
    # 一、本周监督概况: the week's spot checks once published (issue 17), else None
    spot_checks: dict[str, Any] | None = None

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready (derived rates included)."""
        d = asdict(self)
        for o, src in (("overview", self.overview), ("previous", self.previous)):
            if src is not None:
                d[o]["transcribed_share"] = round(src.transcribed_share, 4)
        for row, sq in zip(d["squads"], self.squads, strict=True):
            row["per_100"] = sq.per_100
        return d


def week_stats(
    search: Search,
    aliases: dict[str, str],
    week: IsoWeek,
    now: datetime,
    typical_n: int = 5,
    good_n: int = 2,
) -> WeekStats:
    """All the numbers of ``week`` (and last week's overview for the change)."""
    current = overview(search, aliases, week)
    last = overview(search, aliases, week.shifted(-1))
    has_last = last.recordings or last.actions or last.cases
    return WeekStats(
        week=str(week),
        period_start=week.monday.isoformat(),
        period_end=(week.monday + timedelta(days=6)).isoformat(),
        overview=current,
        previous=last if has_last else None,
        squads=squads(search, aliases, week),
        typical=typical_cases(search, aliases, week, typical_n),
        orders=orders(search, aliases, week, now),
        trend=trend(search, aliases, week),
        good=good_examples(search, aliases, week.start, week.end, good_n),
        spot_checks=spot_checks(search, aliases, week),
    )


def spot_checks(search: Search, aliases: dict[str, str], week: IsoWeek) -> dict[str, Any] | None:
    """The week's spot-check results (miss rate, interval, implied recall), once published: the
    squads see them in the bulletin no earlier than in the console."""
    from streams.spotchecks.plans import Plan
    from streams.spotchecks.report import report

    if "spotchecks" not in aliases:
        return None
    res = search(index=aliases["spotchecks"], query={"term": {"plan_id": f"SC-{week}"}}, size=1)
    hits = res["hits"]["hits"]
    if not hits or hits[0]["_source"].get("status") != "published":
        return None
    return report(Plan.model_validate(hits[0]["_source"]))


def _total(res: Any) -> int:
    return int(res["hits"]["total"]["value"])


def _buckets(agg: dict[str, Any]) -> dict[str, int]:
    return {b["key"]: b["doc_count"] for b in agg["buckets"]}
