"""Which weeks a 《监察专刊》 may be compiled for on demand, and what voiding an issue records.

Every compilation takes a permanent 期号 (issue 16: W16 became 第1期 and W15, compiled later,
第2期; 2026-W52 compiled as an all-zero issue). So a week that has not begun, or one with
nothing in it (before the system's data, or simply empty), is refused before a number is taken.
Pure rules: the caller brings the week's numbers from :mod:`streams.bulletin.stats`.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from streams.bulletin.stats import IsoWeek, Orders, Overview


class NotCompilable(ValueError):
    """The week may not be compiled; ``str()`` is the Chinese reason."""


def check_compilable(
    week: IsoWeek, now: datetime, seen: Overview, orders: Orders, first: IsoWeek | None
) -> None:
    """Refuse a week that has not begun, one before the first data, or one with nothing in it.

    ``first``: the week of the earliest recording, enforcement action or case (None: no data).
    """
    current = IsoWeek.containing(now, week.tz)
    if week.start > now:
        raise NotCompilable(f"{week} 尚未开始，不能汇编（本周为 {current}）")
    if first is None or week.end <= first.start:
        since = f"最早的数据在 {first}" if first else "系统中尚无任何数据"
        raise NotCompilable(f"{week} 早于系统数据（{since}），不能汇编")
    if not (seen.recordings or seen.actions or seen.cases or orders.issued or orders.overdue):
        raise NotCompilable(f"{week} 没有任何录像、执法记录、案件或整改通知书，不汇编空刊")


def first_week(search: Any, aliases: dict[str, str], tz: str) -> IsoWeek | None:
    """The week of the earliest recording, enforcement action or case indexed (None: nothing
    yet). Cases count too: a case restored or reported on its own is data of its week."""
    earliest: list[str] = []
    for alias, field in (
        ("clips", "started_at"),
        ("actions", "occurred_at"),
        ("cases", "occurred_at"),
    ):
        found = search(index=aliases[alias], size=0, aggs={"first": {"min": {"field": field}}})
        value = found["aggregations"]["first"].get("value_as_string")
        if value:
            earliest.append(value)
    if not earliest:
        return None
    return IsoWeek.containing(min(datetime.fromisoformat(v) for v in earliest), tz)


def voided_id(week: str, total_no: int) -> str:
    """The document id a voided issue is kept under: its week's id is free for a new issue,
    while the voided one keeps its 期号 (the next compilation takes the next number)."""
    return f"{week}-void-{total_no}"
