"""Elasticsearch documents built from events: pure functions, ``_id`` = the event key."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from analyzers.catalogue import CATEGORIES
from analyzers.engine import Case
from streams.schemas.enforcement_actions import EnforcementAction
from streams.schemas.flags import FieldEvidence
from streams.schemas.recordings import Recording
from streams.schemas.transcripts import Transcript


@dataclass(frozen=True)
class Upsert:
    """A partial document merged into ``_id`` (created if absent): replays change nothing."""

    index: str
    id: str
    doc: dict[str, Any]
    on_create: dict[str, Any] | None = None  # fields set only when the document is new

    def bulk_action(self) -> dict[str, Any]:
        action: dict[str, Any] = {
            "_op_type": "update",
            "_index": self.index,
            "_id": self.id,
            "doc": self.doc,
            # A recording and its transcript update the same clip from two partitions.
            "retry_on_conflict": 5,
        }
        if self.on_create is None:
            action["doc_as_upsert"] = True
        else:
            action["upsert"] = {**self.doc, **self.on_create}
        return action


def clip_from_recording(rec: Recording) -> dict[str, Any]:
    """The recording's half of a clip."""
    return {
        "recording_id": rec.recording_id,
        "device_id": rec.device_id,
        "device_type": rec.device_type,
        "officer_ids": list(rec.officer_ids),
        "squad_id": rec.squad_id,
        "started_at": rec.started_at.isoformat(),
        "ended_at": rec.ended_at.isoformat(),
        "uploaded_at": rec.uploaded_at.isoformat(),
        "duration_s": round(rec.duration_s, 3),
        "upload_delay_h": round((rec.uploaded_at - rec.ended_at).total_seconds() / 3600, 3),
        "sha256": rec.sha256,
        "media_uri": rec.media_uri,
    }


def clip_from_transcript(tr: Transcript) -> dict[str, Any]:
    """The transcript's half of a clip: full text and timed segments."""
    return {
        "recording_id": tr.recording_id,
        "has_transcript": True,
        "language": tr.language,
        "engine": tr.engine,
        "transcript_text": tr.text,
        "segments": [
            {
                "start": s.start,
                "end": s.end,
                "speaker": s.speaker,
                "text": s.text,
                "confidence": s.confidence,
            }
            for s in tr.segments
        ],
    }


def action_document(action: EnforcementAction) -> dict[str, Any]:
    """An enforcement action as indexed (the contract's fields only)."""
    return {
        "action_id": action.action_id,
        "officer_id": action.officer_id,
        "officer_role": action.officer_role,
        "co_officer_ids": list(action.co_officer_ids),
        "squad_id": action.squad_id,
        "occurred_at": action.occurred_at.isoformat(),
        "plate": action.plate,
        "plate_region": action.plate_region,
        "road_user": action.road_user,
        "violation_type": action.violation_type,
        "measures": {
            "fine_cny": action.measures.fine_cny,
            "points": action.measures.points,
            "warning": action.measures.warning,
            "vehicle_detained": action.measures.vehicle_detained,
            "license_detained": action.measures.license_detained,
        },
        "payment": (
            {"method": action.payment.method, "receipt_no": action.payment.receipt_no}
            if action.payment
            else None
        ),
    }


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
