"""Index definitions: explicit mappings, versioned indices behind aliases, created at start."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from jiancha.settings import Settings

CLIPS = "clips"
ACTIONS = "actions"
CASES = "cases"
USERS = "users"
AUDIT = "audit"
RECTIFICATIONS = "rectifications"
BULLETINS = "bulletins"
DIRECTORY = "directory"
ALERTS = "alerts"
SPOTCHECKS = "spotchecks"


@dataclass(frozen=True)
class IndexSpec:
    """An index family: alias ``{prefix}-{name}``, index ``{prefix}-{name}-v{version}``."""

    name: str
    version: int
    mappings: dict[str, Any]

    def alias(self, prefix: str) -> str:
        return f"{prefix}-{self.name}"

    def index(self, prefix: str) -> str:
        return f"{prefix}-{self.name}-v{self.version}"


def _text(analyzer: str) -> dict[str, Any]:
    return {"type": "text", "analyzer": analyzer}


def clips_spec(analyzer: str) -> IndexSpec:
    """A clip: one recording's metadata plus its transcript segments (for timed highlights)."""
    kw = {"type": "keyword"}
    date = {"type": "date"}
    return IndexSpec(
        CLIPS,
        1,
        {
            "dynamic": "strict",
            "_meta": {"chinese_analyzer": analyzer},
            "properties": {
                "recording_id": kw,
                "device_id": kw,
                "device_type": kw,
                "officer_ids": kw,
                "squad_id": kw,
                "started_at": date,
                "ended_at": date,
                "uploaded_at": date,
                "duration_s": {"type": "float"},
                "upload_delay_h": {"type": "float"},
                "sha256": kw,
                "media_uri": {"type": "keyword", "index": False},
                "has_transcript": {"type": "boolean"},
                "language": kw,
                "engine": kw,
                "transcript_text": _text(analyzer),
                "quality": kw,
                "quality_reasons": kw,
                "quality_note": {"type": "keyword", "index": False},
                "hallucinations_removed": {"type": "integer"},
                "segments": {
                    "type": "nested",
                    "properties": {
                        "start": {"type": "float"},
                        "end": {"type": "float"},
                        "speaker": kw,
                        "text": _text(analyzer),
                        "confidence": {"type": "float"},
                    },
                },
            },
        },
    )


def actions_spec() -> IndexSpec:
    """An enforcement action (ticket) as recorded."""
    kw = {"type": "keyword"}
    flag = {"type": "boolean"}
    return IndexSpec(
        ACTIONS,
        1,
        {
            "dynamic": "strict",
            "properties": {
                "action_id": kw,
                "officer_id": kw,
                "officer_role": kw,
                "co_officer_ids": kw,
                "squad_id": kw,
                "occurred_at": {"type": "date"},
                "plate": kw,
                "plate_region": kw,
                "road_user": kw,
                "violation_type": kw,
                "measures": {
                    "properties": {
                        "fine_cny": {"type": "integer"},
                        "points": {"type": "integer"},
                        "warning": flag,
                        "vehicle_detained": flag,
                        "license_detained": flag,
                    }
                },
                "payment": {"properties": {"method": kw, "receipt_no": kw}},
            },
        },
    )


def cases_spec(analyzer: str) -> IndexSpec:
    """A case: one encounter's flags (or an officer-month's), its review status and complaints."""
    kw = {"type": "keyword"}
    return IndexSpec(
        CASES,
        1,
        {
            "dynamic": "strict",
            "_meta": {"chinese_analyzer": analyzer},
            "properties": {
                "case_id": kw,
                "officer_id": kw,
                "squad_id": kw,
                "action_ids": kw,
                "recording_ids": kw,
                "occurred_at": {"type": "date"},
                "plate": kw,
                "violation_type": kw,
                "categories": kw,
                "category_labels": kw,
                "classes": kw,
                "severity": {"type": "integer"},
                "priority": {"type": "integer"},
                "flag_count": {"type": "integer"},
                "withdrawn": {"type": "boolean"},
                "status": kw,
                "status_label": kw,
                # Review (issue 5, ``api/routes/cases.py``): the decision and the case's history.
                "decision": {
                    "properties": {
                        "decision": kw,
                        "reason": _text(analyzer),
                        "decided_by": kw,
                        "decided_at": {"type": "date"},
                        "event_id": kw,
                    }
                },
                "history": {
                    "properties": {
                        "at": {"type": "date"},
                        "actor": kw,
                        "role": kw,
                        "action": kw,
                        "from_status": kw,
                        "to_status": kw,
                        "reason": _text(analyzer),
                        "event_id": kw,
                        "order_id": kw,
                    }
                },
                "flags": {
                    "type": "nested",
                    "properties": {
                        "flag_id": kw,
                        "category": kw,
                        "label": kw,
                        "class": kw,
                        "severity": {"type": "integer"},
                        "explanation": _text(analyzer),
                        "rule_version": kw,
                        "evidence": {
                            "properties": {
                                "recording_id": kw,
                                "start": {"type": "float"},
                                "end": {"type": "float"},
                                "excerpt": _text(analyzer),
                                "action_id": kw,
                                "field": kw,
                                "value": kw,
                            }
                        },
                    },
                },
                # 我的待办 (issue 16/17, ``api/routes/queue.py``): who is to review the case.
                "assignment": {
                    "properties": {
                        "assignee": kw,
                        "assigned_by": kw,
                        "assigned_at": {"type": "date"},
                        "mode": kw,
                        "event_id": kw,
                    }
                },
                "complaint_ids": kw,
                "complaints": {
                    "properties": {
                        "complaint_id": kw,
                        "source": kw,
                        "received_at": {"type": "date"},
                        "text": _text(analyzer),
                    }
                },
            },
        },
    )


def users_spec() -> IndexSpec:
    """An account, projected from the compacted ``users`` topic (read at sign-in)."""
    kw = {"type": "keyword"}
    return IndexSpec(
        USERS,
        1,
        {
            "dynamic": "strict",
            "properties": {
                "username": kw,
                "role": kw,
                "squad_id": kw,
                "display_name": kw,
                "password_hash": {"type": "keyword", "index": False},
                "disabled": {"type": "boolean"},
                "saved_at": {"type": "date"},
                "saved_by": kw,
            },
        },
    )


def audit_spec() -> IndexSpec:
    """The audit trail, projected from the append-only ``audit`` topic."""
    kw = {"type": "keyword"}
    return IndexSpec(
        AUDIT,
        1,
        {
            "dynamic": "strict",
            "properties": {
                "event_id": kw,
                "at": {"type": "date"},
                "actor": kw,
                "role": kw,
                "squad_id": kw,
                "action": kw,
                "target": kw,
                "client_ip": kw,
                "method": kw,
                "path": kw,
                # Kept whole for the reader, not searched: its shape differs per action.
                "detail": {"type": "object", "enabled": False},
            },
        },
    )


def rectifications_spec(analyzer: str) -> IndexSpec:
    """A 整改通知书: the fold of its ``rectification-events`` (``streams/review/orders.py``).

    ``overdue`` (escalated and still unanswered) and ``ever_overdue`` are what the bulletin counts.
    """
    kw = {"type": "keyword"}
    date = {"type": "date"}
    actor = {"properties": {"username": kw, "role": kw, "squad_id": kw}}
    attachment = {
        "properties": {"sha256": kw, "filename": kw, "content_type": kw, "size": {"type": "long"}}
    }
    return IndexSpec(
        RECTIFICATIONS,
        1,
        {
            "dynamic": "strict",
            "_meta": {"chinese_analyzer": analyzer},
            "properties": {
                "order_id": kw,
                "case_ids": kw,
                "squad_id": kw,
                "title": {**_text(analyzer), "fields": {"raw": kw}},
                "requirements": _text(analyzer),
                "status": kw,
                "status_label": kw,
                "version": {"type": "integer"},
                "created_at": date,
                "updated_at": date,
                "drafted_by": kw,
                "deadline": date,
                "issued_at": date,
                "acknowledged_at": date,
                "answered_at": date,
                "accepted_at": date,
                "closed_at": date,
                "returned_count": {"type": "integer"},
                "escalated": {"type": "boolean"},
                "escalated_at": date,
                "overdue": {"type": "boolean"},
                "ever_overdue": {"type": "boolean"},
                "answers": {
                    "properties": {
                        "number": {"type": "integer"},
                        "text": _text(analyzer),
                        "at": date,
                        "by": kw,
                        "late": {"type": "boolean"},
                        "attachments": attachment,
                    }
                },
                "history": {
                    "properties": {
                        "event_id": kw,
                        "type": kw,
                        "label": kw,
                        "at": date,
                        "actor": actor,
                        "comment": _text(analyzer),
                    }
                },
                "event_ids": kw,
                # Events the fold refused (lost races), kept for their senders, not searched.
                "rejected": {"type": "object", "enabled": False},
            },
        },
    )


def spotchecks_spec() -> IndexSpec:
    """A week's spot-check plan (抽查计划): the fold of its ``spot-checks`` events
    (``streams/spotchecks/plans.py``). The draw's population and samples are kept whole for the
    console and the estimate (read by id), so only what lists filter on is indexed."""
    kw = {"type": "keyword"}
    date = {"type": "date"}
    kept = {"type": "object", "enabled": False}
    return IndexSpec(
        SPOTCHECKS,
        1,
        {
            "dynamic": "strict",
            "properties": {
                "plan_id": kw,
                "week": kw,
                "goals": {
                    "properties": {
                        "squad_id": kw,
                        "count": {"type": "integer"},
                        "per_officer": {"type": "integer"},
                    }
                },
                "status": kw,
                "version": {"type": "integer"},
                "set_by": kw,
                "set_at": date,
                "updated_at": date,
                "seed": kw,
                "drawn_at": date,
                "published_at": date,
                "population": kept,
                "samples": kept,
                "event_ids": kw,
                "rejected": kept,
            },
        },
    )


def bulletins_spec() -> IndexSpec:
    """A compiled 《监察专刊》, one per ISO week (``_id`` = week): its numbers and stored files."""
    kw = {"type": "keyword"}
    date = {"type": "date"}
    return IndexSpec(
        BULLETINS,
        1,
        {
            "dynamic": "strict",
            "properties": {
                "week": kw,
                "year": {"type": "integer"},
                "issue_no": {"type": "integer"},
                "total_no": {"type": "integer"},
                "unit": kw,
                "issued_on": date,
                "period_start": date,
                "period_end": date,
                "compiled_at": date,
                "compiled_by": kw,
                "compilations": {"type": "integer"},
                "html_sha256": kw,
                "pdf_sha256": kw,
                "pdf_pages": {"type": "integer"},
                # A voided (作废) issue, kept under an id of its own with its numbers.
                "voided": {"type": "boolean"},
                "voided_at": date,
                "voided_by": kw,
                "void_reason": {"type": "text", "index": False},
                # The numbers as printed, for the record; not searched.
                "summary": {"type": "object", "enabled": False},
            },
        },
    )


def directory_spec() -> IndexSpec:
    """Squads and officers by name (issue 16), projected from the compacted ``directory`` topic.

    ``_id`` is the event key (``squad:mudan-1``, ``officer:GA403677``). Names and codes are
    keywords: the directory is small (thousands), so autocomplete is a case-insensitive prefix
    or infix match on them, which needs no Chinese analyzer.
    """
    kw = {"type": "keyword"}
    day = {"type": "date", "format": "date"}
    return IndexSpec(
        DIRECTORY,
        1,
        {
            "dynamic": "strict",
            "properties": {
                "kind": kw,
                "code": kw,
                "name": kw,
                "brigade": kw,
                "police_number": kw,
                "role": kw,
                "squad_id": kw,
                "postings": {"properties": {"squad_id": kw, "since": day, "until": day}},
                "saved_at": {"type": "date"},
                "saved_by": kw,
            },
        },
    )


def alerts_spec(analyzer: str) -> IndexSpec:
    """An early-warning alert (``streams/warning/alerts.py``): proposal, decision, follow-up."""
    kw = {"type": "keyword"}
    date = {"type": "date"}
    return IndexSpec(
        ALERTS,
        1,
        {
            "dynamic": "strict",
            "properties": {
                "alert_id": kw,
                "officer_id": kw,
                "squad_id": kw,
                "as_of": date,
                "rule": kw,
                "score": {"type": "float"},
                "percentile": {"type": "float"},
                "explanation": _text(analyzer),
                "indicators": {"type": "object", "enabled": False},
                "status": kw,
                "status_label": kw,
                "version": {"type": "integer"},
                "proposed_at": date,
                "decision": kw,
                "decision_label": kw,
                "decision_note": _text(analyzer),
                "decided_by": kw,
                "decided_at": date,
                "follow_up_on": date,
                "outcome": _text(analyzer),
                "closed_at": date,
                "on_record": {"type": "boolean"},
                "history": {"type": "object", "enabled": False},
            },
        },
    )


def ensure_indices(es: Any, settings: Settings) -> dict[str, str]:
    """Create templates, indices and aliases that are missing; returns {family: alias}.

    A process whose Elasticsearch user may not manage indices (production's least-privilege
    users, docker/compose.yaml) finds them made by the setup job (``jiancha indices``) instead.
    """
    from elasticsearch import AuthorizationException

    try:
        return _create_or_update(es, settings)
    except AuthorizationException:
        return _made_by_setup(es, settings)


def _made_by_setup(es: Any, settings: Settings) -> dict[str, str]:
    """{family: alias} of the indices that exist; a missing one stops the process (Chinese)."""
    prefix = settings.index_prefix
    aliases = {}
    for spec in _specs("standard"):  # names only: the analyzer does not change them
        if not es.indices.exists(index=spec.alias(prefix)):
            raise RuntimeError(
                f"索引 {spec.alias(prefix)} 不存在，本进程的 Elasticsearch 用户也无权创建："
                "请先以有索引管理权限的用户运行 jiancha indices（生产环境由 indices 任务完成）"
            )
        aliases[spec.name] = spec.alias(prefix)
    return aliases


def _specs(analyzer: str) -> tuple[IndexSpec, ...]:
    return (
        clips_spec(analyzer),
        actions_spec(),
        cases_spec(analyzer),
        users_spec(),
        audit_spec(),
        rectifications_spec(analyzer),
        bulletins_spec(),
        directory_spec(),
        alerts_spec(analyzer),
        spotchecks_spec(),
    )


def _create_or_update(es: Any, settings: Settings) -> dict[str, str]:
    from elasticsearch import BadRequestError

    from jiancha.elastic.analysis import detect_chinese_analyzer

    analyzer = detect_chinese_analyzer(es)
    prefix = settings.index_prefix
    aliases = {}
    for spec in _specs(analyzer):
        index_settings = {
            "number_of_shards": settings.es_shards,
            "number_of_replicas": settings.es_replicas,
            "refresh_interval": "1s",
        }
        es.indices.put_index_template(
            name=spec.alias(prefix),
            index_patterns=[f"{spec.alias(prefix)}-v*"],
            template={"settings": index_settings, "mappings": spec.mappings},
            priority=100,
        )
        if not es.indices.exists(index=spec.index(prefix)):
            try:
                es.indices.create(
                    index=spec.index(prefix), aliases={spec.alias(prefix): {"is_write_index": True}}
                )
            except BadRequestError as exc:
                # Another process created it between our check and our create.
                if exc.error != "resource_already_exists_exception":
                    raise
        else:
            # Fields added to a mapping later (e.g. the review fields of cases) reach an index
            # created before them; adding fields is the only change this allows.
            es.indices.put_mapping(index=spec.index(prefix), body=spec.mappings)
        aliases[spec.name] = spec.alias(prefix)
    return aliases
