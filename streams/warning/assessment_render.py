"""The monthly assessment as HTML and PDF, in the bulletin's typography (same CSS, WeasyPrint)."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from markupsafe import Markup

from streams.bulletin.render import TEMPLATES, render_pdf
from streams.directory.names import Names
from streams.warning.assessment import Month, SquadAssessment, Weights


def _rate(x: float | None) -> str:
    return "—" if x is None else f"{100 * x:.1f}%"


def _num(x: float | None) -> str:
    return "—" if x is None else f"{x:.2f}"


def _diff(x: float | None) -> str:
    return "—" if x is None else ("持平" if x == 0 else f"{x:+.2f}")


def _pdiff(x: float | None) -> str:
    return "—" if x is None else ("持平" if x == 0 else f"{100 * x:+.1f} 个百分点")


def render_html(
    month: Month,
    squads: list[SquadAssessment],
    unit: str,
    generated: datetime,
    w: Weights,
    names: Names | None = None,
) -> str:
    """The assessment page (self-contained); squads by name (名录)."""
    from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

    env = Environment(
        loader=FileSystemLoader(str(TEMPLATES)),
        autoescape=select_autoescape(["html", "j2"]),
        undefined=StrictUndefined,
    )
    env.globals.update(
        rate=_rate, num=_num, diff=_diff, pdiff=_pdiff, squad=(names or Names()).squad
    )
    return env.get_template("assessment.html.j2").render(
        month=month,
        squads=squads,
        unit=unit,
        generated=generated.astimezone(ZoneInfo(month.tz)).strftime("%Y-%m-%d %H:%M"),
        zero=_num(w.problems_at_zero).rstrip("0").rstrip("."),
        css=Markup((TEMPLATES / "bulletin.css").read_text(encoding="utf-8")),
    )


def render_assessment_pdf(html: str) -> bytes:
    """The PDF (CJK fonts embedded)."""
    return render_pdf(html)[0]
