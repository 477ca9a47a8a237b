"""A plan's results as people read them: the miss rate by category class and by squad, and the
analyzers' implied recall (the console's 抽查 page and 《监察专刊》 一、本周监督概况)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict
from typing import Any

from analyzers.catalogue import CLASS_LABELS
from jiancha.schemas.spot_checks import COMPLIANT
from streams.spotchecks.estimate import MissRate, Observation, miss_rate, recall
from streams.spotchecks.plans import Drawn, Plan, outcome_class


def estimate(plan: Plan, squad_id: str | None = None, klass: str | None = None) -> MissRate:
    """The miss rate of a plan's reviewed samples (one squad, one category class, or all)."""

    def problem(s: Drawn) -> bool:
        if klass is None:
            return s.outcome != COMPLIANT
        return outcome_class(s.outcome or COMPLIANT) == klass

    keep: Callable[[str], bool] = lambda sq: squad_id is None or sq == squad_id  # noqa: E731
    sizes = {s.officer_id: len(s.action_ids) for s in plan.population if keep(s.squad_id)}
    observations = [
        Observation(s.officer_id, problem(s))
        for s in plan.samples
        if s.outcome is not None and keep(s.squad_id)
    ]
    return miss_rate(observations, sizes)


def report(plan: Plan) -> dict[str, Any]:
    """Every slice's estimate (rounded for reading), progress per goal and the implied recall."""
    squads = [g.squad_id for g in plan.goals]
    flagged = {sq: sum(s.flagged for s in plan.population if s.squad_id == sq) for sq in squads}
    overall = estimate(plan)
    rec = recall(sum(flagged.values()), overall)
    return {
        "plan_id": plan.plan_id,
        "week": plan.week,
        "status": plan.status,
        "progress": [p.model_dump() for p in plan.progress()],
        "overall": _row(overall),
        "recall": _recall(rec),
        "flagged": sum(flagged.values()),
        "missed_cases": sum(1 for s in plan.samples if s.case_id),
        "by_class": [
            {"class": c, "label": label, **_row(estimate(plan, klass=c))}
            for c, label in CLASS_LABELS.items()
        ],
        "by_squad": [
            {
                "squad_id": sq,
                **_row(e := estimate(plan, squad_id=sq)),
                "recall": _recall(recall(flagged[sq], e)),
            }
            for sq in squads
        ],
    }


def _row(e: MissRate) -> dict[str, Any]:
    row = {k: round(v, 4) if isinstance(v, float) else v for k, v in asdict(e).items()}
    row["missed"] = round(e.missed, 1)
    return row


def _recall(r: tuple[float, float, float] | None) -> dict[str, float] | None:
    if r is None:
        return None
    return {"rate": round(r[0], 4), "low": round(r[1], 4), "high": round(r[2], 4)}
