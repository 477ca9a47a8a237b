"""The miss rate: the share of unflagged encounters that hold a problem, with a 95 % interval.

Pure arithmetic, no SciPy. The draw is stratified by officer with unequal inclusion probabilities
(:mod:`streams.spotchecks.draw`), so each reviewed sample stands for ``N_h / n_h`` encounters of its
officer (N_h unflagged encounters, n_h of them reviewed) and the rate is the weighted share
(Hájek). Its precision is that of a simple random sample of Kish's effective size
``n_eff = (Σw)² / Σw²``; the interval is Clopper–Pearson on ``n_eff`` (Korn & Graubard 1998), with
Wilson's score interval on ``n_eff`` alongside. Which of the two the console shows was settled by
the simulation in ``benchmarks/spotcheck_coverage.py`` (README, "Spot checks").

Implied recall of the analyzers: of all encounters with a problem, the share they flagged,
``F / (F + rate · N)`` with F the flagged encounters; it falls as the rate rises, so its interval is
the rate's interval mapped through the same formula.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

#: two-sided 95 %: the standard normal quantile 0.975
Z95 = 1.959963984540054
ALPHA = 0.05


@dataclass(frozen=True)
class Observation:
    """One reviewed sample: its stratum (officer) and whether the problem in question was found."""

    stratum: str
    problem: bool


@dataclass(frozen=True)
class MissRate:
    """The estimate for one slice (all, a squad, a category class)."""

    reviewed: int  # samples with an outcome
    problems: int  # of them, with a problem
    population: int  # unflagged encounters the slice stands for
    rate: float
    n_eff: float
    low: float  # Clopper–Pearson on n_eff (the interval shown)
    high: float
    wilson_low: float
    wilson_high: float

    @property
    def missed(self) -> float:
        """Estimated unflagged encounters with a problem."""
        return self.rate * self.population


def wilson(rate: float, n: float, z: float = Z95) -> tuple[float, float]:
    """Wilson's score interval for a proportion ``rate`` observed on ``n`` (may be fractional)."""
    if n <= 0:
        return 0.0, 1.0
    denom = 1 + z * z / n
    centre = (rate + z * z / (2 * n)) / denom
    half = z / denom * math.sqrt(rate * (1 - rate) / n + z * z / (4 * n * n))
    return max(0.0, centre - half), min(1.0, centre + half)


def clopper_pearson(x: float, n: float, alpha: float = ALPHA) -> tuple[float, float]:
    """The exact (beta quantile) interval for ``x`` of ``n`` (either may be fractional)."""
    if n <= 0:
        return 0.0, 1.0
    low = 0.0 if x <= 0 else beta_quantile(alpha / 2, x, n - x + 1)
    high = 1.0 if x >= n else beta_quantile(1 - alpha / 2, x + 1, n - x)
    return low, high


def beta_quantile(q: float, a: float, b: float) -> float:
    """The ``q`` quantile of Beta(a, b), by bisection on the regularized incomplete beta."""
    lo, hi = 0.0, 1.0
    for _ in range(100):
        mid = (lo + hi) / 2
        if incomplete_beta(mid, a, b) < q:
            lo = mid
        else:
            hi = mid
    return (lo + hi) / 2


def incomplete_beta(x: float, a: float, b: float) -> float:
    """The regularized incomplete beta I_x(a, b) (continued fraction, Lentz's method)."""
    if x <= 0:
        return 0.0
    if x >= 1:
        return 1.0
    log_front = (
        math.lgamma(a + b) - math.lgamma(a) - math.lgamma(b) + a * math.log(x) + b * math.log1p(-x)
    )
    if x < (a + 1) / (a + b + 2):
        return math.exp(log_front) * _fraction(x, a, b) / a
    return 1.0 - math.exp(log_front) * _fraction(1 - x, b, a) / b


def _fraction(x: float, a: float, b: float) -> float:
    tiny = 1e-300
    c, d = 1.0, 1.0 - (a + b) * x / (a + 1)
    d = 1.0 / (d if abs(d) > tiny else tiny)
    h = d
    for m in range(1, 300):
        for num in (
            m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m)),
            -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1)),
        ):
            d = 1.0 + num * d
            d = 1.0 / (d if abs(d) > tiny else tiny)
            c = 1.0 + num / c
            c = c if abs(c) > tiny else tiny
            h *= d * c
        if abs(d * c - 1.0) < 1e-15:
            break
    return h


def miss_rate(observations: Iterable[Observation], sizes: Mapping[str, int]) -> MissRate:
    """The weighted share of problems, stratum sizes ``sizes`` (stratum -> unflagged encounters)."""
    by_stratum: dict[str, list[bool]] = defaultdict(list)
    for o in observations:
        by_stratum[o.stratum].append(o.problem)
    weights: list[tuple[float, bool]] = []
    for stratum, found in by_stratum.items():
        w = sizes.get(stratum, 0) / len(found)
        weights.extend((w, p) for p in found)
    population = sum(sizes.values())
    total = sum(w for w, _ in weights)
    problems = sum(1 for _, p in weights if p)
    if total <= 0:
        return MissRate(len(weights), problems, population, 0.0, 0.0, 0.0, 1.0, 0.0, 1.0)
    rate = sum(w for w, p in weights if p) / total
    n_eff = total * total / sum(w * w for w, _ in weights)
    low, high = clopper_pearson(rate * n_eff, n_eff)
    w_low, w_high = wilson(rate, n_eff)
    return MissRate(len(weights), problems, population, rate, n_eff, low, high, w_low, w_high)


def recall(flagged: int, estimate: MissRate) -> tuple[float, float, float] | None:
    """The analyzers' implied recall (estimate, low, high); None when there is nothing to judge."""

    def of(rate: float) -> float:
        found = flagged + rate * estimate.population
        return flagged / found if found > 0 else 1.0

    if estimate.reviewed == 0 or (flagged == 0 and estimate.rate == 0):
        return None
    return of(estimate.rate), of(estimate.high), of(estimate.low)
