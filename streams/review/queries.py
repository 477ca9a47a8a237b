"""Elasticsearch filters on the ``rectifications`` index (pure): overdue orders, list requests."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from jiancha.auth.roles import Caller
from jiancha.elastic.queries import date_range
from jiancha.names import squad_codes
from streams.review.orders import AWAITING_ANSWER, UNISSUED


def overdue_filter(now: datetime) -> dict[str, Any]:
    """Past the deadline at ``now`` and still unanswered, whether or not the timer escalated it."""
    return {
        "bool": {
            "filter": [
                {"terms": {"status": list(AWAITING_ANSWER)}},
                date_range("deadline", lt=now),
            ]
        }
    }


def list_filters(
    caller: Caller,
    status: str | None,
    squad_id: str | None,
    overdue: bool | None,
    case_id: str | None,
    now: datetime,
) -> list[dict[str, Any]]:
    """The filters of a list request, squad leaders held to their squad's issued orders."""
    filters: list[dict[str, Any]] = []
    if caller.role == "squad_leader":
        filters.append({"term": {"squad_id": caller.squad_id or ""}})
        filters.append({"bool": {"must_not": {"terms": {"status": list(UNISSUED)}}}})
    if squad_id:
        filters.append({"terms": {"squad_id": squad_codes(squad_id)}})  # a code or a name
    if status:
        filters.append({"term": {"status": status}})
    if case_id:
        filters.append({"term": {"case_ids": case_id}})
    if overdue is not None:
        late = overdue_filter(now)
        filters.append(late if overdue else {"bool": {"must_not": late}})
    return filters
