"""Officer-level statistics on synthetic detachments: who is flagged, who is not, and why."""

from __future__ import annotations

import itertools
import json
import math

import pytest

from analyzers import officer_stats as st
from analyzers.officer_stats import OfficerMonth, StatsConfig
from jiancha.schemas.enforcement_actions import EnforcementAction

_ids = itertools.count(1)


def act(
    officer: str,
    day: int,
    *,
    month: str = "2026-04",
    squad: str = "mudan-1",
    region: str | None = "鲁R",
    hour: int = 10,
    warning: bool = False,
    role: str = "officer",
    occurred_at: str | None = None,
) -> EnforcementAction:
    """One enforcement record; a car with a plate of ``region`` unless ``region`` is None."""
    n = next(_ids)
    return EnforcementAction.model_validate(
        {
            "action_id": f"ACT-{n:07d}",
            "officer_id": officer,
            "officer_role": role,
            "squad_id": squad,
            "occurred_at": occurred_at or f"{month}-{day:02d}T{hour:02d}:{n % 60:02d}:00+08:00",
            "plate": f"{region}·A{n:05d}" if region else None,
            "plate_region": region,
            "road_user": "small_car" if region else "pedestrian",
            "violation_type": "parking" if region else "pedestrian_red_light",
            "measures": {
                "fine_cny": 0 if warning else 100,
                "points": 0,
                "warning": warning,
                "vehicle_detained": False,
                "license_detained": False,
            },
            "payment": None if warning else {"method": "bank", "receipt_no": f"SD{n:010d}"},
        }
    )


def steady(
    officer: str,
    *,
    per_day: int = 3,
    days: range | None = None,
    month: str = "2026-04",
    squad: str = "mudan-1",
    share: float = 0.25,
) -> list[EnforcementAction]:
    """An officer writing ``per_day`` records every day, ``share`` of them 豫A, evenly spread."""
    days = days or range(1, st.days_in(month) + 1)
    out = []
    for i, (day, k) in enumerate(itertools.product(days, range(per_day))):
        region = "豫A" if math.floor((i + 1) * share) > math.floor(i * share) else "鲁R"
        out.append(act(officer, day, month=month, squad=squad, region=region, hour=8 + k))
    return out


def peers(n: int = 9, month: str = "2026-04", squad: str = "mudan-1") -> list[EnforcementAction]:
    """``n`` lawful officers: 3 a day, a quarter out of town."""
    return [a for i in range(n) for a in steady(f"P{i:05d}", month=month, squad=squad)]


def flagged(flags, category: str) -> set[str]:
    return {f.officer_id for f in flags if f.category == category}


# -- exact tails ---------------------------------------------------------------------------------


def test_binomial_tail_matches_the_sum_of_the_pmf():
    n, p = 20, 0.3
    pmf = [math.comb(n, k) * p**k * (1 - p) ** (n - k) for k in range(n + 1)]
    for x in (0, 1, 6, 12, 20):
        assert st.binomial_sf(x, n, p) == pytest.approx(sum(pmf[x:]), rel=1e-9)
    assert st.binomial_sf(21, n, p) == 0.0


def test_fisher_one_sided_is_the_tea_tasting_value():
    # Fisher's lady tasting tea: 3 of 4 right against 1 of 4: P = 17/70.
    assert st.fisher_greater(3, 4, 1, 4) == pytest.approx(17 / 70)
    assert st.fisher_greater(0, 4, 4, 4) == pytest.approx(1.0)


def test_benjamini_hochberg_steps_up_and_bonferroni_does_not():
    p = {"a": 0.001, "b": 0.013, "c": 0.03, "d": 0.5}
    assert st.rejected(p, 0.05, "bh") == {"a", "b", "c"}  # 0.03 <= 0.05 * 3 / 4
    assert st.rejected(p, 0.05, "bonferroni") == {"a"}  # only <= 0.05 / 4
    assert st.rejected(p, 0.05, "holm") == {"a", "b"}  # 0.013 <= 0.05 / 3, 0.03 > 0.05 / 2
    assert st.rejected({}, 0.05) == set()


# -- counters ------------------------------------------------------------------------------------


def test_month_and_day_are_local_time_even_for_a_utc_timestamp():
    a = act("X", 1, occurred_at="2026-04-30T17:30:00Z")  # 01:30 on 1 May in Heze
    assert st.month_of(a) == "2026-05"
    assert st.local_date(a) == ("2026-05", 1)


def test_warnings_and_plates_are_counted():
    om = OfficerMonth("X", "mudan-1", "2026-04")
    om.add(act("X", 3, region="豫A", warning=True))  # a warning is still a stop of that car
    om.add(act("X", 3, region="鲁R"))
    om.add(act("X", 30, region=None))  # a pedestrian: no plate
    assert (om.tickets, om.plated, om.out_of_town) == (3, 2, 1)
    assert om.by_day == {3: 2, 30: 1}
    assert om.month_end_count(5) == 1


def test_officer_month_round_trips_through_json():
    om = st.summarise(steady("X", per_day=2, days=range(20, 31)))[("X", "2026-04")]
    back = OfficerMonth.from_dict(json.loads(json.dumps(om.to_dict())))
    assert back == om
    assert back.by_day[30] == 2 and back.tickets == 22


def test_summarise_counts_each_action_once_by_officer_and_month():
    a = act("X", 30)
    b = act("X", 1, month="2026-05")
    summary = st.summarise([a, a, b])
    assert set(summary) == {("X", "2026-04"), ("X", "2026-05")}
    assert summary[("X", "2026-04")].tickets == 1


def test_local_region_can_be_inferred():
    actions = [act("X", 1, region="鲁R"), act("X", 2, region="鲁R"), act("X", 3, region="豫A")]
    assert st.infer_local_region(actions) == "鲁R"
    assert st.infer_local_region([act("X", 1, region=None)]) is None


# -- out_of_town_targeting -----------------------------------------------------------------------


def test_targeting_officer_is_flagged_with_numbers_in_chinese():
    targeting = steady("T0001", per_day=2, share=0.75)  # 45 of 60 out of town
    flags = st.flags_for(peers() + targeting)
    [flag] = [f for f in flags if f.category == "out_of_town_targeting"]
    assert flag.officer_id == "T0001" and flag.squad_id == "mudan-1"
    assert flag.class_ == "profit"
    assert flag.flag_id == "out_of_town_targeting:T0001:2026-04"
    assert flag.action_ids == [] and flag.recording_ids == []
    assert "外地车占 75%（45/60）" in flag.explanation
    assert "同中队其他民警同期为 24%（198/810）" in flag.explanation
    evidence = {e.field: e.value for e in flag.evidence}
    assert evidence["out_of_town"] == 45 and evidence["plated"] == 60
    assert evidence["peer_group"] == "squad"
    assert isinstance(evidence["p_value"], float) and evidence["p_value"] < 1e-6
    assert all(e.action_id == "" for e in flag.evidence)


def test_small_sample_with_a_high_share_is_not_flagged():
    few = [act("A0001", d, region="豫A", role="auxiliary") for d in range(1, 11)]
    few.append(act("A0001", 11, region="鲁R", role="auxiliary"))  # 10/11 out of town
    summary = st.summarise(peers() + few)
    assert summary[("A0001", "2026-04")].out_of_town == 10
    tested = {t.officer.officer_id for t in st.out_of_town_tests(summary.values(), "2026-04")}
    assert "A0001" not in tested  # below min_plated: not even tested
    assert st.flags_for(peers() + few) == []


def test_uniform_officers_and_a_modest_excess_are_not_flagged():
    modest = steady("M0001", per_day=6, share=0.36)  # 36 % of 180 against 25 %: real, small
    flags = st.flags_for(peers() + modest)
    assert flagged(flags, "out_of_town_targeting") == set()
    tests = st.out_of_town_tests(st.summarise(modest + peers()).values(), "2026-04")
    [test] = [t for t in tests if t.officer.officer_id == "M0001"]
    assert test.p_value < 0.05 / 10  # significant even after correction over the 10 tested ...
    assert not test.large_enough(StatsConfig())  # ... but 1.45x and +11 points: below the floor


def test_peers_are_the_squad_so_a_highway_squad_is_not_flagged_for_its_road():
    # The highway squad meets 60 % out-of-town cars, downtown 25 %.
    highway = [a for i in range(3) for a in steady(f"H{i:04d}", squad="gaosu-1", share=0.6)]
    flags = st.flags_for(peers() + highway)
    assert flagged(flags, "out_of_town_targeting") == set()
    # Against the whole detachment they would all stand out.
    whole = StatsConfig(min_peer_plated=10**9)
    assert flagged(st.flags_for(peers() + highway, whole), "out_of_town_targeting") == {
        f"H{i:04d}" for i in range(3)
    }


def test_the_local_region_is_configuration_or_inferred():
    actions = peers() + steady("T0001", per_day=2, share=0.75)
    henan = st.summarise(actions, StatsConfig(local_region="豫A"))[("T0001", "2026-04")]
    assert (henan.plated, henan.out_of_town) == (60, 15)  # now 鲁R plates are the strangers
    assert st.flags_for(actions, StatsConfig(local_region="豫A")) == []
    inferred = st.flags_for(actions, StatsConfig(local_region=None))  # 鲁R is the commonest
    assert flagged(inferred, "out_of_town_targeting") == {"T0001"}


# -- month_end_spike -----------------------------------------------------------------------------


def spiking(officer: str, month: str, spike_days: range) -> list[EnforcementAction]:
    """3 a day, then 12 a day on ``spike_days``."""
    out = steady(officer, month=month)
    out += [act(officer, d, month=month, hour=12 + k % 8) for d in spike_days for k in range(9)]
    return out


def test_month_end_spike_is_flagged_against_his_own_baseline():
    flags = st.flags_for(peers() + spiking("S0001", "2026-04", range(28, 31)))
    assert flagged(flags, "out_of_town_targeting") == set()
    [flag] = flags
    assert (flag.category, flag.class_, flag.officer_id, flag.squad_id) == (
        "month_end_spike",
        "profit",
        "S0001",
        "mudan-1",
    )
    assert flag.flag_id == "month_end_spike:S0001:2026-04"
    assert "月末3天（28–30日）开具 36 单" in flag.explanation
    assert "4.0 倍" in flag.explanation and "疑似月末突击执法" in flag.explanation
    evidence = {e.field: e.value for e in flag.evidence}
    assert evidence["window_first_day"] == 28 and evidence["tickets"] == 117


def test_busy_but_uniform_officer_is_not_flagged():
    busy = steady("B0001", per_day=12)  # four times the others, every day alike
    flags = st.flags_for(peers() + busy)
    assert flags == []
    [test] = [
        t
        for t in st.month_end_tests(st.summarise(peers() + busy).values(), "2026-04")
        if t.officer.officer_id == "B0001"
    ]
    assert test.p_value > 0.5


def test_officer_back_from_leave_is_not_a_spike():
    # Works only from the 16th, at his usual rate: half his days fall in the last fortnight.
    back = steady("L0001", days=range(16, 31))
    assert st.flags_for(peers() + back) == []
    summary = st.summarise(peers() + back)
    [test] = [
        t
        for t in st.month_end_tests(summary.values(), "2026-04")
        if t.officer.officer_id == "L0001"
    ]
    calendar_share = (30 - test.first_day + 1) / 30
    assert test.share >= 2 * calendar_share  # twice the calendar's share of his month ...
    assert test.share == pytest.approx(test.expected_share)  # ... as of his working days
    assert test.p_value > 0.5


def test_a_detachment_wide_busy_month_end_is_not_the_officers_spike():
    # Everyone writes twice as much in the last five days (a checkpoint operation, the weather).
    everyone = [
        a for i in range(10) for a in steady(f"P{i:05d}") + steady(f"P{i:05d}", days=range(26, 31))
    ]
    assert st.flags_for(everyone) == []


def test_31_day_month_spike_on_the_last_three_days():
    flags = st.flags_for(peers(month="2026-05") + spiking("S0031", "2026-05", range(29, 32)))
    [flag] = flags
    assert flag.officer_id == "S0031" and flag.flag_id.endswith(":2026-05")
    assert "（29–31日）" in flag.explanation


def test_the_24th_is_the_last_week_of_april_but_not_of_may():
    def surge(month: str) -> list[EnforcementAction]:
        return steady("S0024", month=month) + [
            act("S0024", 24, month=month, hour=14) for _ in range(27)
        ]

    april = st.flags_for(peers(month="2026-04") + surge("2026-04"))
    assert [(f.officer_id, f.category) for f in april] == [("S0024", "month_end_spike")]
    assert "（24–30日）" in april[0].explanation
    assert st.flags_for(peers(month="2026-05") + surge("2026-05")) == []


def test_28_day_month_spike_is_flagged():
    flags = st.flags_for(peers(month="2026-02") + spiking("S0228", "2026-02", range(26, 29)))
    [flag] = flags
    assert flag.officer_id == "S0228" and "（26–28日）" in flag.explanation
    assert st.days_in("2026-02") == 28 and st.days_in("2028-02") == 29


def test_each_month_is_judged_by_itself_with_distinct_ids():
    actions = (
        peers()
        + spiking("S0001", "2026-04", range(28, 31))
        + peers(month="2026-05")
        + spiking("S0001", "2026-05", range(29, 32))
    )
    ids = sorted(f.flag_id for f in st.flags_for(actions))
    assert ids == ["month_end_spike:S0001:2026-04", "month_end_spike:S0001:2026-05"]
    summary = st.summarise(actions)
    assert st.month_flags(summary.values(), "2026-06") == []


def test_minimum_sample_skips_light_writers():
    light = [act("F0001", d) for d in (3, 9)] + [act("F0001", 30) for _ in range(8)]
    assert st.flags_for(peers() + light) == []
    summary = st.summarise(peers() + light)
    assert "F0001" not in {
        t.officer.officer_id for t in st.month_end_tests(summary.values(), "2026-04")
    }
