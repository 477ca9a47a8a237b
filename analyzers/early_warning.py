"""Officer early warning (issue 18): indicators over rolling windows, rules, a peer-relative score.

Single cases are judged elsewhere; this module looks at an officer's **pattern** over the last 30
and 90 days, the way early-intervention systems do (IAPro's thresholds and percentiles, the
Charlotte-Mecklenburg model's peer-relative risk). It reads plain :class:`Signal` records, what
jiancha already knows about an officer: his enforcement actions (the exposure), confirmed
problems by class and category, linked complaints, actions without a recording, late uploads,
spot-check outcomes (where a spot check exists) and rectification orders against his squad.

**Peers.** An officer is compared with the other officers of his squad (one beat, one road type:
a highway squad uploads later and meets more complaints than a downtown one, and that is the
road, not the man). A squad with fewer than :attr:`WarningConfig.min_peers` other active
officers gives way to the whole detachment.

**Score.** Per indicator, the officer's count ``x`` is set against what his peers' rate predicts
for his exposure, ``e = peer rate × his actions``; the excess is ``(x − e) / √(e + 1)`` (a
Poisson z with one pseudo-count, so a single event in a quiet squad is not a storm). The score
is the weighted sum of positive excesses, the larger of the 30-day and the 90-day window (a
recent drift shows in the short window first). Raw counts are never the score: a busy officer
writes more tickets and so meets more flags; the rate is what distinguishes him.

**Rules** (supervisor-configurable, :class:`WarningConfig`): ``threshold`` (confirmed problems or
complaints in 90 days at or above a count, the classic rule), ``percentile`` (score in the top
share of the detachment, above a floor), ``score`` (score at or above a level) and ``combined``
(``score`` or a serious-count threshold). The default, ``score`` at 8, is chosen on the
evaluation (:mod:`analyzers.warning_eval`, table in the README): the best F1 on held-out seeds,
far fewer false alerts than any raw-count threshold of similar recall.

An alert is a **proposal** only (``streams/warning``): nothing reaches an officer's record
until a supervisor decides on it. Nothing here does I/O or reads a clock.
"""

from __future__ import annotations

import bisect
import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from analyzers.catalogue import CATEGORIES, CLASS_LABELS

Kind = Literal[
    "action",
    "confirmed",
    "complaint",
    "uncovered",
    "late_upload",
    "spot_pass",
    "spot_fail",
    "order",
]
Rule = Literal["threshold", "percentile", "score", "combined"]

#: A confirmed problem of this severity or above is serious (辱骂、威胁、收现不开票、关闭记录仪…).
SERIOUS = 4


@dataclass(frozen=True)
class Signal:
    """One thing known about an officer at a moment (``order``: about his squad, no officer)."""

    officer_id: str
    squad_id: str
    at: datetime
    kind: Kind
    category: str = ""  # confirmed: the flag category
    severity: int = 0  # confirmed: the flag severity


@dataclass
class Indicators:
    """An officer's counts over one window."""

    officer_id: str
    squad_id: str
    days: int
    actions: int = 0
    confirmed: int = 0
    serious: int = 0
    by_class: Counter[str] = field(default_factory=Counter)
    by_category: Counter[str] = field(default_factory=Counter)
    complaints: int = 0
    uncovered: int = 0
    late_uploads: int = 0
    spot_checks: int = 0
    spot_fails: int = 0
    squad_orders: int = 0

    @property
    def coverage(self) -> float | None:
        """Share of his actions with a recording (None without actions)."""
        return 1 - self.uncovered / self.actions if self.actions else None

    def to_dict(self) -> dict[str, object]:
        return {
            "days": self.days,
            "actions": self.actions,
            "confirmed": self.confirmed,
            "serious": self.serious,
            "by_class": dict(self.by_class),
            "by_category": dict(self.by_category),
            "complaints": self.complaints,
            "uncovered": self.uncovered,
            "coverage": self.coverage,
            "late_uploads": self.late_uploads,
            "spot_checks": self.spot_checks,
            "spot_fails": self.spot_fails,
            "squad_orders": self.squad_orders,
        }


class WarningConfig(BaseModel):
    """What the supervisor sets (证据选定的默认值见 README 的评估表)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    rule: Rule = "score"
    long_days: int = Field(default=90, ge=7, le=366)
    short_days: int = Field(default=30, ge=7, le=366)
    # threshold rule (raw counts in the long window)
    max_confirmed: int = Field(default=3, ge=1, le=1000)
    max_complaints: int = Field(default=3, ge=1, le=1000)
    max_serious: int = Field(default=2, ge=1, le=1000)
    # percentile rule: top share of the detachment's scores, above a floor
    percentile: float = Field(default=95.0, gt=0, lt=100)
    min_percentile_score: float = Field(default=2.0, ge=0)
    # score rule
    min_score: float = Field(default=8.0, ge=0)
    min_peers: int = Field(default=3, ge=1, le=1000)
    # weights of the excesses in the score
    w_confirmed: float = Field(default=1.0, ge=0)
    w_serious: float = Field(default=1.5, ge=0)
    w_complaints: float = Field(default=1.0, ge=0)
    w_uncovered: float = Field(default=0.5, ge=0)
    w_late: float = Field(default=0.3, ge=0)
    w_spot: float = Field(default=1.0, ge=0)


DEFAULT = WarningConfig()


# -- indicators ----------------------------------------------------------------------------------


def indicators(signals: Iterable[Signal], as_of: datetime, days: int) -> dict[str, Indicators]:
    """Every officer's counts over ``(as_of − days, as_of]``; squad orders copied to each."""
    start = as_of - timedelta(days=days)
    out: dict[str, Indicators] = {}
    orders: Counter[str] = Counter()
    for s in signals:
        if not start < s.at <= as_of:
            continue
        if s.kind == "order":
            orders[s.squad_id] += 1
            continue
        ind = out.get(s.officer_id)
        if ind is None:
            ind = out[s.officer_id] = Indicators(s.officer_id, s.squad_id, days)
        ind.squad_id = s.squad_id or ind.squad_id
        _count(ind, s)
    for ind in out.values():
        ind.squad_orders = orders[ind.squad_id]
    return out


def _count(ind: Indicators, s: Signal) -> None:
    if s.kind == "action":
        ind.actions += 1
    elif s.kind == "confirmed":
        ind.confirmed += 1
        ind.serious += s.severity >= SERIOUS
        cat = CATEGORIES.get(s.category)
        ind.by_class[cat.class_ if cat else "procedure"] += 1
        ind.by_category[s.category] += 1
    elif s.kind == "complaint":
        ind.complaints += 1
    elif s.kind == "uncovered":
        ind.uncovered += 1
    elif s.kind == "late_upload":
        ind.late_uploads += 1
    elif s.kind in ("spot_pass", "spot_fail"):
        ind.spot_checks += 1
        ind.spot_fails += s.kind == "spot_fail"


# -- the peer-relative score -------------------------------------------------------------------


@dataclass(frozen=True)
class Term:
    """One indicator's part of the score: his count, what his peers' rate predicts, the excess."""

    name: str
    count: int
    expected: float
    peer_mean: float  # the peers' average count per officer (for the explanation)
    excess: float
    weight: float


#: indicator → (counter of the count, counter of the exposure)
_TERMS: dict[str, tuple[str, str]] = {
    "confirmed": ("confirmed", "actions"),
    "serious": ("serious", "actions"),
    "complaints": ("complaints", "actions"),
    "uncovered": ("uncovered", "actions"),
    "late_uploads": ("late_uploads", "actions"),
    "spot_fails": ("spot_fails", "spot_checks"),
}


def _weight(cfg: WarningConfig, name: str) -> float:
    return {
        "confirmed": cfg.w_confirmed,
        "serious": cfg.w_serious,
        "complaints": cfg.w_complaints,
        "uncovered": cfg.w_uncovered,
        "late_uploads": cfg.w_late,
        "spot_fails": cfg.w_spot,
    }[name]


def peers_of(
    me: Indicators, everyone: Mapping[str, Indicators], min_peers: int
) -> list[Indicators]:
    """His squad's other active officers, or the detachment's when the squad has too few."""
    others = [i for i in everyone.values() if i.officer_id != me.officer_id and i.actions > 0]
    squad = [i for i in others if i.squad_id == me.squad_id]
    return squad if len(squad) >= min_peers else others


def terms(me: Indicators, peers: list[Indicators], cfg: WarningConfig = DEFAULT) -> list[Term]:
    """The score's terms for ``me`` against ``peers``."""
    out = []
    for name, (num, den) in _TERMS.items():
        x = int(getattr(me, num))
        peer_num = sum(int(getattr(p, num)) for p in peers)
        peer_den = sum(int(getattr(p, den)) for p in peers)
        exposure = int(getattr(me, den))
        e = peer_num / peer_den * exposure if peer_den else 0.0
        excess = (x - e) / math.sqrt(e + 1)
        mean = peer_num / len(peers) if peers else 0.0
        out.append(Term(name, x, e, mean, excess, _weight(cfg, name)))
    return out


def score_of(ts: list[Term]) -> float:
    """Weighted sum of the positive excesses."""
    return sum(t.weight * max(0.0, t.excess) for t in ts)


@dataclass(frozen=True)
class Assessment:
    """An officer judged at ``as_of``: both windows, the score and which rule fires."""

    officer_id: str
    squad_id: str
    as_of: datetime
    long: Indicators
    short: Indicators
    score: float
    window: int  # the window whose score is the larger
    terms: list[Term]
    percentile: float = 0.0  # share of the detachment's officers scoring at or below him
    fired: tuple[str, ...] = ()
    explanation: str = ""


def assess(
    signals: Iterable[Signal], as_of: datetime, cfg: WarningConfig = DEFAULT
) -> list[Assessment]:
    """Every active officer at ``as_of``, highest score first, with the rules that fire."""
    sigs = list(signals)
    long = indicators(sigs, as_of, cfg.long_days)
    short = indicators(sigs, as_of, cfg.short_days)
    out = []
    for oid, lo in long.items():
        if lo.actions == 0:
            continue
        sh = short.get(oid) or Indicators(oid, lo.squad_id, cfg.short_days)
        t_long = terms(lo, peers_of(lo, long, cfg.min_peers), cfg)
        t_short = terms(sh, peers_of(sh, short, cfg.min_peers), cfg) if sh.actions else []
        s_long, s_short = score_of(t_long), score_of(t_short)
        best = (
            (s_short, cfg.short_days, t_short)
            if s_short > s_long
            else (s_long, cfg.long_days, t_long)
        )
        out.append(Assessment(oid, lo.squad_id, as_of, lo, sh, best[0], best[1], best[2]))
    ranked = sorted(s.score for s in out)
    result = []
    for a in out:
        pct = 100.0 * _at_or_below(ranked, a.score) / len(ranked)
        rank = len(ranked) - _at_or_below(ranked, a.score) + 1
        a = Assessment(**{**a.__dict__, "percentile": pct, "fired": rules_fired(a, pct, cfg)})
        text = explain(a) + f"综合风险分{a.score:.1f}（全大队{len(ranked)}名民警中第{rank}位）。"
        result.append(Assessment(**{**a.__dict__, "explanation": text}))
    return sorted(result, key=lambda a: (-a.score, a.officer_id))


def _at_or_below(ranked: list[float], x: float) -> int:
    return bisect.bisect_right(ranked, x)


def rules_fired(a: Assessment, percentile: float, cfg: WarningConfig) -> tuple[str, ...]:
    """The names of every rule ``a`` meets (the configured one decides whether to alert)."""
    fired = []
    if a.long.confirmed >= cfg.max_confirmed or a.long.complaints >= cfg.max_complaints:
        fired.append("threshold")
    if percentile >= cfg.percentile and a.score >= cfg.min_percentile_score:
        fired.append("percentile")
    if a.score >= cfg.min_score:
        fired.append("score")
    if "score" in fired or a.long.serious >= cfg.max_serious:
        fired.append("combined")
    return tuple(fired)


def alerts(
    signals: Iterable[Signal], as_of: datetime, cfg: WarningConfig = DEFAULT
) -> list[Assessment]:
    """The officers the configured rule proposes for an alert at ``as_of``."""
    return [a for a in assess(signals, as_of, cfg) if cfg.rule in a.fired]


# -- the explanation ---------------------------------------------------------------------------


def _n(x: float) -> str:
    return f"{x:.1f}".rstrip("0").rstrip(".") if x != int(x) else str(int(x))


def explain(a: Assessment) -> str:
    """What drives the score, in Chinese: 近90天确认问题6起，同中队民警平均1.2起；其中辱骂2起…"""
    ind = a.long if a.window == a.long.days else a.short
    by = {t.name: t for t in a.terms}
    parts = []
    c = by.get("confirmed")
    if c and c.count:
        head = f"近{a.window}天确认问题{c.count}起，同中队民警平均{_n(round(c.peer_mean, 1))}起"
        cats = "、".join(
            f"{CATEGORIES[k].label if k in CATEGORIES else k}{v}起"
            for k, v in ind.by_category.most_common(3)
        )
        parts.append(head + (f"；其中{cats}" if cats else ""))
    for name, what in (
        ("complaints", "群众投诉"),
        ("uncovered", "执法无录像"),
        ("late_uploads", "录像逾期上传"),
        ("spot_fails", "抽查不合格"),
    ):
        t = by.get(name)
        if t and t.count and t.excess > 0:
            parts.append(f"{what}{t.count}起（同中队平均{_n(round(t.peer_mean, 1))}起）")
    if ind.coverage is not None and ind.uncovered:
        parts.append(f"录像覆盖率{ind.coverage:.0%}")
    if ind.squad_orders:
        parts.append(f"所在中队同期被下发整改通知书{ind.squad_orders}份")
    if not parts:
        return f"近{a.window}天无确认问题、投诉或录像缺失。"
    return "；".join(parts) + "。"


def counts_by_class(ind: Indicators) -> dict[str, int]:
    """Confirmed problems by class label (逐利执法 / 过度执法 / 程序瑕疵)."""
    out: dict[str, int] = defaultdict(int)
    for k, v in ind.by_class.items():
        out[CLASS_LABELS.get(k, k)] += v
    return dict(out)
