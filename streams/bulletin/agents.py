"""The weekly 《监察专刊》 crontab: Monday 08:00 (Asia/Shanghai), on the leader worker only.

One worker of the consumer group (the leader) compiles last ISO week's bulletin; the compiler is
the same as ``jiancha bulletin`` and ``POST /bulletins/{week}``. Compiling runs in a thread (it is
CPU-bound: charts and PDF layout) so the worker's event loop keeps consuming.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import faust

from jiancha.settings import Settings
from streams.bulletin.stats import IsoWeek

log = logging.getLogger(__name__)

SCHEDULE = "0 8 * * 1"  # minute hour day month weekday: Mondays at 08:00


def last_week(now: datetime, tz: str) -> IsoWeek:
    """The ISO week before the one ``now`` falls in: what Monday's bulletin covers."""
    return IsoWeek.containing(now, tz).shifted(-1)


def compile_last_week(settings: Settings, now: datetime) -> str:
    """Compile last week's bulletin with a client of its own; returns a line for the log."""
    from jiancha.elastic.client import sync_client
    from streams.bulletin.compile import compile_week

    week = last_week(now, settings.bulletin_timezone)
    es = sync_client(settings)
    try:
        doc = compile_week(settings, es, week, now=now, by="crontab").doc
    finally:
        es.close()
    return f"《监察专刊》{week}：第{doc['issue_no']}期（总第{doc['total_no']}期）已汇编"


def add_bulletin_crontab(
    app: faust.App,
    settings: Settings,
    clock: Callable[[], datetime] = lambda: datetime.now(UTC),
) -> None:
    """Register the Monday-morning compilation on ``app`` (runs on the group's leader only)."""

    @app.crontab(SCHEDULE, timezone=ZoneInfo(settings.bulletin_timezone), on_leader=True)
    async def compile_weekly_bulletin() -> None:
        try:
            log.info(await asyncio.to_thread(compile_last_week, settings, clock()))
        except Exception:  # the worker must keep indexing; the supervisor can POST /bulletins
            log.exception("《监察专刊》汇编失败")
