"""The draw of a spot-check plan: seeded, recorded, reproducible by anyone, officers covered evenly.

Why hash ranks and not a PRNG: every choice is "the smallest SHA-256 of seed + id", so the draw can
be repeated with nothing but ``sha256sum`` and the recorded population, in any language and any
Python version, and nobody can steer it: the seed is fixed by the plan id and its week
(:func:`seed_of`), the population by the data.

Stratified by officer: a squad's goal is split evenly over its officers with unflagged encounters
(the remainder goes to officers ranked by hash, a share is capped at what an officer has and the
excess goes on to the others); within an officer the draw is uniform. Unequal shares make unequal
inclusion probabilities, which the estimate undoes with weights
(:mod:`streams.spotchecks.estimate`).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence

from jiancha.schemas.spot_checks import Goal, Stratum


def seed_of(plan_id: str, week: str) -> str:
    """The plan's seed: SHA-256 of ``plan_id|week`` (hex), stored with the draw."""
    return hashlib.sha256(f"{plan_id}|{week}".encode()).hexdigest()


def rank(seed: str, item: str) -> str:
    """An item's place in the seeded order: SHA-256 of ``seed:item`` (hex)."""
    return hashlib.sha256(f"{seed}:{item}".encode()).hexdigest()


def first(seed: str, items: Iterable[str], n: int) -> list[str]:
    """The ``n`` items with the smallest ranks: a uniform draw without replacement."""
    return sorted(items, key=lambda item: (rank(seed, item), item))[:n]


def allocate(
    seed: str, sizes: dict[str, int], count: int, per_officer: int | None
) -> dict[str, int]:
    """How many encounters each officer (``sizes``: officer -> unflagged encounters) gives.

    ``per_officer`` fixes each officer's share; otherwise ``count`` is split evenly. A share never
    exceeds what an officer has; what does not fit goes on to the others, in seeded order.
    """
    officers = first(seed, (o for o, size in sizes.items() if size > 0), len(sizes))
    if not officers:
        return {}
    if per_officer is not None:
        return {o: min(per_officer, sizes[o]) for o in officers}
    shares = dict.fromkeys(officers, 0)
    left = min(count, sum(sizes[o] for o in officers))
    while left > 0:
        for o in officers:  # round robin in seeded order: shares differ by one at most
            if left > 0 and shares[o] < sizes[o]:
                shares[o] += 1
                left -= 1
    return shares


def draw(seed: str, goals: Sequence[Goal], population: Sequence[Stratum]) -> list[tuple[str, str]]:
    """The drawn (officer_id, action_id) pairs of every goal, in a stable order."""
    drawn: list[tuple[str, str]] = []
    for goal in goals:
        strata = {s.officer_id: s for s in population if s.squad_id == goal.squad_id}
        sizes = {o: len(s.action_ids) for o, s in strata.items()}
        shares = allocate(f"{seed}:{goal.squad_id}", sizes, goal.count, goal.per_officer)
        for officer in sorted(shares):
            picked = first(seed, strata[officer].action_ids, shares[officer])
            drawn.extend((officer, a) for a in picked)
    return drawn
