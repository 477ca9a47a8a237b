"""The duplicate-penalty rule: the same act of the same vehicle fined twice (一事不再罚).

行政处罚法第29条: one unlawful act may not be fined more than once. Two tickets are taken for the
same act when they name the same plate and the same violation type and lie within
:data:`DUPLICATE_WINDOW` of each other (a tolerance of the join, configuration, not law). Only
tickets with a fine or penalty points count; the later ticket of such a pair is flagged.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import timedelta
from itertools import pairwise

from analyzers.law import Law
from analyzers.model import make_flag
from jiancha.schemas.enforcement_actions import EnforcementAction
from jiancha.schemas.flags import FieldEvidence, Flag

#: Tickets of one plate and violation type this close together penalise one act.
DUPLICATE_WINDOW = timedelta(hours=2)


def fines(a: EnforcementAction) -> bool:
    """Whether the ticket fines or deducts points (what 一事不再罚 forbids twice)."""
    return a.measures.fine_cny > 0 or a.measures.points > 0


def duplicate_penalty(
    actions: Iterable[EnforcementAction],
    law: Law,
    window: timedelta = DUPLICATE_WINDOW,
) -> list[Flag]:
    """Each ticket that fines a plate for a violation type it was already fined for within
    ``window`` before (行政处罚法第29条：一事不再罚)."""
    acts: dict[tuple[str, str], list[EnforcementAction]] = defaultdict(list)
    for a in actions:
        if a.plate and fines(a):
            acts[(a.plate, a.violation_type)].append(a)
    flags: list[Flag] = []
    for (plate, violation_type), same in acts.items():
        same.sort(key=lambda a: (a.occurred_at, a.action_id))
        for first, second in pairwise(same):
            gap = second.occurred_at - first.occurred_at
            if gap > window:
                continue
            t = law.types.get(violation_type)
            name = t.name if t else violation_type
            why = (
                f"同一车辆 {plate} 的同一“{name}”行为在 {gap.total_seconds() / 60:.0f} 分钟内"
                f"已由 {first.action_id} 处罚，再次罚款违反一事不再罚。"
            )
            flags.append(
                make_flag(
                    "duplicate_penalty",
                    officer_id=second.officer_id,
                    squad_id=second.squad_id,
                    action_ids=[second.action_id],
                    evidence=[
                        FieldEvidence(action_id=second.action_id, field="plate", value=plate),
                        FieldEvidence(action_id=first.action_id, field="plate", value=plate),
                    ],
                    explanation=why,
                )
            )
    return flags
