"""Projecting ``CaseAssigned`` (topic ``case-assignments``) onto its case: who is to review it.

Two writers agree: the API right after Kafka took the event (so 我的待办 shows it at once) and the
analyzer's case builder, which replays the topic (so a rebuilt cases index keeps the
assignments). Both write the same document for the same event, conditionally (``if_seq_no``), and
never over a newer assignment, so their order does not matter and a replay changes nothing.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from jiancha.schemas.case_assignments import CaseAssigned
from streams.analysis.documents import case_on_create

#: How often a write lost to a concurrent one is tried again before giving up.
_ROUNDS = 5


def assignment_document(event: CaseAssigned) -> dict[str, Any]:
    """The case's ``assignment`` field for ``event``."""
    return {
        "assignee": event.assignee,
        "assigned_by": event.assigned_by,
        "assigned_at": event.assigned_at.isoformat(),
        "mode": event.mode,
        "event_id": event.event_id,
    }


def supersedes(current: dict[str, Any] | None, event: CaseAssigned) -> bool:
    """Whether ``event`` replaces the ``current`` assignment (neither itself nor an older one)."""
    if not current:
        return True
    if current.get("event_id") == event.event_id:
        return False
    stamp = current.get("assigned_at")
    return not stamp or datetime.fromisoformat(stamp) <= event.assigned_at


async def project_assignment(es: Any, alias: str, event: CaseAssigned, refresh: bool) -> bool:
    """Write the assignment onto its case (a case not indexed yet is created pending, its flags
    merge in after); False if concurrent writes kept winning."""
    from elasticsearch import ConflictError

    doc = assignment_document(event)
    for _ in range(_ROUNDS):
        hit = (
            await es.options(ignore_status=404).get(
                index=alias, id=event.case_id, source_includes=["assignment"]
            )
        ).body
        try:
            if not hit.get("found"):
                await es.create(
                    index=alias,
                    id=event.case_id,
                    document={"case_id": event.case_id, **case_on_create(), "assignment": doc},
                    refresh="wait_for" if refresh else None,
                )
                return True
            if not supersedes(hit["_source"].get("assignment"), event):
                return True
            await es.update(
                index=alias,
                id=event.case_id,
                doc={"assignment": doc},
                if_seq_no=hit["_seq_no"],
                if_primary_term=hit["_primary_term"],
                refresh="wait_for" if refresh else None,
            )
            return True
        except ConflictError:
            continue  # the case changed meanwhile (the builder, a decision): read again
    return False
