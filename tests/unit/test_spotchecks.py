"""Spot checks (issue 17), pure parts: the seeded draw, the estimator, the plan's fold."""

from __future__ import annotations

import hashlib
import math
from datetime import UTC, datetime, timedelta

import pytest

from api.security import User
from benchmarks.spotcheck_coverage import simulate
from jiancha.schemas.rectification_events import Actor
from jiancha.schemas.spot_checks import (
    Goal,
    OutcomeRecorded,
    PlanSet,
    Published,
    Sample,
    SampleDrawn,
    Stratum,
)
from streams.spotchecks.draw import allocate, draw, seed_of
from streams.spotchecks.estimate import (
    Observation,
    clopper_pearson,
    miss_rate,
    recall,
    wilson,
)
from streams.spotchecks.plans import PlanError, apply, project, visible_to
from streams.spotchecks.report import report

T0 = datetime(2026, 4, 13, 9, tzinfo=UTC)
SUPERVISOR = Actor(username="zhang", role="supervisor")
REVIEWER = Actor(username="shen", role="reviewer")

POPULATION = [
    Stratum(squad_id="mudan-1", officer_id="P1", action_ids=[f"A1-{i:03d}" for i in range(40)]),
    Stratum(squad_id="mudan-1", officer_id="P2", action_ids=[f"A2-{i:03d}" for i in range(3)]),
    Stratum(squad_id="mudan-1", officer_id="P3", action_ids=[f"A3-{i:03d}" for i in range(25)]),
    Stratum(squad_id="gaosu-1", officer_id="P4", action_ids=[f"A4-{i:03d}" for i in range(30)]),
]


# -- the draw ----------------------------------------------------------------------------------


def test_the_seed_is_sha256_of_plan_and_week() -> None:
    assert seed_of("SC-2026-W16", "2026-W16") == hashlib.sha256(b"SC-2026-W16|2026-W16").hexdigest()


def test_the_same_seed_draws_the_same_sample_and_another_seed_another() -> None:
    goals = [Goal(squad_id="mudan-1", count=12), Goal(squad_id="gaosu-1", count=5)]
    seed = seed_of("SC-2026-W16", "2026-W16")
    first = draw(seed, goals, POPULATION)
    assert first == draw(seed, goals, list(reversed(POPULATION)))  # input order does not matter
    assert first != draw(seed_of("SC-2026-W17", "2026-W17"), goals, POPULATION)
    assert len(first) == 17 and len(set(first)) == 17


def test_within_an_officer_the_draw_is_the_smallest_hashes() -> None:
    # Anyone can repeat it with sha256sum: recomputed here without the module's helpers.
    seed = seed_of("SC-2026-W16", "2026-W16")
    drawn = draw(seed, [Goal(squad_id="gaosu-1", count=5)], POPULATION)
    ids = POPULATION[3].action_ids
    by_hash = sorted(ids, key=lambda a: hashlib.sha256(f"{seed}:{a}".encode()).hexdigest())
    assert sorted(a for _, a in drawn) == sorted(by_hash[:5])


def test_officers_are_covered_evenly_and_never_beyond_what_they_have() -> None:
    shares = allocate("s", {"P1": 40, "P2": 3, "P3": 25}, 12, None)
    assert shares["P2"] == 3 and shares["P1"] + shares["P3"] == 9
    assert abs(shares["P1"] - shares["P3"]) <= 1
    assert allocate("s", {"P1": 40, "P2": 3, "P3": 25}, 1000, None) == {"P1": 40, "P2": 3, "P3": 25}
    assert allocate("s", {"P1": 40, "P2": 3}, 1000, 5) == {"P1": 5, "P2": 3}
    even = allocate("s", {f"P{i}": 50 for i in range(7)}, 10, None)
    assert sum(even.values()) == 10 and max(even.values()) - min(even.values()) == 1


# -- the estimator, against computations of its own --------------------------------------------


def _binom_cdf(k: int, n: int, p: float) -> float:
    return sum(math.comb(n, i) * p**i * (1 - p) ** (n - i) for i in range(k + 1))


def _solve(f: object, target: float) -> float:
    lo, hi = 0.0, 1.0
    for _ in range(80):
        mid = (lo + hi) / 2
        if f(mid) > target:  # type: ignore[operator]
            lo = mid
        else:
            hi = mid
    return mid


@pytest.mark.parametrize(("x", "n"), [(0, 10), (1, 10), (3, 40), (7, 25), (25, 25), (12, 300)])
def test_clopper_pearson_matches_the_binomial_tails(x: int, n: int) -> None:
    # Exact interval by definition: P(X >= x | low) = 2.5 %, P(X <= x | high) = 2.5 %.
    low, high = clopper_pearson(x, n)
    want_low = 0.0 if x == 0 else _solve(lambda p: 1 - _binom_cdf(x - 1, n, p) < 0.025, 0.5)
    want_high = 1.0 if x == n else _solve(lambda p: _binom_cdf(x, n, p) > 0.025, 0.5)
    assert low == pytest.approx(want_low, abs=1e-6)
    assert high == pytest.approx(want_high, abs=1e-6)


def test_clopper_pearson_textbook_values() -> None:
    assert clopper_pearson(0, 10)[1] == pytest.approx(1 - 0.025 ** (1 / 10), abs=1e-9)
    assert clopper_pearson(10, 10)[0] == pytest.approx(0.025 ** (1 / 10), abs=1e-9)


def test_wilson_is_the_score_interval() -> None:
    # Solve |p̂ - p| = z·sqrt(p(1-p)/n) for p: the two roots are the interval.
    for rate, n in ((0.0, 10), (0.2, 50), (0.5, 12.5), (0.03, 300)):
        z = 1.959963984540054
        a = 1 + z * z / n
        b = -(2 * rate + z * z / n)
        c = rate * rate
        disc = math.sqrt(b * b - 4 * a * c)
        assert wilson(rate, n) == pytest.approx(((-b - disc) / (2 * a), (-b + disc) / (2 * a)))


def test_stratified_estimate_weights_each_officer_by_his_encounters() -> None:
    # P1: 100 encounters, 2 reviewed, 1 problem; P2: 10 encounters, 2 reviewed, none.
    obs = [Observation("P1", True), Observation("P1", False)] + [Observation("P2", False)] * 2
    est = miss_rate(obs, {"P1": 100, "P2": 10})
    assert est.rate == pytest.approx(50 / 110)
    w = [50, 50, 5, 5]
    assert est.n_eff == pytest.approx(sum(w) ** 2 / sum(x * x for x in w))
    assert (est.low, est.high) == clopper_pearson(est.rate * est.n_eff, est.n_eff)
    assert est.missed == pytest.approx(50)
    # With equal shares the estimate is the plain share and n_eff the sample size.
    plain = miss_rate([Observation("P", i < 3) for i in range(30)], {"P": 200})
    assert plain.rate == pytest.approx(0.1) and plain.n_eff == pytest.approx(30)
    assert (plain.low, plain.high) == pytest.approx(clopper_pearson(3, 30))


def test_implied_recall_maps_the_interval() -> None:
    est = miss_rate([Observation("P", i < 2) for i in range(20)], {"P": 400})
    rate, low, high = recall(60, est) or (0, 0, 0)
    assert rate == pytest.approx(60 / (60 + 0.1 * 400))
    assert low == pytest.approx(60 / (60 + est.high * 400))
    assert high == pytest.approx(60 / (60 + est.low * 400))


def test_the_interval_covers_the_planted_rate_in_at_least_95_percent_of_200_draws() -> None:
    result = simulate(draws=200, goal=30)
    for name, row in result["slices"].items():
        assert row["coverage_cp"] >= 0.95, (name, row)


# -- the plan's fold ---------------------------------------------------------------------------


def _events() -> list[object]:
    goals = [Goal(squad_id="mudan-1", count=3), Goal(squad_id="gaosu-1", count=2)]
    seed = seed_of("SC-2026-W16", "2026-W16")
    picked = draw(seed, goals, POPULATION)
    samples = [
        Sample(action_id=a, officer_id=o, squad_id="gaosu-1" if o == "P4" else "mudan-1",
               occurred_at=T0)
        for o, a in picked
    ]  # fmt: skip
    base = {"plan_id": "SC-2026-W16", "at": T0}
    return [
        PlanSet(event_id="e1", seq=1, actor=SUPERVISOR, week="2026-W16", goals=goals, **base),
        SampleDrawn(
            event_id="e2", seq=2, actor=SUPERVISOR, seed=seed, population=POPULATION,
            samples=samples, **base,
        ),
    ]  # fmt: skip


def _fold(events: list[object]) -> object:
    plan = None
    for e in events:
        plan = apply(plan, e)  # type: ignore[arg-type]
    return plan


def test_a_plan_is_set_drawn_reviewed_and_published() -> None:
    plan = _fold(_events())
    first = plan.samples[0]  # type: ignore[attr-defined]
    at = T0 + timedelta(hours=1)
    reviewed = apply(
        plan,  # type: ignore[arg-type]
        OutcomeRecorded(
            event_id="e3", plan_id="SC-2026-W16", seq=3, at=at, actor=REVIEWER,
            action_id=first.action_id, outcome="言语不文明", case_id=f"C-{first.action_id}",
        ),
    )  # fmt: skip
    rows = {p.squad_id: p for p in reviewed.progress()}
    assert rows[first.squad_id].done == 1 and rows[first.squad_id].problems == 1
    assert sum(p.due for p in rows.values()) == 4
    numbers = report(reviewed)
    assert numbers["missed_cases"] == 1
    assert [c["problems"] for c in numbers["by_class"]] == [0, 1, 0]  # excessive
    published = apply(
        reviewed,
        Published(event_id="e4", plan_id="SC-2026-W16", seq=4, at=at, actor=SUPERVISOR),
    )
    assert published.status == "published"
    leader = User(username="li", role="squad_leader", squad_id="gaosu-1", display_name="李")
    assert visible_to(leader, reviewed) is None  # nothing before publication
    mine = visible_to(leader, published)
    assert mine is not None and {s.squad_id for s in mine.samples} == {"gaosu-1"}
    assert {s.squad_id for s in mine.population} == {"gaosu-1"}


def test_the_fold_refuses_what_the_rules_forbid() -> None:
    set_, drawn = _events()
    with pytest.raises(PlanError) as denied:
        apply(None, set_.model_copy(update={"actor": REVIEWER}))  # type: ignore[attr-defined]
    assert denied.value.kind == "forbidden"
    huge = [Goal(squad_id=f"s{i}", count=1000) for i in range(3)]
    with pytest.raises(PlanError, match="不能超过 2000"):
        apply(None, set_.model_copy(update={"goals": huge}))  # type: ignore[attr-defined]
    plan = _fold([set_, drawn])
    with pytest.raises(PlanError, match="不能重抽"):
        apply(plan, drawn.model_copy(update={"event_id": "e9", "seq": 3}))  # type: ignore
    other = OutcomeRecorded(
        event_id="e5", plan_id="SC-2026-W16", seq=3, at=T0, actor=REVIEWER,
        action_id=plan.samples[0].action_id, outcome="其他",  # type: ignore[attr-defined]
    )  # fmt: skip
    with pytest.raises(PlanError, match="须写明"):
        apply(plan, other)  # type: ignore[arg-type]
    stranger = other.model_copy(update={"action_id": "NOT-DRAWN", "outcome": "规范"})
    with pytest.raises(PlanError, match="不在本计划"):
        apply(plan, stranger)  # type: ignore[arg-type]
    # The projection keeps a refusal with its reason and ignores replays.
    kept = project(plan, other)  # type: ignore[arg-type]
    assert kept is not None and kept.rejected[0].event_id == "e5"
    assert project(kept, other) is kept  # type: ignore[arg-type]
    assert project(plan, drawn) is plan  # type: ignore[arg-type]


def test_the_bulletin_prints_the_published_miss_rate_in_section_one() -> None:
    from dataclasses import replace

    from streams.bulletin.render import Masthead, render_html
    from streams.bulletin.stats import Overview
    from tests.unit.test_bulletin_masking import _stats as masking_stats

    def _stats() -> object:
        by_class = {"profit": 4, "excessive": 0, "procedure": 0}
        overview = Overview(10, 1.0, 5, 20, 3, 2, 1, 0, 4, by_class, {"收现不开票": 4})
        return replace(masking_stats(), overview=overview)

    plan = _fold(_events())
    first = plan.samples[0]  # type: ignore[attr-defined]
    plan = apply(
        plan,  # type: ignore[arg-type]
        OutcomeRecorded(
            event_id="e3", plan_id="SC-2026-W16", seq=3, at=T0, actor=REVIEWER,
            action_id=first.action_id, outcome="收现", text="收现金未开票",
        ),
    )  # fmt: skip
    numbers = report(plan)
    masthead = Masthead(2026, 16, 116, "监查中心", T0, T0, "2026-04-13", "2026-04-19", "UTC")
    html = render_html(replace(_stats(), spot_checks=numbers), masthead)  # type: ignore
    section = html[html.index("一、本周监督概况") : html.index("二、问题通报")]
    assert "随机抽查与漏报率" in section and 'id="spot-checks"' in section
    low, high = numbers["overall"]["low"], numbers["overall"]["high"]
    assert f"{100 * low:.1f}%–{100 * high:.1f}%" in section
    assert "逐利执法" in section and "gaosu-1" in section
    unpublished = render_html(_stats(), masthead)  # type: ignore[arg-type]
    assert "抽查结果尚未发布" in unpublished
