"""规范执法示例 (issue 18): the four good steps, and the example in the bulletin, masked."""

from __future__ import annotations

from datetime import datetime

from analyzers.good_practice import Segment, examples, judge
from jiancha.clock import BEIJING
from streams.bulletin.render import Masthead, render_html
from streams.bulletin.stats import Excerpt, GoodExample, Orders, Overview, WeekStats


def _segs(*lines: tuple[str, str]) -> list[Segment]:
    return [Segment("R1", 2.0 * k, 2.0 * k + 1.5, who, text) for k, (who, text) in enumerate(lines)]


IDENT = ("officer", "您好，我是牡丹区大队民警，请出示驾驶证。")
NOTICE = ("officer", "你对这个处罚有权进行陈述和申辩。")


def test_calm_under_abuse_with_both_procedural_steps_is_an_example() -> None:
    g = judge(_segs(IDENT, ("civilian", "你们交警就知道罚钱，一群混蛋！"),
                    ("officer", "请不要激动，有意见可以依法申诉。"), NOTICE))  # fmt: skip
    assert g.steps == ["identification", "rights_notice", "calm_under_abuse"] and g.exemplary
    assert [q.text for q in g.quotes][1] == "请不要激动，有意见可以依法申诉。"  # his answer
    assert "面对辱骂保持克制" in g.explanation


def test_legal_basis_counts_a_payment_channel_does_not() -> None:
    basis = ("officer", "根据规定，饮酒驾驶要暂扣驾驶证六个月，这是法律规定。")
    pay = ("officer", "罚款请在十五日内通过交管12123或者银行缴纳。")
    assert judge(_segs(IDENT, NOTICE, basis)).exemplary
    assert not judge(_segs(IDENT, NOTICE, pay)).exemplary


def test_an_officer_who_insults_back_is_no_example() -> None:
    g = judge(
        _segs(IDENT, ("civilian", "你们就是一群混蛋！"), ("officer", "你个混蛋，闭嘴！"), NOTICE)
    )
    assert g.steps == [] and not g.exemplary


def test_without_the_rights_notice_there_is_no_example() -> None:
    g = judge(_segs(IDENT, ("civilian", "一群混蛋！"), ("officer", "请您冷静。")))
    assert not g.exemplary
    assert examples([("R1", _segs(IDENT))], 3) == []


def test_the_bulletin_prints_examples_masked() -> None:
    empty = Overview(0, 0.0, 0, 0, 0, 0, 0, 0, 0, {"profit": 0, "excessive": 0, "procedure": 0}, {})
    good = GoodExample(
        "REC-9", "mudan-1", "MU1", "2026-04-08T10:00:00+08:00", ["表明执法身份"],
        "民警表明执法身份，执法规范，可供学习。",
        [Excerpt("REC-9", 1.0, 3.0, "鲁R12345的车主请出示驾驶证")],
    )  # fmt: skip
    stats = WeekStats("2026-W15", "2026-04-06", "2026-04-12", empty, None, [], [],
                      Orders(0, 0, 0, 0, 0), [], [good])  # fmt: skip
    now = datetime(2026, 4, 13, 8, tzinfo=BEIJING)
    m = Masthead(2026, 15, 15, "监查中心", now, now, "2026-04-06", "2026-04-12", "Asia/Shanghai")
    html = render_html(stats, m)
    assert "规范执法示例" in html and "示例一" in html and "REC-9" in html
    assert "鲁R12345" not in html
