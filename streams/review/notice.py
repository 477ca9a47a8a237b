"""The printable 《整改通知书》: its page, filled from the order and its cases (no I/O).

Printed with the bulletin's engine (Jinja2 → WeasyPrint, CJK fonts embedded:
:func:`streams.bulletin.render.render_pdf`); plates and civilian names are masked as in the
bulletin, since the paper leaves the system.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from streams.bulletin.masking import mask_text
from streams.bulletin.render import TEMPLATES, render_pdf
from streams.directory.names import Names
from streams.review.orders import Order


@dataclass(frozen=True)
class NoticeCase:
    case_id: str
    occurred: str
    officer_id: str
    problems: str
    reason: str


@dataclass(frozen=True)
class Notice:
    """What the page prints."""

    number: str
    unit: str
    order_id: str
    title: str
    squad_name: str
    requirements: str
    deadline: str
    issued: str
    acknowledged: str
    cases: list[NoticeCase]


def _date(at: datetime | None, tz: ZoneInfo, with_time: bool = False) -> str:
    if at is None:
        return "＿＿＿＿年＿＿月＿＿日"
    local = at.astimezone(tz)
    day = f"{local.year}年{local.month}月{local.day}日"
    return f"{day} {local:%H:%M}" if with_time else day


def notice_of(
    order: Order,
    cases: dict[str, dict[str, Any]],
    number: str,
    unit: str,
    tz: str,
    names: Names | None = None,
) -> Notice:
    """The notice of an issued order; ``cases`` are its case documents by id.

    ``names``: the directory's (issue 16): the squad addressed and the officers by name.
    """
    zone = ZoneInfo(tz)
    names = names or Names()
    rows = []
    for case_id in order.case_ids:
        case = cases.get(case_id) or {}
        occurred = case.get("occurred_at")
        when = datetime.fromisoformat(occurred) if occurred else None
        decision = case.get("decision") or {}
        rows.append(
            NoticeCase(
                case_id=case_id,
                occurred=_date(when, zone, with_time=True) if when else "—",
                officer_id=names.officer(case.get("officer_id")) or "—",
                problems="、".join(case.get("category_labels") or []) or "—",
                reason=mask_text(decision.get("reason") or "—"),
            )
        )
    return Notice(
        number=number,
        unit=unit,
        order_id=order.order_id,
        title=mask_text(order.title),
        squad_name=names.squads.get(order.squad_id) or f"{order.squad_id}中队",
        requirements=mask_text(order.requirements),
        deadline=_date(order.deadline, zone, with_time=True),
        issued=_date(order.issued_at, zone),
        acknowledged=_date(order.acknowledged_at, zone, with_time=True),
        cases=rows,
    )


def notice_pdf(notice: Notice) -> tuple[bytes, int]:
    """The notice as PDF and its page count."""
    from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

    env = Environment(
        loader=FileSystemLoader(str(TEMPLATES)),
        autoescape=select_autoescape(["html", "j2"]),
        undefined=StrictUndefined,
    )
    html = env.get_template("notice.html.j2").render(n=notice)
    return render_pdf(html)
