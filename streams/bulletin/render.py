"""The bulletin as HTML (Jinja2 templates in ``dashboards/bulletin/``) and as PDF (WeasyPrint).

WeasyPrint lays the HTML out itself (Pango + the system's Noto CJK) and embeds font subsets in the
PDF; it is a Python package, so it needs no browser on the server and is the same in tests.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import dashboards
from analyzers.catalogue import CLASS_LABELS
from jiancha.text import chinese_number
from streams.bulletin import charts
from streams.bulletin.masking import mask_plate, mask_text
from streams.bulletin.stats import CLASS_ORDER, WeekStats
from streams.directory.names import Names

TEMPLATES = Path(dashboards.__file__).parent / "bulletin"


@dataclass(frozen=True)
class Masthead:
    """期号, 总期号, 编印单位, 日期 and the period, as printed."""

    year: int
    issue_no: int
    total_no: int
    unit: str
    issued_on: datetime
    compiled_at: datetime
    period_start: str
    period_end: str
    tz: str

    @property
    def issued_on_label(self) -> str:
        d = self.issued_on.astimezone(ZoneInfo(self.tz))
        return f"{d.year}年{d.month}月{d.day}日"

    @property
    def compiled_label(self) -> str:
        return self.compiled_at.astimezone(ZoneInfo(self.tz)).strftime("%Y-%m-%d %H:%M")

    @property
    def period_label(self) -> str:
        a, b = (datetime.fromisoformat(x) for x in (self.period_start, self.period_end))
        return f"{a.year}年{a.month}月{a.day}日至{b.month}月{b.day}日"


def _pct(x: float) -> str:
    return f"{100 * x:.1f}%"


def _delta(now: int | float, before: int | float | None) -> str:
    if before is None:
        return "—"
    d = now - before
    if not before:
        return f"+{d}" if d > 0 else ("持平" if d == 0 else str(d))
    rate = 100 * d / before
    return "持平" if d == 0 else f"{d:+}（{rate:+.1f}%）"


def _change(now: int, before: int | None) -> str:
    """`，较上周增加 12（+8.1%）` or nothing when there is no last week."""
    if before is None:
        return ""
    d = now - before
    if d == 0:
        return "，与上周持平"
    word = "增加" if d > 0 else "减少"
    rate = f"（{100 * abs(d) / before:.1f}%）" if before else ""
    return f"，较上周{word} {abs(d)}{rate}"


def _mmss(seconds: float) -> str:
    s = int(seconds)
    return f"{s // 60:02d}:{s % 60:02d}"


def _env(tz: str, extra: Path | None = None) -> Any:
    from jinja2 import (
        ChoiceLoader,
        Environment,
        FileSystemLoader,
        StrictUndefined,
        select_autoescape,
    )

    loaders = [FileSystemLoader(str(TEMPLATES))]
    if extra is not None:
        loaders.insert(0, FileSystemLoader(str(extra.parent)))
    env = Environment(
        loader=ChoiceLoader(loaders),
        autoescape=select_autoescape(["html", "j2"]),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )

    def when(stamp: str) -> str:
        if not stamp:
            return "—"
        return datetime.fromisoformat(stamp).astimezone(ZoneInfo(tz)).strftime("%m-%d %H:%M")

    env.globals.update(
        cn=chinese_number,
        pct=_pct,
        delta=_delta,
        change=_change,
        mmss=_mmss,
        mask=mask_text,
        plate=mask_plate,
        when=when,
        classes=CLASS_ORDER,
        class_labels=CLASS_LABELS,
    )
    return env


def render_html(
    stats: WeekStats,
    masthead: Masthead,
    requirements: Path | None = None,
    names: Names | None = None,
) -> str:
    """The bulletin as one self-contained HTML page (CSS and SVG charts inline).

    ``names``: the directory's names (issue 16), printed for squad codes and officer ids.
    """
    from markupsafe import Markup

    names = names or Names()
    env = _env(masthead.tz, requirements)
    env.globals.update(squad=names.squad, officer=names.officer)
    req_name = requirements.name if requirements else "requirements.html.j2"
    req = env.get_template(req_name).render(s=stats, m=masthead)
    return str(
        env.get_template("bulletin.html.j2").render(
            s=stats,
            m=masthead,
            css=Markup((TEMPLATES / "bulletin.css").read_text(encoding="utf-8")),
            charts=charts.all_charts(stats, names),
            requirements=Markup(req),
        )
    )


def render_pdf(html: str) -> tuple[bytes, int]:
    """The PDF of ``html`` (CJK font subsets embedded) and its page count."""
    from weasyprint import HTML

    document = HTML(string=html, base_url=str(TEMPLATES)).render()
    return document.write_pdf(), len(document.pages)
