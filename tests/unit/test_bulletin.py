"""《监察专刊》 pure parts: ISO weeks, masking, the order fold, the week-on-week wording."""

from __future__ import annotations

from datetime import datetime

import pytest

from jiancha.text import chinese_number as _cn
from streams.bulletin.agents import last_week
from streams.bulletin.masking import mask_plate, mask_text
from streams.bulletin.render import _change
from streams.bulletin.stats import IsoWeek, fold_orders


def test_iso_week_spans_monday_to_monday_in_beijing_time():
    w = IsoWeek.parse("2026-W15")
    assert w.start.isoformat() == "2026-04-06T00:00:00+08:00"
    assert w.end.isoformat() == "2026-04-13T00:00:00+08:00"
    assert (
        str(w.shifted(-1)) == "2026-W14"
        and str(IsoWeek.parse("2026-W01").shifted(-1)) == "2025-W52"
    )
    with pytest.raises(ValueError, match="周次格式"):
        IsoWeek.parse("2026-15")
    with pytest.raises(ValueError, match="没有第 54 周"):
        IsoWeek.parse("2026-W54")


def test_monday_crontab_compiles_the_week_before():
    monday_8am = datetime.fromisoformat("2026-04-13T08:00:00+08:00")
    assert str(last_week(monday_8am, "Asia/Shanghai")) == "2026-W15"
    # Sunday 23:30 UTC is already Monday in Beijing.
    assert (
        str(last_week(datetime.fromisoformat("2026-04-12T23:30:00+00:00"), "Asia/Shanghai"))
        == "2026-W15"
    )


def test_plates_phones_ids_and_names_are_masked():
    assert mask_plate("鲁R·A12345") == "鲁R·A***45"
    assert mask_plate("鲁RD12345") == "鲁RD***45"
    assert mask_plate(None) == "—"
    text = "车主张三，开鲁R·A12345，电话13812345678，身份证370102199001011234，李四先生说"
    masked = mask_text(text)
    for secret in ("张三", "A12345", "13812345678", "199001011234", "李四"):
        assert secret not in masked
    assert "张某" in masked and "鲁R·A***45" in masked and "李先生" in masked
    assert mask_text("关于辱骂当事人问题的整改通知") == "关于辱骂当事人问题的整改通知"
    assert mask_text("我叫王小明。") == "我叫王某。"


def test_order_fold_counts_the_weeks_events():
    week = IsoWeek.parse("2026-W15")
    orders = [
        {
            "order_id": "A",
            "squad_id": "s1",
            "title": "t",
            "status": "accepted",
            "issued_at": "2026-04-06T10:00:00+08:00",
            "deadline": "2026-04-12T10:00:00+08:00",
            "accepted_at": "2026-04-12T10:00:00+08:00",
            "answers": [
                {"at": "2026-04-08T10:00:00+08:00", "late": False},
                {"at": "2026-04-11T10:00:00+08:00", "late": False},
            ],
            "history": [{"type": "OrderReturned", "at": "2026-04-09T10:00:00+08:00"}],
        },
        {
            "order_id": "B",
            "squad_id": "s2",
            "title": "t",
            "status": "issued",
            "issued_at": "2026-03-30T10:00:00+08:00",  # last week: not issued this week
            "deadline": "2026-04-07T10:00:00+08:00",
            "overdue": True,
        },
    ]
    got = fold_orders(orders, week, datetime.fromisoformat("2026-04-13T08:00:00+08:00"))
    assert (got.issued, got.answered_on_time, got.answered_late, got.returned, got.accepted) == (
        1,
        1,
        0,
        1,
        1,
    )
    assert [o.order_id for o in got.overdue] == ["B"]


def test_week_on_week_wording():
    assert _change(12, None) == ""
    assert _change(12, 10) == "，较上周增加 2（20.0%）"
    assert _change(5, 10) == "，较上周减少 5（50.0%）"
    assert _change(3, 3) == "，与上周持平"
    assert [_cn(n) for n in (1, 10, 12, 20, 25)] == ["一", "十", "十二", "二十", "二十五"]
