"""Compile one ISO week's 《监察专刊》: numbers → statistics → charts and HTML → PDF → store."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from jiancha.elastic.indices import ensure_indices
from jiancha.settings import Settings
from streams.bulletin.render import Masthead, render_html, render_pdf
from streams.bulletin.stats import IsoWeek, WeekStats, week_stats
from streams.bulletin.store import BulletinStore
from streams.directory.names import Names
from streams.directory.store import name_maps_sync

STAGES = ("编号", "统计", "排版", "生成PDF", "存档")


@dataclass(frozen=True)
class Compiled:
    """A compiled bulletin: its stored document, statistics and the two renderings."""

    doc: dict[str, Any]
    stats: WeekStats
    html: str
    pdf: bytes


def store_of(settings: Settings, es: Any, aliases: dict[str, str] | None = None) -> BulletinStore:
    aliases = aliases or ensure_indices(es, settings)
    return BulletinStore(es, aliases["bulletins"], settings.data_dir / "bulletins")


def compile_week(
    settings: Settings,
    es: Any,
    week: IsoWeek,
    *,
    now: datetime,
    by: str = "system",
    progress: Callable[[str], None] = lambda stage: None,
    aliases: dict[str, str] | None = None,
) -> Compiled:
    """Compile ``week`` from Elasticsearch and store it; the same week keeps its 期号.

    ``aliases``: the indices a long-lived caller (the API) ensured once; else ensured here.
    """
    aliases = aliases or ensure_indices(es, settings)
    store = store_of(settings, es, aliases)
    progress(STAGES[0])
    numbers = store.numbers(week, settings.bulletin_unit, now, settings.bulletin_total_base)
    progress(STAGES[1])
    for alias in aliases.values():
        es.indices.refresh(index=alias)
    stats = week_stats(es.search, aliases, week, now, settings.bulletin_typical_cases)
    progress(STAGES[2])
    masthead = Masthead(
        year=numbers.year,
        issue_no=numbers.issue_no,
        total_no=numbers.total_no,
        unit=settings.bulletin_unit,
        issued_on=numbers.issued_on,
        compiled_at=now,
        period_start=stats.period_start,
        period_end=stats.period_end,
        tz=settings.bulletin_timezone,
    )
    names = Names(**name_maps_sync(es, aliases["directory"]))  # 名录: names, not ids (issue 16)
    html = render_html(stats, masthead, settings.bulletin_requirements_file, names)
    progress(STAGES[3])
    pdf, pages = render_pdf(html)
    progress(STAGES[4])
    doc = store.save(
        str(week),
        {
            "unit": settings.bulletin_unit,
            "compiled_at": now.isoformat(),
            "compiled_by": by,
            "html_sha256": store.put_file(html.encode("utf-8"), "html"),
            "pdf_sha256": store.put_file(pdf, "pdf"),
            "pdf_pages": pages,
            "summary": stats.to_dict(),
        },
        numbers,
    )
    return Compiled(doc, stats, html, pdf)
