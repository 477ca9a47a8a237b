"""Which weeks a 《监察专刊》 may be compiled for (issue 16): pure rules, no I/O."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest

from streams.bulletin.stats import IsoWeek, Orders, Overview
from streams.bulletin.weeks import NotCompilable, check_compilable

NOW = datetime(2026, 12, 2, 5, 0, tzinfo=UTC)  # a Wednesday of 2026-W49
FIRST = IsoWeek.parse("2026-W14")
EMPTY = Overview(0, 0.0, 0, 0, 0, 0, 0, 0, 0, {}, {})
SEEN = Overview(12, 1.5, 12, 40, 3, 1, 0, 2, 4, {}, {})
NO_ORDERS = Orders(0, 0, 0, 0, 0)


@pytest.mark.parametrize(
    ("week", "seen", "first", "words"),
    [
        ("2026-W50", SEEN, FIRST, "尚未开始，不能汇编（本周为 2026-W49）"),
        ("2026-W13", SEEN, FIRST, "早于系统数据（最早的数据在 2026-W14）"),
        ("2026-W20", SEEN, None, "系统中尚无任何数据"),
        ("2026-W30", EMPTY, FIRST, "不汇编空刊"),
    ],
)
def test_refused_weeks_say_why(
    week: str, seen: Overview, first: IsoWeek | None, words: str
) -> None:
    with pytest.raises(NotCompilable, match=re.escape(words)):
        check_compilable(IsoWeek.parse(week), NOW, seen, NO_ORDERS, first)


@pytest.mark.parametrize("week", ["2026-W14", "2026-W49"])  # the first week, the current one
def test_weeks_with_data_may_be_compiled(week: str) -> None:
    check_compilable(IsoWeek.parse(week), NOW, SEEN, NO_ORDERS, FIRST)


def test_a_week_with_only_an_order_issued_is_not_empty() -> None:
    check_compilable(IsoWeek.parse("2026-W30"), NOW, EMPTY, Orders(1, 0, 0, 0, 0), FIRST)
