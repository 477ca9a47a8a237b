"""The analyzer's case documents (one per encounter or officer-month): pure functions."""

from __future__ import annotations

from typing import Any

from analyzers.catalogue import CATEGORIES
from analyzers.engine import Case
from streams.schemas.flags import FieldEvidence

#: Review status of a new case (the review service of issue 5 moves it on).
PENDING = ("pending", "待审核")


def case_on_create() -> dict[str, Any]:
    """What only a new case gets: its review status. The analyzer never overwrites a decision."""
    return {"status": PENDING[0], "status_label": PENDING[1]}


def case_document(case: Case) -> dict[str, Any]:
    """A case as indexed: its flags with evidence, the encounter, linked complaints, priority."""
    flags = case.flags
    action = case.action
    occurred_at: str | None = None
    if action is not None:
        occurred_at = action.occurred_at.isoformat()
    elif case.recordings:
        occurred_at = min(r.started_at for r in case.recordings).isoformat()
    elif "@" in case.case_id:  # an officer-month case: C-{officer}@{YYYY-MM}
        occurred_at = f"{case.case_id.rpartition('@')[2]}-01T00:00:00+08:00"
    first = flags[0] if flags else None
    return {
        "case_id": case.case_id,
        "officer_id": action.officer_id if action else (first.officer_id if first else None),
        "squad_id": action.squad_id if action else (first.squad_id if first else None),
        "action_ids": sorted({a for f in flags for a in f.action_ids}),
        "recording_ids": sorted({r for f in flags for r in f.recording_ids}),
        "occurred_at": occurred_at,
        "plate": action.plate if action else None,
        "violation_type": action.violation_type if action else None,
        "categories": sorted({f.category for f in flags}),
        "category_labels": sorted({CATEGORIES[f.category].label for f in flags}),
        "classes": sorted({f.class_ for f in flags}),
        "severity": case.severity,
        "priority": case.priority,
        "flag_count": len(flags),
        "withdrawn": not flags,
        "flags": [
            {
                "flag_id": f.flag_id,
                "category": f.category,
                "label": CATEGORIES[f.category].label,
                "class": f.class_,
                "severity": f.severity,
                "explanation": f.explanation,
                "rule_version": f.rule_version,
                "evidence": [_evidence(e) for e in f.evidence],
            }
            for f in flags
        ],
        "complaint_ids": [c.complaint_id for c in case.complaints],
        "complaints": [
            {
                "complaint_id": c.complaint_id,
                "source": c.source,
                "received_at": c.received_at.isoformat(),
                "text": c.text,
            }
            for c in case.complaints
        ],
    }


def _evidence(e: Any) -> dict[str, Any]:
    if isinstance(e, FieldEvidence):
        value = e.value if e.value is None or isinstance(e.value, str) else str(e.value).lower()
        return {"action_id": e.action_id, "field": e.field, "value": value}
    return {"recording_id": e.recording_id, "start": e.start, "end": e.end, "excerpt": e.excerpt}
