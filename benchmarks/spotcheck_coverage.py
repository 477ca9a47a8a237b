"""Coverage of the miss-rate interval: a generated month with planted unflagged problems.

    python -m benchmarks.spotcheck_coverage [--draws 200] [--goal 30]

The month: 4 squads of 5–9 officers, each with 20–120 unflagged encounters; each officer has his own
problem rate (2–16 %, so strata differ as they do on the street) and each encounter holds a planted
problem with that probability, of a class drawn 1:2:3 (profit : excessive : procedure). The true
rate of every slice is counted on the planted month. Each of ``--draws`` seeded plans (goal per
squad ``--goal``, the production draw of :mod:`streams.spotchecks.draw`) is reviewed perfectly and
estimated with :mod:`streams.spotchecks.estimate`; a slice's interval covers when it holds the true
rate. Appends one line to ``benchmarks/results/spotcheck_coverage.jsonl``.
"""

from __future__ import annotations

import argparse
import json
import platform
import random
import time
from collections import defaultdict
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from jiancha.schemas.spot_checks import Goal, Stratum
from streams.spotchecks.draw import draw, seed_of
from streams.spotchecks.estimate import Observation, miss_rate

RESULTS = Path(__file__).parent / "results" / "spotcheck_coverage.jsonl"
CLASSES = ("profit", "excessive", "excessive", "procedure", "procedure", "procedure")


def generate_month(seed: int = 17) -> tuple[list[Stratum], dict[str, str | None]]:
    """Officer strata of unflagged encounters, and each encounter's planted class (or None)."""
    rng = random.Random(seed)
    strata, planted = [], {}
    for s in range(4):
        squad = f"squad-{s + 1}"
        for o in range(rng.randint(5, 9)):
            officer = f"{squad}-P{o + 1:02d}"
            rate = rng.uniform(0.02, 0.16)
            ids = [f"{officer}-A{i:04d}" for i in range(rng.randint(20, 120))]
            for a in ids:
                planted[a] = rng.choice(CLASSES) if rng.random() < rate else None
            strata.append(Stratum(squad_id=squad, officer_id=officer, action_ids=ids))
    return strata, planted


def simulate(draws: int = 200, goal: int = 30, month_seed: int = 17) -> dict[str, Any]:
    """Coverage (share of draws whose interval holds the true rate) of every slice, both methods."""
    strata, planted = generate_month(month_seed)
    squads = sorted({s.squad_id for s in strata})
    officer_of = {a: s.officer_id for s in strata for a in s.action_ids}
    squad_of = {s.officer_id: s.squad_id for s in strata}
    sizes = {s.officer_id: len(s.action_ids) for s in strata}
    slices: dict[str, tuple[Any, Any]] = {"全部": (lambda o: True, lambda c: c is not None)}
    for cls in ("profit", "excessive", "procedure"):
        slices[cls] = (lambda o: True, lambda c, cls=cls: c == cls)
    for sq in squads:
        slices[sq] = (lambda o, sq=sq: squad_of[o] == sq, lambda c: c is not None)
    truth = {
        name: sum(1 for a, c in planted.items() if keep(officer_of[a]) and hit(c))
        / sum(1 for a in planted if keep(officer_of[a]))
        for name, (keep, hit) in slices.items()
    }
    covered: dict[str, dict[str, int]] = defaultdict(lambda: {"cp": 0, "wilson": 0})
    draw_s = 0.0
    widths: dict[str, float] = defaultdict(float)
    goals = [Goal(squad_id=sq, count=goal) for sq in squads]
    for i in range(draws):
        plan_id = f"SIM-{i:04d}"
        started = time.perf_counter()
        drawn = draw(seed_of(plan_id, "2026-W18"), goals, strata)
        draw_s += time.perf_counter() - started
        for name, (keep, hit) in slices.items():
            obs = [Observation(o, hit(planted[a])) for o, a in drawn if keep(o)]
            est = miss_rate(obs, {o: n for o, n in sizes.items() if keep(o)})
            covered[name]["cp"] += est.low <= truth[name] <= est.high
            covered[name]["wilson"] += est.wilson_low <= truth[name] <= est.wilson_high
            widths[name] += (est.high - est.low) / draws
    reference_s = _reference_draws(draws, goals, strata)
    return {
        "draws": draws,
        "draw_ms_per_plan": round(1000 * draw_s / draws, 3),
        "reference_ms_per_plan": round(1000 * reference_s / draws, 3),
        "draw_vs_reference": round(draw_s / reference_s, 2),
        "goal_per_squad": goal,
        "encounters": len(planted),
        "officers": len(strata),
        "slices": {
            name: {
                "true_rate": round(truth[name], 4),
                "coverage_cp": covered[name]["cp"] / draws,
                "coverage_wilson": covered[name]["wilson"] / draws,
                "mean_width_cp": round(widths[name], 4),
            }
            for name in slices
        },
    }


def _reference_draws(draws: int, goals: list[Goal], strata: list[Stratum]) -> float:
    """Seconds for the same draws with Python's PRNG (``random.Random(seed).sample`` per officer,
    even shares): the reference the hash-ranked draw is timed against."""
    started = time.perf_counter()
    for i in range(draws):
        rng = random.Random(seed_of(f"SIM-{i:04d}", "2026-W18"))
        for goal in goals:
            mine = [s for s in strata if s.squad_id == goal.squad_id]
            share = goal.count // len(mine) + 1
            for s in mine:
                rng.sample(s.action_ids, min(share, len(s.action_ids)))
    return time.perf_counter() - started


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--draws", type=int, default=200)
    ap.add_argument("--goal", type=int, default=30)
    args = ap.parse_args()
    started = time.perf_counter()
    result = simulate(args.draws, args.goal)
    result["seconds"] = round(time.perf_counter() - started, 2)
    result["at"] = datetime.now(UTC).isoformat(timespec="seconds")
    result["machine"] = platform.platform()
    print(json.dumps(result, ensure_ascii=False, indent=1))
    RESULTS.parent.mkdir(exist_ok=True)
    with RESULTS.open("a", encoding="utf-8") as out:
        out.write(json.dumps(result, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
