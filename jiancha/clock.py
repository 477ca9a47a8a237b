"""Time, defined once: Beijing time and the clock that services are handed (never read directly).

Asia/Shanghai has had no daylight saving since 1991, so for any date this system handles it is a
fixed +08:00; the zone is still named, so that dates print and ISO weeks fall as people expect.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

#: The zone's name (the default of settings that name a zone, e.g. ``bulletin_timezone``).
BEIJING_ZONE = "Asia/Shanghai"
#: 北京时间: the detachment's local time.
BEIJING = ZoneInfo(BEIJING_ZONE)

#: What services receive to learn the time: returns an aware datetime.
Clock = Callable[[], datetime]


def utc_now() -> datetime:
    """The wall clock, aware, in UTC: the default ``Clock``."""
    return datetime.now(UTC)
