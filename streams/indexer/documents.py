"""The indexer's documents (clips, actions): pure functions, ``_id`` = the event key."""

from __future__ import annotations

from typing import Any

from analyzers.record_rules import evidence_tampering
from jiancha.elastic.writer import Upsert
from jiancha.schemas.enforcement_actions import EnforcementAction
from jiancha.schemas.flags import Flag
from jiancha.schemas.recordings import Recording
from jiancha.schemas.transcripts import Transcript

#: what a recording registers once and for all: its media and that media's hash (evidence)
REGISTERED = ("sha256", "media_uri")


def clip_from_recording(rec: Recording) -> dict[str, Any]:
    """The recording's half of a clip (with its registration, :func:`registration`)."""
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


def registration(rec: Recording) -> dict[str, Any]:
    """The fields of a clip the first ``recording`` event sets and no later one may change."""
    doc = clip_from_recording(rec)
    return {field: doc[field] for field in REGISTERED}


def recording_upsert(alias: str, rec: Recording) -> Upsert:
    """The recording's half of its clip; its registration is written once (issue 13)."""
    doc = clip_from_recording(rec)
    return Upsert(
        alias,
        rec.recording_id,
        {k: v for k, v in doc.items() if k not in REGISTERED},
        set_once=registration(rec),
    )


def reregistration_flag(rec: Recording, registered: dict[str, Any]) -> Flag:
    """录像疑似被篡改: a second ``recording`` event for a registered recording names other media.

    The flag names the officer and squad of the first registration (the evidence at stake),
    not those the second event claims.
    """
    first = rec.model_copy(
        update={
            "officer_ids": registered.get("officer_ids") or rec.officer_ids,
            "squad_id": registered.get("squad_id") or rec.squad_id,
        }
    )
    return evidence_tampering(
        first,
        excerpt=(
            f"登记 SHA-256 {registered.get('sha256')}，新事件 SHA-256 {rec.sha256}，"
            f"媒体 {rec.media_uri}"
        ),
        explanation=(
            f"录像 {rec.recording_id} 已登记，又收到一条同编号、不同文件的录像事件，"
            "疑似替换证据；新事件未予采用，请核查其来源。"
        ),
    )


def clip_from_transcript(tr: Transcript) -> dict[str, Any]:
    """The transcript's half of a clip: full text and timed segments."""
    return {
        "recording_id": tr.recording_id,
        "has_transcript": True,
        "language": tr.language,
        "engine": tr.engine,
        "transcript_text": tr.text,
        # 音质差，需人工复核: the console shows the note, the bulletin counts quality == "poor".
        "quality": tr.quality,
        "quality_reasons": list(tr.quality_reasons),
        "quality_note": tr.quality_note,
        "hallucinations_removed": tr.hallucinations_removed,
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
