"""Excel workbooks of case lists and the 整改台账 (rectification ledger), free of any I/O.

Text that a spreadsheet would read as a formula (=, +, -, @, and a leading tab or carriage return,
OWASP's list) is written with a leading apostrophe-quote so that it stays text: a complaint or a
reason typed as ``=HYPERLINK(…)`` must not run on the supervisor's desktop. Numbers and dates are
written as such, never as text that looks like them.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

#: What a spreadsheet takes for the start of a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

#: (header, field) of the case list.
CASE_COLUMNS: tuple[tuple[str, str], ...] = (
    ("案件编号", "case_id"),
    ("发生时间", "occurred_at"),
    ("中队", "squad_label"),  # names from the directory (issue 16): Names.labelled
    ("民警", "officer_label"),
    ("问题类别", "category_labels"),
    ("严重程度", "severity"),
    ("审核状态", "status_label"),
    ("处理理由", "decision.reason"),
    ("审核人", "decision.decided_by"),
    ("待办审核员", "assignment.assignee"),
    ("关联投诉", "complaint_ids"),
)

#: (header, field) of the 整改台账.
ORDER_COLUMNS: tuple[tuple[str, str], ...] = (
    ("通知书编号", "order_id"),
    ("标题", "title"),
    ("中队", "squad_label"),
    ("涉及案件", "case_ids"),
    ("状态", "status_label"),
    ("下发时间", "issued_at"),
    ("整改期限", "deadline"),
    ("签收时间", "acknowledged_at"),
    ("汇报时间", "answered_at"),
    ("退回次数", "returned_count"),
    ("是否逾期", "ever_overdue"),
    ("验收时间", "accepted_at"),
    ("办结时间", "closed_at"),
    ("整改要求", "requirements"),
)

#: Excel's limit on the characters of a cell.
_CELL_MAX = 32_767


def safe_text(value: str) -> str:
    """Text a spreadsheet shows as text: a formula-like start is quoted, the length capped."""
    text = value[: _CELL_MAX - 1]
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def cell(value: Any, tz: ZoneInfo) -> Any:
    """A cell's value: numbers as numbers, ISO times as local times, lists joined, text safe."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, int | float):
        return value
    if isinstance(value, list | tuple):
        return safe_text("、".join(str(v) for v in value))
    text = str(value)
    if len(text) >= 19 and text[4] == "-" and text[10] == "T":
        try:
            when = datetime.fromisoformat(text)
        except ValueError:
            return safe_text(text)
        if when.tzinfo is not None:
            return when.astimezone(tz).replace(tzinfo=None)
    return safe_text(text)


def field(source: dict[str, Any], path: str) -> Any:
    """``source``'s value at a dotted ``path`` (None where absent)."""
    value: Any = source
    for part in path.split("."):
        if not isinstance(value, dict):
            return None
        value = value.get(part)
    return value


def workbook(
    title: str,
    columns: Sequence[tuple[str, str]],
    rows: Iterable[dict[str, Any]],
    tz: str,
    status_labels: dict[str, str] | None = None,
) -> bytes:
    """An .xlsx of ``rows`` (one sheet named ``title``), written streaming (write-only mode)."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    zone = ZoneInfo(tz)
    book = Workbook(write_only=True)
    sheet = book.create_sheet(title[:31])
    bold = Font(bold=True)
    header = []
    for name, _ in columns:
        c = WriteOnlyCell(sheet, value=name)
        c.font = bold
        header.append(c)
    sheet.append(header)
    for row in rows:
        if status_labels and "status_label" not in row and row.get("status"):
            row = {**row, "status_label": status_labels.get(row["status"], row["status"])}
        sheet.append([cell(field(row, path), zone) for _, path in columns])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
