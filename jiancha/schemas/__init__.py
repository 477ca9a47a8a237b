"""The v1 event contracts, one module per topic, and the envelope that routes them.

Replay files hold one ``{"type": T, "data": {...}}`` per line; on Kafka each topic carries
the bare ``data`` object of its type.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, TypeAdapter, ValidationError

from jiancha import topics
from jiancha.schemas.complaints import Complaint
from jiancha.schemas.enforcement_actions import EnforcementAction
from jiancha.schemas.policies import Policy
from jiancha.schemas.recordings import Recording
from jiancha.schemas.transcripts import Transcript

#: event type (as in replay files) -> (model, topic base name)
EVENT_TYPES: dict[str, tuple[type[BaseModel], str]] = {
    "enforcement_action": (EnforcementAction, topics.ENFORCEMENT_ACTIONS),
    "recording": (Recording, topics.RECORDINGS),
    "transcript": (Transcript, topics.TRANSCRIPTS),
    "complaint": (Complaint, topics.COMPLAINTS),
    "policy": (Policy, topics.POLICIES),
}

#: the key field(s) of each type, read from raw data so a schema-invalid event still routes
_KEY_FIELDS: dict[str, tuple[str, ...]] = {
    "enforcement_action": ("officer_id", "action_id"),
    "recording": ("officer_ids", "recording_id"),
    "transcript": ("recording_id",),
    "complaint": ("officer_id", "complaint_id"),
    "policy": ("policy_id",),
}


class InvalidEvent(ValueError):
    """An event that cannot be used; ``reason`` says why, in Chinese, for the dead-letter topic."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class Envelope:
    """A routed line of a replay file."""

    event_type: str
    topic: str
    key: str | None
    data: dict[str, Any]


def parse_envelope(line: str | bytes) -> Envelope:
    """Parse one replay line; raise InvalidEvent for broken JSON or an unknown type."""
    try:
        obj = json.loads(line)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise InvalidEvent(f"不是合法的 JSON：{exc}") from exc
    if not isinstance(obj, dict) or "type" not in obj or "data" not in obj:
        raise InvalidEvent('缺少信封字段：每行应为 {"type": ..., "data": {...}}')
    event_type, data = obj["type"], obj["data"]
    if event_type not in EVENT_TYPES:
        raise InvalidEvent(f"未知的事件类型：{event_type!r}")
    if not isinstance(data, dict):
        raise InvalidEvent("data 必须是 JSON 对象")
    return Envelope(event_type, EVENT_TYPES[event_type][1], routing_key(event_type, data), data)


def routing_key(event_type: str, data: dict[str, Any]) -> str | None:
    """The partition key of raw event data, or None when the data lacks it."""
    for name in _KEY_FIELDS[event_type]:
        value = data.get(name)
        if isinstance(value, list):
            value = value[0] if value else None
        if isinstance(value, str) and value:
            return value
    return None


def decode(model: type[BaseModel], raw: bytes | str) -> Any:
    """Decode and validate one message of a topic; raise InvalidEvent with a Chinese reason."""
    try:
        return model.model_validate_json(raw)
    except ValidationError as exc:
        raise InvalidEvent(_describe(f" {model.__name__} ", exc)) from exc


def decode_union(adapter: TypeAdapter[Any], raw: bytes | str, contract: str) -> Any:
    """Decode one message of a topic of several event types (``adapter``: their discriminated
    union); raise InvalidEvent with a Chinese reason naming ``contract`` (e.g. 整改事件)."""
    try:
        return adapter.validate_json(raw)
    except ValidationError as exc:
        raise InvalidEvent(_describe(contract, exc)) from exc


def _describe(contract: str, exc: ValidationError) -> str:
    errors = exc.errors(include_url=False)
    if errors and errors[0]["type"] in {"json_invalid", "json_type"}:
        return f"不是合法的 JSON：{errors[0]['msg']}"
    parts = []
    for err in errors[:5]:
        where = ".".join(str(p) for p in err["loc"]) or "(整体)"
        parts.append(f"{where}：{err['msg']}")
    more = f" 等 {len(errors)} 处" if len(errors) > 5 else ""
    return f"不符合{contract}契约（v1）：" + "；".join(parts) + more
