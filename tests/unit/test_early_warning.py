"""Early warning (issue 18): indicators over windows, peer-relative score, rules, explanation."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

from analyzers.early_warning import (
    Signal,
    WarningConfig,
    alerts,
    assess,
    indicators,
)
from analyzers.warning_eval import EvalConfig, alert_days, generate, score
from jiancha.clock import BEIJING

AS_OF = datetime(2026, 6, 30, 12, tzinfo=BEIJING)


def _officer(oid: str, squad: str, actions: int, **extra: int) -> list[Signal]:
    """``actions`` actions over the last 60 days and ``extra`` signals of each kind."""
    out = [Signal(oid, squad, AS_OF - timedelta(days=1 + i % 60), "action") for i in range(actions)]
    for kind, n in extra.items():
        for i in range(n):
            at = AS_OF - timedelta(days=2 + i)
            if kind == "abuse":
                out.append(Signal(oid, squad, at, "confirmed", "verbal_abuse", 4))
            elif kind == "minor":
                out.append(Signal(oid, squad, at, "confirmed", "procedure_missing", 3))
            else:
                out.append(Signal(oid, squad, at, kind))  # type: ignore[arg-type]
    return out


def _squad() -> list[Signal]:
    sig: list[Signal] = []
    for k in range(6):
        sig += _officer(f"A{k}", "SQ1", 200, minor=1)
    return sig


def test_windows_count_only_their_days() -> None:
    old = Signal("A0", "SQ1", AS_OF - timedelta(days=100), "complaint")
    recent = Signal("A0", "SQ1", AS_OF - timedelta(days=10), "complaint")
    act = Signal("A0", "SQ1", AS_OF - timedelta(days=40), "action")
    order = Signal("", "SQ1", AS_OF - timedelta(days=5), "order")
    ind90 = indicators([old, recent, act, order], AS_OF, 90)["A0"]
    ind30 = indicators([old, recent, act, order], AS_OF, 30)["A0"]
    assert (ind90.complaints, ind90.actions, ind90.squad_orders) == (1, 1, 1)
    assert (ind30.complaints, ind30.actions) == (1, 0)


def test_outlier_among_peers_alerts_with_chinese_explanation() -> None:
    sig = _squad() + _officer("BAD", "SQ1", 200, abuse=2, minor=4, complaint=3)
    found = alerts(sig, AS_OF)
    assert [a.officer_id for a in found] == ["BAD"]
    text = found[0].explanation
    assert "确认问题6起" in text and "同中队民警平均1起" in text
    assert "辱骂当事人2起" in text and "群众投诉3起" in text
    assert text.count("综合风险分") == 1 and "全大队7名民警中第1位" in text


def test_busy_officer_with_proportionate_problems_is_not_alerted() -> None:
    """Raw counts are not the score: five times the tickets, five times the lapses, same rate."""
    sig = _squad() + _officer("BUSY", "SQ1", 1000, minor=5)
    assert alerts(sig, AS_OF) == []
    busy = next(a for a in assess(sig, AS_OF) if a.officer_id == "BUSY")
    assert "threshold" in busy.fired  # the raw-count rule would have flagged him
    assert alerts(sig, AS_OF, WarningConfig(rule="threshold")) != []


def test_squad_beat_is_the_reference() -> None:
    """A highway squad's many late uploads are its road, not one officer's drift."""
    sig = _squad()
    for k in range(6):
        sig += _officer(f"H{k}", "SQ2", 200, late_upload=8)
    assert alerts(sig, AS_OF) == []


def test_evaluation_is_reproducible_and_finds_drifters() -> None:
    cfg = EvalConfig(squads=3, officers_per_squad=8, drift_share=0.25, days=120, drift_from=40,
                     drift_to=70)  # fmt: skip
    a, truth_a = generate(7, cfg)
    b, _ = generate(7, cfg)
    assert a == b and truth_a.drift_day
    days = alert_days(a, ("score",), cfg, WarningConfig())["score"]
    s = score("score", days, truth_a)
    assert s.tp >= 1 and s.precision >= 0.5


def test_on_eval_dev_nobody_drifts_and_the_default_alerts_nobody(eval_dev: Path) -> None:
    """62 problems spread over 30 of 37 officers in one month: the raw-count rule alerts 7."""
    from analyzers.warning_eval import eval_dev_report

    report = eval_dev_report(eval_dev)
    assert "score: 0 人" in report and "threshold: 7 人" in report
