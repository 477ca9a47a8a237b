"""The alert lifecycle (proposed → decided → closed) and the monthly assessment, as pure rules."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from jiancha.clock import BEIJING
from jiancha.schemas.officer_alerts import AlertClosed, AlertDecided, AlertProposed
from jiancha.schemas.rectification_events import Actor
from streams.warning.alerts import Alert, AlertError, apply, follow_up_due
from streams.warning.assessment import Month, SquadCounts, Weights, assess_month, assess_squad

NOW = datetime(2026, 5, 6, 9, tzinfo=BEIJING)
SUP = Actor(username="zhuren", role="supervisor")


def _proposed() -> Alert:
    return apply(
        None,
        AlertProposed(
            event_id="e1", alert_id="P1:2026-05-06", officer_id="P1", squad_id="SQ1", seq=1,
            at=NOW, actor=SUP, as_of=NOW, rule="score", score=9.1, percentile=100,
            explanation="近90天确认问题6起",
        ),
    )  # fmt: skip


def _decide(alert: Alert, decision: str = "talk", **kw: object) -> Alert:
    fields = {"note": "", "follow_up_on": date(2026, 5, 20)} | kw
    return apply(
        alert,
        AlertDecided(event_id="e2", alert_id=alert.alert_id, officer_id="P1",
                     seq=alert.version + 1, at=NOW, actor=fields.pop("actor", SUP),
                     decision=decision, **fields),  # type: ignore[arg-type]
    )  # fmt: skip


def test_proposal_is_not_on_record_until_decided_on_an_intervention() -> None:
    a = _proposed()
    assert (a.status, a.status_label, a.on_record) == ("proposed", "待研判", False)
    d = _decide(a)
    assert (d.status, d.decision_label, d.on_record, d.version) == ("decided", "谈话提醒", True, 2)
    assert not follow_up_due(d, date(2026, 5, 19)) and follow_up_due(d, date(2026, 5, 20))
    c = apply(d, AlertClosed(event_id="e3", alert_id=d.alert_id, officer_id="P1", seq=3, at=NOW,
                             actor=SUP, outcome="已谈话"))  # fmt: skip
    assert (c.status, c.outcome, [s.type for s in c.history]) == (
        "closed",
        "已谈话",
        ["AlertProposed", "AlertDecided", "AlertClosed"],
    )


def test_no_action_needs_a_reason_closes_at_once_and_stays_off_record() -> None:
    with pytest.raises(AlertError, match="说明理由"):
        _decide(_proposed(), "none", follow_up_on=None)
    d = _decide(_proposed(), "none", note="系交通高峰岗位，非本人原因", follow_up_on=None)
    assert (d.status, d.on_record, d.follow_up_on) == ("closed", False, None)


@pytest.mark.parametrize(
    ("kw", "kind"),
    [
        ({"follow_up_on": None}, "invalid"),
        ({"follow_up_on": date(2026, 5, 1)}, "invalid"),  # in the past
        ({"follow_up_on": date(2027, 12, 1)}, "invalid"),  # beyond a year
        ({"actor": Actor(username="shenhe", role="reviewer")}, "forbidden"),
    ],
)
def test_refusals(kw: dict[str, object], kind: str) -> None:
    with pytest.raises(AlertError) as err:
        _decide(_proposed(), **kw)
    assert err.value.kind == kind


def test_stale_version_and_second_decision_conflict() -> None:
    d = _decide(_proposed())
    with pytest.raises(AlertError) as err:
        later = date(2026, 6, 1)
        apply(d, AlertDecided(event_id="x", alert_id=d.alert_id, officer_id="P1", seq=2, at=NOW,
                              actor=SUP, decision="training", follow_up_on=later))  # fmt: skip
    assert err.value.kind == "conflict"
    with pytest.raises(AlertError, match="不能再次研判"):
        _decide(d)
    with pytest.raises(AlertError, match="不能办结"):
        apply(_proposed(), AlertClosed(event_id="x", alert_id="P1:2026-05-06", officer_id="P1",
                                       seq=2, at=NOW, actor=SUP, outcome="x"))  # fmt: skip


def test_month_bounds_and_parse() -> None:
    m = Month.parse("2026-01")
    assert str(m.previous) == "2025-12" and m.end - m.start == timedelta(days=31)
    for bad in ("2026-13", "26-01", "2026-1", "abc"):
        with pytest.raises(ValueError, match="月份格式"):
            Month.parse(bad)


def test_assessment_scores_rank_and_change() -> None:
    now = {
        "A": SquadCounts("A", actions=200, uncovered=4, recordings=50, timely=45, confirmed=4,
                         orders_due=2, orders_on_time=2),
        "B": SquadCounts("B", actions=100, uncovered=0, recordings=0, confirmed=0),
    }  # fmt: skip
    before = {"A": SquadCounts("A", actions=100, confirmed=5)}
    out = assess_month(now, before)
    assert [(a.squad_id, a.rank) for a in out] == [("B", 1), ("A", 2)]
    a = out[1]
    assert a.coverage == pytest.approx(0.98) and a.timeliness == pytest.approx(0.9)
    assert a.problems_per_100 == pytest.approx(2.0) and a.orders_on_time == 1.0
    assert a.score == pytest.approx(30 * 0.98 + 20 * 0.9 + 30 * 0.6 + 20)
    assert a.change["problems_per_100"] == pytest.approx(-3.0)
    assert a.spot_check_pass is None  # 暂无: no spot check that month
    spot = assess_squad(SquadCounts("S", actions=10, spot_checked=4, spot_passed=3))
    assert spot.spot_check_pass == 0.75
    assert out[0].change["score"] is None


def test_a_busy_squad_is_not_rewarded_for_tickets() -> None:
    """Ticket counts are only a denominator: ten times the tickets and ten times the problems
    score the same."""
    small = assess_squad(SquadCounts("S", actions=100, confirmed=2), Weights())
    large = assess_squad(SquadCounts("L", actions=1000, confirmed=20), Weights())
    assert small.score == large.score
