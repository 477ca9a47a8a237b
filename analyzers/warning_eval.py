"""Evaluation of the early-warning rules on generated months (``python -m analyzers.warning_eval``).

A detachment of squads is generated for half a year, day by day: officers of different
workloads (2–14 actions a working day) on squads of different beats (a highway squad uploads
later and is complained about more), each with his own small rate of lawful-officer problems.
A few officers (:attr:`EvalConfig.drift_share`) **drift** from a known day: their procedural
lapses, missing recordings and complaints rise over the weeks that follow, and their hazard of a
serious confirmed case (辱骂、威胁、收现不开票) grows with them. Lawful officers also meet the
occasional serious case (a single bad day is not a drift).

Each rule is run weekly over the rolling windows (:func:`analyzers.early_warning.assess`). An
officer's first alert counts: a **true positive** is a drifter alerted on or after his drift
began; any other officer alerted is a **false positive**. Recall is over the drifters, the
**lead time** is the days from the first alert to his first serious confirmed case (positive:
the alert came first; the median over the drifters alerted and with such a case).
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from analyzers.catalogue import CATEGORIES
from analyzers.early_warning import Rule, Signal, WarningConfig, assess
from jiancha.clock import BEIJING

START = datetime(2026, 1, 1, 12, tzinfo=BEIJING)
MINOR = ("procedure_missing", "recording_missing", "late_upload", "aux_alone", "exempt_penalized")
SERIOUS = ("verbal_abuse", "threat", "cash_no_receipt", "recording_gap")


@dataclass(frozen=True)
class EvalConfig:
    """The generated detachment (rates per action unless said otherwise)."""

    days: int = 180
    squads: int = 6
    officers_per_squad: int = 12
    drift_share: float = 0.08
    drift_from: int = 50  # drift starts between these days
    drift_to: int = 140
    ramp_days: float = 30.0  # a drifter's rates reach x(1+max_ramp) after this many days
    max_ramp: float = 4.0
    minor: float = 0.006
    complaint: float = 0.002
    uncovered: float = 0.01
    late: float = 0.015
    serious: float = 0.0004
    drift_serious: float = 0.004  # a drifter's serious hazard at full ramp
    first_week: int = 35  # rules run weekly from this day on (the windows fill first)


@dataclass(frozen=True)
class Truth:
    """What the generator planted: drifters and their drift days, first serious cases."""

    drift_day: dict[str, int]
    first_serious: dict[str, int]
    officers: list[str]


def generate(seed: int, cfg: EvalConfig = EvalConfig()) -> tuple[list[Signal], Truth]:
    """The signals of a generated half year and what was planted in it."""
    rng = random.Random(seed)
    signals: list[Signal] = []
    drift: dict[str, int] = {}
    first_serious: dict[str, int] = {}
    officers = []
    for q in range(cfg.squads):
        squad = f"SQ{q + 1:02d}"
        # the beat: a highway squad (every third) uploads late and meets complaints more
        beat = 2.0 if q % 3 == 0 else 1.0
        squad_rate = rng.lognormvariate(0, 0.3)
        for k in range(cfg.officers_per_squad):
            oid = f"{squad}-P{k + 1:02d}"
            officers.append(oid)
            load = rng.uniform(2, 14)
            own = rng.lognormvariate(0, 0.35) * squad_rate
            if rng.random() < cfg.drift_share:
                drift[oid] = rng.randint(cfg.drift_from, cfg.drift_to)
            for day in range(cfg.days):
                if rng.random() > 0.6:  # shifts: ~60 % of days worked
                    continue
                at = START + timedelta(days=day)
                ramp = 0.0
                if oid in drift and day >= drift[oid]:
                    ramp = min(cfg.max_ramp, cfg.max_ramp * (day - drift[oid]) / cfg.ramp_days)
                m = own * (1 + ramp)
                n = _poisson(rng, load)
                for _ in range(n):
                    signals.append(Signal(oid, squad, at, "action"))
                    if rng.random() < cfg.minor * m:
                        cat = rng.choice(MINOR)
                        signals.append(Signal(oid, squad, at, "confirmed", cat, 3))
                    if rng.random() < cfg.complaint * beat * m:
                        signals.append(Signal(oid, squad, at, "complaint"))
                    if rng.random() < cfg.uncovered * m:
                        signals.append(Signal(oid, squad, at, "uncovered"))
                    if rng.random() < cfg.late * beat * m:
                        signals.append(Signal(oid, squad, at, "late_upload"))
                    hazard = cfg.serious * own + (
                        cfg.drift_serious * ramp / cfg.max_ramp if ramp else 0.0
                    )
                    if rng.random() < hazard:
                        signals.append(Signal(oid, squad, at, "confirmed", rng.choice(SERIOUS), 4))
                        if oid in drift and day >= drift[oid]:
                            first_serious.setdefault(oid, day)
            if q % 2 == 0 and rng.random() < 0.3:
                signals.append(
                    Signal("", squad, START + timedelta(days=rng.randrange(cfg.days)), "order")
                )
    return signals, Truth(drift, first_serious, officers)


def _poisson(rng: random.Random, lam: float) -> int:
    """Knuth's method (λ ≤ 15 here)."""
    limit, k, p = pow(2.718281828459045, -lam), 0, 1.0
    while True:
        p *= rng.random()
        if p <= limit:
            return k
        k += 1


@dataclass(frozen=True)
class Score:
    """One rule on one generated half year."""

    rule: str
    alerted: int
    tp: int
    fp: int
    drifters: int
    lead_days: list[int]

    @property
    def precision(self) -> float:
        return self.tp / self.alerted if self.alerted else 0.0

    @property
    def recall(self) -> float:
        return self.tp / self.drifters if self.drifters else 0.0


def alert_days(
    signals: list[Signal], rules: tuple[Rule, ...], cfg: EvalConfig, wcfg: WarningConfig
) -> dict[str, dict[str, list[int]]]:
    """Rule → officer → the days he is alerted on (the rules run weekly)."""
    out: dict[str, dict[str, list[int]]] = {r: {} for r in rules}
    by_day = sorted(signals, key=lambda s: s.at)
    for day in range(cfg.first_week, cfg.days, 7):
        as_of = START + timedelta(days=day, hours=12)
        upto = [s for s in by_day if s.at <= as_of]
        for a in assess(upto, as_of, wcfg):
            for r in rules:
                if r in a.fired:
                    out[r].setdefault(a.officer_id, []).append(day)
    return out


def score(rule: str, days: dict[str, list[int]], truth: Truth) -> Score:
    """Precision, recall and lead times of one rule's alerts.

    A drifter's first alert on or after his drift day is a true positive; an officer alerted
    otherwise (a lawful one, or a drifter only before he drifted) is a false positive.
    """
    tp = fp = 0
    lead = []
    for oid, alerted in days.items():
        after = [d for d in alerted if oid in truth.drift_day and d >= truth.drift_day[oid]]
        if after:
            tp += 1
            if oid in truth.first_serious:
                lead.append(truth.first_serious[oid] - after[0])
        else:
            fp += 1
    return Score(rule, len(days), tp, fp, len(truth.drift_day), lead)


#: The rules compared, each at the setting that had the best F1 on the tuning seeds 1–5 (a
#: sweep of thresholds 3–12 confirmed / 3–8 complaints, percentiles 90–98 with floors 2–6,
#: scores 4–15); the README's table is on the held-out seeds 6–10.
CANDIDATES: tuple[tuple[str, Rule, WarningConfig], ...] = (
    (
        "仅阈值（90天确认≥12起或投诉≥8起）",
        "threshold",
        WarningConfig(max_confirmed=12, max_complaints=8),
    ),
    (
        "仅阈值（90天确认≥6起或投诉≥5起）",
        "threshold",
        WarningConfig(max_confirmed=6, max_complaints=5),
    ),
    ("百分位（前10%且分≥6）", "percentile", WarningConfig(percentile=90, min_percentile_score=6)),
    ("同伴相对分≥8（默认）", "score", WarningConfig(min_score=8)),
    ("同伴相对分≥10", "score", WarningConfig(min_score=10)),
    ("分≥10或严重问题≥3起", "combined", WarningConfig(min_score=10, max_serious=3)),
)


def evaluate(
    seeds: list[int],
    candidates: tuple[tuple[str, Rule, WarningConfig], ...] = CANDIDATES,
    cfg: EvalConfig = EvalConfig(),
) -> dict[str, list[Score]]:
    """Every candidate rule on every seed."""
    out: dict[str, list[Score]] = {name: [] for name, _, _ in candidates}
    for seed in seeds:
        signals, truth = generate(seed, cfg)
        for name, rule, wcfg in candidates:
            alerted = alert_days(signals, (rule,), cfg, wcfg)[rule]
            out[name].append(score(rule, alerted, truth))
    return out


def table(results: dict[str, list[Score]]) -> str:
    """The README's Markdown table: means over the seeds."""
    lines = [
        "| 规则 | 提示人数 | 真阳性 | 精确率 | 召回率 | 提前天数（中位） | 先于严重问题提示 |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for rule, scores in results.items():
        leads = [d for s in scores for d in s.lead_days]
        before = sum(d > 0 for d in leads)
        med = statistics.median(leads) if leads else float("nan")
        lines.append(
            f"| {rule} | {statistics.mean(s.alerted for s in scores):.1f} "
            f"| {statistics.mean(s.tp for s in scores):.1f} "
            f"| {statistics.mean(s.precision for s in scores):.2f} "
            f"| {statistics.mean(s.recall for s in scores):.2f} "
            f"| {med:.0f} | {before}/{len(leads)} |"
        )
    return "\n".join(lines)


def eval_dev_signals(folder: Path) -> list[Signal]:
    """eval-dev as signals: every action, late uploads, and each labelled problem as confirmed
    (a missing or switched-off recording also as an action without one)."""
    acts: dict[str, tuple[str, str, datetime]] = {}
    recs: dict[str, tuple[str, str, datetime]] = {}
    out: list[Signal] = []
    with open(folder / "events.jsonl", encoding="utf-8") as f:
        for line in f:
            e = json.loads(line)
            d = e["data"]
            if e["type"] == "enforcement_action":
                at = datetime.fromisoformat(d["occurred_at"])
                acts[d["action_id"]] = (d["officer_id"], d["squad_id"], at)
                out.append(Signal(d["officer_id"], d["squad_id"], at, "action"))
            elif e["type"] == "recording":
                at = datetime.fromisoformat(d["started_at"])
                recs[d["recording_id"]] = (d["officer_ids"][0], d["squad_id"], at)
                late = datetime.fromisoformat(d["uploaded_at"]) - datetime.fromisoformat(
                    d["ended_at"]
                )
                if late > timedelta(hours=24):
                    out.append(Signal(d["officer_ids"][0], d["squad_id"], at, "late_upload"))
    with open(folder / "labels.jsonl", encoding="utf-8") as f:
        for line in f:
            label = json.loads(line)
            who = acts.get(label.get("action_id", "")) or recs.get(label.get("recording_id", ""))
            if who is None or label["category"] == "late_upload":  # counted from the recording
                continue
            cat = label["category"]
            out.append(Signal(*who, "confirmed", cat, CATEGORIES[cat].severity))
            if cat in ("recording_missing", "recording_gap"):
                out.append(Signal(*who, "uncovered"))
    return out


def eval_dev_report(folder: Path) -> str:
    """Who each rule alerts on eval-dev at the end of its month (no one drifts there)."""
    signals = eval_dev_signals(folder)
    as_of = max(s.at for s in signals) + timedelta(hours=1)
    judged = assess(signals, as_of)
    lines = [f"eval-dev：{len(judged)} 名民警"]
    for rule in RULE_NAMES:
        fired = [a.officer_id for a in judged if rule in a.fired]
        lines.append(f"{rule}: {len(fired)} 人 {' '.join(fired)}")
    top = judged[0]
    lines.append(f"最高分 {top.officer_id} {top.score:.1f}：{top.explanation}")
    return "\n".join(lines)


RULE_NAMES: tuple[Rule, ...] = ("threshold", "percentile", "score", "combined")


def main(argv: list[str] | None = None) -> None:
    """Print the evaluation table over several seeds."""
    p = argparse.ArgumentParser(description="预警规则在生成数据上的评估")
    p.add_argument("--seeds", default="6-10", help="种子范围，如 6-10（1–5 用于调参）")
    p.add_argument("--eval-dev", type=Path, help="另对 eval-dev 目录（标注数据）运行各规则")
    args = p.parse_args(argv)
    if args.eval_dev:
        print(eval_dev_report(args.eval_dev))
        return
    lo, _, hi = args.seeds.partition("-")
    seeds = list(range(int(lo), int(hi or lo) + 1))
    results = evaluate(seeds)
    drifters = sum(s.drifters for s in next(iter(results.values())))
    per_seed = EvalConfig().squads * EvalConfig().officers_per_squad
    print(f"种子 {args.seeds}：每个种子 {per_seed} 名民警、180 天，漂移民警共 {drifters} 名")
    print(table(results))


if __name__ == "__main__":
    main()
